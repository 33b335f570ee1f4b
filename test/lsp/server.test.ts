// The language server over stdio: capabilities, pushed diagnostics with versions, edits, stale changes, settings
// pulled per resource, .postmortemrc changes and config problems.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, messageOf, ROOT, TestClient } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM, README } from './texts';
import { lint } from '../../server/src/lint/lint';
import { isRuleId } from '../../server/src/docs';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pml-lsp-'));

before(() => ensureBuilt());

describe('initialize', () => {
  test('declares incremental sync, code actions, the docs command and the editor features', async () => {
    const c = await TestClient.start();
    try {
      const caps = c.initializeResult.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.postmortemLint']);
      assert.deepEqual(caps.executeCommandProvider?.commands, ['postmortemLint.showRuleDocs']);
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.completionProvider?.triggerCharacters, ['@', ' ', '|', '#']);
      assert.equal(caps.documentSymbolProvider, true);
      assert.ok(caps.codeLensProvider);
      // Dynamic registration: the rc watcher is registered because the client supports it.
      const watcher = await c.waitFor('watcher registration', () => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
      // .postmortemrc for the configuration, markdown files for the workspace index
      assert.deepEqual(watcher.registerOptions, { watchers: [{ globPattern: '**/.postmortemrc*' }, { globPattern: '**/*.{md,markdown,mdown,mkd}' }] });
    } finally {
      await c.stop();
    }
  });

  test('a client without workspace/configuration is never asked for it and still gets diagnostics', async () => {
    const c = await TestClient.start({ capabilities: {} });
    try {
      const uri = 'untitled:Untitled-1';
      await c.open(uri, POSTMORTEM);
      const ds = await c.diagnosticsFor(uri, 1);
      assert.ok(byRule(ds, 'action-item-owner').length > 0);
      assert.equal(c.configurationRequests, 0);
      assert.equal(c.registrations.length, 0);
    } finally {
      await c.stop();
    }
  });
});

