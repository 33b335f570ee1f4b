// One paragraph under a follow-up heading that states what a change already put in place, then commits to the work
// still to come (model/action-items/state-then-plans.ts): the state is done, the plan is open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const doc = (p: string) => `# Incident\n\n## Summary\n\nA key leaked.\n\n## Remediations\n\n### Logins should go through one gate\n\n${p}\n`;
const read = (p: string) => parsePostmortem(doc(p)).actionItems.map((i) => [i.text, i.status]);

test('a state then a plan: two items, the state done and the plan open', () => {
  assert.deepEqual(read('Port 22 is no longer open to the internet. We are setting up a bastion host as the only way in.'), [
    ['Port 22 is no longer open to the internet.', 'done'],
    ['We are setting up a bastion host as the only way in.', 'open'],
  ]);
});

test('one item as before: a plan alone, a state that waits on something, or words that neither state nor commit', () => {
  assert.equal(read('We are setting up a bastion host as the only way in.').length, 1);
  // "is now being …" is work under way, not a state in place
  assert.equal(read('Port 22 is now being closed. We are setting up a bastion host as the only way in.').length, 1);
  // a sentence between them that explains: the paragraph is one follow-up with its context
  assert.equal(read('Port 22 is no longer open to the internet. Logins were the weak point. We are setting up a bastion host.').length, 1);
});
