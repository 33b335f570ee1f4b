// The main thread's side of lsp/model-delta.ts: the model of a lint built from what crossed and from the document's
// last model, whose equal items and sections are kept (their positions after the edit moved in place) instead of
// deserialised again. The last model's analysis is then out of date: a kept item is the same object in both, moved to
// the new text. Nothing holds an analysis across a turn of the event loop once a newer one is there (the faces read
// the analysis they get at once; the reader view asks again after waiting for the lint thread).
import { isPosition, type ModelDelta, type PositionLike } from './model-delta-shared';

/** The model the main thread holds for a document, with its tables (as `tablesOf` orders them). */
export interface HeldModel {
  id: number;
  model: Record<string, unknown>;
  sections: object[];
  items: object[];
}

/** The held model does not match the one the lint thread built its change on. */
export class BaseMismatch extends Error {}

/** Lint `id`'s model from `d` and `held` (the document's last model here; undefined when there is none). */
export function applyModel(id: number, held: HeldModel | undefined, d: ModelDelta): HeldModel {
  if (d.base !== undefined && held?.id !== d.base) {
    throw new BaseMismatch(`a model change to lint ${d.base}, but the main thread holds ${held ? `lint ${held.id}'s model` : 'none'}`);
  }
  const oldSections = d.base === undefined ? [] : held!.sections;
  const oldItems = d.base === undefined ? [] : held!.items;
  const change = d.change;
  if (change && d.moved.length) {
    // kept entries with positions after the edit, moved before they are linked to new entries (the walk stops at
    // other entries: each is moved on its own, or not at all)
    const entries = new Set<object>(oldSections);
    for (const it of oldItems) entries.add(it);
    // a position moved is marked by a negative offset until the end (one may be shared: it moves once)
    const movedNow: PositionLike[] = [];
    const { start, oldEnd, delta, lines, endLine, chars } = change;
    const move = (v: unknown, top: boolean, depth: number): void => {
      if (v === null || typeof v !== 'object' || depth > 200) return;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) move(v[i], false, depth + 1);
        return;
      }
      if (isPosition(v)) {
        if (v.offset < start) return;
        if (v.offset < oldEnd) throw new Error('a kept position lies inside the edit');
        if (v.line === endLine) v.character += chars;
        v.line += lines;
        v.offset = -1 - (v.offset + delta);
        movedNow.push(v);
        return;
      }
      if (!top && entries.has(v)) return;
      const o = v as Record<string, unknown>;
      for (const k in o) move(o[k], false, depth + 1);
    };
    try {
      for (const h of d.moved) move(h >= 0 ? oldSections[h] : oldItems[-2 - h], true, 0);
    } finally {
      for (const p of movedNow) p.offset = -1 - p.offset;
    }
  }
  const sections = d.sections.map((w) => (typeof w === 'number' ? oldSections[w] : (w as object)));
  const items = d.items.map((w) => (typeof w === 'number' ? oldItems[w] : (w as object)));
  const { links, arrays, model } = d;
  for (let i = 0; i < links.length; ) {
    const kind = links[i] as number;
    const holder = links[i + 1] as number;
    const target = links[i + 2] as number;
    const n = links[i + 3] as number;
    let o = (holder === -1 ? model : holder >= 0 ? sections[holder] : items[-2 - holder]) as Record<string | number, unknown>;
    for (let k = 0; k < n - 1; k++) o = o[links[i + 4 + k]] as Record<string | number, unknown>;
    o[links[i + 4 + n - 1]] =
      kind === 0 ? sections[target] : kind === 1 ? items[target] : arrays[target].map((j) => (kind === 2 ? sections[j] : items[j]));
    i += 4 + n;
  }
  return { id, model, sections, items };
}