describe('diagnostics', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(() => c.stop());

  test('past the editor limit of 1,000 per file, the most severe are kept and one finding says how many were left out', async () => {
    const uri = 'file:///tmp/pml-notes/huge-list.md';
    const items = Array.from({ length: 700 }, (_, i) => `- Add alert number ${i} for the checkout queue`).join('\n');
    const text = `---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nx\n\n## Impact\n\n120 users.\n\n## Timeline\n\n- 10:00 UTC paged\n\n## Contributing causes\n\ny\n\n## Action items\n\n${items}\n`;
    await c.open(uri, text);
    const ds = (await c.diagnostics(uri)).diagnostics;
    assert.equal(ds.length, 1000);
    const summary = ds[ds.length - 1];
    assert.match(messageOf(summary), /^\d+ more findings not shown \(editor limit 1000\): run postmortem-lint on this file\.$/);
    const left = Number(messageOf(summary).split(' ')[0]);
    assert.ok(left > 0);
    assert.ok(ds.slice(0, -1).every((d) => d.severity === 2), 'warnings (1,400 owner and date findings) are kept before any information finding');
    assert.equal(left + 999, lint(text).findings.length, 'kept + left out = every finding the engine reports');
  });

  test('opening a postmortem pushes its findings for version 1 with code, source, docs link and the data its fixes are found by', async () => {
    const uri = 'file:///tmp/pml-notes/checkout.md';
    await c.open(uri, POSTMORTEM);
    const p = await c.diagnostics(uri);
    assert.equal(p.version, 1);
    const owner = byRule(p.diagnostics, 'action-item-owner');
    assert.equal(owner.length, 2, 'the 5xx alert item and "Improve monitoring" have no owner');
    const d = owner.find((x) => x.range.start.line === lineOf(POSTMORTEM, 'Alert when checkout'))!;
    assert.ok(d, 'a finding on the line of the item without an owner');
    assert.equal(d.source, 'postmortem-lint');
    assert.equal(d.severity, 2);
    assert.equal(messageOf(d), 'No owner: name the one person who will drive it, e.g. @alice.');
    const href = d.codeDescription?.href ?? '';
    assert.ok(href.startsWith('file://'), href);
    assert.equal(fileURLToPath(href), path.join(ROOT, 'docs', 'rules', 'action-item-owner.md'));
    // the version, not the fixes: those are built when a code action asks for them (the rule is the code)
    assert.equal(d.data, 1);
    assert.equal(d.code, 'action-item-owner');
    const actions = await c.codeActions(uri, [d]);
    assert.ok(actions.some((a) => a.title.startsWith('Assign to @')), JSON.stringify(actions.map((a) => a.title)));
    // Every diagnostic's code is a rule id and its data the version it was published for.
    for (const x of p.diagnostics) {
      assert.ok(isRuleId(String(x.code)), String(x.code));
      assert.equal(x.data, p.version);
    }
  });

  test('an incremental edit gets diagnostics for the new version', async () => {
    const uri = 'file:///tmp/pml-notes/edit.md';
    await c.open(uri, POSTMORTEM);
    await c.diagnosticsFor(uri, 1);
    const line = lineOf(POSTMORTEM, 'Alert when checkout');
    const lineText = POSTMORTEM.split('\n')[line];
    const at = lineText.indexOf(', due');
    const v = await c.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at } }, text: ' — @sam' }]);
    assert.equal(v, 2);
    const ds = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(
      byRule(ds, 'action-item-owner').map((d) => d.range.start.line),
      [lineOf(POSTMORTEM, 'Improve monitoring')],
      'only "Improve monitoring" still lacks an owner',
    );
  });

  test('quick edits in a row: the last publish is for the last version and versions never go back', async () => {
    const uri = 'file:///tmp/pml-notes/typing.md';
    await c.open(uri, POSTMORTEM);
    const line = lineOf(POSTMORTEM, 'Improve monitoring');
    const word = ' of the checkout database p99 latency above 300 ms';
    let last = 1;
    // Type one character per change without waiting for diagnostics in between.
    for (let i = 0; i < word.length; i++) {
      const character = '- [ ] Improve monitoring'.length + i;
      last = await c.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: word[i] }]);
    }
    await c.diagnosticsFor(uri, last);
    const versions = c.publishedFor(uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions went back: ${versions.join(',')}`);
    assert.equal(versions.at(-1), last);
    assert.ok(versions.length <= last, 'at most one publish per version');
  });

  test('a README with a roadmap checklist gets an empty list', async () => {
    const uri = 'file:///tmp/pml-notes/README.md';
    await c.open(uri, README);
    const p = await c.diagnostics(uri);
    assert.equal(p.version, 1);
    assert.deepEqual(p.diagnostics, []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///tmp/pml-notes/closing.md';
    await c.open(uri, POSTMORTEM);
    await c.diagnosticsFor(uri, 1);
    const n = c.publishedFor(uri).length;
    await c.close(uri);
    const p = await c.diagnostics(uri, () => true, n);
    assert.deepEqual(p.diagnostics, []);
  });

  test('empty, binary-looking and CRLF documents never crash the server', async () => {
    const texts = ['', '\u0000\u0001\uFFFD'.repeat(100), POSTMORTEM.replace(/\n/g, '\r\n'), '---\n: : [\n---\n## Summary\n## Action items\n- x\n'];
    for (const [i, t] of texts.entries()) {
      const uri = `file:///tmp/pml-notes/odd-${i}.md`;
      await c.open(uri, t);
      const ds = await c.diagnosticsFor(uri, 1);
      for (const d of ds) assert.ok(d.range.start.line >= 0 && d.range.end.line <= t.split(/\r?\n/).length);
    }
    const crlf = await c.diagnosticsFor('file:///tmp/pml-notes/odd-2.md', 1);
    const lf = await c.diagnosticsFor('file:///tmp/pml-notes/checkout.md', 1);
    assert.deepEqual(
      crlf.map((d) => [d.code, d.range]),
      lf.map((d) => [d.code, d.range]),
      'CRLF line breaks give the same findings at the same positions',
    );
  });
});

