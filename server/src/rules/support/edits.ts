// Edits rules offer: a field written in the item's own format, and items moved to a Deferred section.
import type { ActionItem, Postmortem, Range, Section, TextEdit } from '../../model/types';
import { rangeOf } from '../../model/lines';
import { pushAll } from '../../model/scan';
import { actionWordsRange } from './items';
import { inHtmlBlock } from '../../model/html-regions';

/**
 * What goes before a block (heading, section) inserted at `at` so that it starts after a blank line: nothing at the
 * start of the document or after a blank line, one line break at the start of a line, two in the middle of one.
 * Looks back from `at` only (a regex anchored at the end of `text.slice(0, at)` scans the whole prefix).
 */
export function blockSeparatorBefore(text: string, at: number, eol: string): string {
  if (at <= 0) return '';
  if (text[at - 1] !== '\n') return eol + eol;
  let i = at - 2;
  if (i >= 0 && text[i] === '\r') i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' ? '' : eol;
}

/** The line break the document uses (CRLF documents get CRLF inserts). */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

const point = (model: Postmortem, offset: number): Range => rangeOf(model.lines, offset, offset);

/**
 * An edit that writes a field (owner, due, priority) in the item's own format:
 * - a table row: into the field's cell when the table has that column, else inline in the action cell;
 * - a list item that already has sub-bullets: a new `- Label: value` sub-bullet after the last one;
 * - otherwise inline after the main text (`inline(value)`, e.g. " — @owner" or ", due 2026-03-01").
 */
export function writeFieldEdit(
  model: Postmortem,
  item: ActionItem,
  role: 'owner' | 'due' | 'priority',
  value: string,
  inline: (value: string) => string,
  subLabel: string,
): TextEdit {
  const text = model.text;
  if (item.table) {
    const col = item.table.columns[role];
    const cell = col !== undefined ? item.table.cells[col] : undefined;
    if (cell) {
      if (cell.start.offset !== cell.end.offset) return { range: cell, newText: value };
      // an empty cell: keep one space either side of the value
      const at = cell.start.offset;
      return { range: cell, newText: `${text[at - 1] === ' ' ? '' : ' '}${value}${text[at] === ' ' ? '' : ' '}` };
    }
  }
  // an item read from an HTML list: its sub-items are HTML, where a markdown sub-bullet cannot go (inline instead)
  if (item.format !== 'table-row' && item.subItems.length && !inHtmlBlock(model, item.range.start.offset)) {
    const last = item.subItems[item.subItems.length - 1];
    const lastText = text.slice(last.start.offset, last.end.offset);
    const marker = /^([-*+])\s/.exec(lastText)?.[1] ?? '-';
    const indent = ' '.repeat(Math.max(0, last.start.character)) || item.childIndent || '  ';
    const lineStart = model.lines.lineStart(last.start.line);
    const lead = text.slice(lineStart, last.start.offset);
    const useIndent = /^[ \t]*$/.test(lead) ? lead : indent;
    // insert at the end of the last line of the last sub-item
    const endLine = last.end.line;
    const at = model.lines.lineEnd(endLine);
    return { range: point(model, at), newText: `${eolOf(text)}${useIndent}${marker} ${subLabel}: ${value}` };
  }
  let at = item.appendAt.offset;
  // an owner goes right after the action words, before metadata already written ("— @owner, due …, P2")
  if (role === 'owner') {
    const w = actionWordsRange(model, item);
    if (w.end < at && w.end > item.textRange.start.offset) at = w.end;
  }
  // "Add an alert." → "Add an alert — @owner." (metadata before the final full stop)
  if (at > 0 && text[at - 1] === '.' && !/\.\.$/.test(text.slice(Math.max(0, at - 2), at))) at--;
  return { range: point(model, at), newText: inline(value) };
}

// ------------------------------------------------------------------------------------------------
// Moving items to a Deferred section

interface Block {
  /** Offsets of the whole lines the item occupies [start, end) (end after the line break). */
  start: number;
  end: number;
  /** The item's lines, dedented to the item's own indentation, without the final line break. */
  lines: string[];
  item: ActionItem;
}

/** The whole lines an item occupies, or undefined when it shares a line with other content (blockquote, `- - x`). */
function itemBlock(model: Postmortem, item: ActionItem): Block | undefined {
  const text = model.text;
  const { lines } = model;
  let endOffset = item.range.end.offset;
  for (const s of item.subItems) endOffset = Math.max(endOffset, s.end.offset);
  const startLine = item.range.start.line;
  const endLine = lines.positionAt(endOffset).line;
  const lineStart = lines.lineStart(startLine);
  const lead = text.slice(lineStart, item.range.start.offset);
  if (!/^[ \t]*$/.test(lead)) return undefined;
  const tail = text.slice(endOffset, lines.lineEnd(endLine));
  if (!/^[ \t|]*$/.test(tail)) return undefined;
  const blockEnd = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
  const raw: string[] = [];
  for (let l = startLine; l <= endLine; l++) raw.push(text.slice(lines.lineStart(l), lines.lineEnd(l)));
  const indent = lead.replace(/\t/g, '    ').length;
  const dedented = raw.map((ln) => {
    const m = /^[ \t]*/.exec(ln)![0];
    const width = m.replace(/\t/g, '    ').length;
    return width >= indent ? ' '.repeat(width - indent) + ln.slice(m.length) : ln.slice(m.length);
  });
  return { start: lineStart, end: blockEnd, lines: dedented, item };
}

/** The section after which a Deferred section belongs: the item's top action-items section. */
function anchorSection(item: ActionItem): Section {
  let s: Section | undefined = item.section;
  let found: Section | undefined;
  while (s) {
    if (s.kind === 'action-items') found = s;
    s = s.parent;
  }
  return found ?? item.section;
}

