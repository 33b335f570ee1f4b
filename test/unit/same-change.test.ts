// "… is fixed by the same change" in an entry of a follow-up list (model/action-items/same-change.ts): done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const doc = (items: string) => `# Incident\n\n## Summary\n\nTools ran from chat.\n\n## Action items\n\n${items}\n`;
const statuses = (items: string) => parsePostmortem(doc(items)).actionItems.map((i) => i.status);

test('an entry the change already made covers is done; one that still needs work, or a fix to come, stays open', () => {
  assert.deepEqual(statuses('- [x] **Stop loading host settings**\n- **Hosted:** it was exposed by the same code path and is fixed by the same change.\n'), ['done', 'done']);
  assert.deepEqual(statuses('- **Runners:** not fixed by the same change; we will add the guard there too.\n'), ['open']);
  assert.deepEqual(statuses('- **Runners:** will be fixed by a later change.\n'), ['open']);
});
