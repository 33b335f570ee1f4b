// What a walk over one top-level block of the markdown tree finds, remembered between parses of one document: while a
// unit's text is unchanged model/parse-units.ts hands out the same unit node (originOf), so the walk's findings are
// the ones found last time, moved by the difference in the unit's offset. Only for findings that depend on nothing but
// the block's own nodes and carry document offsets (never lines or columns: `move` shifts offsets only). A tree parsed
// whole has no origins: each block is walked again.
import type { Root, RootContent } from 'mdast';
import { originOf } from './parse-units';

/**
 * `read` over each top-level block of a tree, concatenated in order, with each block's answer remembered by its unit
 * node. The answers handed out are shared between parses: callers must not change them.
 */
export function perBlock<T>(read: (node: RootContent) => readonly T[], move: (value: T, by: number) => T): (tree: Root) => T[] {
  const found = new WeakMap<RootContent, { offset: number; values: readonly T[] }>();
  const ofBlock = (node: RootContent): readonly T[] => {
    const origin = originOf(node);
    if (!origin) return read(node);
    const last = found.get(origin.node);
    if (!last) {
      const values = read(node);
      found.set(origin.node, { offset: origin.offset, values });
      return values;
    }
    const by = origin.offset - last.offset;
    return by === 0 || !last.values.length ? last.values : last.values.map((v) => move(v, by));
  };
  return (tree) => {
    const out: T[] = [];
    for (const node of tree.children) for (const v of ofBlock(node)) out.push(v);
    return out;
  };
}
