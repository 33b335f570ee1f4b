// Action items read from a top-level list or table, reused between parses of one document: an edit elsewhere leaves
// the block's unit tree as it was (model/parse-units.ts hands out its own node again), so its items are the ones read
// last time, moved by the difference in offset and line and pointed at this parse's section. Character columns never
// move (units start at line starts). What else an item depends on is in the key: the group its section gives and
// whether it is deferred. Everything a block's items are read from lies in its unit's text, which the node identity
// pins down. test/unit/incremental-parse.test.ts checks that the items equal a whole parse's after random edits.
//
// A block that did not move (every block before the edit) is not copied deeply: each item is a shallow copy whose
// arrays are fresh (the steps after reading push to `owners`, `tickets`, `subItems` and assign `status`,
// `statusField`, `due`, `priority`, `ownerPlaceholder` on the item itself) and whose fields, ranges and table info are
// the stored objects. Nothing changes a field, range or position in place once an item is read; the shared objects
// are never written.
import type { RootContent } from 'mdast';
import type { ActionItem, Section } from '../types';
import { originOf } from '../parse-units';
import { groupOf } from './common';

interface Read {
  offset: number;
  line: number;
  group: string | undefined;
  deferred: boolean;
  /** The items as read, kept apart from the model's copies (which later steps change: status, sub-bullets). */
  items: ActionItem[];
}

const reads = new WeakMap<RootContent, Read>();

/** A deep copy of `value` with every position moved, and each item's `section` set to `section`. */
function moved<T>(value: T, offset: number, line: number, section: Section | undefined): T {
  if (Array.isArray(value)) return value.map((v) => moved(v, offset, line, section)) as T;
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.offset === 'number' && typeof v.line === 'number' && typeof v.character === 'number') {
    return { line: v.line + line, character: v.character, offset: v.offset + offset } as T;
  }
  const out: Record<string, unknown> = {};
  // for…in, not Object.keys: no array of keys per object (the items of every block after an edit are copied each
  // keystroke); the values are plain objects whose prototypes hold nothing enumerable
  for (const key in v) out[key] = key === 'section' ? section : moved(v[key], offset, line, section);
  return out as T;
}

/** The stored items as this parse's own: shallow copies with fresh arrays, sharing what is never written. */
function unmoved(items: ActionItem[], section: Section): ActionItem[] {
  return items.map((item) => ({ ...item, section, owners: [...item.owners], tickets: [...item.tickets], subItems: [...item.subItems] }));
}

/** The items of a top-level block, from the last read of the same unit node when its context is the same. */
export function blockItems(node: RootContent, section: Section, deferred: boolean, read: () => ActionItem[]): ActionItem[] {
  const origin = originOf(node);
  if (!origin) return read();
  const group = groupOf(section);
  const last = reads.get(origin.node);
  if (last && last.group === group && last.deferred === deferred) {
    const offset = origin.offset - last.offset;
    const line = origin.line - last.line;
    return offset === 0 && line === 0 ? unmoved(last.items, section) : moved(last.items, offset, line, section);
  }
  const items = read();
  reads.set(origin.node, { offset: origin.offset, line: origin.line, group, deferred, items: moved(items, 0, 0, undefined) });
  return items;
}
