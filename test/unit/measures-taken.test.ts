// The measures taken, listed by name under "Resolution" / "Response" (model/action-items/measures-taken.ts): done
// items, and the follow-ups a reader sees there. Prose under "Resolution" stays the recovery story.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint/lint';

const head = '# Export job failure\n\n## Summary\n\nThe export stopped.\n\n## Impact\n\nPartial files for 41 customers.\n\n## Timeline\n\n- 02:00 UTC export fails\n\n## Root Cause\n\nA cursor was lost.\n\n';
const noActions = (text: string) => !lint(text, { all: true, today: '2026-03-01' }).findings.some((f) => f.ruleId === 'missing-section' && /Action items/.test(f.message));
const statuses = (text: string) => parsePostmortem(text).actionItems.map((i) => [i.format, i.status]);

describe('measures taken, listed under a resolution heading', () => {
  test('a numbered list whose every entry opens with a bold name: done items, and the follow-ups are there', () => {
    const text = `${head}## Resolution\n\n1. **Pooler setting (the fix):** cursors are off behind the pooler.\n2. **Cleanup:** loaded the IDs into a list first.\n3. **Guidance:** documented the pattern in the handbook.\n`;
    assert.deepEqual(statuses(text), [
      ['numbered', 'done'],
      ['numbered', 'done'],
      ['numbered', 'done'],
    ]);
    assert.ok(noActions(text));
    const f = lint(text, { all: true, today: '2026-03-01' }).findings;
    assert.ok(!f.some((x) => x.ruleId.startsWith('action-item')), 'no owner, date or priority asked of work already done');
  });

  test('a Measure | Detail table whose every detail tells finished work: done rows', () => {
    const text = `${head}## Response\n\n| Measure | Detail |\n|---|---|\n| Recovery | Fetched the new secret with the break-glass account |\n| Issuer fix | PR #91: added the second issuer |\n| Vault | Updated the stale entries |\n`;
    assert.deepEqual(statuses(text), [
      ['table-row', 'done'],
      ['table-row', 'done'],
      ['table-row', 'done'],
    ]);
    assert.ok(noActions(text));
  });

  test('not read: prose, a list under a label of its own, an entry that commits to work, a detail still to do', () => {
    // the recovery story in prose: the report has no follow-up section
    assert.ok(!noActions(`${head}## Resolution\n\nThe cursor setting was changed and the export re-ran.\n`));
    // "**Verification.**" above bold-named bullets: how the fix was checked, not measures
    const verified = `${head}## Resolution\n\n**Verification.**\n\n1. **Replay:** the failed nights re-ran to completion.\n2. **Load:** a run of 2 million rows finished.\n`;
    assert.deepEqual(statuses(verified), []);
    // one entry still to come: the list is not a record of measures taken
    const planned = `${head}## Resolution\n\n1. **Cleanup:** loaded the IDs into a list first.\n2. **Alerting:** we will page on a failed export.\n`;
    assert.ok(!noActions(planned));
    assert.ok(!parsePostmortem(planned).actionItems.some((i) => i.status === 'done' && i.format === 'numbered'));
    // an unnamed list of steps is not this shape
    assert.ok(!noActions(`${head}## Resolution\n\n1. Loaded the IDs into a list first.\n2. Documented the pattern.\n`));
    const todo = `${head}## Response\n\n| Measure | Detail |\n|---|---|\n| Recovery | Fetched the new secret |\n| Probe | to be added to the health checks |\n`;
    assert.ok(!noActions(todo));
  });
});

describe('fixes named by numbered sub-headings of a resolution section', () => {
  test('two numbered sub-headings under "Resolution" show the follow-ups; unnumbered topic headings do not', () => {
    const numbered = `${head}## Resolution\n\n### 1. \`reset()\` — guest check\n\nThe flow now refuses guests.\n\n### 2. \`verify()\` — second guard\n\nAdded a guard.\n`;
    assert.ok(noActions(numbered));
    const topics = `${head}## Resolution\n\n### Offline mode\n\nThe site was put offline.\n\n### Storage\n\nThe disks were swapped.\n`;
    assert.ok(!noActions(topics));
  });
});
