// Shapes the twenty-fifth held-out set showed (test/eval/heldout25/FIRST-RUN.md), each read as a reader reads it: a
// standing rule kept in an action table is not work, maxims in a Prevention list are not tasks, sections named for
// their fixes or follow-ups hold items, a review told in phases keeps its improvement plan, and a severity or scope
// field written out in words states the impact.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe billing export stalled for an hour on a full queue.\n\n${body}\n`;
const texts = (md: string) => parsePostmortem(doc(md)).actionItems.map((i) => i.text);

describe('heldout25: a standing rule in an action table', () => {
  const table = (status: string) =>
    `## Follow-ups\n\n| Action | Owner | Status |\n|---|---|---|\n| Replay the stuck invoices one by one | Mira | TODO |\n| Never mark a batch handled without reading it | Mira | ${status} |`;

  test('a POLICY, Rule or Standing status marks a rule in force, not an item', () => {
    for (const status of ['POLICY', 'Rule', 'Standing', '**Standing rule**']) assert.deepEqual(texts(table(status)), ['Replay the stuck invoices one by one'], status);
  });

  test('any other status keeps the row an item', () => {
    assert.equal(texts(table('Ongoing')).length, 2);
  });
});
