// A placeholder in the owner's place is not a name: "[Owner]", "<owner>", "@owner", "{name}", "TBD", "to be decided".
// The owner rule, the hover, completion and the workspace's owner list agree: the item has no owner, and the
// placeholder is never offered as one. A real name, bracketed as a link's text, is still an owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { hoverAt } from '../../server/src/lsp/features/hover';
import { completionsAt } from '../../server/src/lsp/features/completion';
import { ownersOf } from '../../server/src/archive/entry';
import { isPlaceholderOwner } from '../../server/src/model/fields';

const TODAY = '2026-03-01';
const doc = (rows: string[]) =>
  `# Export queue backed up\n\n## Summary\n\nThe export queue backed up for two hours and every nightly export was late.\n\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
const row = (owner: string) => `| Alert on export queue depth | ${owner} | 2026-04-01 |`;

test('isPlaceholderOwner: prompts, template variables and "not assigned" words; not a bracketed real name', () => {
  for (const p of ['[Owner]', '[owner name]', '[Team/person]', '[TBD]', '<owner>', '@owner', '{name}', '{{owner}}', '$OWNER', 'TBD', 'to be decided', 'Unassigned', 'needs an owner']) {
    assert.ok(isPlaceholderOwner(p), p);
  }
  for (const name of ['Ana Lima', '@ana', '[Ana Lima]', '[@ana]', 'Platform team']) assert.ok(!isPlaceholderOwner(name), name);
});

test('an item whose owner cell is a placeholder has no owner: the finding names it, the hover says so', () => {
  for (const p of ['[Owner]', '{name}', 'TBD', 'to be decided']) {
    const text = doc([row(p)]);
    const r = lint(text, { all: true, today: TODAY });
    const item = r.model.actionItems[0];
    assert.deepEqual(item.owners, [], p);
    const f = r.findings.find((x) => x.ruleId === 'action-item-owner');
    assert.equal(f?.message, `'${p}' is not an owner: name the one person who will drive it, e.g. @alice.`);
    const hover = hoverAt(r, { line: item.range.start.line, character: 4 }, TODAY);
    assert.match(JSON.stringify(hover?.contents), /is a placeholder, not an owner/, p);
  }
});

test('"Owner: to be decided" inline is a placeholder, not an owner called "to"', () => {
  const text = `# Export queue backed up\n\n## Summary\n\nThe export queue backed up for two hours and every nightly export was late.\n\n## Action items\n\n- Alert on export queue depth — Owner: to be decided, due 2026-04-01\n`;
  const r = lint(text, { all: true, today: TODAY });
  assert.deepEqual(r.model.actionItems[0].owners, []);
  assert.equal(r.model.actionItems[0].ownerPlaceholder?.text, 'to be decided');
});

test('placeholders are not owners the workspace knows, and completion never offers them', () => {
  const text = doc([row('{name}'), row('[Owner]'), row('@maria')]);
  const r = lint(text, { all: true, today: TODAY });
  assert.deepEqual(ownersOf(r.model), ['@maria']);
  const withAt = doc([row('{name}'), row('[Owner]'), row('@maria'), '| Page the on-call on export lag | @ | 2026-04-01 |']);
  const at = { line: withAt.split('\n').findIndex((l) => l.includes('| @ |')), character: withAt.split('\n').find((l) => l.includes('| @ |'))!.indexOf('@') + 1 };
  const labels = completionsAt({ result: lint(withAt, { all: true, today: TODAY }), position: at, today: TODAY, knownOwners: ['{name}', '@owner', 'TBD', '@zoe'] }).map((c) => c.label);
  assert.deepEqual(labels, ['@maria', '@zoe']);
});

test('a link to a real person in the owner cell is still an owner', () => {
  const r = lint(doc([row('[Ana Lima](https://example.org/ana)')]), { all: true, today: TODAY });
  assert.equal(r.model.actionItems[0].owners.length, 1);
  assert.ok(!r.findings.some((f) => f.ruleId === 'action-item-owner'));
});