describe('settings', () => {
  test('severities follow workspace/configuration and refresh on didChangeConfiguration', async () => {
    let rules: Record<string, unknown> = {};
    const c = await TestClient.start({ settings: () => ({ rules }) });
    try {
      const uri = 'file:///tmp/pml-settings/a.md';
      await c.open(uri, POSTMORTEM);
      const before1 = await c.diagnosticsFor(uri, 1);
      assert.ok(byRule(before1, 'action-item-owner').every((d) => d.severity === 2));
      const n = c.publishedFor(uri).length;
      rules = { 'action-item-owner': 'error', 'action-item-vague': 'off' };
      await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const p = await c.diagnostics(uri, () => true, n);
      assert.equal(p.version, 1);
      assert.ok(byRule(p.diagnostics, 'action-item-owner').length > 0);
      assert.ok(byRule(p.diagnostics, 'action-item-owner').every((d) => d.severity === 1));
      assert.equal(byRule(p.diagnostics, 'action-item-vague').length, 0);
    } finally {
      await c.stop();
    }
  });

  test('settings are asked per resource (scopeUri) and cached until they change', async () => {
    const c = await TestClient.start({
      settings: (scope) => (scope?.endsWith('strict.md') ? { rules: { 'action-item-owner': 'error' } } : {}),
    });
    try {
      await c.open('file:///tmp/pml-settings/strict.md', POSTMORTEM);
      await c.open('file:///tmp/pml-settings/lenient.md', POSTMORTEM);
      const strict = await c.diagnosticsFor('file:///tmp/pml-settings/strict.md', 1);
      const lenient = await c.diagnosticsFor('file:///tmp/pml-settings/lenient.md', 1);
      assert.ok(byRule(strict, 'action-item-owner').every((d) => d.severity === 1));
      assert.ok(byRule(lenient, 'action-item-owner').every((d) => d.severity === 2));
      const asked = c.configurationRequests;
      await c.change('file:///tmp/pml-settings/strict.md', [{ text: POSTMORTEM + '\n' }]);
      await c.diagnosticsFor('file:///tmp/pml-settings/strict.md', 2);
      assert.equal(c.configurationRequests, asked, 'an edit does not ask for settings again');
    } finally {
      await c.stop();
    }
  });

  test('push-only clients: settings sent with didChangeConfiguration apply', async () => {
    const c = await TestClient.start({ capabilities: {} });
    try {
      const uri = 'untitled:push';
      await c.open(uri, POSTMORTEM);
      await c.diagnosticsFor(uri, 1);
      const n = c.publishedFor(uri).length;
      await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortemLint: { rules: { 'action-item-owner': 'hint' } } } });
      const p = await c.diagnostics(uri, () => true, n);
      assert.ok(byRule(p.diagnostics, 'action-item-owner').length > 0);
      assert.ok(byRule(p.diagnostics, 'action-item-owner').every((d) => d.severity === 4));
      // the custom notification is sent before the re-lint's diagnostics, and only to a client that asked for it
      assert.equal(c.configChanged, 0, 'a plain LSP client gets no postmortemLint/configChanged');
    } finally {
      await c.stop();
    }
  });

  test('postmortemLint.ignore silences a matching postmortem (a template) and not the others', async () => {
    const c = await TestClient.start({ settings: () => ({ ignore: ['**/template.md'] }) });
    try {
      await c.open('file:///tmp/pml-settings/postmortems/template.md', POSTMORTEM);
      await c.open('file:///tmp/pml-settings/postmortems/outage.md', POSTMORTEM);
      assert.deepEqual(await c.diagnosticsFor('file:///tmp/pml-settings/postmortems/template.md', 1), []);
      assert.ok((await c.diagnosticsFor('file:///tmp/pml-settings/postmortems/outage.md', 1)).length > 0);
    } finally {
      await c.stop();
    }
  });

  test('enable: false silences the document', async () => {
    const c = await TestClient.start({ settings: () => ({ enable: false }) });
    try {
      await c.open('file:///tmp/pml-settings/off.md', POSTMORTEM);
      assert.deepEqual(await c.diagnosticsFor('file:///tmp/pml-settings/off.md', 1), []);
    } finally {
      await c.stop();
    }
  });
});

