// Code actions over stdio (issue 3): fixes from Diagnostic.data, prompt command vs plain edit, stale versions,
// context.only, several findings under the cursor, fix-all, disable for line / file, show documentation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM } from './texts';
import { engineFixes } from './engine-fixes';
import type { Fix } from '../../server/src/model/types';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
/** The fixes the server builds for `d` (of the document `text`) when a code action asks: the engine's. */
const fixesOf = (text: string, d: Diagnostic) => engineFixes(text, d);
/** The titles a client that cannot ask sees for a fix: one per suggested answer, or the fix itself. */
const plainTitles = (fix: Fix) =>
  fix.prompt?.choices?.length ? fix.prompt.choices.map((c) => c.title!) : fix.prompt && ['owner', 'date'].includes(fix.prompt.kind) ? [] : [fix.title];

function editsOf(a: CodeAction, uri: string): TextEdit[] {
  const e = a.edit;
  if (!e) return [];
  if (e.documentChanges) {
    return e.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []));
  }
  return e.changes?.[uri] ?? [];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'markdown', 0, text), edits);
}

const inside = (d: Diagnostic, p: Position) =>
  (d.range.start.line < p.line || (d.range.start.line === p.line && d.range.start.character <= p.character)) &&
  (p.line < d.range.end.line || (p.line === d.range.end.line && p.character <= d.range.end.character));

