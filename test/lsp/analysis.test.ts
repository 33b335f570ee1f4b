// One analysis per document version, off the main thread: a burst of edits is analysed at most once per version and
// only the final version's diagnostics are published; features asked about that version share its analysis; a hover
// sent while a long lint runs is answered before that lint finishes; a document past the size limit is refused once.
// Counts and order come from the server's trace (POSTMORTEM_LINT_TRACE=1), never from wall-clock time.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT, TestClient } from './client';
import { ensureBuilt } from './build';
import { POSTMORTEM } from './texts';

before(() => ensureBuilt());

const TRACE = { POSTMORTEM_LINT_TRACE: '1' };
/** POSTMORTEM followed by a long Notes section: the action items stay near the top. */
const big = (chars: number) => {
  const para = 'The pool size was lowered from 50 to 5 by a typo in the Helm values, and the alert fired 12 minutes later.\n\n';
  return POSTMORTEM + '\n## Notes\n\n' + para.repeat(Math.ceil(chars / para.length));
};
/** A long postmortem of many sections, timelines and action tables (a large model, like the bench's). */
const manySections = (chars: number) => {
  const out = [POSTMORTEM];
  for (let part = 1, size = POSTMORTEM.length; size < chars; part++) {
    const block = [`## Timeline (UTC, part ${part})`, '', ...Array.from({ length: 8 }, (_, i) => `- 1${i}:0${i} The queue depth alert fired and the on-call engineer joined.`),
      '', `## Action items (part ${part})`, '', '| Action | Owner | Due |', '|---|---|---|', `| Alert on consumer-group rebalances above ${part} per minute | @dana | 2099-02-01 |`, ''].join('\n');
    out.push(block);
    size += block.length;
  }
  return out.join('\n');
};
const starts = (c: TestClient, uri: string) =>
  c.logs.flatMap((l) => [...l.matchAll(/analysis start (\S+) v(\d+)/g)]).filter((m) => m[1] === uri).map((m) => Number(m[2]));

