// An action item whose work the Resolution tells the team has done ("We reverted to the previous behavior" above the
// row "Revert to the old behavior") is done, quoting that sentence; anything less than the same verb told by "we" in
// the past and every word of the item in that sentence leaves it open (action-items/done-in-resolution.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (resolution: string, row: string) =>
  [
    '# Grey thumbnails after the 3.4 release',
    '',
    '## Summary',
    '',
    'On 2026-01-21 new uploads showed grey thumbnails for two hours after a cache change.',
    '',
    '## Resolution',
    '',
    resolution,
    '',
    '## Action items',
    '',
    '| Action item | Owner | Bug |',
    '| --- | --- | --- |',
    `| ${row} | @mina | #812 |`,
    '',
  ].join('\n');

const itemOf = (text: string) => lint(text, { filePath: '/repo/docs/a.md', rootDir: '/repo', today: '2026-03-01' }).model.actionItems[0];

test('a row the resolution tells as done by the team is done, quoting the sentence', () => {
  const item = itemOf(doc('We reverted the thumbnail cache\nto the previous behavior using the deploy dashboard.', 'Revert the thumbnail cache to the old behavior'));
  assert.equal(item.status, 'done');
  assert.equal(item.statusField?.text, 'We reverted the thumbnail cache\nto the previous behavior using the deploy dashboard.');
});

test('a row with a number the resolution does not tell stays open', () => {
  assert.equal(itemOf(doc('We increased the worker pool to 32 as a stopgap.', 'Increase the worker pool to 64')).status, 'open');
});

test('the same verb not told by the team, or not in the past, leaves the row open', () => {
  assert.equal(itemOf(doc('Increased the worker pool to 64.', 'Increase the worker pool to 64')).status, 'open');
  assert.equal(itemOf(doc('We will revert the thumbnail cache to the previous behavior.', 'Revert the thumbnail cache')).status, 'open');
  assert.equal(itemOf(doc('We reverted the release.', 'Revert the thumbnail cache')).status, 'open');
});
