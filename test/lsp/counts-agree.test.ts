// Every face that counts action items says the same numbers for the same document (issue 9): the reader view's
// counts and item marks, the status bar's summary, each open item's hover card, the code lenses, the workspace
// index (the Action Items tree and `postmortem-lint report`), and the Problems panel's owner / due-date / overdue /
// too-many findings. Over our fixtures and every corpus postmortem in ../shared/corpus when it is present.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, messageOf, ROOT, TestClient, TODAY } from './client';
import { ensureBuilt } from './build';
import { READER_MODEL_REQUEST, READER_SUMMARY_REQUEST, type ReaderModelResult, type ReaderSummary } from '../../server/src/protocol';
import { readArchive } from '../../server/src/archive/entry';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

interface Counts {
  open: number;
  done: number;
  noOwner: number;
  noDate: number;
  overdue: number;
}

const num = (title: string, re: RegExp) => Number(re.exec(title)?.[1] ?? 0);

let c: TestClient;
before(async () => {
  ensureBuilt();
  c = await TestClient.start({ settings: () => ({ lintWorkspace: 'off' }) });
});
after(() => c.stop());

async function facesOf(file: string): Promise<{ name: string; reader: Counts; summary: Counts; items: Counts; hover: Counts; lens: Counts; index?: Counts; findings: Counts; tooMany?: number; lenses: number }> {
  const uri = fileUri(file);
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  await c.open(uri, text);
  try {
    const ds: Diagnostic[] = await c.diagnosticsFor(uri, 1);
    const { model } = await c.connection.sendRequest<ReaderModelResult>(READER_MODEL_REQUEST, { uri });
    const summary = await c.connection.sendRequest<ReaderSummary>(READER_SUMMARY_REQUEST, { uri });
    const lenses = ((await c.connection.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? []).map((l) => l.command?.title ?? '');
    const rc = model.counts;
    const open = model.actionItems.filter((i) => i.status === 'open');
    const rule = (id: string) => ds.filter((d) => d.code === id);
    const tooMany = rule('action-items-too-many')[0];
    // the hover card of each open item says what it lacks
    const cards: string[] = [];
    for (const i of open) {
      const h = await c.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: i.location.line, character: i.location.character } });
      cards.push(h?.contents.value ?? '');
    }
    const archive = readArchive(text, { file: uri, filePath: file, today: TODAY }).entry;
    const live = archive?.items.filter((i) => !i.deferred && i.status === 'open');
    return {
      name: path.basename(file),
      reader: { open: rc.open, done: rc.done, noOwner: rc.noOwner, noDate: rc.noDate, overdue: rc.overdue },
      summary: { open: summary.counts.open, done: summary.counts.done, noOwner: summary.counts.noOwner, noDate: summary.counts.noDate, overdue: summary.counts.overdue },
      items: { open: open.length, done: model.actionItems.filter((i) => i.status === 'done').length, noOwner: open.filter((i) => i.noOwner).length, noDate: open.filter((i) => i.noDate).length, overdue: open.filter((i) => i.overdue).length },
      // each item is under exactly one lens, so the lenses add up to the document's counts
      lens: lenses.reduce<Counts>((s, t) => ({ open: s.open, done: s.done + num(t, /(\d+) done/), noOwner: s.noOwner + num(t, /(\d+) without owner/), noDate: s.noDate + num(t, /(\d+) without a date/), overdue: s.overdue + num(t, /(\d+) overdue/) }), { open: rc.open, done: 0, noOwner: 0, noDate: 0, overdue: 0 }),
      index: live && { open: live.length, done: archive!.items.filter((i) => !i.deferred && i.status === 'done').length, noOwner: live.filter((i) => i.noOwner).length, noDate: live.filter((i) => i.noDate).length, overdue: live.filter((i) => i.overdueDays !== undefined).length },
      // "2 owners: pick one" and "'03/04/2026' could be 4 March or 3 April" are about an owner and a date that are there
      findings: {
        open: rc.open,
        done: rc.done,
        noOwner: rule('action-item-owner').filter((d) => /^No owner|is not an owner/.test(messageOf(d))).length,
        noDate: rule('action-item-due-date').filter((d) => /^No due date|is not a date|has no year/.test(messageOf(d))).length,
        overdue: rule('action-item-overdue').length,
      },
      hover: { open: open.length, done: rc.done, noOwner: cards.filter((h) => /\*\*Owner:\*\* none/.test(h)).length, noDate: cards.filter((h) => /\*\*Due:\*\* none/.test(h)).length, overdue: cards.filter((h) => /\*\*overdue by/.test(h)).length },
      tooMany: tooMany ? num(messageOf(tooMany), /^(\d+) open/) : undefined,
      lenses: lenses.length,
    };
  } finally {
    await c.close(uri);
  }
}

async function check(files: string[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const f of files) {
    const r = await facesOf(f);
    const same = (face: string, x: Counts | undefined) => {
      if (x && JSON.stringify(x) !== JSON.stringify(r.reader)) wrong.push(`${r.name}: ${face} ${JSON.stringify(x)} ≠ reader ${JSON.stringify(r.reader)}`);
    };
    same('status bar', r.summary);
    same('reader items', r.items);
    same('hover', r.hover);
    same('code lens', r.lens);
    same('index', r.index);
    same('findings', r.findings);
    if (r.tooMany !== undefined && r.tooMany !== r.reader.open) wrong.push(`${r.name}: too-many says ${r.tooMany} open, reader ${r.reader.open}`);
  }
  return wrong;
}

test('our fixtures: every face gives the same counts', async () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => path.join(FIXTURES, f));
  assert.deepEqual(await check(files), []);
});

if (fs.existsSync(CORPUS)) test('every corpus postmortem: every face gives the same counts', async () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(CORPUS, f));
  assert.deepEqual(await check(files), []);
});
