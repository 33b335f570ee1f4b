// Editor help over stdio, as an LSP editor sees it: hover, completion, document symbols and code lens from the built
// server (dist/server.js), with "today" fixed by the test client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, TestClient, TODAY } from './client';
import { ensureBuilt } from './build';

const PM = `---
type: postmortem
title: Checkout outage
---
# Checkout outage

## Summary

Checkout returned 502 errors for 40 minutes after a connection-pool change.

## Action items

- [ ] Add a CI check that rejects pool sizes below 20 in payments-api Helm values — @maria, due 2026-03-01, P1, OPS-12
- [ ] Write a runbook for rolling back payments-api — @li, next sprint, P2
- [ ] Alert when checkout 5xx rate exceeds 2% for 5 minutes, due 2026-04-15, P1
- [x] Raise the pool size back to 50 @li

### Deferred

- Rewrite payments-api @maria
`;

const OTHER = `---
type: postmortem
---
# Search outage

## Summary

Search was down.

## Action items

- Add a replica to the search pool (3 → 5) — @zoe.k, due 2026-05-01, P1
`;

const README = '# Project\n\nA tool.\n\n## Roadmap\n\n- [ ] Add dark mode @maria\n';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : (r?.items ?? []));

describe('editor help over stdio', () => {
  let c: TestClient;
  let dir: string;
  let uri: string;
  let settings: Record<string, unknown> = {};

  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-features-'));
    fs.mkdirSync(path.join(dir, 'postmortems'));
    fs.writeFileSync(path.join(dir, 'postmortems', 'search.md'), OTHER);
    uri = fileUri(path.join(dir, 'postmortems', 'checkout.md'));
    c = await TestClient.start({ workspaceFolders: [dir], settings: () => settings });
    await c.open(uri, PM);
    await c.diagnosticsFor(uri, 1);
    // owners from the workspace's other postmortems come from the workspace index, built in the background
    await c.waitFor('the workspace index', () => c.archiveChanged.find((p) => p.complete && !p.files));
  });
  after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const request = <T>(method: string, params: unknown) => c.connection.sendRequest(method, params) as Promise<T>;
  const hover = (u: string, line: number, character: number) => request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line, character } });
  const complete = (u: string, line: number, character: number, triggerCharacter?: string) =>
    request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri: u },
      position: { line, character },
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    }).then(items);
  const symbols = (u: string) => request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: u } });
  const lenses = (u: string) => request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: u } });

  /** Replace the whole line `line` of the open document with `text`; returns the new version. */
  const setLine = (line: number, text: string, old: string) =>
    c.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: old.length } }, text }]);

  test('hover on an action item shows what was understood, with "overdue by N days" against the injected today', async () => {
    const line = lineOf(PM, 'Add a CI check');
    const h = await hover(uri, line, 10);
    assert.ok(h, 'a hover');
    const v = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(v, /\*\*Owner:\*\* `@maria`/);
    assert.match(v, /`2026-03-01` \(Sunday 1 March 2026\) — \*\*overdue by 14 days\*\*/);
    assert.equal(TODAY, '2026-03-15');
    assert.match(v, /\*\*Priority:\*\* `P1` \(high\)/);
    assert.match(v, /\*\*Ticket:\*\* `OPS-12`/);
    assert.equal(h.range?.start.line, line);

    const phrase = (await hover(uri, lineOf(PM, 'Write a runbook'), 10))!.contents as MarkupContent;
    assert.match(phrase.value, /`next sprint` is not a date/);
    const noOwner = (await hover(uri, lineOf(PM, 'Alert when checkout'), 10))!.contents as MarkupContent;
    assert.match(noOwner.value, /\*\*Owner:\*\* none — an item nobody owns competes with feature work and loses\./);
  });

  test('no hover on prose, and none in a README', async () => {
    assert.equal(await hover(uri, lineOf(PM, 'Checkout returned'), 5), null);
    const readme = fileUri(path.join(dir, 'README.md'));
    await c.open(readme, README);
    assert.equal(await hover(readme, 6, 8), null);
    assert.deepEqual(await symbols(readme), []);
    assert.deepEqual(await lenses(readme), []);
    await c.close(readme);
  });

  test("'@' offers owners from this postmortem and from the workspace's other postmortems", async () => {
    const line = lineOf(PM, 'Alert when checkout');
    const old = PM.split('\n')[line];
    const text = old.replace(', due 2026-04-15', ' — @');
    await setLine(line, text, old);
    try {
      const at = text.indexOf('— @') + 3;
      const got = await complete(uri, line, at, '@');
      const labels = got.map((i) => i.label);
      assert.ok(labels.includes('@maria') && labels.includes('@li'), labels.join(', '));
      assert.ok(labels.includes('@zoe.k'), `workspace owner missing: ${labels.join(', ')}`);
      assert.ok(labels.indexOf('@maria') < labels.indexOf('@zoe.k'), `owners of this document come first: ${labels.join(', ')}`);
      const e = got.find((i) => i.label === '@zoe.k')!.textEdit as TextEdit;
      assert.deepEqual(e, { range: { start: { line, character: at }, end: { line, character: at } }, newText: 'zoe.k' });
    } finally {
      await setLine(line, old, text);
    }
  });

  /** Saves and opens the other postmortem with `owner` in it, closes it, then asks for owners in this one. */
  async function ownersAfterClosing(owner: string, waitForAnalysis: boolean): Promise<string[]> {
    const line = lineOf(PM, 'Alert when checkout');
    const old = PM.split('\n')[line];
    const text = old.replace(', due 2026-04-15', ' — @');
    const at = text.indexOf('— @') + 3;
    const other = fileUri(path.join(dir, 'postmortems', 'search.md'));
    const edited = OTHER.replace('@zoe.k, due 2026-05-01', `${owner}, due 2026-05-01`);
    fs.writeFileSync(path.join(dir, 'postmortems', 'search.md'), edited); // saved
    await c.open(other, edited);
    if (waitForAnalysis) await c.diagnosticsFor(other, 1);
    await c.close(other);
    await setLine(line, text, old);
    try {
      return (await complete(uri, line, at, '@')).map((i) => i.label);
    } finally {
      await setLine(line, old, text);
      fs.writeFileSync(path.join(dir, 'postmortems', 'search.md'), OTHER);
    }
  }

  test('an owner added in another postmortem is still offered after that postmortem is closed', async () => {
    const labels = await ownersAfterClosing('@ravi', true);
    assert.ok(labels.includes('@ravi'), `the closed postmortem's new owner: ${labels.join(', ')}`);
  });

  test('a postmortem closed before its analysis finished still offers its new owner', async () => {
    const labels = await ownersAfterClosing('@tomasz', false);
    assert.ok(labels.includes('@tomasz'), `the closed postmortem's new owner: ${labels.join(', ')}`);
  });

  test("'due ' offers ISO dates relative to today; a table's Due cell too", async () => {
    const line = lineOf(PM, 'Alert when checkout');
    const old = PM.split('\n')[line];
    const text = old.replace(', due 2026-04-15, P1', ' @ana, due ');
    await setLine(line, text, old);
    try {
      const got = await complete(uri, line, text.length, ' ');
      assert.deepEqual(
        got.map((i) => [i.label, i.labelDetails?.description, (i.textEdit as TextEdit).newText]),
        [
          ['2026-03-22', 'in 1 week', '2026-03-22'],
          ['2026-03-29', 'in 2 weeks', '2026-03-29'],
          ['2026-03-31', 'end of this month', '2026-03-31'],
        ],
      );
    } finally {
      await setLine(line, old, text);
    }

    const table = '| Action | Owner | Due |\n|---|---|---|\n| Add a canary stage | @ana | |';
    const deferred = lineOf(PM, '### Deferred');
    await c.change(uri, [{ range: { start: { line: deferred, character: 0 }, end: { line: deferred, character: 0 } }, text: `${table}\n\n` }]);
    try {
      const row = deferred + 2;
      const dates = await complete(uri, row, '| Add a canary stage | @ana | '.length, ' ');
      assert.deepEqual(dates.map((i) => i.label), ['2026-03-22', '2026-03-29', '2026-03-31']);
      const owners = await complete(uri, row, '| Add a canary stage | '.length, ' ');
      assert.deepEqual(owners, []);
    } finally {
      await c.change(uri, [{ range: { start: { line: deferred, character: 0 }, end: { line: deferred + 4, character: 0 } }, text: '' }]);
    }
  });

  test("'#' at the start of a line offers the canonical sections the postmortem lacks", async () => {
    const line = lineOf(PM, 'Checkout returned');
    const old = PM.split('\n')[line];
    await setLine(line, `${old}\n\n#`, old);
    try {
      const got = await complete(uri, line + 2, 1, '#');
      const labels = got.map((i) => i.label);
      assert.deepEqual(labels, ['Impact', 'Timeline', 'Contributing causes', 'Detection', 'Resolution', 'Lessons learned', 'Glossary']);
      assert.equal((got[0].textEdit as TextEdit).newText, '# Impact');
      assert.equal(got[0].preselect, true);
    } finally {
      await c.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 2, character: 1 } }, text: old }]);
    }
  });

  test('a space in prose offers nothing (the trigger is cheap to ignore)', async () => {
    const line = lineOf(PM, 'Checkout returned');
    assert.deepEqual(await complete(uri, line, 'Checkout '.length, ' '), []);
  });

  test('document symbols: sections nested by depth, action items with their status', async () => {
    const got = (await symbols(uri))!;
    assert.equal(got.length, 1);
    const [title] = got;
    assert.equal(title.name, 'Checkout outage');
    const ai = title.children!.find((s) => s.name === 'Action items')!;
    assert.deepEqual(
      ai.children!.map((s) => [s.name.slice(0, 24), s.detail]),
      [
        ['Add a CI check that reje', 'open · @maria · overdue since 2026-03-01 · P1'],
        ['Write a runbook for roll', "open · @li · 'next sprint' is not a date · P2"],
        ['Alert when checkout 5xx ', 'open · no owner · due 2026-04-15 · P1'],
        ['Raise the pool size back', 'done'],
        ['Deferred', '1 item'],
      ],
    );
    assert.equal(ai.children![4].children![0].detail, 'deferred');
  });

  test('code lens on the action items heading, turned off by the codeLens setting', async () => {
    const got = (await lenses(uri))!;
    assert.equal(got.length, 1);
    assert.equal(got[0].range.start.line, lineOf(PM, '## Action items'));
    assert.equal(got[0].command?.title, '4 items · 1 done · 1 without owner · 1 without a date · 1 overdue');

    settings = { codeLens: false };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      assert.deepEqual(await lenses(uri), []);
    } finally {
      settings = {};
      await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
    assert.equal((await lenses(uri))!.length, 1);
  });

  test('requests for unknown documents or odd positions answer nothing, and the server lives on', async () => {
    const ghost = fileUri(path.join(dir, 'ghost.md'));
    assert.equal(await hover(ghost, 0, 0), null);
    assert.deepEqual(await complete(ghost, 0, 0), []);
    assert.equal(await hover(uri, 10_000, 10_000), null);
    assert.deepEqual(await complete(uri, 10_000, 3), []);
    assert.deepEqual(await complete(uri, -1, -1), []);
    assert.ok((await symbols(uri))!.length > 0);
  });
});
