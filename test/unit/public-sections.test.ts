// public-sections: only for the audiences it is set for, and a long internal log is reported once, on its heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (audience: string, entries: number) => `---
audience: ${audience}
---

# Checkout errors

## Summary

Customers could not pay for 40 minutes.

## Timeline (UTC)

${Array.from({ length: entries }, (_, i) => `- 09:${String(10 + i).padStart(2, '0')} step ${i + 1}`).join('\n')}

## What we are changing

Payments configuration now goes through a staged rollout.
`;
const found = (text: string, config = {}) =>
  lint(text, { filePath: '/p/postmortems/x.md', today: '2026-03-01', config }).findings.filter((f) => f.ruleId === 'public-sections');

test('a public timeline longer than maxTimelineEntries is reported on its heading; shorter ones and internal documents are not', () => {
  const long = doc('public', 21);
  const f = found(long);
  assert.equal(f.length, 1);
  assert.equal(f[0].message, 'The public timeline has 21 entries: keep the few moments customers noticed.');
  assert.equal(long.slice(f[0].range.start.offset, f[0].range.end.offset), 'Timeline (UTC)');
  assert.deepEqual(found(doc('public', 20)), []);
  assert.deepEqual(found(doc('internal', 21)), []);
  assert.equal(found(doc('public', 5), { rules: { 'public-sections': ['warning', { maxTimelineEntries: 4 }] } }).length, 1);
  assert.equal(found(doc('business', 30), { rules: { 'public-sections': ['warning', { audiences: ['business'] }] } }).length, 1);
});
