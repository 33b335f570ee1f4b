// The lint thread's result crosses in chunks (lsp/graph-chunks.ts) so that the server's main thread can answer a hover
// between them. What arrives must be what structured clone would have delivered: the same values, and the same
// sharing (an item's section is the very section in allSections, a section's parent the section holding it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lint, withoutFixes } from '../../server/src/lint/lint';
import { decodeGraph, encodeGraph, encodeSteps, PAUSE } from '../../server/src/lsp/graph-chunks';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'postmortems');
const mdFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)) : []);

const roundTrip = (v: unknown) => decodeGraph(encodeGraph(v), () => Promise.resolve());

/** Walks `a` and `b` together: every object of `a` maps to one object of `b` and back (sharing and cycles kept). */
function sameSharing(a: unknown, b: unknown): void {
  const there = new Map<object, object>();
  const back = new Map<object, object>();
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    assert.ok(y !== null && typeof y === 'object');
    const seen = there.get(x);
    if (seen !== undefined) {
      assert.equal(seen, y, 'an object reached twice arrives as one object');
      continue;
    }
    assert.equal(back.get(y), undefined, 'two objects stay two');
    there.set(x, y);
    back.set(y, x);
    for (const k of Object.keys(x)) stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
  }
}

test('a lint result crosses in chunks equal to structured clone, sharing kept', async () => {
  const files = [...mdFiles(CORPUS).slice(0, 20), ...mdFiles(join(ROOT, 'test', 'fixtures'))];
  assert.ok(files.length > 0);
  for (const file of files) {
    const r = lint(readFileSync(file, 'utf8'), { today: '2026-11-30' });
    const { lines: _lines, text: _text, ...model } = r.model;
    const payload = { model, findings: r.findings.map(withoutFixes), isPostmortem: r.isPostmortem };
    const got = await roundTrip(payload);
    assert.deepStrictEqual(got, structuredClone(payload), file);
    sameSharing(payload, got);
    const m = (got as typeof payload).model;
    // an item's section is one of allSections, or the heading a label stands for in a page with none ("Action items:"
    // over its list), which is no section of the document (html-blocks.test.ts) and holds that label's items
    const labelled = (item: (typeof m.actionItems)[number]) => m.actionItemLabels.some((l) => l.items.includes(item) && l.title === item.section?.title);
    for (const item of m.actionItems) if (item.section) assert.ok(m.allSections.includes(item.section) || labelled(item), `${file}: an item's section is one of allSections, or its label's heading`);
  }
});

test('long arrays, deep nesting, cycles, holes and non-plain values cross as structured clone delivers them', async () => {
  const shared = { s: 'shared' };
  const long = Array.from({ length: 5000 }, (_, i) => ({ i, shared, nested: { deep: [i, { shared }] } }));
  let deep: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < 1000; i++) deep = { next: deep, i };
  const cyclic: Record<string, unknown> = { name: 'root', children: [] as unknown[] };
  (cyclic.children as unknown[]).push({ parent: cyclic }, { parent: cyclic });
  // eslint-disable-next-line no-sparse-arrays
  const value = { long, deep, cyclic, holes: [1, , 3], map: new Map([[1, shared]]), date: new Date(0), nul: Object.assign(Object.create(null), { a: 1 }), u: undefined, n: -0 };
  const got = await roundTrip(value);
  assert.deepStrictEqual(got, structuredClone(value));
  const g = got as typeof value;
  assert.equal(g.long[0].shared, (g.long[4999].nested.deep[1] as { shared: unknown }).shared);
  assert.equal((g.cyclic.children as { parent: unknown }[])[1].parent, g.cyclic);
  assert.ok(!(1 in g.holes));
  assert.ok(encodeGraph(value).chunks.length > 5, 'a large value spreads over chunks');
  // the sending thread pauses while it looks the value over, before the first chunk: a newer lint is not held
  const steps = [...encodeSteps(value)];
  assert.equal(steps[0], PAUSE);
  assert.deepEqual(steps.filter((c) => c !== PAUSE), encodeGraph(value).chunks);
  for (const v of [null, 3, 'text', undefined, [], {}]) assert.deepStrictEqual(await roundTrip(v), v);
});