describe('one analysis per version', () => {
  test('a burst of edits: each version analysed at most once, only the final one published, shared by every feature', async () => {
    const c = await TestClient.start({ env: TRACE });
    try {
      const uri = 'untitled:burst';
      const text = big(60_000);
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      const n = c.publishedFor(uri).length;
      const end = text.split('\n').length - 1;
      let version = 1;
      for (let i = 0; i < 25; i++) {
        version = await c.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: 'x' }]);
      }
      const item = { line: text.split('\n').findIndex((l) => l.includes('Improve monitoring')), character: 8 };
      const answers = Promise.all([
        c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: item }),
        c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
        c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        c.connection.sendRequest('postmortemLint/readerSummary', { uri }),
      ]);
      const final = await c.diagnosticsFor(uri, version);
      const [hover, lenses, symbols, summary] = await answers;
      assert.ok(final.length > 0 && hover && Array.isArray(lenses) && Array.isArray(symbols) && symbols.length > 0 && summary);
      const ca = await c.codeActions(uri, final);
      assert.ok(ca.length > 0);
      // the trace says where the request's time went: the findings of the version it answered for, then the fixes
      const traced = c.logs.find((l) => l.includes(`code action v${version} (`));
      assert.match(traced ?? '', new RegExp(`\\d+ ms for the findings of v${version}, \\d+ ms for \\d+ findings' fixes, \\d+ ms to build ${ca.length} actions`));
      assert.deepEqual([...new Set(c.publishedFor(uri).slice(n).map((p) => p.version))], [version], 'only the final version was published');
      const analysed = starts(c, uri);
      const perVersion = new Map<number, number>();
      for (const v of analysed) perVersion.set(v, (perVersion.get(v) ?? 0) + 1);
      assert.ok([...perVersion.values()].every((k) => k === 1), `analysed more than once: ${analysed.join(' ')}`);
      assert.equal(perVersion.get(version), 1, 'the final version was analysed once for diagnostics, hover, lenses, symbols, summary and code actions');
      assert.ok(analysed.length < 25, `edits coalesced: ${analysed.join(' ')}`);
    } finally {
      await c.stop();
    }
  });

  test('a hover sent while a long re-lint runs is answered before that lint finishes', async () => {
    const c = await TestClient.start({ env: TRACE });
    try {
      const uri = 'untitled:long';
      const text = big(400_000);
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      const events: string[] = [];
      const line = text.split('\n').findIndex((l) => l.includes('Improve monitoring'));
      const end = text.split('\n').length - 1;
      const v2 = await c.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: 'More notes.\n' }]);
      const done = c.waitFor('the v2 analysis', () => (c.logs.some((l) => l.includes(`analysis done ${uri} v${v2}`)) ? true : undefined), 120_000).then(() => events.push('lint done'));
      const hover = (c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } }) as Promise<{ contents: unknown } | null>).then((h) => {
        events.push('hover');
        return h;
      });
      const h = await hover;
      await done;
      assert.ok(h, 'the hover has content (from the analysis before the edit: the text up to its line did not change)');
      assert.deepEqual(events, ['hover', 'lint done']);
      await c.diagnosticsFor(uri, v2);
    } finally {
      await c.stop();
    }
  });

  // That the edit's squiggles do not wait for the first model to cross is a matter of order under the machine's load;
  // test/unit/analyzer.test.ts proves it with a linter that holds the model. Here: the real server, nothing lost.
  test('the first edit after opening a long document: its squiggles come, nothing is lost, the first model still answers', async () => {
    const c = await TestClient.start({ env: TRACE });
    try {
      const uri = 'untitled:first-edit';
      const text = manySections(1_500_000);
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      // typed as soon as the first squiggles show, while the first analysis's model (~1 MB of objects) is still crossing
      const line = text.split('\n').findIndex((l) => l.includes('Improve monitoring'));
      const v2 = await c.change(uri, [{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: 'Soon: ' }]);
      const after = await c.diagnosticsFor(uri, v2);
      assert.ok(after.some((d) => d.range.start.line === line), 'the edited item keeps its findings');
      // the first model still arrives (hover answers from it), then the edit's own
      const h = await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 10 } });
      assert.ok(h, 'the hover has content');
      await c.waitFor('the v2 analysis', () => (c.logs.some((l) => l.includes(`analysis done ${uri} v${v2}`)) ? true : undefined), 120_000);
      assert.ok(c.logs.some((l) => l.includes(`analysis done ${uri} v1`)), 'the first model arrived too');
    } finally {
      await c.stop();
    }
  });

  test('the reader view of a long document is built off the main thread: a hover sent after it is answered first', async () => {
    const c = await TestClient.start({ env: TRACE });
    try {
      const uri = 'untitled:long-reader';
      const text = big(400_000);
      await c.open(uri, text);
      await c.diagnosticsFor(uri, 1);
      const line = text.split('\n').findIndex((l) => l.includes('Improve monitoring'));
      const events: string[] = [];
      const reader = (c.connection.sendRequest('postmortemLint/readerModel', { uri }) as Promise<{ bodyHtml: string } | null>).then((r) => {
        events.push('reader');
        return r;
      });
      const hover = (c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } }) as Promise<unknown>).then((h) => {
        events.push('hover');
        return h;
      });
      const [r, h] = await Promise.all([reader, hover]);
      assert.ok(h, 'the hover has content');
      assert.ok(r && r.bodyHtml.includes('The pool size was lowered'), 'the reader view has the whole document');
      assert.deepEqual(events, ['hover', 'reader']);
    } finally {
      await c.stop();
    }
  });

  test('past 2 M characters a document is not linted as you type; the server says so once', async () => {
    const c = await TestClient.start({ env: TRACE });
    try {
      const uri = 'untitled:huge';
      const text = big(2_100_000);
      await c.open(uri, text);
      assert.deepEqual(await c.diagnosticsFor(uri, 1), []);
      await c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      assert.deepEqual(await c.diagnosticsFor(uri, 2), []);
      assert.equal(await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 30, character: 8 } }), null);
      const said = c.messages.filter((m) => /not linted as you type/.test(m.message));
      assert.equal(said.length, 1, JSON.stringify(c.messages));
      assert.match(said[0].message, /^Postmortem Lint: untitled:huge has 2\.\d M characters; past 2 M it is not linted as you type\. Run postmortem-lint on it\.$/);
      assert.deepEqual(starts(c, uri), []);
    } finally {
      await c.stop();
    }
  });
});

