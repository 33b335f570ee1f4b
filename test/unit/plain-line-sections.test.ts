// Section names on plain lines of a report typed as plain text ("Issue Summary", "Timeline", "Corrective and
// Preventative Measures" with no markdown heading) count as the sections they name (model/plain-line-sections.ts);
// nowhere else does a bare line name a section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const run = (text: string) => lint(text, { filePath: '/repo/docs/page.md', rootDir: '/repo', today: '2026-03-01' });

const REPORT = [
  'Outage report: login down on May 2, 2026',
  'Issue Summary',
  'From 09:00 to 10:10 UTC on May 2, 2026 nobody could log in because the identity provider rejected every token.',
  'Timeline',
  '09:00 UTC: login errors alert fired.',
  '09:40 UTC: the expired signing key was found.',
  '10:10 UTC: a new key was rolled out and logins recovered.',
  'Root Cause and Resolution',
  'The signing key expired; its rotation job had been disabled during a migration. A new key was rolled out.',
  'Corrective and Preventative Measures',
  'Re-enable the rotation job and alert when it has not run for a week.',
  '',
].join('\n');

test('a plain-text report names its sections on lines of their own: none of them is reported missing', () => {
  const r = run(REPORT);
  assert.equal(r.detectedBy, 'sections');
  assert.ok(r.model.labeledKinds.includes('timeline') && r.model.labeledKinds.includes('action-items'), r.model.labeledKinds.join());
  // it tells no impact of its own: that one is missing, the sections it names are not
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message), ["No 'Impact' section: add an '## Impact' section."]);
});

test('one bare line naming a section is a word in prose, not a heading', () => {
  const notes = ['Team notes, May 2', 'We talked about the release and the new dashboard.', 'Timeline', 'The release moves to June.', ''].join('\n');
  const r = run(notes);
  assert.equal(r.isPostmortem, false);
  assert.deepEqual(r.model.labeledKinds, []);
});

test('under markdown headings a bare line names nothing', () => {
  const doc = ['# Login outage', '', '## Summary', '', 'Logins failed for an hour on 2026-05-02.', 'Timeline', 'Action Items', ''].join('\n');
  assert.deepEqual(run(doc).model.labeledKinds, []);
});

test('a plain-text checklist with section names stays quiet: steps for next time tell no incident', () => {
  const checklist = [
    'Incident checklist',
    'Summary',
    'If you see login errors, check the identity provider status page first.',
    'Timeline',
    'Step 1: open an incident channel.',
    'Step 2: page the identity team.',
    'Step 3: post an update every 30 minutes.',
    'Action Items',
    'If the signing key expired, rotate it with the runbook.',
    '',
  ].join('\n');
  assert.equal(run(checklist).isPostmortem, false);
});
