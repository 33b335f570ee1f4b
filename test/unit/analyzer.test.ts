// The Analyzer (server/src/lsp/analysis.ts) with a fake linter whose model is held back on purpose, so that the order of
// events is decided by the test, not by how fast the machine is. What the user notices: typing right after opening a
// long document, the squiggles for the edit do not wait for the first version's model to cross from the lint thread,
// and hover still gets that first model meanwhile.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type EarlyResult, type Linter } from '../../server/src/lsp/analysis';
import type { LintOptions, LintResult } from '../../server/src/lint/lint';
import type { Postmortem } from '../../server/src/model/types';

interface Held {
  text: string;
  /** Lets the model of this lint cross (resolves the linter's promise). */
  release: () => void;
}

/** A linter that reports its findings at once and holds the whole result until the test releases it. */
function holdingLinter(): { linter: Linter; held: Held[] } {
  const held: Held[] = [];
  const linter: Linter = (text, _options, _doc, early) => {
    const result = { model: { text } as unknown as Postmortem, isPostmortem: true, findings: [] } satisfies LintResult;
    early?.({ isPostmortem: true, findings: [] } satisfies EarlyResult);
    return new Promise<LintResult>((resolve) => held.push({ text, release: () => resolve(result) }));
  };
  return { linter, held };
}

const options = () => Promise.resolve({} as LintOptions);
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('Analyzer: an edit while the first model is still crossing', () => {
  test('the edit\'s findings come before the first model; the first model still answers, then the edit\'s', { timeout: 10_000 }, async () => {
    const { linter, held } = holdingLinter();
    const events: string[] = [];
    const a = new Analyzer(linter, (line) => events.push(line));
    const v1 = await a.findings('doc', 1, 1, 'first text', 'k', options);
    assert.equal(v1?.version, 1, 'the opened document has its findings');
    const hover = a.analyze('doc', 1, 1, 'first text', 'k', options).then((r) => events.push(`model v${r?.version}`));
    // typed while v1's model is held: v2 starts and its findings are published without waiting for v1's model
    const v2 = await a.findings('doc', 2, 2, 'first text, edited', 'k', options);
    assert.equal(v2?.version, 2);
    assert.equal(v2?.text, 'first text, edited', 'the edit\'s findings are for the edited text');
    assert.ok(!events.includes('analysis done doc v1'), `the first model had not crossed yet: ${events.join(' | ')}`);
    assert.deepEqual(held.map((h) => h.text), ['first text', 'first text, edited'], 'each version linted once');
    // the first model crosses: whoever asked for it (a hover sent before the edit) is answered by the newer analysis
    held[0].release();
    await settle();
    assert.ok(events.includes('analysis done doc v1'), 'the first model arrived');
    assert.equal(a.lastFinished('doc')?.version, 1, 'until the edit\'s model crosses, the first one answers');
    held[1].release();
    await hover;
    assert.equal(a.lastFinished('doc')?.version, 2, 'then the edit\'s own model');
    assert.ok(events.includes('model v2'), `the hover waiting on v1 gets the document as it is now: ${events.join(' | ')}`);
  });

  test('edits typed before the first findings wait behind them; the burst costs one more lint, for the newest text', { timeout: 10_000 }, async () => {
    const held: Held[] = [];
    let sayFindings: (() => void) | undefined;
    const linter: Linter = (text, _o, _d, early) =>
      new Promise<LintResult>((resolve) => {
        const result = { model: {} as Postmortem, isPostmortem: true, findings: [] } satisfies LintResult;
        sayFindings = () => early?.({ isPostmortem: true, findings: [] });
        held.push({ text, release: () => resolve(result) });
      });
    const a = new Analyzer(linter);
    const first = a.findings('doc', 1, 1, 'a', 'k', options);
    await settle();
    const second = a.findings('doc', 2, 2, 'ab', 'k', options);
    const third = a.findings('doc', 3, 3, 'abc', 'k', options);
    await settle();
    assert.deepEqual(held.map((h) => h.text), ['a'], 'queued edits wait for the running lint\'s findings');
    sayFindings?.();
    held[0].release();
    await settle();
    await settle();
    // v2 was superseded in the queue by v3: one lint for the burst
    assert.deepEqual(held.map((h) => h.text), ['a', 'abc']);
    sayFindings?.();
    held[1].release();
    const [r1, r2, r3] = await Promise.all([first, second, third]);
    assert.deepEqual([r1?.version, r2?.version, r3?.version], [3, 3, 3], 'every waiter gets the document as it is now');
  });
});