function sameHeader(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((h, i) => h.trim().toLowerCase() === b[i].trim().toLowerCase());
}

/** True when every item can be moved (each occupies whole lines of its own). */
export function canMove(model: Postmortem, items: ActionItem[]): boolean {
  // a paragraph item has no list marker to carry into a Deferred list: it stays where the writer put it
  return items.length > 0 && items.every((i) => i.format !== 'paragraph' && itemBlock(model, i) !== undefined);
}

interface DeferredIndex {
  deferredSections: Section[];
  deferredItems: ActionItem[];
  /** HTML comments that start a line, by end offset. */
  commentsByEnd: Map<number, Range[]>;
}
const deferredIndexes = new WeakMap<Postmortem, DeferredIndex>();

/** What moving items needs from the whole model, computed once per model: rules ask for a move per item. */
function deferredIndex(model: Postmortem): DeferredIndex {
  let ix = deferredIndexes.get(model);
  if (ix) return ix;
  const commentsByEnd = new Map<number, Range[]>();
  for (const r of model.opaqueRanges) {
    if (r.start.character !== 0 || !model.text.startsWith('<!--', r.start.offset)) continue;
    const list = commentsByEnd.get(r.end.offset);
    if (list) list.push(r);
    else commentsByEnd.set(r.end.offset, [r]);
  }
  ix = {
    deferredSections: model.allSections.filter((s) => s.kind === 'deferred'),
    deferredItems: model.actionItems.filter((i) => i.deferred),
    commentsByEnd,
  };
  deferredIndexes.set(model, ix);
  return ix;
}

/**
 * Edits that move the items, text intact, to a Deferred section right after their action items section,
 * creating it when there is none. Table rows go into a table with the same header. Undefined when an item
 * cannot be moved cleanly (it shares its line with other content).
 */
export function moveToDeferredEdits(model: Postmortem, items: ActionItem[]): TextEdit[] | undefined {
  if (!items.length) return undefined;
  const blocks: Block[] = [];
  for (const it of [...items].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    const b = itemBlock(model, it);
    if (!b) return undefined;
    // an item nested in another moved item's block (sub-items) moves with it
    if (blocks.some((x) => b.start >= x.start && b.start < x.end)) continue;
    blocks.push(b);
  }
  const text = model.text;
  const eol = eolOf(text);
  const edits: TextEdit[] = blocks.map((b) => ({ range: rangeOf(model.lines, b.start, b.end), newText: '' }));

  const listLines: string[] = [];
  const tables: { header: string[]; headerLines: string[]; rows: string[] }[] = [];
  for (const b of blocks) {
    const t = b.item.table;
    if (!t) {
      pushAll(listLines, b.lines);
      continue;
    }
    let group = tables.find((g) => sameHeader(g.header, t.header));
    if (!group) {
      const hl = t.headerRange.start.line;
      const headerLine = text.slice(model.lines.lineStart(hl), model.lines.lineEnd(hl)).trim();
      const delimLine = text.slice(model.lines.lineStart(hl + 1), model.lines.lineEnd(hl + 1)).trim();
      group = { header: t.header, headerLines: [headerLine, delimLine], rows: [] };
      tables.push(group);
    }
    pushAll(group.rows, b.lines.map((l) => l.trim()));
  }

  const anchor = anchorSection(items[0]);
  const { deferredSections, deferredItems, commentsByEnd } = deferredIndex(model);
  const existing = deferredSections.find((s) => s.headingRange.start.offset >= anchor.headingRange.start.offset) ?? deferredSections[0];

  const chunks: string[] = [];
  if (listLines.length) chunks.push(listLines.join(eol));
  if (existing) {
    // rows whose header matches a table already in the Deferred section go right after its last row
    for (const g of tables) {
      const rows = deferredItems.filter((i) => i.table && sameHeader(i.table.header, g.header) && i.section === existing);
      const lastRow = rows[rows.length - 1];
      if (lastRow) {
        const at = model.lines.lineEnd(lastRow.range.end.line);
        edits.push({ range: rangeOf(model.lines, at, at), newText: eol + g.rows.join(eol) });
      } else chunks.push([...g.headerLines, ...g.rows].join(eol));
    }
    if (chunks.length) {
      // after the last non-blank content of the Deferred section (before any sub-heading)
      let at = existing.ownContentRange.end.offset;
      while (at > existing.headingRange.end.offset && /\s/.test(text[at - 1])) at--;
      if (at < existing.headingRange.end.offset) at = existing.headingRange.end.offset;
      edits.push({ range: rangeOf(model.lines, at, at), newText: eol + eol + chunks.join(eol + eol) });
    }
  } else {
    for (const g of tables) chunks.push([...g.headerLines, ...g.rows].join(eol));
    const depth = anchor.kind === 'action-items' ? anchor.depth : Math.min(6, anchor.depth + 1);
    let at = anchor.bodyRange.end.offset;
    // before trailing HTML comments that close the section (notes, expectations), not after them
    for (let moved = true; moved; ) {
      moved = false;
      let end = at;
      while (end > 0 && /\s/.test(text[end - 1])) end--;
      const c = commentsByEnd.get(end)?.find((r) => r.start.offset > anchor.headingRange.end.offset);
      if (c) {
        at = c.start.offset;
        moved = true;
      }
    }
    const heading = `${'#'.repeat(depth)} Deferred`;
    const body = `${heading}${eol}${eol}${chunks.join(eol + eol)}${eol}`;
    const prefix = blockSeparatorBefore(text, at, eol);
    const suffix = at < text.length ? eol : '';
    edits.push({ range: rangeOf(model.lines, at, at), newText: prefix + body + suffix });
  }
  return edits;
}
