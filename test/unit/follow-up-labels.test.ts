// "Follow-up: …" inside a lesson names the work the lesson leads to (action-items/follow-up-labels.ts): one open item
// from the label to the end of its sentence; "Follow-up: none." and the same words outside the lessons are not items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (lessons: string, heading = 'Lessons learned') =>
  `# PM-7: resets not delivered\n\n## Summary\n\nOn 2026-07-14 reset mails were dropped by the relay for a day.\n\n## Impact\n\n640 users got no mail.\n\n` +
  `## Timeline (UTC)\n\n- 09:00 the relay moves\n- 16:30 mails flow again\n\n## Root cause\n\nThe new host used a sender address the provider refused.\n\n## ${heading}\n\n${lessons}\n`;
const items = (md: string) => lint(md, { today: '2026-03-01' }).model.actionItems;

test('a "Follow-up:" sentence in a lessons bullet is one open item, its label the status source', () => {
  const md = doc('- **Accepting is not delivering.** Our checks asked the relay only. Follow-up: a delivery probe that pages when no test mail arrives. More text.\n- **Moves need an owner.** Follow-up: none.\n');
  const got = items(md);
  assert.equal(got.length, 1);
  assert.equal(got[0].text, 'a delivery probe that pages when no test mail arrives.');
  assert.equal(got[0].status, 'open');
  assert.equal(got[0].statusField?.text, 'Follow-up:');
  assert.equal(md.slice(got[0].range.start.offset, got[0].range.end.offset), 'Follow-up: a delivery probe that pages when no test mail arrives.');
});

test('outside the lessons, or naming fewer than three words, it is not read', () => {
  assert.equal(items(doc('Follow-up: a delivery probe that pages.', 'Detection')).length, 0);
  assert.equal(items(doc('- We learned a lot. Follow-up: done.\n- Follow-up: TBD later\n')).length, 0);
});

test('"Filed as a small follow-up:" names the same work, told as filed: one open item, and the follow-ups are there', () => {
  const md = doc('- **An empty score is not a zero.** The analysis counts it as 0.0. Filed as a small follow-up: count empty grader answers as missing in `summarise_runs.py`. Not urgent.\n');
  const got = items(md);
  assert.equal(got.length, 1);
  assert.equal(got[0].status, 'open');
  assert.equal(got[0].statusField?.text, 'Filed as a small follow-up:');
  const missing = lint(md, { today: '2026-03-01' }).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message);
  assert.ok(!missing.some((m) => /Action items/.test(m)), missing.join('\n'));
});

test('a lesson with no follow-up named leaves "No \'Action items\' section"', () => {
  const md = doc('- **An empty score is not a zero.** The analysis counts it as 0.0, which we filed away as a lesson.\n');
  assert.equal(items(md).length, 0);
  const missing = lint(md, { today: '2026-03-01' }).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message);
  assert.ok(missing.some((m) => /Action items/.test(m)), missing.join('\n'));
});
