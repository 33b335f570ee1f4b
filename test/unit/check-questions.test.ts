// Checklist questions are checks to make, not tracked work (issue 8, QUIET-WILD.md): a "Code Review Checklist" of boxes
// written as questions gets no owner / due / priority findings; a question that names an owner or a date, or a ticket,
// and a question in a follow-up list, bullet or box (an open question someone investigates), stay items.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { isQuestionOnly } from '../../server/src/model/action-items/check-questions';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const text = readFileSync(join(ROOT, 'test/fixtures/checklist-questions-not-items.md'), 'utf8');
const items = (t: string) => lint(t, { filePath: 'postmortems/2026-08-14-colour.md', rootDir: ROOT, today: '2026-03-01' }).model.actionItems.map((i) => i.text);

describe('checklist questions', () => {
  test('the review checklist and the review questions are not items; the owned question and the follow-up questions are', () => {
    assert.deepEqual(items(text), [
      'Add a test that pipes export into a file and asserts there are no escape bytes',
      'Should we drop the colour helpers from the public API? — yes, @tomas by 2026-10-01, P2',
      'Can we lint for direct calls to the colour helpers?',
      'Should the export command refuse colour flags when piped?',
    ]);
  });

  test('the same checks written as work are items', () => {
    const asWork = text
      .replace('Is every `paint_*()` call wrapped in the terminal check?', 'Wrap every `paint_*()` call in the terminal check')
      .replace('Are all new messages routed through `say()`?', 'Route all new messages through `say()`');
    const got = items(asWork);
    assert.ok(got.includes('Wrap every paint_*() call in the terminal check'), got.join('\n'));
    assert.ok(got.includes('Route all new messages through say()'), got.join('\n'));
  });

  test('a box question that names a ticket or a date stays an item', () => {
    const tracked = text
      .replace('Does the message go to the stream its caller expects (`stdout` or `stderr`)?', 'Does the message go to the right stream? (#412)')
      .replace('Do helpers that build coloured strings take the stream as a parameter?', 'Do helpers take the stream as a parameter? Decide by 2026-09-15');
    const got = items(tracked);
    assert.ok(got.some((t) => t.startsWith('Does the message go to the right stream?')), got.join('\n'));
    assert.ok(got.some((t) => t.startsWith('Do helpers take the stream')), got.join('\n'));
  });

  test('a question is one that opens as a question and ends with "?", nothing else said', () => {
    assert.equal(isQuestionOnly('Is every `.bold()`, `.red()`, etc. wrapped in `if_supports_color`?'), true);
    assert.equal(isQuestionOnly('Does the migration have a rollback? Is it tested?'), true);
    assert.equal(isQuestionOnly('Systematically cordon and cull nodes older than 3-5 days?'), false);
    assert.equal(isQuestionOnly('Can we use ACM instead of Letsencrypt? Ticket raised #3263'), false);
    assert.equal(isQuestionOnly('Have alerting for pods stuck in Pending.'), false);
  });
});