describe('findings before the model', () => {
  test('diagnostics need only the findings: they are answered while the model is still on its way from the lint thread', async () => {
    const { Analyzer } = await import('../../server/src/lsp/analysis');
    const { lint } = await import('../../server/src/lint/lint');
    let deliver!: () => void;
    const modelArrives = new Promise<void>((r) => (deliver = r));
    // a lint thread whose findings are sent at once and whose model comes when the test says so
    const analyzer = new Analyzer(async (text, options, _doc, early) => {
      const result = lint(text, options);
      early?.({ findings: result.findings, isPostmortem: result.isPostmortem, detectedBy: result.detectedBy });
      await modelArrives;
      return result;
    });
    const options = async () => ({ today: '2026-03-01' });
    const whole = analyzer.analyze('doc', 1, 1, POSTMORTEM, 'k', options);
    let modelDone = false;
    void whole.then(() => (modelDone = true));
    const findings = await analyzer.findings('doc', 1, 1, POSTMORTEM, 'k', options);
    assert.ok(findings && findings.result.findings.length > 0, 'the findings are there');
    assert.equal(modelDone, false, 'before the model');
    deliver();
    const a = await whole;
    assert.deepEqual(a?.result.findings, findings.result.findings, 'the same findings as the whole analysis');
    // a newer version asked for while the old one runs: its waiters get the newer findings
    const newer = POSTMORTEM.replace('Improve monitoring', 'Improve alerting');
    const both = [analyzer.findings('doc', 2, 2, POSTMORTEM + '\n', 'k', options), analyzer.findings('doc', 3, 3, newer, 'k', options)];
    const [second, third] = await Promise.all(both);
    assert.equal(second?.revision, 3);
    assert.equal(third?.revision, 3);
  });

  test('typing on: the next revision starts once the findings are in, and the model it made useless is dropped', async () => {
    const { Analyzer, Superseded } = await import('../../server/src/lsp/analysis');
    const { lint } = await import('../../server/src/lint/lint');
    const started: number[] = [];
    const logged: string[] = [];
    const drops: (() => void)[] = [];
    // a lint thread that sends the findings at once and then holds the model until a newer lint comes (which drops it)
    const analyzer = new Analyzer(
      async (text, options, _doc, early) => {
        for (const drop of drops.splice(0)) drop();
        started.push(text.length);
        const result = lint(text, options);
        early?.({ findings: result.findings, isPostmortem: result.isPostmortem, detectedBy: result.detectedBy });
        await new Promise<void>((_resolve, reject) => drops.push(() => reject(new Superseded())));
        return result;
      },
      undefined,
      (line) => logged.push(line),
    );
    const options = async () => ({ today: '2026-03-01' });
    const first = await analyzer.findings('doc', 1, 1, POSTMORTEM, 'k', options);
    assert.equal(first?.revision, 1);
    const whole = analyzer.analyze('doc', 1, 1, POSTMORTEM, 'k', options);
    const next = await analyzer.findings('doc', 2, 2, POSTMORTEM + '\n', 'k', options);
    assert.equal(next?.revision, 2, 'the newer findings came while the older model was still held');
    assert.deepEqual(started, [POSTMORTEM.length, POSTMORTEM.length + 1]);
    const got = await Promise.race([whole, new Promise((r) => setImmediate(() => r('pending')))]);
    assert.equal(got, 'pending', 'who waited for revision 1 gets revision 2, whose model is still on its way');
    // closing the document: the lint thread drops the model it held
    analyzer.forget('doc');
    for (const drop of drops.splice(0)) drop();
    assert.equal(await whole, undefined);
    assert.deepEqual(logged, [], 'a dropped model is not a failure');
  });
});

