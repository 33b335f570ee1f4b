// A document's model crossing from the lint thread as a change to the one the main thread already holds.
// A 1 MB document's model is ~150,000 objects (items, sections and their ranges); sent whole after every keystroke
// (lsp/graph-chunks.ts), the main thread deserialised ~200 ms of it per lint and its garbage collector copied all of it
// while hovers waited (perf25: the pauses over 50 ms). A keystroke changes the items and sections of one section; the
// others are equal to the last model's once their positions after the edit are moved. So the lint thread compares the
// new model with the last one it sent for the document and sends only the items and sections that differ; the main
// thread keeps the others, moves their positions in place (lsp/model-delta-apply.ts) and links them up again.
//
// Items and sections are the two tables (an item's `section`, a section's `parent` and `children`, a label's `items`
// point into them): each entry crosses either as the index of the equal entry of the last model, or as a copy with
// its references to other entries taken out and listed as links (table, entry, target, path), as graph-chunks does.
// The rest of the model (title, front matter, opaque ranges, …: small) crosses whole each time, its references to
// entries also taken out as links. A kept entry whose references now point elsewhere (a new section above it) gets
// links of its own, so a new heading does not make every entry under it cross again.
// Values are compared exactly (a position after the edit moved by the edit's offset, line and column change): the
// model the main thread builds equals the whole transfer (test/unit/model-delta.test.ts).
import { pushAll } from '../model/scan';
import { isPosition, movedBy, tablesOf, textChange, type Links, type ModelDelta, type SentModel } from './model-delta-shared';

export type { ModelDelta, SentModel } from './model-delta-shared';

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** Deeper than this the comparison gives up (the entry crosses) and the copy stops looking for references. */
const DEEP = 200;
/** Entries compared in a row that differ before the comparison from that end stops. */
const MISSES = 8;

/**
 * The model of lint `id` (`whole`: as linted; `model`: what crosses, without text and line index) as a change to
 * `last` (the last model the main thread took for the document; undefined: it has none), and the record to keep
 * once this one has crossed.
 */
