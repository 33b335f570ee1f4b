// Shapes the twentieth held-out set showed (test/eval/heldout20/FIRST-RUN.md), each read as a reader reads it: a status
// cell that opens with a plain check mark, a corrective-action list in a tenseless language that a later verification
// section proves finished.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { statusOfWord } from '../../server/src/model/fields';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe thumbnail cache was flushed.\n\n${body}\n`;

describe('heldout20: a plain check mark in a status cell', () => {
  test('"✓ Done (commit …)", "✓ Done — …" and a bare "✓" read as done', () => {
    assert.equal(statusOfWord('✓ Done (commit 4be91c0)'), 'done');
    assert.equal(statusOfWord('✓ Done — runs in the deploy hook'), 'done');
    assert.equal(statusOfWord('✓'), 'done');
  });

  test('a table row whose Status is "✓ Done — …" is done, the "open" row beside it stays open', () => {
    const m = parsePostmortem(
      doc('## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Scope the flush | @mira | 2026-05-13 | ✓ Done — merged |\n| Move the store | @olu | | open |'),
    );
    assert.deepEqual(m.actionItems.map((i) => [i.text.slice(0, 9), i.status]), [
      ['Scope the', 'done'],
      ['Move the ', 'open'],
    ]);
    assert.equal(m.actionItems[0].statusField?.text, '✓ Done — merged');
  });
});