describe('a model nobody asked for yet', () => {
  test('typing on: the model is wanted only once a face asks for it, a newer revision inherits the wish, another document does not wait for it', async () => {
    const { Analyzer } = await import('../../server/src/lsp/analysis');
    type Demand = InstanceType<typeof import('../../server/src/lsp/analysis').ModelDemand>;
    const { lint } = await import('../../server/src/lint/lint');
    const demands: { doc: string; text: string; demand: Demand }[] = [];
    // a lint thread that sends the findings at once and holds the model until it is wanted
    const analyzer = new Analyzer(async (text, options, doc, early, demand) => {
      demands.push({ doc: doc!, text, demand: demand! });
      const result = lint(text, options);
      early?.({ findings: result.findings, isPostmortem: result.isPostmortem, detectedBy: result.detectedBy });
      if (!demand!.wanted) await new Promise<void>((resolve) => demand!.onWant(resolve));
      return result;
    });
    const options = async () => ({ today: '2026-03-01' });
    // diagnostics need the findings only: the model is not wanted
    const first = await analyzer.findings('doc', 1, 1, POSTMORTEM, 'k', options);
    assert.ok(first && first.result.findings.length > 0);
    assert.equal(demands[0].demand.wanted, false);
    // a hover or a code lens asks for the whole analysis: its model is wanted, and it comes
    const whole = await analyzer.analyze('doc', 1, 1, POSTMORTEM, 'k', options);
    assert.equal(demands[0].demand.wanted, true);
    assert.equal(whole?.revision, 1);
    // the workspace index asks without hurry: still not wanted
    const edited = POSTMORTEM + '\n';
    const forIndex = analyzer.analyze('doc', 2, 2, edited, 'k', options, false);
    await analyzer.findings('doc', 2, 2, edited, 'k', options);
    assert.equal(demands[1].demand.wanted, false);
    // another document's analysis does not wait behind a model nobody wants
    const other = await analyzer.findings('other', 1, 1, POSTMORTEM, 'k', options);
    assert.equal(other?.revision, 1);
    assert.equal(demands[1].demand.wanted, true, "the held model was let go for the other document's lint");
    assert.equal((await forIndex)?.revision, 2);
    // who waited for a revision's model (a hover) gets the newer revision's, which is wanted at once
    const hover = analyzer.analyze('doc', 3, 3, POSTMORTEM, 'k', options);
    const newer = POSTMORTEM.replace('Improve monitoring', 'Improve alerting');
    const typedOn = analyzer.findings('doc', 4, 4, newer, 'k', options);
    assert.equal((await hover)?.revision, 4);
    assert.equal((await typedOn)?.revision, 4);
    assert.equal(demands.find((d) => d.text === newer)?.demand.wanted, true);
  });

  test('the lint thread sends a model when asked, drops it unsent for a newer lint, and never holds a first one', async () => {
    const { lintThread } = await import('../../server/src/lsp/lint-thread');
    const { ModelDemand, Superseded } = await import('../../server/src/lsp/analysis');
    const logged: string[] = [];
    const thread = lintThread(path.join(ROOT, 'dist', 'lint-worker.js'), (l) => logged.push(l));
    const options = { today: '2026-03-01' };
    const findingsOf = (text: string, demand: InstanceType<typeof ModelDemand>) => {
      let heard!: (n: number) => void;
      const early = new Promise<number>((r) => (heard = r));
      const whole = thread.lint(text, options, 'doc', (r) => heard(r.findings.length), demand);
      return { early, whole };
    };
    // a document's first model comes without being asked for (hover has nothing else to answer from)
    const first = await findingsOf(POSTMORTEM, new ModelDemand()).whole;
    assert.ok(first.model.actionItems.length > 0);
    // typing on: the second lint's model, never asked for, is dropped for the third
    const alerting = POSTMORTEM.replace('Improve monitoring', 'Improve alerting');
    const second = findingsOf(alerting, new ModelDemand());
    const asked = new ModelDemand();
    const third = findingsOf(alerting.replace('Improve alerting', 'Improve paging'), asked);
    assert.ok((await second.early) > 0, 'its findings came');
    await assert.rejects(second.whole, Superseded);
    // asked for after the findings: it comes, with the new text's items
    asked.want();
    const got = await third.whole;
    assert.ok(got.model.actionItems.some((i) => i.text.includes('Improve paging')));
    assert.ok(got.findings.length > 0);
    thread.forget('doc');
    assert.deepEqual(logged, []);
  });
});
