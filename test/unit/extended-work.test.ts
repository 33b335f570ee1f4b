// A prose sentence that extends the same work to more of the same things ("All other keys are also being rotated")
// after the sentence that states it ("All signing keys are being rotated.") is one follow-up, not two. Another piece of
// work said "also" ("Further isolation … is also under way") stays an item of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const texts = (paragraphs: string[]) =>
  parsePostmortem(`# Runners exposed\n\n## Summary\n\nA fork's pull request ran on our build runners and could read their keys.\n\n## Resolution and recovery\n\n${paragraphs.join('\n\n')}\n`).actionItems.map((i) => i.text);

test('"also being rotated" after "being rotated", sharing a noun, is the same work', () => {
  const got = texts(['All signing keys are being rotated.', 'Our remaining internal keys are also being rotated as well.', 'Further isolation of the release runners is also under way.']);
  assert.deepEqual(got, ['All signing keys are being rotated.', 'Further isolation of the release runners is also under way.']);
});

test('another verb, no shared noun, or no "also" keeps both', () => {
  assert.equal(texts(['All signing keys are being rotated.', 'Our remaining internal keys are also being replaced with new ones.']).length, 2);
  assert.equal(texts(['All signing keys are being rotated.', 'The registry passwords are also being rotated.']).length, 2);
  assert.equal(texts(['All signing keys are being rotated.', 'The internal keys are being rotated next week.']).length, 2);
});
