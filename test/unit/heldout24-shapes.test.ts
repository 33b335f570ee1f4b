// Shapes the twenty-fourth held-out set showed (test/eval/heldout24/FIRST-RUN.md), each read as a reader reads it: a
// sub-bullet opened by a plain check mark is ticked, a "**Recommendation**: DEPLOY IMMEDIATELY - …" verdict in a sign-off
// block is not work to assign, a later "Prevention" list that tells the checklist again is not more work, and a log of
// many incidents is not a postmortem.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lookalikeShape } from '../../server/src/model/lookalike';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe export job stalled on a full disk.\n\n${body}\n`;
const statuses = (md: string) => parsePostmortem(doc(md)).actionItems.map((i) => [i.text.replace(/^\W+/u, '').slice(0, 6), i.status]);

describe('heldout24: a sub-bullet opened by a check mark', () => {
  test('"✓ …" and "✔ …" under a bold numbered heading are done; the plain sub-bullet beside them stays open', () => {
    const md = '## Action items\n\n1. **Disk hygiene**:\n   - ✓ Delete old archives after each run\n   - ✔ Keep the cleanup script in git\n   - Alert when the disk passes 80%';
    assert.deepEqual(statuses(md), [
      ['Delete', 'done'],
      ['Keep t', 'done'],
      ['Alert ', 'open'],
    ]);
  });

  test('a check mark inside the words ("12 ✓ and 3 failing") is not a status', () => {
    assert.deepEqual(statuses('## Action items\n\n- Fix the tests that report 12 ✓ and 3 failing'), [['Fix th', 'open']]);
  });
});

describe('heldout24: a verdict after a "Recommendation" label', () => {
  const closing = (line: string) => `## Action items\n\n- Alert on a full scratch disk\n\n## Conclusion\n\n${line}`;

  test('"**Recommendation**: DEPLOY IMMEDIATELY - …" is a verdict on the fix, not an item', () => {
    const items = parsePostmortem(doc(closing('**Recommendation**: DEPLOY IMMEDIATELY - Critical fix with low risk and high impact.'))).actionItems;
    assert.deepEqual(items.map((i) => i.text), ['Alert on a full scratch disk']);
  });

  test('work after the label stays an item, in capitals as a priority too', () => {
    for (const line of ['**Recommendation**: URGENT - rotate the signing keys on both hosts.', '**Recommendation**: Rotate the signing keys on both hosts this week.']) {
      const items = parsePostmortem(doc(closing(line))).actionItems;
      assert.equal(items.length, 2, line);
      assert.match(items[1].text, /rotate the signing keys/i);
    }
  });
});

describe('heldout24: a later "Prevention" list that restates the checklist', () => {
  const md = (prevention: string) =>
    `## Action items\n\n- [ ] **#41:** Fix the dispatcher timer start (P0)\n- [ ] Add idle-queue detection and alerting (P1)\n- [ ] Add regression tests for the dispatcher loop (P1)\n\n## Prevention\n\n${prevention}`;

  test('the same work told again in other words is not a second set of items', () => {
    const items = parsePostmortem(doc(md('1. Alert on an idle queue that still holds jobs\n2. Track dispatcher timer starts after deploys\n3. Run regression tests on the dispatcher loop'))).actionItems;
    assert.equal(items.length, 3);
    assert.ok(items.every((i) => i.format === 'checkbox'));
  });

  test('other work under Prevention stays items', () => {
    const items = parsePostmortem(doc(md('1. Rotate the on-call pager keys\n2. Move the nightly exports to their own pool'))).actionItems;
    assert.equal(items.length, 5);
  });
});

describe('heldout24: a log of many incidents', () => {
  const log = (n: number) =>
    `# Disk Full Incident Tracking\n\n## Incident Log\n\n${Array.from({ length: n }, (_, k) => `### Incident #${n - k}: Disk full - March ${10 + k}, 2026\n\n- **Cause:** the scratch disk filled\n`).join('\n')}\n## Root cause\n\nLogs were never rotated.\n\n## Next Steps\n\n- Rotate the logs daily\n`;

  test('three numbered incidents under a title that calls the page tracking: a look-alike', () => {
    const model = parsePostmortem(log(3));
    assert.equal(lookalikeShape(model, model.text, new Set(['contributing-causes', 'action-items'])), 'incident-log');
  });

  test('two incidents written up in one file are still a postmortem of both', () => {
    const model = parsePostmortem(log(2));
    assert.equal(lookalikeShape(model, model.text, new Set(['contributing-causes', 'action-items'])), undefined);
  });
});
