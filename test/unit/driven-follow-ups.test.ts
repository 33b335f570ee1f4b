// Follow-up sections named for what they hold ("Follow-ups this incident drove", "Follow-up hardening"): their bullets
// and paragraph are action items, and done work written in words is done (driven-follow-ups.ts, finished-sentences.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (heading: string, body: string) =>
  `# Post-mortem: replica fork (2026-05-04)\n\n## Summary\n\nOn 2026-05-04 one replica diverged after an upgrade.\n\n## Impact\n\nStale balances for 40 minutes.\n\n` +
  `## Timeline (UTC)\n\n- 09:12 upgrade\n- 09:52 resynced\n\n## Root cause\n\nHost rounding differed.\n\n## ${heading}\n\n${body}\n`;
const read = (md: string) => lint(md, { today: '2026-06-01' });

test('under "Follow-ups the outage prompted", a named thing is done, a program still running and a task are open', () => {
  const r = read(doc('Follow-ups the outage prompted', '- A documented **resync procedure** and an alert on hash mismatch.\n- A wider program to make every ledger value a function of stored state.\n- Add a canary step to the upgrade.\n'));
  const items = r.model.actionItems;
  assert.deepEqual(items.map((i) => i.status), ['done', 'open', 'open']);
  assert.equal(items[0].statusField?.text, 'Follow-ups the outage prompted');
  const ownerLines = r.findings.filter((f) => f.ruleId === 'action-item-owner').map((f) => f.range.start.line);
  assert.equal(ownerLines.length, 2);
});

test('bullets under "Follow-ups for operator consideration" (questions to readers) are not read as items', () => {
  const r = read(doc('Follow-ups for operator consideration', '- **Should the rebuild have been tried first?** No, it recomputes hashes only.\n'));
  assert.equal(r.model.actionItems.length, 0);
});

test('a "Follow-up hardening" paragraph: the finished sentence is a done item, the explanation is not read', () => {
  const r = read(doc('Follow-up hardening', 'The accrual path still reads the host clock. To remove that, we replaced the clock read with the agreed block time. It is checked by a replay test. A signed time source is where we want to end up.'));
  const items = r.model.actionItems;
  assert.equal(items.length, 1);
  assert.equal(items[0].status, 'done');
  assert.match(items[0].text, /^we replaced the clock read/);
  assert.equal(r.findings.filter((f) => f.ruleId.startsWith('action-item')).length, 0);
});

test('beside the finished work, a sentence naming the goal still ahead ("… is the eventual end state") is open', () => {
  const r = read(doc('Follow-up hardening', 'To remove that, we replaced the clock read with the agreed block time. A signed time source is the eventual end state for this.'));
  assert.deepEqual(r.model.actionItems.map((i) => [i.status, i.text.slice(0, 22)]), [['done', 'we replaced the clock '], ['open', 'A signed time source i']]);
  // alone, with nothing told finished, the paragraph is one open item as before
  const alone = read(doc('Follow-up hardening', 'The accrual path still reads the host clock. A signed time source is the eventual end state.'));
  assert.equal(alone.model.actionItems.length, 1);
  assert.match(alone.model.actionItems[0].text, /^The accrual path/);
});

test('a paragraph that also commits to work is still read as before (one open item or its commitments)', () => {
  const r = read(doc('Follow-up hardening', 'We replaced the clock read with the agreed block time. We will add a signed time source by 2026-09-01.'));
  assert.ok(r.model.actionItems.some((i) => i.status === 'open'));
});

test('a date naming another incident ("the 2026-04-11 outage") is not a due date', () => {
  const r = read(doc('Follow-ups the outage prompted', '- A wider program to make ledger values pure, as the fix for the 2026-04-11 outage showed.\n'));
  const item = r.model.actionItems[0];
  assert.equal(item.due, undefined);
  assert.ok(r.findings.some((f) => f.ruleId === 'action-item-due-date'));
  assert.ok(!r.findings.some((f) => f.ruleId === 'action-item-overdue'));
});
