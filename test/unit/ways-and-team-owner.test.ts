// Two shapes in an action-item list: an entry that names a choice of ways to do something ("There are two ways to …:")
// over the how-to of each is no task; a team named as the subject ("Release tooling team will …") owns its item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const items = (list: string) => parsePostmortem(`# Build failures\n\n## Summary\n\nEvery nightly build failed for a day.\n\n## Action items\n\n${list}\n`).actionItems;

test('"There are two ways to …:" over its how-to is not an item; a task with sub-steps still is', () => {
  const ways = '- There are two ways to try a newer image without replacing the pinned one:\n  - Pull it under another tag.\n  - Re-tag the old image if it was replaced.';
  assert.deepEqual(items(ways).map((i) => i.text), []);
  const task = '- Add a second way to roll back the image:\n  - a script that re-tags the old image\n  - a runbook entry';
  assert.equal(items(task).length, 1);
  // without a nested list, or without the colon, it is a sentence of its own
  assert.equal(items('- There are two ways to roll back, and we will document both by 2026-04-01.').length, 1);
});

test('a capitalised team name over one more word and "team" is the owner; "Every other team" is not', () => {
  const owners = (line: string) => items(`- ${line}`)[0]?.owners.map((o) => o.value);
  assert.deepEqual(owners('Release tooling team will move the proxy to automatic renewal'), ['Release tooling team']);
  assert.deepEqual(owners('Content pipeline team should rotate the certificates every quarter'), ['Content pipeline team']);
  assert.deepEqual(owners('Every other team should check its own certificates'), []);
  assert.deepEqual(owners('Our whole team should check the certificates'), []);
});
