// Protocol abuse: what a buggy or hostile client can send. The server never crashes, never publishes diagnostics
// that lie outside the text it holds or belong to an older text, and logs one line about what it ignored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM } from './texts';

before(() => ensureBuilt());

const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;
/** Every diagnostic lies inside a text of `lines` lines, start before end. */
function inside(ds: Diagnostic[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of ds) {
    const { start, end } = d.range;
    assert.ok(start.line < lines.length && end.line < lines.length, `line out of range: ${JSON.stringify(d.range)}`);
    assert.ok(start.character <= lines[start.line].length && end.character <= lines[end.line].length, `character out of range: ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), 'start ≤ end');
  }
}
const alive = (c: TestClient) => assert.equal(c.proc.exitCode, null, `server exited\n${c.logs.join('')}`);

describe('initialize without capabilities', () => {
  for (const [what, rewrite] of [
    ['missing', (p: Record<string, unknown>) => ({ processId: null, rootUri: null, ...(delete p.capabilities, {}) })],
    ['null', (p: Record<string, unknown>) => ({ ...p, capabilities: null })],
  ] as const) {
    test(`capabilities ${what}: accepted as none, logged in one line, documents still linted`, async () => {
      const c = await TestClient.start({ initializeParams: rewrite });
      try {
        assert.equal(c.initializeResult.capabilities.hoverProvider, true);
        await c.waitFor('the log line', () => c.logs.find((l) => /initialize with(out)? (params|capabilities)|capabilities (null|missing)/.test(l)));
        const uri = 'untitled:caps';
        await c.open(uri, POSTMORTEM);
        assert.ok((await c.diagnosticsFor(uri, 1)).length > 0);
        assert.equal(c.configurationRequests, 0, 'no workspace/configuration without the capability');
      } finally {
        await c.stop();
      }
    });
  }
});

describe('documents', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(() => c.stop());

  test('a didChange whose version goes backwards: the new text gets its diagnostics, no stale ones stay', async () => {
    const uri = 'untitled:backwards';
    await c.open(uri, POSTMORTEM);
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: POSTMORTEM }] });
    const v5 = await c.diagnosticsFor(uri, 5);
    assert.ok(v5.some((d) => d.range.start.line > 8), 'findings further down than the short text reaches');
    const short = '---\ntype: postmortem\n---\n# Outage\n\n## Action items\n\n- [ ] Improve monitoring\n';
    const n = c.publishedFor(uri).length;
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: short }] });
    const p = await c.diagnostics(uri, (x) => x.version === 3, n);
    assert.ok(p.diagnostics.length > 0);
    inside(p.diagnostics, short);
    await c.waitFor('the log line', () => c.logs.find((l) => l.includes('went backwards')));
    // what stays on screen is the new text's diagnostics: nothing for the old text came after them
    const last = c.publishedFor(uri).at(-1)!;
    assert.equal(last.version, 3);
    inside(last.diagnostics, short);
  });

  test('a didChange with ranges past the end is applied at the end; diagnostics stay inside the text', async () => {
    const uri = 'untitled:past-end';
    await c.open(uri, POSTMORTEM);
    await c.diagnosticsFor(uri, 1);
    const far = { line: 10_000, character: 10_000 };
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: far, end: far }, text: '\n- [ ] Better testing\n' }],
    });
    const ds = await c.diagnosticsFor(uri, 2);
    inside(ds, POSTMORTEM + '\n- [ ] Better testing\n');
    assert.ok(ds.some((d) => d.range.start.line === lineCount(POSTMORTEM)), 'the appended item is linted');
  });

  test('changes, saves and closes for documents never opened are ignored with one log line each', async () => {
    const uri = 'untitled:never-opened';
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: POSTMORTEM }] });
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:x' } });
    for (const method of ['didChange', 'didSave', 'didClose']) {
      await c.waitFor(`log for ${method}`, () => c.logs.find((l) => l.includes(`ignored textDocument/${method} for ${uri}, which is not open`)));
    }
    await c.waitFor('log for a change without a version', () => c.logs.find((l) => l.includes('without a version')));
    assert.equal(c.publishedFor(uri).length, 0);
    alive(c);
  });

  test('requests for unknown or closed documents answer "nothing here"', async () => {
    const closed = 'untitled:closed';
    await c.open(closed, POSTMORTEM);
    await c.diagnosticsFor(closed, 1);
    await c.close(closed);
    for (const uri of [closed, 'untitled:unknown', 'file:///nope/x.md', 'not a uri']) {
      const td = { textDocument: { uri } };
      const pos = { ...td, position: { line: 0, character: 0 } };
      assert.equal(await c.connection.sendRequest('textDocument/hover', pos), null, uri);
      assert.deepEqual(await c.connection.sendRequest('textDocument/completion', pos), [], uri);
      assert.deepEqual(await c.connection.sendRequest('textDocument/documentSymbol', td), [], uri);
      assert.deepEqual(await c.connection.sendRequest('textDocument/codeLens', td), [], uri);
      assert.deepEqual(await c.codeActions(uri, []), [], uri);
      assert.equal(await c.connection.sendRequest('postmortemLint/readerModel', { uri }), null, uri);
    }
    alive(c);
  });

  test('code actions with bogus ranges and diagnostics answer without failing', async () => {
    const uri = 'untitled:bogus-ranges';
    await c.open(uri, POSTMORTEM);
    const ds = await c.diagnosticsFor(uri, 1);
    const bogus = [
      { start: { line: -1, character: -5 }, end: { line: 1e9, character: 1e9 } },
      { start: { line: 5, character: 3 }, end: { line: 2, character: 0 } },
      { start: { line: 'x', character: null }, end: {} },
    ];
    for (const range of bogus) {
      const got = await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [{ ...ds[0], range, data: { bogus: true } }] } });
      assert.ok(Array.isArray(got) || got === null, JSON.stringify(range));
    }
    alive(c);
  });

  test('executeCommand with wrong arguments answers null', async () => {
    for (const args of [undefined, [], [42], [null], ['../../etc/passwd'], [{ ruleId: 'x' }]]) {
      assert.equal(await c.connection.sendRequest('workspace/executeCommand', { command: 'postmortemLint.showRuleDocs', arguments: args }), null);
    }
    assert.equal(await c.connection.sendRequest('workspace/executeCommand', { command: 'no.such.command' }), null);
    assert.equal(c.showDocuments.length, 0);
    alive(c);
  });
});

describe('settings of the wrong type', () => {
  test('pushed with didChangeConfiguration (null, numbers, arrays): documents keep their diagnostics', async () => {
    const c = await TestClient.start({ capabilities: {} });
    try {
      const uri = 'untitled:pushed';
      await c.open(uri, POSTMORTEM);
      await c.diagnosticsFor(uri, 1);
      for (const settings of [null, 42, [], { postmortemLint: null }, { postmortemLint: 42 }, { postmortemLint: [1] }, { postmortemLint: { enable: 'yes', rules: [1], postmortemGlobs: 7, maxActionItems: 'x' } }]) {
        const n = c.publishedFor(uri).length;
        await c.connection.sendNotification('workspace/didChangeConfiguration', { settings });
        const p: PublishDiagnosticsParams = await c.diagnostics(uri, () => true, n);
        assert.ok(p.diagnostics.length > 0, JSON.stringify(settings));
        inside(p.diagnostics, POSTMORTEM);
      }
      alive(c);
    } finally {
      await c.stop();
    }
  });

  test('answered to workspace/configuration: one clear message, diagnostics still published', async () => {
    for (const answer of [null, 42, 'loud', [1, 2], { rules: 'error', enable: 3 }]) {
      const c = await TestClient.start({ settings: () => answer });
      try {
        const uri = 'untitled:pulled';
        await c.open(uri, POSTMORTEM);
        const ds = await c.diagnosticsFor(uri, 1);
        assert.ok(ds.length > 0, JSON.stringify(answer));
        alive(c);
      } finally {
        await c.stop();
      }
    }
  });
});
