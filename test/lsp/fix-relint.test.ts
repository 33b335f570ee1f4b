// Every quick fix a plain LSP client (Neovim, Helix, Emacs: no prompts) is offered finishes the job: applied as the
// client applies it, the finding it was offered for is gone when the document is linted again. Over every finding of
// every fixture (re-linted by the server), and every finding of every corpus postmortem (every action the server
// offers for it, each suggested answer and each "Disable …" included, re-linted in process; a text that several
// actions produce is linted once). Only writing prompts (a line that says what a section needs, for the writer to
// replace) are left out: they ask for words, not a choice.
// Every applied fix also keeps every non-whitespace character outside the ranges it replaces.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/lint/lint';
import { rules as registry } from '../../server/src/rules/index';
import { ROOT, TODAY, TestClient, fileUri, messageOf } from './client';
import { ensureBuilt } from './build';
import { engineFixes } from './engine-fixes';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');


function editsOf(a: CodeAction, uri: string): TextEdit[] {
  const e = a.edit;
  if (!e) return [];
  if (e.documentChanges) return e.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []));
  return e.changes?.[uri] ?? [];
}

/** Titles of writing prompts: a text prompt with nothing to pick, inserted as its guiding line. */
function writingPrompts(text: string, d: Diagnostic, filePath: string): Set<string> {
  return new Set(engineFixes(text, d, filePath).filter((f) => f.prompt && f.prompt.kind === 'text' && !f.prompt.choices?.length).map((f) => f.title));
}

const key = (code: unknown, message: string) => `${String(code)}\u0000${message}`;
const countOf = (ds: { code?: unknown; message: string }[], k: string) => ds.filter((d) => key(d.code, d.message) === k).length;

/** Non-whitespace characters outside the edits' ranges survive, in order. */
function assertKept(doc: TextDocument, edits: TextEdit[], after: string, where: string): void {
  const text = doc.getText();
  const ranges = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)]);
  const rest = after.replace(/\s+/g, '');
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]) || ranges.some(([s, e]) => i >= s && i < e)) continue;
    j = rest.indexOf(text[i], j);
    assert.ok(j >= 0, `${where}: original text lost near "${text.slice(Math.max(0, i - 30), i + 10)}"`);
    j++;
  }
}

before(() => ensureBuilt());

describe('every plain-client quick fix removes its finding', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start();
  });
  after(() => c.stop());

  test('fixtures: each action applied, the document re-linted by the server', async () => {
    let applied = 0;
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort()) {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      const uri = fileUri(path.join(FIXTURES, name));
      await c.open(uri, text);
      let version = 1;
      const ds = await c.diagnosticsFor(uri, version);
      const doc = TextDocument.create(uri, 'markdown', 1, text);
      let current = ds;
      for (const original of ds) {
        // the diagnostic as published for the current version (actions are only offered for it)
        const d = current.find((x) => x.code === original.code && messageOf(x) === messageOf(original) && JSON.stringify(x.range) === JSON.stringify(original.range))!;
        const skip = writingPrompts(text, d, path.join(FIXTURES, name));
        const actions = (await c.codeActions(uri, [d], ['quickfix'])).filter((a) => a.edit && !skip.has(a.title));
        for (const a of actions) {
          const edits = editsOf(a, uri);
          const fixed = TextDocument.applyEdits(doc, edits);
          const where = `${name}:${d.range.start.line + 1} ${String(d.code)} "${a.title}"`;
          assertKept(doc, edits, fixed, where);
          version = await c.change(uri, [{ text: fixed }]);
          const after2 = await c.diagnosticsFor(uri, version);
          const k = key(d.code, messageOf(d));
          assert.ok(countOf(after2.map((x) => ({ code: x.code, message: messageOf(x) })), k) < countOf(ds.map((x) => ({ code: x.code, message: messageOf(x) })), k), `${where}: the finding is still there`);
          applied++;
          version = await c.change(uri, [{ text }]);
          current = await c.diagnosticsFor(uri, version);
        }
      }
      await c.close(uri);
    }
    assert.ok(applied > 150, `only ${applied} fixes applied`);
  });

  if (fs.existsSync(CORPUS) && !process.env.NO_CORPUS) {
    test('corpus: every action applied, the text re-linted in process', async () => {
      let applied = 0;
      let linted = 0;
      const titles = new Set<string>();
      const still: string[] = [];
      for (const name of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort()) {
        const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
        const uri = fileUri(path.join(CORPUS, name));
        await c.open(uri, text);
        const ds = await c.diagnosticsFor(uri, 1);
        const doc = TextDocument.create(uri, 'markdown', 1, text);
        const opts = { filePath: path.join(CORPUS, name), today: TODAY, all: true };
        // re-linted with the finding's own rule only (a rule's findings do not depend on the others): the same answer
        // at about half the cost, for some 4,000 fixes
        const relinted = new Map<string, { code: string; message: string }[]>();
        const relint = (t: string, ruleId: string) => {
          const k = `${ruleId}\u0000${t}`;
          let r = relinted.get(k);
          if (!r) {
            const only = registry.filter((x) => x.id === ruleId);
            relinted.set(k, (r = lint(t, { ...opts, ...(only.length ? { rules: only } : {}) }).findings.map((f) => ({ code: f.ruleId, message: f.message }))));
            linted++;
          }
          return r;
        };
        for (const d of ds) {
          const skip = writingPrompts(text, d, path.join(CORPUS, name));
          for (const a of (await c.codeActions(uri, [d], ['quickfix'])).filter((x) => x.edit && !skip.has(x.title))) {
            const edits = editsOf(a, uri);
            const fixed = TextDocument.applyEdits(doc, edits);
            const where = `${name}:${d.range.start.line + 1} ${String(d.code)} "${a.title}"`;
            assertKept(doc, edits, fixed, where);
            const k = key(d.code, messageOf(d));
            if (countOf(relint(fixed, String(d.code)), k) >= countOf(relint(text, String(d.code)), k)) still.push(where);
            titles.add(a.title.replace(/[:(].*$/, '').trim());
            applied++;
          }
        }
        await c.close(uri);
      }
      assert.ok(applied > 1000, `only ${applied} fixes applied`);
      // the kinds of fix a plain client is offered on real postmortems, each answer as a fix of its own
      for (const t of ['Set due date', 'Assign to ', 'Set priority', 'State the time zone', 'Rewrite as a specific action', 'Disable ']) {
        assert.ok([...titles].some((x) => x.startsWith(t)), `"${t}…" applied somewhere in the corpus (applied: ${[...titles].join(' | ')})`);
      }
      console.log(`# corpus: ${applied} quick fixes applied, ${linted} distinct texts re-linted`);
      assert.deepEqual(still, [], 'fixes that left their finding behind');
    });
  }
});
