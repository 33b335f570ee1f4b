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
