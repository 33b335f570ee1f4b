// Moving the positions of markdown nodes (model/parse-units.ts): a unit is parsed with positions relative to its own
// start and placed in the document by moving them. Three ways, by who else may hold the nodes:
// - `shifted`: a copy, the unit tree untouched (it is cached and placed again at the next parse);
// - `shiftInPlace`: the nodes themselves get new position objects (a tree this parse alone holds);
// - `moveInPlace`: the position objects themselves are changed (a placed copy that only the last parse handed out).
import type { RootContent } from 'mdast';

export interface Shift {
  offset: number;
  line: number;
}

/** A copy of `node` with every position moved by `by` (the unit's offset and first line). */
export function shifted<T extends RootContent>(node: T, by: Shift): T {
  const copy = { ...node } as T & { children?: RootContent[] };
  const p = node.position;
  if (p) {
    copy.position = {
      start: { line: p.start.line + by.line, column: p.start.column, offset: (p.start.offset ?? 0) + by.offset },
      end: { line: p.end.line + by.line, column: p.end.column, offset: (p.end.offset ?? 0) + by.offset },
    };
  }
  if ('children' in node) copy.children = (node.children as RootContent[]).map((c) => shifted(c, by));
  return copy;
}

/**
 * `nodes` and all below them with every position moved by `by`, in place: for the trees of a parse without a cache,
 * which no other parse holds (new position objects: the parser's may be shared).
 */
export function shiftInPlace(nodes: RootContent[], by: Shift): void {
  for (const n of nodes) {
    const p = n.position;
    if (p) {
      n.position = {
        start: { line: p.start.line + by.line, column: p.start.column, offset: (p.start.offset ?? 0) + by.offset },
        end: { line: p.end.line + by.line, column: p.end.column, offset: (p.end.offset ?? 0) + by.offset },
      };
    }
    if ('children' in n) shiftInPlace(n.children as RootContent[], by);
  }
}

/**
 * `nodes` (copies made by `shifted`, whose position objects are their own) and all below them moved by `by`, changing
 * the position objects: no allocation, so a keystroke does not copy every section after it.
 */
export function moveInPlace(nodes: RootContent[], by: Shift): void {
  for (const n of nodes) {
    const p = n.position;
    if (p) {
      p.start.offset = (p.start.offset ?? 0) + by.offset;
      p.start.line += by.line;
      p.end.offset = (p.end.offset ?? 0) + by.offset;
      p.end.line += by.line;
    }
    if ('children' in n) moveInPlace(n.children as RootContent[], by);
  }
}
