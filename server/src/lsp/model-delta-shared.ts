// What the two sides of a model's crossing (lsp/model-delta.ts, model-delta-apply.ts) agree on: the edit between two
// texts and how it moves a position, the model's two tables (sections, items) and the message itself.

/** What an edit did to the text: [start, oldEnd) of the old text became [start, oldEnd + delta) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
  /** Line breaks added (negative: removed). */
  lines: number;
  /** The old line of `oldEnd`: positions after the edit on that line also move by `chars` columns. */
  endLine: number;
  chars: number;
}

/** Position-like: moved by a change (both threads must agree on what is one). */
export interface PositionLike {
  line: number;
  character: number;
  offset: number;
}

export function isPosition(v: object): v is PositionLike {
  const p = v as Partial<PositionLike>;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number';
}

/**
 * Where `p` (of the old text) is in the new text, as [offset, line, character]; undefined when the edit replaced it.
 * Before the edit: unchanged; at or after its end: moved.
 */
export function movedBy(c: TextChange, offset: number, line: number, character: number): [number, number, number] | undefined {
  if (offset < c.start) return [offset, line, character];
  if (offset < c.oldEnd) return undefined;
  return [offset + c.delta, line + c.lines, line === c.endLine ? character + c.chars : character];
}

/** The two tables of a model: sections then items, and (lint thread only) each entry's index (items: -1 - index). */
export interface Tables {
  sections: object[];
  items: object[];
}

type Plain = Record<string, unknown>;
interface ModelShape {
  allSections?: unknown[];
  sections?: unknown[];
  actionItemSections?: unknown[];
  actionItems?: unknown[];
  actionItemLabels?: { items?: unknown[] }[];
}

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** The model's sections and items, in an order both threads derive from the same model the same way. */
export function tablesOf(model: object): Tables & { index: Map<object, number> } {
  const m = model as ModelShape;
  const index = new Map<object, number>();
  const sections: object[] = [];
  const items: object[] = [];
  const addSection = (s: unknown) => {
    if (!isObject(s) || index.has(s)) return;
    index.set(s, sections.length);
    sections.push(s);
  };
  const addItem = (it: unknown) => {
    if (!isObject(it) || index.has(it)) return;
    index.set(it, -1 - items.length);
    items.push(it);
  };
  for (const s of m.allSections ?? []) addSection(s);
  for (const s of m.sections ?? []) addSection(s);
  for (const s of m.actionItemSections ?? []) addSection(s);
  for (const it of m.actionItems ?? []) addItem(it);
  for (const l of m.actionItemLabels ?? []) for (const it of l.items ?? []) addItem(it);
  for (const it of items) addSection((it as Plain).section);
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i] as Plain;
    addSection(s.parent);
    if (Array.isArray(s.children)) for (const c of s.children) addSection(c);
  }
  return { sections, items, index };
}

/**
 * Links, flat: kind (0 a section, 1 an item, 2 an array of sections, 3 of items: `target` indexes `arrays`), the
 * holder (-1 the model, i ≥ 0 section i, -2 - i item i), target, path length, …path.
 */
export type Links = (string | number)[];

/** What crosses for a model. */
export interface ModelDelta {
  /** Marks the message (the main thread also takes a bare `{ model }`). */
  delta: true;
  /** The lint whose model this one is a change to; undefined: none (every entry crosses). */
  base?: number;
  change?: TextChange;
  /** Per entry of the new tables: the index of the equal entry of the base's, or the entry (references taken out). */
  sections: unknown[];
  items: unknown[];
  /** Kept entries whose positions move (`holder` numbering as in Links). */
  moved: number[];
  links: Links;
  arrays: number[][];
  /** The model without its text, line index and tables' entries (references taken out). */
  model: Plain;
}

/** The lint thread's record of the last model the main thread has, per document. */
export interface SentModel extends Tables {
  id: number;
  /** The model as linted (text and line index included). */
  model: { text: string; lines: { positionAt(offset: number): PositionLike } };
  index: Map<object, number>;
}

/** What changed between two texts, from their common start and end. */
export function textChange(before: SentModel['model'], after: SentModel['model']): TextChange {
  const a = before.text;
  const b = after.text;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  const oldEnd = a.length - tail;
  const newEnd = b.length - tail;
  const was = before.lines.positionAt(oldEnd);
  const is = after.lines.positionAt(newEnd);
  return { start, oldEnd, delta: b.length - a.length, lines: is.line - was.line, endLine: was.line, chars: is.character - was.character };
}

