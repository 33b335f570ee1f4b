// Shapes the seventeenth held-out set showed (test/eval/heldout17/FIRST-RUN.md), each read as a reader reads it: a
// short write-up that opens with "What went wrong", a "Possible Causes" table, a named component kept in a named mode.
// (A written post-mortem in another script read as an unfilled template: unfilled-template.test.ts.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { alsoShows, matchSection } from '../../server/src/model/sections';
import { classifyVague } from '../../server/src/rules/action-item-vague';
import { statusOfWord } from '../../server/src/model/fields';

const missing = (text: string) =>
  lint(text, { filePath: 'postmortems/x.md', today: '2026-03-01' })
    .findings.filter((f) => f.ruleId === 'missing-section')
    .map((f) => f.message);

const writeUp = (opening: string, extra = '') =>
  [
    '# Cache warmer hammered the database',
    '',
    '- **Date**: 2026-02-02',
    '- **Status**: resolved',
    '',
    `## ${opening}`,
    'The cache warmer ran every minute instead of every hour and saturated the primary database.',
    '',
    '## Root cause',
    'A cron expression lost its hour field in a refactor.',
    '',
    '## Impact',
    'Checkout latency tripled for 25 minutes.',
    '',
    '## Timeline',
    '- 2026-02-02 09:00 UTC: the refactor deployed with the broken cron line.',
    '',
    '## Actions to take',
    '- Validate cron expressions in CI (@ana, due 2026-03-20).',
    extra,
  ].join('\n');

describe('heldout17: sections a reader sees under the names a short write-up gives them', () => {
  test('"What went wrong" that opens the record is its summary', () => {
    assert.ok(!missing(writeUp('What went wrong')).some((m) => m.includes("'Summary'")));
    // with "What went well" beside it, the two are the lessons: the summary is still missing
    assert.ok(missing(writeUp('What went wrong', '\n## What went well\nThe alert fired at once.\n')).some((m) => m.includes("'Summary'")));
    // further down, after another section, it does not open the record
    assert.ok(missing(writeUp('Detection', '\n## What went wrong\nNobody read the cron diff.\n')).some((m) => m.includes("'Summary'")));
  });

  test('"Possible Causes" shows the causes where a missing section is judged, without becoming a causes heading', () => {
    assert.ok(alsoShows('Possible Causes', false).includes('contributing-causes'));
    assert.ok(alsoShows('Suspected root causes', false).includes('contributing-causes'));
    // a runbook's "Possible Cause" per scenario keeps its kind (detection reads matchSection)
    assert.equal(matchSection('Possible Cause'), undefined);
    assert.ok(!alsoShows('Possible fixes', false).includes('contributing-causes'));
  });
});

describe('heldout17: a named component kept in a named mode is a setting, not a wish', () => {
  test('"Keep Flask in production mode during tests" is concrete; keeping things or docs in a state stays vague', () => {
    assert.equal(classifyVague('Keep Flask in production mode during tests.').vague, false);
    assert.equal(classifyVague('Keep `nginx` in maintenance mode until the restore ends').vague, false);
    assert.equal(classifyVague('Keep things in read-only mode').vague, true);
    assert.equal(classifyVague('Keep the docs in sync').vague, true);
    assert.equal(classifyVague('Keep an eye on the queue').vague, true);
  });
});

describe('heldout17: a status column that says when, not whether', () => {
  test('"Future" is still to do; "Workaround" says nothing of the item and stays unknown', () => {
    assert.equal(statusOfWord('Future'), 'open');
    assert.equal(statusOfWord('future work'), 'open');
    assert.equal(statusOfWord('Workaround'), undefined);
    assert.equal(statusOfWord('✅ Done — no dumps found'), 'done');
  });
});

describe('heldout17: a page whose first lines say it is a drill, not a real incident', () => {
  const detected = (text: string) => lint(text, { filePath: '/repo/docs/page.md', rootDir: '/repo', today: '2026-03-01' }).detectedBy;
  const page = (banner: string) =>
    [
      banner,
      '',
      '# Postmortem: cache cluster failover',
      '',
      '## Summary',
      '',
      'We stopped one cache node at 10:00 UTC and the cluster moved its slots to the others in 20 seconds.',
      '',
      '## Timeline (UTC)',
      '',
      '- 10:00 node stopped by the script',
      '- 10:00 slots moved to the other nodes',
      '',
      '## Root cause',
      '',
      'The script stopped the node, as planned.',
      '',
      '## Action items',
      '',
      '- Alert when a slot move takes over 60 seconds (@ivo, due 2026-03-20)',
    ].join('\n');

  test('"Drill — not real …" or "not a real outage" above the title: a rehearsal, whatever the title says', () => {
    assert.equal(detected(page('> **Drill — not real production traffic.** A controlled failover drill.')), undefined);
    assert.equal(detected(page('This was a game day, not a real outage.')), undefined);
  });

  test('"This is not a drill" or a drill named without the denial still tell an incident', () => {
    assert.equal(detected(page('> This is not a drill: the failover below hit production.')), 'sections');
    assert.equal(detected(page('During the quarterly drill the script stopped the production node.')), 'sections');
  });
});