describe('.postmortemrc', () => {
  test('a changed rc file (didChangeWatchedFiles) re-lints open documents and tells the VS Code client (reader views re-render)', async () => {
    const dir = tmp();
    const c = await TestClient.start({ workspaceFolders: [dir], initializationOptions: { configChangedNotification: true } });
    try {
      const doc = path.join(dir, 'checkout.md');
      fs.writeFileSync(doc, POSTMORTEM);
      const uri = fileUri(doc);
      await c.open(uri, POSTMORTEM);
      assert.ok(byRule(await c.diagnosticsFor(uri, 1), 'action-item-owner').length > 0);

      const rc = path.join(dir, '.postmortemrc.json');
      fs.writeFileSync(rc, JSON.stringify({ rules: { 'action-item-owner': 'off' } }));
      const n = c.publishedFor(uri).length;
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 1 }] });
      const p = await c.diagnostics(uri, () => true, n);
      assert.equal(byRule(p.diagnostics, 'action-item-owner').length, 0);
      assert.ok(p.diagnostics.length > 0, 'other rules still report');
      assert.equal(c.configChanged, 1, 'one postmortemLint/configChanged per change');

      // Settings win over the rc file.
      fs.writeFileSync(rc, JSON.stringify({ rules: { 'action-item-owner': ['error', {}] } }));
      const m = c.publishedFor(uri).length;
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
      const q = await c.diagnostics(uri, () => true, m);
      assert.ok(byRule(q.diagnostics, 'action-item-owner').every((d) => d.severity === 1));
      assert.ok(byRule(q.diagnostics, 'action-item-owner').length > 0);
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a broken rc file: one warning naming file and key, diagnostics on the open rc file, and no crash', async () => {
    const dir = tmp();
    const rc = path.join(dir, '.postmortemrc.json');
    const rcText = JSON.stringify({ rules: { 'action-item-ownr': 'error' } }, null, 2);
    fs.writeFileSync(rc, rcText);
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const a = fileUri(path.join(dir, 'a.md'));
      const b = fileUri(path.join(dir, 'b.md'));
      await c.open(a, POSTMORTEM);
      await c.open(b, POSTMORTEM);
      const ds = await c.diagnosticsFor(a, 1);
      assert.ok(ds.length > 0, 'the document is still linted with the valid parts');
      await c.diagnosticsFor(b, 1);
      const warning = await c.waitFor('a config warning', () => c.messages.find((m) => m.type === 2));
      assert.ok(warning.message.includes(rc), warning.message);
      assert.ok(warning.message.includes('rules.action-item-ownr'), warning.message);
      assert.equal(c.messages.filter((m) => m.message === warning.message).length, 1, 'shown once, not once per document');

      await c.open(fileUri(rc), rcText, 'json');
      const rcDiags = await c.diagnosticsFor(fileUri(rc), 1);
      assert.equal(rcDiags.length, 1);
      assert.match(messageOf(rcDiags[0]), /action-item-ownr/);
      const keyLine = lineOf(rcText, '"action-item-ownr"');
      assert.equal(rcDiags[0].range.start.line, keyLine, 'the diagnostic sits on the key');
      // Fixing the key in the editor clears the rc diagnostics as you type.
      await c.change(fileUri(rc), [{ text: rcText.replace('ownr', 'owner') }]);
      assert.deepEqual(await c.diagnosticsFor(fileUri(rc), 2), []);
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.postmortemrc with thousands of problems', () => {
  test('ten window/showMessage warnings and one "… and N more", not one toast per key', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '.postmortemrc.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key-${i}`, i]))));
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = fileUri(path.join(dir, 'a.md'));
      await c.open(uri, POSTMORTEM);
      await c.diagnosticsFor(uri, 1);
      // the warnings go out before the diagnostics they explain
      const warnings = c.messages.filter((m) => m.type === 2).map((m) => m.message);
      assert.equal(warnings.length, 11, warnings.slice(0, 3).join('\n'));
      assert.match(warnings[0], /\.postmortemrc\.json: key-0: unknown key/);
      assert.ok(warnings[10].endsWith('.postmortemrc.json: … and 4990 more problems'), warnings[10]);
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('owners known in the workspace', () => {
  test('completion after @ offers owners of other postmortems in the workspace, not of node_modules', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'incidents'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'incidents', '2025-11-02-cache.md'), POSTMORTEM.replace('@maria', '@zoë.keller'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'postmortem.md'), POSTMORTEM.replace('@maria', '@vendored'));
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = fileUri(path.join(dir, 'incidents', 'new.md'));
      const text = POSTMORTEM.replace('- [ ] Improve monitoring', '- [ ] Add a replica-lag alert on orders-db — @');
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      // the workspace's owners come from the workspace index, built in the background
      await c.waitFor('the workspace index', () => c.archiveChanged.find((p) => p.complete && !p.files));
      const line = lineOf(text, 'replica-lag alert');
      const character = text.split('\n')[line].length;
      const res = (await c.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
        context: { triggerKind: 2, triggerCharacter: '@' },
      })) as { items: { label: string }[] } | { label: string }[] | null;
      const items = Array.isArray(res) ? res : (res?.items ?? []);
      const labels = items.map((i) => i.label);
      assert.ok(labels.some((l) => l.includes('zoë.keller')), `workspace owner offered: ${labels.join(', ')}`);
      assert.ok(labels.some((l) => l.includes('@li')), `owners of the open document offered: ${labels.join(', ')}`);
      assert.ok(!labels.some((l) => l.includes('vendored')), 'node_modules is not scanned');
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('owners known in the workspace', () => {
  test('while the workspace index is read, the owner list after @ says it is incomplete; once read, it is whole', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'incidents'));
    const N = 300;
    const handles = Array.from({ length: N }, (_, i) => `owner${String(i).padStart(3, '0')}`);
    for (const [i, h] of handles.entries()) fs.writeFileSync(path.join(dir, 'incidents', `2025-${i}.md`), POSTMORTEM.replace('@maria', `@${h}`));
    const c = await TestClient.start({ workspaceFolders: [dir] });
    try {
      const uri = fileUri(path.join(dir, 'incidents', 'new.md'));
      const text = POSTMORTEM.replace('- [ ] Improve monitoring', '- [ ] Add a replica-lag alert on orders-db — @');
      const line = lineOf(text, 'replica-lag alert');
      const position = { line, character: text.split('\n')[line].length };
      const ask = async () =>
        (await c.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '@' } })) as
          | { isIncomplete: boolean; items: { label: string }[] }
          | { label: string }[];
      const missing = (res: Awaited<ReturnType<typeof ask>>) => {
        const labels = new Set((Array.isArray(res) ? res : res.items).map((i) => i.label));
        return handles.filter((h) => !labels.has(`@${h}`));
      };
      await c.open(uri, text);
      // Asked at once, while the index may still be reading the 300 files: a list not marked incomplete holds them all.
      const early = await ask();
      if (Array.isArray(early) || !early.isIncomplete) assert.deepEqual(missing(early), [], 'a list given as complete lacks no owner');
      await c.waitFor('the workspace index', () => c.archiveChanged.find((p) => p.complete && !p.files));
      const late = await ask();
      assert.ok(Array.isArray(late) || !late.isIncomplete, 'once the index is read, the list is complete');
      assert.deepEqual(missing(late), [], 'every workspace owner offered');
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('"Assign an owner…" offers this document\'s owners first, then owners of other postmortems in the workspace', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'incidents'));
    fs.writeFileSync(path.join(dir, 'incidents', '2025-11-02-cache.md'), POSTMORTEM.replace('@maria', '@zoë.keller'));
    const c = await TestClient.start({ workspaceFolders: [dir], initializationOptions: { promptFixes: true } });
    try {
      const uri = fileUri(path.join(dir, 'incidents', 'new.md'));
      await c.open(uri, POSTMORTEM);
      const ds = await c.diagnosticsFor(uri, 1);
      await c.waitFor('the workspace index', () => c.archiveChanged.find((p) => p.complete && !p.files));
      const owner = ds.find((d) => d.code === 'action-item-owner');
      assert.ok(owner, 'the fixture has an item without an owner');
      const actions = (await c.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: owner.range,
        context: { diagnostics: [owner], only: ['quickfix'] },
      })) as { title: string; command?: { arguments?: { fix: { prompt?: { choices?: { value: string }[] } } }[] } }[];
      const assign = actions.find((a) => a.title.startsWith('Assign an owner'));
      const values = assign?.command?.arguments?.[0]?.fix.prompt?.choices?.map((ch) => ch.value) ?? [];
      assert.ok(values.includes('@zoë.keller'), `workspace owner offered: ${values.join(', ')}`);
      const own: string[] = POSTMORTEM.match(/@[\w.]+/g) ?? [];
      assert.ok(own.length === 0 || values.indexOf(own[0]) < values.indexOf('@zoë.keller'), `document owners come first: ${values.join(', ')}`);
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('transports', () => {
  test('--node-ipc (how VS Code starts it) serves the same diagnostics', async () => {
    const { fork } = await import('node:child_process');
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
    const proc = fork(path.join(ROOT, 'dist', 'server.js'), ['--node-ipc'], { env: { ...process.env, POSTMORTEM_LINT_TODAY: '2026-03-15' }, silent: true });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const got = new Promise<{ version?: number; diagnostics: Diagnostic[] }>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc', languageId: 'markdown', version: 7, text: POSTMORTEM } });
      const p = await got;
      assert.equal(p.version, 7);
      assert.ok(byRule(p.diagnostics, 'action-item-owner').length > 0);
      await conn.sendRequest('shutdown');
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      await conn.sendNotification('exit');
      await exited;
    } finally {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    }
  });

  test('without a transport flag it says how to start it and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'server.js')], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio .*--node-ipc/);
  });
});

describe('reader view: remote images', () => {
  test('placeholders by default; postmortemLint.loadRemoteImages lets them load (CSP img-src https:)', async () => {
    const text = POSTMORTEM.replace('## Impact', 'Graph: ![errors](https://tracker.invalid/errors.png)\n\n## Impact');
    let allow = false;
    const c = await TestClient.start({ settings: () => ({ loadRemoteImages: allow }) });
    try {
      const uri = 'untitled:images';
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      const render = { standalone: false, nonce: 'abc123', cspSource: 'https://webview.test' };
      const off = (await c.connection.sendRequest('postmortemLint/readerModel', { uri, render })) as { html: string };
      assert.match(off.html, /\[remote image not loaded: errors \(tracker\.invalid\)\]/);
      assert.ok(!off.html.includes('<img src="https://tracker.invalid'));
      assert.match(off.html, /img-src https:\/\/webview\.test data:;/);
      allow = true;
      await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const on = (await c.connection.sendRequest('postmortemLint/readerModel', { uri, render })) as { html: string };
      assert.ok(on.html.includes('<img src="https://tracker.invalid/errors.png" alt="errors">'));
      assert.match(on.html, /img-src https:\/\/webview\.test data: https:;/);
    } finally {
      await c.stop();
    }
  });
});
