// A model that crossed from the lint thread as a change to the last one (lsp/model-delta.ts, model-delta-apply.ts)
// must be the model that crossing it whole gives: after random edits of every corpus file, fixture and example, each
// version's model is built on the main thread's side from the last one and compared with the whole transfer, value
// for value, and with the same items and sections shared (an item's section is the one in allSections, a label's items
// are the items).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { apply, DOCS, editOf } from './random-edits';
import { lint } from '../../server/src/lint/lint';
import { UnitCache } from '../../server/src/model/parse-units';
import { encodeGraph, GraphDecoder } from '../../server/src/lsp/graph-chunks';
import { encodeModel, type ModelDelta, type SentModel } from '../../server/src/lsp/model-delta';
import { applyModel, type HeldModel } from '../../server/src/lsp/model-delta-apply';
import type { Postmortem } from '../../server/src/model/types';

const TODAY = '2026-11-30';
const SNIPPETS = [
  '\n# New section\n', '\n## Action items\n\n- [ ] Add an alert @sam 2026-01-05\n', '\n### Detect\n', '```', '\n```\n', '<!--', '-->',
  '\n---\n', '\r\n', '\n\n', '## ', '# ', 'x', ' @dana', ' by 2026-02-01', '| a | b |\n|---|---|\n| c | d |\n', '**Impact**: ', '- [x] ',
];
const edit = editOf(SNIPPETS, 200, 400);

/** What crosses threads: v8.serialize in chunks, as the lint thread sends it. */
function across<T>(value: T): T {
  const d = new GraphDecoder();
  for (const c of encodeGraph(value).chunks) d.take(c);
  return d.finish() as T;
}

const strip = (m: Postmortem) => {
  const { lines: _lines, text: _text, ...rest } = m;
  return rest;
};

/** The model's items and sections shared as in `whole`: by their index in allSections / actionItems. */
function sharing(m: Record<string, unknown>): unknown {
  const model = m as unknown as Omit<Postmortem, 'lines' | 'text'>;
  const s = (x: unknown) => model.allSections.indexOf(x as Postmortem['allSections'][number]);
  return {
    items: model.actionItems.map((it) => s(it.section)),
    parents: model.allSections.map((x) => s(x.parent)),
    children: model.allSections.map((x) => x.children.map(s)),
    top: model.sections.map(s),
    labels: model.actionItemLabels.map((l) => l.items.map((it) => model.actionItems.indexOf(it))),
  };
}

test('a model built from changes equals the whole transfer after random edits (every corpus file, fixture, example)', () => {
  assert.ok(DOCS.length >= 100, `corpus, fixtures and examples found (${DOCS.length} files)`);
  let steps = 0;
  let kept = 0;
  let entries = 0;
  DOCS.forEach((file, i) => {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const cache = new UnitCache(true);
        let text = original;
        let sent: SentModel | undefined;
        let held: HeldModel | undefined;
        let id = 0;
        for (let k = 0; k <= edits.length; k++) {
          if (k > 0) text = apply(text, edits[k - 1]);
          const result = lint(text, { today: TODAY, all: true, parseCache: cache });
          const whole = across({ model: strip(result.model) }).model as unknown as Record<string, unknown>;
          const { delta, sent: next } = encodeModel(++id, result.model, strip(result.model) as unknown as Record<string, unknown>, sent);
          held = applyModel(id, held, across(delta) as ModelDelta);
          sent = next;
          steps++;
          entries += delta.sections.length + delta.items.length;
          kept += delta.sections.filter((x) => typeof x === 'number').length + delta.items.filter((x) => typeof x === 'number').length;
          if (!isDeepStrictEqual(held.model, whole)) return false;
          if (!isDeepStrictEqual(sharing(held.model), sharing(whole))) return false;
        }
        return true;
      }),
      { numRuns: 3, seed: 4200 + i },
    );
  });
  assert.ok(steps > DOCS.length * 6, `${steps} versions`);
  // most entries are kept: an edit changes one section's
  assert.ok(kept > entries / 2, `${kept} of ${entries} entries kept`);
});

test('typing at the end of a long document sends only what changed', () => {
  const file = DOCS.find((f) => f.endsWith('.md') && readFileSync(f, 'utf8').length > 20_000) ?? DOCS[0];
  let text = readFileSync(file, 'utf8');
  const cache = new UnitCache(true);
  const first = lint(text, { today: TODAY, parseCache: cache });
  const { delta: d0, sent } = encodeModel(1, first.model, strip(first.model) as unknown as Record<string, unknown>, undefined);
  const held = applyModel(1, undefined, across(d0) as ModelDelta);
  text += '\nx';
  const second = lint(text, { today: TODAY, parseCache: cache });
  const { delta } = encodeModel(2, second.model, strip(second.model) as unknown as Record<string, unknown>, sent);
  const sentSections = delta.sections.filter((x) => typeof x !== 'number').length;
  const sentItems = delta.items.filter((x) => typeof x !== 'number').length;
  assert.ok(sentSections <= 1 && sentItems <= 1, `${sentSections} sections and ${sentItems} items crossed again`);
  const after = applyModel(2, held, across(delta) as ModelDelta);
  assert.deepEqual(after.model, across({ model: strip(second.model) }).model);
  // the kept items are the same objects as before (nothing deserialised for them)
  assert.equal((after.model.actionItems as unknown[])[0], (held.model.actionItems as unknown[])[0]);
});
