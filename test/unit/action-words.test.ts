// The action's own words: one cut, shared by the reader view's table, the archive report and the rules' questions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { buildReaderModel } from '../../server/src/reader/model';
import { archivePostmortem } from '../../server/src/archive/entry';
import { words } from '../../server/src/model/action-words';

const TODAY = '2026-12-01';
const TEXT = `# Postmortem: cache outage on 2026-11-02

## Summary
The cache cluster ran out of memory and checkout failed for 40 minutes.

## Root cause
A config push doubled the key size.

## Action items
- Upgrade the NFS server and remove the share-creator job (see https://github.com/acme/infra/pull/34) — @ana, 2026-12-10
- Add *.out to .gitignore — owner: @ana, due 2026-12-10
- Document the disclosure process in our [security policy](https://example.com/SECURITY.md) — @li, 2026-12-20
- Set \`maxmemory_policy\` to **allkeys-lru** on every cache node (OPS-16), @li, due 2026-12-20
`;

test('the reader view, the archive report and the rules show the same words for each action item', () => {
  const result = lint(TEXT, { filePath: '/p/postmortems/2026-11-02-cache.md', today: TODAY });
  const expected = [
    // a ticket in parentheses after lead words: the lead words go with it (the ticket has its own column)
    'Upgrade the NFS server and remove the share-creator job',
    // a lone asterisk is the writer's, not emphasis
    'Add *.out to .gitignore',
    // a link keeps its text
    'Document the disclosure process in our security policy',
    // code and strong marks go; snake_case stays
    'Set maxmemory_policy to allkeys-lru on every cache node',
  ];
  assert.deepEqual(result.model.actionItems.map((i) => words(result.model, i)), expected);
  assert.deepEqual(buildReaderModel(result, { today: TODAY }).actionItems.map((i) => i.text), expected);
  assert.deepEqual(archivePostmortem(result.model, 'cache.md', 'cache', TODAY).items.map((i) => i.text), expected);
});

test('a ticket that leads the item labels it: the owner fix writes after the action, not inside the label', () => {
  const text = `# Postmortem: scheduler stall\n\n## Summary\nJobs waited for two days.\n\n## Root cause\nThe dispatch timer never started.\n\n## Action items\n\n- [ ] **#812:** Fix the dispatcher timer start (P0)\n`;
  const finding = lint(text, { today: TODAY }).findings.find((f) => f.ruleId === 'action-item-owner');
  const edit = finding?.fixes?.[0]?.edits[0];
  assert.ok(edit);
  const fixed = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
  assert.match(fixed, /- \[ \] \*\*#812:\*\* Fix the dispatcher timer start — @owner \(P0\)/);
});