export function encodeModel(id: number, whole: SentModel['model'], model: Plain, last: SentModel | undefined): Encoded {
  const steps = encodeModelSteps(id, whole, model, last);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

type Encoded = { delta: ModelDelta; sent: SentModel };

/** Entries compared between two pauses of `encodeModelSteps` (a few ms: a newer lint need not wait for all). */
const PAIRS_PER_STEP = 400;

/** `encodeModel` with a pause (a yield) every few hundred entries compared: the models must not change meanwhile. */
export function* encodeModelSteps(id: number, whole: SentModel['model'], model: Plain, last: SentModel | undefined): Generator<void, Encoded> {
  const t = tablesOf(model);
  const sent: SentModel = { id, model: whole, ...t };
  const links: Links = [];
  const arrays: number[][] = [];
  const path: (string | number)[] = [];

  /** A copy of `v` with references to entries (below the top when `top`) taken out, recorded as links of `holder`. */
  const strip = (v: unknown, holder: number, top: boolean, depth: number): unknown => {
    if (!isObject(v)) return v;
    if (!top) {
      const k = t.index.get(v);
      if (k !== undefined) {
        pushAll(links, [k >= 0 ? 0 : 1, holder, k >= 0 ? k : -1 - k, path.length]);
        pushAll(links, path);
        return null;
      }
    }
    if (depth > DEEP) return v;
    if (Array.isArray(v)) {
      if (!top && v.length > 0 && isObject(v[0]) && t.index.has(v[0])) {
        const ks = v.map((x) => (isObject(x) ? t.index.get(x) : undefined));
        const kind = ks[0] === undefined ? undefined : ks[0] >= 0;
        if (kind !== undefined && ks.every((k) => k !== undefined && k >= 0 === kind)) {
          pushAll(links, [kind ? 2 : 3, holder, arrays.length, path.length]);
          pushAll(links, path);
          arrays.push((ks as number[]).map((k) => (kind ? k : -1 - k)));
          return null;
        }
      }
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const s = strip(v[i], holder, false, depth + 1);
        path.pop();
        if (s !== v[i]) (out ??= v.slice())[i] = s;
      }
      return out ?? v;
    }
    if (!isPlainObject(v)) return v;
    let out: Plain | undefined;
    const o = v as Plain;
    for (const key in o) {
      path.push(key);
      const s = strip(o[key], holder, false, depth + 1);
      path.pop();
      if (s !== o[key]) (out ??= { ...o })[key] = s;
    }
    return out ?? v;
  };

  const keptSections = new Int32Array(t.sections.length).fill(-1);
  const keptItems = new Int32Array(t.items.length).fill(-1);
  /** References met while comparing: holder, new target (as in `index`), old target, path length, …path. */
  let refs: (string | number)[] = [];
  let entryMoved = false;
  const change = last ? textChange(last.model, whole) : undefined;

  /** Whether new `n` equals old `o` with its positions moved by the change (references: to any entry of the same table). */
  const same = (n: unknown, o: unknown, holder: number, depth: number): boolean => {
    if (!isObject(n) || !isObject(o)) return Object.is(n, o);
    if (depth > 0) {
      const k = t.index.get(n);
      if (k !== undefined) {
        const ok = last!.index.get(o);
        if (ok === undefined || k >= 0 !== ok >= 0) return false;
        pushAll(refs, [holder, k, ok, path.length]);
        pushAll(refs, path);
        return true;
      }
      if (last!.index.has(o)) return false;
      // the same object in both (an unchanged block's items share their fields and ranges with the last parse's):
      // equal when the edit moves none of its positions
      if (n === o && lastOffset(o, t.index, last!.index) < change!.start) return true;
    }
    if (depth > DEEP) return false;
    if (Array.isArray(n)) {
      if (!Array.isArray(o) || n.length !== o.length) return false;
      for (let i = 0; i < n.length; i++) {
        path.push(i);
        const eq = same(n[i], o[i], holder, depth + 1);
        path.pop();
        if (!eq) return false;
      }
      return true;
    }
    if (Array.isArray(o) || !isPlainObject(n) || !isPlainObject(o)) return false;
    const np = n as Plain;
    const op = o as Plain;
    let count = 0;
    for (const key in op) {
      count++;
      if (!(key in np)) return false;
    }
    if (count !== keyCount(np)) return false;
    if (isPosition(o)) {
      if (!isPosition(n)) return false;
      const m = movedBy(change!, o.offset, o.line, o.character);
      if (!m || m[0] !== n.offset || m[1] !== n.line || m[2] !== n.character) return false;
      if (m[0] !== o.offset || m[1] !== o.line || m[2] !== o.character) entryMoved = true;
      for (const key in np) if (key !== 'offset' && key !== 'line' && key !== 'character' && !Object.is(np[key], op[key])) return false;
      return true;
    }
    for (const key in np) {
      path.push(key);
      const eq = same(np[key], op[key], holder, depth + 1);
      path.pop();
      if (!eq) return false;
    }
    return true;
  };

  /** Pairs entries of one table from both ends: `kept[i]` the old index of new entry i, when equal. */
  let compared = 0;
  function* pair(now: object[], before: object[], kept: Int32Array, holderOf: (i: number) => number, movedList: number[]): Generator<void> {
    const tryPair = (i: number, j: number): boolean => {
      const mark = refs.length;
      entryMoved = false;
      if (!same(now[i], before[j], holderOf(i), 0)) {
        refs.length = mark;
        return false;
      }
      kept[i] = j;
      if (entryMoved) movedList.push(holderOf(j));
      return true;
    };
    let front = 0;
    for (let misses = 0; front < now.length && front < before.length && misses < MISSES; front++) {
      misses = tryPair(front, front) ? 0 : misses + 1;
      if (++compared % PAIRS_PER_STEP === 0) yield;
    }
    for (let k = 1, misses = 0; now.length - k >= front && before.length - k >= front && misses < MISSES; k++) {
      misses = tryPair(now.length - k, before.length - k) ? 0 : misses + 1;
      if (++compared % PAIRS_PER_STEP === 0) yield;
    }
  };

  // kept entries' links name them by their new index; `moved` by their old (they are moved before they are placed)
  const moved: number[] = [];
  if (last && change) {
    yield* pair(t.sections, last.sections, keptSections, (i) => i, moved);
    yield* pair(t.items, last.items, keptItems, (i) => -2 - i, moved);
    // a kept entry's reference to an entry that is not now the one it was (a new section above it): a link of its own
    const all = refs;
    refs = [];
    for (let i = 0; i < all.length; ) {
      const holder = all[i] as number;
      const k = all[i + 1] as number;
      const ok = all[i + 2] as number;
      const n = all[i + 3] as number;
      const natural = k >= 0 ? keptSections[k] === ok : keptItems[-1 - k] === -1 - ok;
      if (!natural) {
        pushAll(links, [k >= 0 ? 0 : 1, holder, k >= 0 ? k : -1 - k, n]);
        for (let j = 0; j < n; j++) links.push(all[i + 4 + j]);
      }
      i += 4 + n;
    }
  }
  const sections = t.sections.map((s, i) => (keptSections[i] >= 0 ? keptSections[i] : strip(s, i, true, 0)));
  const items = t.items.map((it, i) => (keptItems[i] >= 0 ? keptItems[i] : strip(it, -2 - i, true, 0)));
  const rest = strip(model, -1, true, 0) as Plain;
  return { delta: { delta: true, base: last?.id, change, sections, items, moved, links, arrays, model: rest }, sent };
}

/**
 * The largest offset of a position in `o` and below (-1: none), remembered per object (the model's objects are never
 * changed once made); Infinity when it holds an entry, anything but plain objects and arrays, or lies deep.
 */
const lastOffsets = new WeakMap<object, number>();
function lastOffset(o: object, a: Map<object, number>, b: Map<object, number>, depth = 0): number {
  const known = lastOffsets.get(o);
  if (known !== undefined) return known;
  let max = -1;
  if (depth > 8 || a.has(o) || b.has(o) || (!Array.isArray(o) && !isPlainObject(o))) max = Infinity;
  else if (isPosition(o)) max = o.offset;
  else {
    const v = o as Plain;
    for (const k in v) {
      const x = v[k];
      if (isObject(x)) max = Math.max(max, lastOffset(x, a, b, depth + 1));
      if (max === Infinity) break;
    }
  }
  lastOffsets.set(o, max);
  return max;
}

function keyCount(o: Plain): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
