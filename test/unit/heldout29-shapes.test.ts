// Shapes the twenty-ninth held-out set showed (test/eval/heldout29/FIRST-RUN.md), each read as a reader reads it: a
// Prevention section's guards in place and standing rule are not open work, a hedge about the future keeps an item
// open, a dated "Fixes" section and an opening "Problem" are the sections they stand for, counted items are concrete.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { classifyVague } from '../../server/src/rules/support/vague-classify';
import { isEmptyIncidentLog } from '../../server/src/model/not-own-incident';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures', name), 'utf8');
const run = (text: string) => lint(text, { filePath: 'docs/rca/rca.md', rootDir: ROOT, today: '2026-03-10' });
const open = (text: string) => run(text).model.actionItems.filter((i) => i.status === 'open').map((i) => i.text.slice(0, 30));

describe('heldout29: a Prevention table of failure mode → guard', () => {
  const text = fixture('prevention-guard-table-in-place.md');

  test('guards written as mechanisms in place are not items; a guard that asks for work ("Add …") still is', () => {
    assert.deepEqual(open(text), ['Currency missing from a row', 'Move the export check to the s']);
  });

  test('with an owner column the table is tracked work, and every row is an item', () => {
    const owned = text.replace('| Failure mode | Guard |\n|---|---|', '| Failure mode | Guard | Owner |\n|---|---|---|');
    assert.equal(open(owned).length, 5);
  });

  test('guards written as work to come ("Will …") are items', () => {
    const planned = text.replace('Value read from the ledger snapshot on every export', 'Will read the value from the ledger snapshot');
    assert.ok(open(planned).includes('Figure goes stale after a re-r'));
  });
});

describe('heldout29: a standing rule under Prevention', () => {
  const text = fixture('prevention-standing-rule-same-change.md');

  test('"Every new plugin lands … in the same change" is the practice in place, not an open item', () => {
    assert.deepEqual(open(text), []);
  });

  test('the same sentence promising it ("will land") is a follow-up', () => {
    assert.equal(open(text.replace('Every new plugin lands', 'Every new plugin will land')).length, 1);
  });

  test('"## Problem" opening the RCA is its summary: no "Summary" finding, Impact and Timeline still asked for', () => {
    const missing = run(text).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message);
    assert.equal(missing.length, 2);
    assert.ok(!missing.some((m) => m.includes("'Summary'")));
    const later = text.replace('## Problem', '## Background\n\nThe release image is built nightly.\n\n## Problem');
    assert.ok(run(later).findings.some((f) => f.ruleId === 'missing-section' && f.message.includes("'Summary'")));
  });
});

describe('heldout29: a dated "Fixes" section of shipped fixes', () => {
  test('"## Fixes (2026-05-06)" shows the action items; only the missing timeline is reported', () => {
    const r = run(fixture('fixes-dated-section-done.md'));
    assert.deepEqual(r.findings.map((f) => f.message), ["No 'Timeline' section: add a '## Timeline' section."]);
  });
});

describe('heldout29: hedges and counted remainders', () => {
  const text = fixture('future-improvements-hedged-and-counted.md');

  test('"We have historically chosen … but we may consider …" is an open proposal, not done', () => {
    const item = run(text).model.actionItems.find((i) => i.text.includes('historically chosen'));
    assert.equal(item?.status, 'open');
  });

  test('"Continue … begun in INC-12: four repositories and two caches remain" is concrete; "Continue the cleanup" is not', () => {
    assert.equal(classifyVague('Continue the mirror migration begun in INC-12: four repositories and two caches remain on the old host.').vague, false);
    assert.equal(classifyVague('Continue the cleanup.').vague, true);
  });

  test('"robust against nodes being drained" names the event to survive; "robust against failures" does not', () => {
    assert.equal(classifyVague('Set up the build proxy to be robust against nodes being drained.').vague, false);
    assert.equal(classifyVague('Set up the build proxy to be robust against failures.').vague, true);
  });
});

describe('heldout29: pages that tell no incident of the writer\'s own', () => {
  const at = (text: string) => lint(text, { filePath: 'docs/ops/tracker.md', rootDir: ROOT, today: '2026-03-10' });

  test('an incident tracker with none recorded yet is not a postmortem, its empty Lessons / Action Items included', () => {
    const r = at(fixture('lookalike-empty-incident-tracker.md'));
    assert.equal(r.isPostmortem, false);
    assert.deepEqual(r.findings, []);
  });

  test('the tracker once it records an incident is no longer read as empty', () => {
    const filled = fixture('lookalike-empty-incident-tracker.md')
      .replace('*(No incidents recorded - service launched this week)*', '### INC-2026-02-03: checkout timeouts for 40 minutes')
      .replace('*(To be populated after first incidents)*', 'The pool limit was too low for the launch traffic.');
    assert.equal(isEmptyIncidentLog(at(filled).model), false);
  });

  test("a post retelling another company's incident is not a postmortem", () => {
    const r = at(fixture('lookalike-blog-other-company-incident.md'));
    assert.equal(r.isPostmortem, false);
    assert.deepEqual(r.findings, []);
  });

  test('the same post written by the company itself is still its postmortem', () => {
    const own = fixture('lookalike-blog-other-company-incident.md').replace('CTO at Northwind Identity', 'CTO at Ridgeline').replace('Here at Northwind Identity', 'Here at Ridgeline');
    assert.equal(at(own).isPostmortem, true);
  });
});

describe('heldout29: a closing proposal after a follow-up list, and a pledge to carry on', () => {
  const text = fixture('action-items-closing-proposal-and-ongoing-pledge.md');
  const items = (t: string) => run(t).model.actionItems.map((i) => `${i.status} ${i.text.slice(0, 24)}`);

  test('"Finally, …, we should further limit …" after the list is an open item; the pledge to carry on is no item', () => {
    assert.deepEqual(items(text), ['open Bundle every third-party', 'open Pin each bundled script ', 'open Finally, though it playe']);
  });

  test('a closing "we should consider …" deliberates: not read', () => {
    const considered = text.replace('we should further limit who', 'we should consider limiting who');
    assert.equal(items(considered).length, 2);
  });

  test('a paragraph that names the work still to come ("we will add the last two …") is still read', () => {
    const bounded = text.replace('we will continue to widen what they cover into the future.', 'we will add the last two release checks.');
    assert.ok(items(bounded).some((i) => i.endsWith('We have already taken st')), JSON.stringify(items(bounded)));
  });
});
