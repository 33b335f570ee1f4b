// "### Immediate actions" under "## Resolution", every entry told finished: done follow-ups (measures-taken.ts
// stepsTaken); they do not stand in for a follow-up section (missing-section still asks for one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (steps: string) =>
  `# Key committed to a public branch - 2026-02-17\n\n## Summary\n\nOn 2026-02-17 a signing key was pushed to a public branch.\n\n## Impact\n\n1,200 users fetched a new key.\n\n` +
  `## Timeline\n\n- 10:02 UTC pushed\n- 10:42 UTC flagged\n\n## Root cause\n\nThe build folder was not ignored.\n\n## Resolution\n\n### Immediate actions\n\n${steps}\n`;
const read = (md: string) => lint(md, { filePath: 'postmortems/k.md', rootDir: '', today: '2026-03-01' });

test('every step told finished: each a done item, quoted by the heading, and no finding on it', () => {
  const r = read(doc('1. Revoked the leaked key\n2. Removed the key file and rewrote the history\n3. Force pushed the cleaned branch\n4. Verified that no other secret was there\n'));
  const items = r.model.actionItems;
  assert.equal(items.length, 4);
  assert.ok(items.every((i) => i.status === 'done' && i.statusField?.text === 'Immediate actions'));
  assert.equal(r.findings.filter((f) => f.ruleId.startsWith('action-item')).length, 0);
  // the steps of the response are not the follow-ups a reader looks for
  assert.ok(r.findings.some((f) => f.ruleId === 'missing-section' && /Action items/.test(f.message)));
});

test('steps still to take, or one among them, leave the list unread as before', () => {
  assert.equal(read(doc('1. Revoke the leaked key\n2. Rewrite the history\n')).model.actionItems.length, 0);
  assert.equal(read(doc('1. Revoked the leaked key\n2. Rewrite the history once the forks are known\n')).model.actionItems.length, 0);
  assert.equal(read(doc('1. Revoked the leaked key\n2. Rotation of the other keys is planned\n')).model.actionItems.length, 0);
});