/** A postmortem missing its Timeline section and with an empty Detection section (safe, mechanical fixes). */
const INCOMPLETE = POSTMORTEM.replace(/## Timeline[\s\S]*?(?=## Contributing)/, '').replace('## Action items', '## Detection\n\n## Action items');

before(() => ensureBuilt());

let counter = 0;
const nextUri = () => `file:///tmp/pml-actions/doc-${++counter}.md`;

describe('code actions for other editors (no promptFixes)', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(() => c.stop());

  test('each suggested answer of a fix becomes a quick fix of its own, with a plain edit that removes the finding', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const d = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === lineOf(POSTMORTEM, 'Alert when checkout'))!;
    const actions = await c.codeActions(uri, [d]);
    // the owners people wrote in this document, as concrete fixes; no "@owner" placeholder to fill in by hand
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Assign')).map((a) => a.title), ['Assign to @maria', 'Assign to @li']);
    for (const fix of fixesOf(POSTMORTEM, d)) {
      for (const title of plainTitles(fix)) {
        const a = actions.find((x) => x.title === title);
        assert.ok(a, `an action for "${title}"`);
        assert.equal(a.kind, 'quickfix');
        assert.deepEqual(a.diagnostics, [d]);
        assert.equal(a.command, undefined, 'other editors get an edit, not a client command');
      }
    }
    // Diagnostic.data is the version (the rule is the code); a diagnostic written as servers before perf36 sent it
    // (`{ version, ruleId }`), or one whose data a client lost, still finds its fixes or none
    assert.equal(d.data, 1);
    const old = await c.codeActions(uri, [{ ...d, data: { version: 1, ruleId: d.code } }]);
    assert.deepEqual(old.map((a) => a.title), actions.map((a) => a.title));
    const lost = await c.codeActions(uri, [{ ...d, data: undefined }]);
    assert.ok(!lost.some((a) => a.title.startsWith('Assign')), JSON.stringify(lost.map((a) => a.title)));
    const assign = actions.find((x) => x.title === 'Assign to @li')!;
    assert.ok(assign.edit?.documentChanges, 'versioned edit, so a changed document refuses it');
    const fixed = apply(POSTMORTEM, editsOf(assign, uri));
    assert.equal(fixed.split('\n')[lineOf(POSTMORTEM, 'Alert when checkout')], '- [ ] Alert when checkout 5xx rate exceeds 2% for 5 minutes — @li, due 2026-04-15, P1');
    const v = await c.change(uri, [{ text: fixed }]);
    const after2 = await c.diagnosticsFor(uri, v);
    assert.ok(!byRule(after2, 'action-item-owner').some((x) => x.range.start.line === lineOf(POSTMORTEM, 'Alert when checkout')));
  });

  test('the fixes are built when asked, also after other documents were linted since (the lint thread keeps two)', async () => {
    const uri = nextUri();
    await c.open(uri, INCOMPLETE);
    const ds = await c.diagnosticsFor(uri, 1);
    for (let i = 0; i < 3; i++) {
      const other = nextUri();
      await c.open(other, POSTMORTEM.replace('Improve monitoring', `Improve monitoring ${i}`));
      await c.diagnosticsFor(other, 1);
    }
    const d = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === lineOf(INCOMPLETE, 'Alert when checkout'))!;
    const actions = await c.codeActions(uri, [d]);
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Assign')).map((a) => a.title), ['Assign to @maria', 'Assign to @li']);
    const [fixAll] = await c.codeActions(uri, [], ['source.fixAll']);
    assert.ok(fixAll && editsOf(fixAll, uri).length > 0, 'fix-all still has its edits');
  });

  test('due date and priority: a few concrete dates and P0–P3, each written where the item keeps it', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = lineOf(POSTMORTEM, 'Improve monitoring');
    const under = ds.filter((d) => d.range.start.line === line);
    const actions = await c.codeActions(uri, under);
    const titles = actions.map((a) => a.title);
    // TODAY is 2026-03-15 in these tests
    for (const t of ['Set due date: 2026-03-22 (in 1 week)', 'Set due date: 2026-03-29 (in 2 weeks)', 'Set due date: 2026-03-31 (end of this month)', 'Set priority: P0', 'Set priority: P1', 'Set priority: P2', 'Set priority: P3']) {
      assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
    }
    assert.ok(!titles.some((t) => /…$/.test(t) && /due date|owner|priority/.test(t)), 'no fix that leaves a placeholder behind');
    let text = POSTMORTEM;
    let version = 1;
    for (const t of ['Assign to @maria', 'Set due date: 2026-03-29 (in 2 weeks)', 'Set priority: P1']) {
      const ds2 = await c.diagnosticsFor(uri, version);
      const a = (await c.codeActions(uri, ds2.filter((d) => d.range.start.line === line))).find((x) => x.title === t)!;
      assert.ok(a, t);
      text = apply(text, editsOf(a, uri));
      version = await c.change(uri, [{ text }]);
    }
    assert.equal(text.split('\n')[line], '- [ ] Improve monitoring — @maria, due 2026-03-29, P1');
    assert.deepEqual((await c.diagnosticsFor(uri, version)).filter((d) => d.range.start.line === line).map((d) => d.code), ['action-item-vague']);
  });

  test('Ctrl+. right after an edit: fixes for the current text where the finding is still there, nothing where it is not', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const old = await c.diagnosticsFor(uri, 1);
    const lines = POSTMORTEM.split('\n');
    const alertLine = lines.findIndex((l) => l.startsWith('- [ ] Alert when checkout'));
    const owner = old.find((d) => d.code === 'action-item-owner' && d.range.start.line === alertLine)!;
    assert.ok(owner, 'the alert item has no owner');
    // a line typed above the action items; asked before the new diagnostics arrive, with the old ones as the client
    // moved them one line down (VS Code moves markers with edits)
    const at = lines.indexOf('## Action items');
    const v = await c.change(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'Owners agreed on 2026-02-12.\n\n' }]);
    const moved = { ...owner, range: { start: { ...owner.range.start, line: owner.range.start.line + 2 }, end: { ...owner.range.end, line: owner.range.end.line + 2 } } };
    const actions = await c.codeActions(uri, [moved], ['quickfix']);
    const assign = actions.find((a) => /^Assign to /.test(a.title));
    assert.ok(assign, `an owner fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    const edited = apply(POSTMORTEM.replace('## Action items', 'Owners agreed on 2026-02-12.\n\n## Action items'), editsOf(assign, uri));
    assert.match(edited.split('\n')[alertLine + 2], /^- \[ \] Alert when checkout 5xx rate exceeds 2% for 5 minutes.*@/, 'the edit lands on the item, now two lines down');
    // the same diagnostic where the client did not move it points at another line now: nothing is offered for it
    assert.deepEqual(await c.codeActions(uri, [owner], ['quickfix']), []);
    await c.diagnosticsFor(uri, v);
  });

  test('several findings under the cursor all get their actions', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = lineOf(POSTMORTEM, 'Improve monitoring');
    const pos = { line, character: '- [ ] Improve'.length };
    const under = ds.filter((d) => inside(d, pos));
    const rules = [...new Set(under.map((d) => String(d.code)))];
    assert.ok(rules.length >= 2, `several findings on "Improve monitoring": ${rules.join(', ')}`);
    const actions = await c.codeActions(uri, under, undefined, { start: pos, end: pos });
    // one way out for all of them, not one per rule
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Disable') || a.title.startsWith('Show documentation')).map((a) => a.title),
      [`Disable postmortem-lint rules for this line (${rules.join(', ')})`, `Disable postmortem-lint rules for this file (${rules.join(', ')})`],
    );
    for (const rule of rules) {
      for (const d of under.filter((x) => x.code === rule)) {
        for (const fix of fixesOf(POSTMORTEM, d)) {
          for (const title of plainTitles(fix)) assert.ok(actions.some((a) => a.title === title && a.diagnostics?.some((x) => x.code === rule)), title);
        }
      }
    }
    const all = actions.find((a) => a.title.startsWith('Disable postmortem-lint rules for this line'))!;
    const fixed = apply(POSTMORTEM, editsOf(all, uri));
    assert.equal(fixed.split('\n')[line], `- [ ] Improve monitoring <!-- postmortem-lint-disable-line ${rules.join(', ')} -->`);
    const v = await c.change(uri, [{ text: fixed }]);
    assert.deepEqual((await c.diagnosticsFor(uri, v)).filter((d) => d.range.start.line === line), []);
  });

  test('"Disable <rule> for this line" silences that finding only', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = lineOf(POSTMORTEM, 'Improve monitoring');
    const d = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === line)!;
    const others = ds.filter((x) => x.range.start.line === line && x.code !== 'action-item-owner').map((x) => x.code);
    const a = (await c.codeActions(uri, [d])).find((x) => x.title === 'Disable action-item-owner for this line')!;
    const fixed = apply(POSTMORTEM, editsOf(a, uri));
    // after another item of its list, the comment goes at the end of the line: a line of its own would split the list
    assert.match(fixed, /\n- \[ \] Improve monitoring <!-- postmortem-lint-disable-line action-item-owner -->\n/);
    const v = await c.change(uri, [{ text: fixed }]);
    const after2 = await c.diagnosticsFor(uri, v);
    const newLine = lineOf(fixed, '- [ ] Improve monitoring');
    assert.equal(byRule(after2, 'action-item-owner').filter((x) => x.range.start.line === newLine).length, 0);
    assert.equal(byRule(after2, 'action-item-owner').length, byRule(ds, 'action-item-owner').length - 1, 'the other owner finding stays');
    assert.deepEqual(after2.filter((x) => x.range.start.line === newLine).map((x) => x.code), others, 'other rules on the line still report');
  });

  test('"Disable <rule> for this file" goes after the front matter and silences the rule everywhere', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const d = byRule(ds, 'action-item-owner')[0];
    const a = (await c.codeActions(uri, [d])).find((x) => x.title === 'Disable action-item-owner for this file')!;
    const fixed = apply(POSTMORTEM, editsOf(a, uri));
    assert.ok(fixed.startsWith('---\ntype: postmortem\ntitle: Checkout outage\ndate: 2026-02-10\n---\n<!-- postmortem-lint-disable-file action-item-owner -->\n'));
    const v = await c.change(uri, [{ text: fixed }]);
    const after2 = await c.diagnosticsFor(uri, v);
    assert.equal(byRule(after2, 'action-item-owner').length, 0);
    assert.equal(after2.length, ds.length - byRule(ds, 'action-item-owner').length);
  });

  test('"Show documentation" runs the server command, which asks the client to show the docs page', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const d = byRule(ds, 'action-item-owner')[0];
    const a = (await c.codeActions(uri, [d])).find((x) => x.title === 'Show documentation for action-item-owner')!;
    assert.equal(a.command?.command, 'postmortemLint.showRuleDocs');
    await c.connection.sendRequest('workspace/executeCommand', { command: a.command.command, arguments: a.command.arguments });
    const shown = await c.waitFor('window/showDocument', () => c.showDocuments[0]);
    assert.equal(shown.external, false);
    assert.equal(fileURLToPath(shown.uri), path.join(ROOT, 'docs', 'rules', 'action-item-owner.md'));
  });

  test('context.only: quickfix excludes fix-all, source.fixAll excludes quick fixes', async () => {
    const uri = nextUri();
    await c.open(uri, INCOMPLETE);
    const ds = await c.diagnosticsFor(uri, 1);
    const quick = await c.codeActions(uri, ds, ['quickfix']);
    assert.ok(quick.length > 0);
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
    for (const only of [['source.fixAll'], ['source.fixAll.postmortemLint'], ['source']]) {
      const source = await c.codeActions(uri, ds, only);
      assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.postmortemLint'], only.join());
    }
    assert.deepEqual(await c.codeActions(uri, ds, ['refactor']), []);
  });

  test('asked on its own as the cursor moves (no kind named), the editor gets the quick fixes, not fix-all', async () => {
    const uri = nextUri();
    await c.open(uri, INCOMPLETE);
    const ds = await c.diagnosticsFor(uri, 1);
    const d = ds.find((x) => fixesOf(INCOMPLETE, x).length > 0)!;
    const invoked = await c.codeActions(uri, [d], undefined, d.range, 1);
    assert.ok(invoked.some((a) => a.kind === 'source.fixAll.postmortemLint'), 'asked by the user: fix-all is offered');
    const automatic = await c.codeActions(uri, [d], undefined, d.range, 2);
    assert.deepEqual(automatic.map((a) => a.title), invoked.filter((a) => a.kind !== 'source.fixAll.postmortemLint').map((a) => a.title));
    // nothing under the cursor: nothing to offer, nothing built
    assert.deepEqual(await c.codeActions(uri, [], undefined, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 2), []);
  });

  test('source.fixAll.postmortemLint applies every safe fix in one edit, and applying it again changes nothing', async () => {
    const uri = nextUri();
    await c.open(uri, INCOMPLETE);
    const ds = await c.diagnosticsFor(uri, 1);
    const safe = ds.filter((d) => fixesOf(INCOMPLETE, d).some((f) => f.safe));
    assert.ok(safe.length >= 1, 'the document has findings with safe fixes');
    const [fixAll] = await c.codeActions(uri, [], ['source.fixAll']);
    const once = apply(INCOMPLETE, editsOf(fixAll, uri));
    const v = await c.change(uri, [{ text: once }]);
    const after2 = await c.diagnosticsFor(uri, v);
    for (const d of safe) {
      assert.ok(!after2.some((x) => x.code === d.code && x.message === d.message), `fixed: ${d.code}: ${d.message}`);
    }
    // Fixes that need a human answer are not applied: the owner findings are all still there.
    assert.equal(byRule(after2, 'action-item-owner').length, byRule(ds, 'action-item-owner').length);
    const again = await c.codeActions(uri, [], ['source.fixAll']);
    const twice = again.length ? apply(once, editsOf(again[0], uri)) : once;
    assert.equal(twice, once);
  });
});

describe('code actions for the VS Code client (promptFixes)', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ initializationOptions: { promptFixes: true } });
  });
  after(() => c.stop());

  test('a fix that needs an answer runs the client prompt command with uri, version and fix', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const d = byRule(ds, 'action-item-owner')[0];
    const actions = await c.codeActions(uri, [d]);
    const fix = fixesOf(POSTMORTEM, d).find((f) => f.prompt)!;
    assert.ok(fix, 'the owner finding carries a prompt fix');
    const a = actions.find((x) => x.title === fix.title)!;
    assert.equal(a.edit, undefined);
    assert.equal(a.command?.command, 'postmortemLint.applyFixWithPrompt');
    assert.deepEqual(a.command?.arguments, [{ uri, version: 1, fix }]);
    // Suppressions need no answer: they stay plain edits.
    assert.ok(actions.find((x) => x.title === 'Disable action-item-owner for this line')?.edit);
  });
});

describe('clients without versioned workspace edits', () => {
  test('get plain `changes` edits', async () => {
    const c = await TestClient.start({ capabilities: { workspace: { configuration: true } } });
    try {
      const uri = nextUri();
      await c.open(uri, POSTMORTEM);
      const ds = await c.diagnosticsFor(uri, 1);
      const actions = await c.codeActions(uri, byRule(ds, 'action-item-owner').slice(0, 1));
      const assign = actions.find((a) => a.title.startsWith('Assign to'))!;
      assert.equal(assign.edit?.documentChanges, undefined);
      assert.ok(assign.edit?.changes?.[uri]?.length);
    } finally {
      await c.stop();
    }
  });
});

describe('suppression comments keep the markdown intact', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(() => c.stop());

  const TABLE = `# DNS outage

## Summary

Internal DNS stopped resolving for 25 minutes.

## Impact

3,100 API requests failed.

## Action items

| Action | Owner | Due | Priority |
|---|---|---|---|
| Add a second resolver to the resolv.conf template | @kenji | 2026-04-01 | P1 |
| Alert when DNS SERVFAIL rate exceeds 1% for 2 minutes |  | next sprint | P2 |
| Pin the CoreDNS image to 1.11.3 in the cluster chart | @ana | 2026-04-20 | P2 |
`;

  test('on a table row the comment goes at the end of the row, so the table is not cut in two', async () => {
    const uri = nextUri();
    await c.open(uri, TABLE);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = lineOf(TABLE, '| Alert when DNS');
    const d = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === line)!;
    assert.ok(d);
    const a = (await c.codeActions(uri, [d])).find((x) => x.title === 'Disable action-item-owner for this line')!;
    const fixed = apply(TABLE, editsOf(a, uri));
    assert.equal(fixed.split('\n').length, TABLE.split('\n').length, 'no line added inside the table');
    assert.match(fixed.split('\n')[line], /\| P2 \| <!-- postmortem-lint-disable-line action-item-owner -->$/);
    const v = await c.change(uri, [{ text: fixed }]);
    const after2 = await c.diagnosticsFor(uri, v);
    assert.equal(byRule(after2, 'action-item-owner').length, 0);
    // The rows below are still table rows: the due-date finding on the row is still there, and nothing new appears.
    assert.deepEqual(
      after2.map((x) => [x.code, x.range]),
      ds.filter((x) => x !== d).map((x) => [x.code, x.range]),
    );
  });

  test('a nested item gets the comment at its own indentation; CRLF documents get CRLF', async () => {
    const text = POSTMORTEM.replace('- [ ] Improve monitoring', '1. Prevent:\n   - [ ] Improve monitoring').replace(/\n/g, '\r\n');
    const uri = nextUri();
    await c.open(uri, text);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = text.split('\r\n').findIndex((l) => l.includes('Improve monitoring'));
    const d = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === line)!;
    assert.ok(d, 'the nested item is an action item without an owner');
    const a = (await c.codeActions(uri, [d])).find((x) => x.title === 'Disable action-item-owner for this line')!;
    const fixed = apply(text, editsOf(a, uri));
    assert.ok(fixed.includes('Prevent:\r\n   <!-- postmortem-lint-disable-next-line action-item-owner -->\r\n   - [ ] Improve monitoring'));
    const v = await c.change(uri, [{ text: fixed }]);
    const after2 = await c.diagnosticsFor(uri, v);
    assert.equal(byRule(after2, 'action-item-owner').filter((x) => x.range.start.line === line + 1).length, 0);
    assert.deepEqual(
      after2.filter((x) => x.range.start.line === line + 1).map((x) => x.code),
      ds.filter((x) => x.range.start.line === line && x.code !== 'action-item-owner').map((x) => x.code),
      'the item is still an item: its other findings stay',
    );
  });

  test('a second rule disabled on the same line joins the existing comment', async () => {
    const uri = nextUri();
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const line = lineOf(POSTMORTEM, 'Improve monitoring');
    const owner = byRule(ds, 'action-item-owner').find((x) => x.range.start.line === line)!;
    const first = apply(POSTMORTEM, editsOf((await c.codeActions(uri, [owner])).find((x) => x.title === 'Disable action-item-owner for this line')!, uri));
    const v = await c.change(uri, [{ text: first }]);
    const ds2 = await c.diagnosticsFor(uri, v);
    const due = byRule(ds2, 'action-item-due-date').find((x) => x.range.start.line === line)!;
    assert.ok(due);
    const second = apply(first, editsOf((await c.codeActions(uri, [due])).find((x) => x.title === 'Disable action-item-due-date for this line')!, uri));
    assert.match(second, /\n- \[ \] Improve monitoring <!-- postmortem-lint-disable-line action-item-owner, action-item-due-date -->\n/);
    const v2 = await c.change(uri, [{ text: second }]);
    const ds3 = await c.diagnosticsFor(uri, v2);
    assert.deepEqual(ds3.filter((x) => x.range.start.line === line && (x.code === 'action-item-owner' || x.code === 'action-item-due-date')), []);
  });
});
