// Shared helpers for rules: which items to check, short quotes for messages, ISO date arithmetic, and the edits
// that write a field in the item's own format or move items to a Deferred section. Pure: reads only the model.
import type { ActionItem, Postmortem, Range, Section, TextEdit } from '../../engine/types';
import { rangeOf } from '../../engine/lines';
import { backOver, isSpace, wordEndingAt, pushAll } from '../../engine/scan';

/** Items that count: not in a Deferred / Not doing section. */
export function activeItems(model: Postmortem): ActionItem[] {
  return model.actionItems.filter((i) => !i.deferred);
}

export { looksCompleted } from '../../engine/completed';

/** Open items: counted, not done / not doing, and not written as already done. */
export function openItems(model: Postmortem): ActionItem[] {
  return activeItems(model).filter((i) => isOpen(i));
}

/** Open: not done and not "not doing". The parser marks items written as done ("Reverted …") as done. */
export function isOpen(item: ActionItem): boolean {
  return item.status === 'open';
}

/** The item's words, shortened for a message: 'Add an alert on replica lag…'. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.—–-]+$/, '') + '…';
}

const FIELD_SEPARATORS = ',;(—–-';
const FIELD_LABELS = ['owner', 'owners', 'assignee', 'assigned to', 'dri', 'priority', 'prio', 'ticket', 'tickets', 'status', 'due', 'due date', 'deadline', 'eta'];
const DUE_LEAD_WORDS = ['due', 'due date', 'due by', 'due on', 'by', 'until', 'before', 'deadline', 'eta', 'target', 'target date', 'no later than'];

/** The item's own words, without the metadata written inline after them (owner, due date, priority, tickets). */
export function actionWordsRange(model: Postmortem, item: ActionItem): { start: number; end: number } {
  const s = item.textRange.start.offset;
  let e = item.textRange.end.offset;
  const fields = [
    ...item.owners.map((o) => o.range),
    item.ownerPlaceholder?.range,
    item.due?.range,
    item.priority?.range,
    item.statusField?.range,
    ...item.tickets.map((t) => t.range),
  ];
  let first: Range | undefined;
  for (const r of fields) {
    if (r && r.start.offset > s && r.start.offset < e) {
      e = r.start.offset;
      first = r;
    }
  }
  const text = model.text;
  if (first) {
    // drop the separator and the field's own label ("— owner: ", ", due ", "(Ticket ") before the first field: a walk
    // back from the field, each step removing at least one character (regexes anchored at the end of the item's text
    // rescanned it on every step: quadratic to cubic on long runs of separators or labels)
    const dueWords = first === item.due?.range ? DUE_LEAD_WORDS : [];
    for (;;) {
      let next = backOver(text, (c) => FIELD_SEPARATORS.includes(c) || isSpace(c), e, s);
      if (text[next - 1] === ':' || text[next - 1] === '=') {
        const w = wordEndingAt(text, backOver(text, isSpace, next - 1, s), FIELD_LABELS, s);
        if (w >= 0) next = w;
      }
      if (dueWords.length) {
        const w = wordEndingAt(text, next, dueWords, s);
        if (w >= 0) next = w;
      }
      if (next === e) break;
      e = next;
    }
  }
  return { start: s, end: e > s ? e : item.textRange.end.offset };
}

/** The item's words for a message: its action, without markdown marks or inline metadata. */
export function words(model: Postmortem, item: ActionItem): string {
  const r = actionWordsRange(model, item);
  const raw = model.text.slice(r.start, r.end).replace(/[`*_]+/g, '').replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(raw.replace(/^\[[ xX]?\]/, '')) ? raw : item.text.replace(/\s+/g, ' ').trim();
}

/** The first line of the item's main text: where item findings point, so the squiggle stays readable. */
export function headRange(model: Postmortem, item: ActionItem): Range {
  const s = item.textRange.start;
  const end = Math.min(item.textRange.end.offset, model.lines.lineEnd(s.line));
  return rangeOf(model.lines, s.offset, Math.max(s.offset, end));
}

/** Messages stay one short line: the Problems panel cuts at about 110 characters, and ESLint's run under 90. */
export const MESSAGE_MAX = 90;

/**
 * A message built around one quoted piece of the document, shortened (with "…") so that the whole message fits in
 * MESSAGE_MAX characters: `fit("'", itemText, "' is too vague: …")`.
 */
export function fit(before: string, quoted: string, after: string, max = MESSAGE_MAX): string {
  const room = Math.max(12, max - before.length - after.length - 1); // - 1: quote() may add "…"
  return before + quote(quoted, room) + after;
}

/** The example due date every face shows (messages, hover, prompts): the "in 2 weeks" choice. */
export function exampleDueDate(today: string): string {
  return dateChoices(today)[1].value;
}

export function sliceOf(model: Postmortem, r: Range): string {
  return model.text.slice(r.start.offset, r.end.offset);
}

/** yyyy-mm-dd plus n days (UTC arithmetic, no time zone surprises). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, (m || 1) - 1, d || 1) + n * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a), both yyyy-mm-dd. */
export function daysBetween(a: string, b: string): number {
  const p = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1);
  };
  return Math.round((p(b) - p(a)) / 86_400_000);
}

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

/** The last day of the month `monthsAhead` after the month of `iso`. */
export function endOfMonth(iso: string, monthsAhead = 0): string {
  const [y, m] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) + monthsAhead, 0)).toISOString().slice(0, 10);
}

/**
 * The due dates every face offers (quick fixes, the VS Code date prompt, `due ` completion): in 1 week, in 2 weeks,
 * end of this month (end of next month when this one ends within a week). Computed here once.
 */
export function dateChoices(today: string): { label: string; value: string; description: string }[] {
  const eom = endOfMonth(today);
  const soon = addDays(today, 7) >= eom;
  const c = (value: string, label: string) => ({ label, value, description: value });
  return [
    c(addDays(today, 7), 'in 1 week'),
    c(addDays(today, 14), 'in 2 weeks'),
    soon ? c(endOfMonth(today, 1), 'end of next month') : c(eom, 'end of this month'),
  ];
}

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
  if (item.format !== 'table-row' && item.subItems.length) {
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

// ------------------------------------------------------------------------------------------------
// Prose: computed once in the model's facts (engine/facts.ts), re-exported for the rules that import it from here

export { proseText } from '../../engine/facts';

/** The section (deepest heading) an offset falls in. */
export function sectionAtOffset(model: Postmortem, offset: number) {
  let found: Postmortem['allSections'][number] | undefined;
  for (const s of model.allSections) {
    if (s.headingRange.start.offset <= offset) found = s;
    else break;
  }
  return found;
}
