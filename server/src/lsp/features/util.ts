// Small helpers shared by the editor-help features: LSP ranges, positions and calendar arithmetic on ISO dates.
// Pure: no connection, no fs.
import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver';
import type { ActionItem, Postmortem, Range, Section } from '../../model/types';

/** Model range → LSP range (drops the absolute offsets the model carries). */
export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Offset of an LSP position in the model's text, clamped to the document. */
export function offsetOf(model: Postmortem, p: LspPosition): number {
  return model.lines.offsetAt(p.line, p.character);
}

export const contains = (r: Range, offset: number): boolean => r.start.offset <= offset && offset <= r.end.offset;

/** The innermost action item whose range holds the offset (end inclusive: a cursor at the end of the line counts). */
export function itemAt(model: Postmortem, offset: number): ActionItem | undefined {
  let best: ActionItem | undefined;
  for (const item of model.actionItems) {
    if (!contains(item.range, offset)) continue;
    if (!best || item.range.end.offset - item.range.start.offset < best.range.end.offset - best.range.start.offset) best = item;
  }
  return best;
}

/** The deepest section whose body holds the offset (the heading line itself excluded). */
export function sectionAt(model: Postmortem, offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of model.allSections) {
    if (offset > s.headingRange.end.offset && offset <= s.bodyRange.end.offset) {
      if (!best || s.depth > best.depth) best = s;
    }
  }
  return best;
}

export function inOpaque(model: Postmortem, offset: number): boolean {
  return model.opaqueRanges.some((r) => r.start.offset < offset && offset < r.end.offset);
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on ISO yyyy-mm-dd strings, in UTC so that time zones and DST never shift a day.

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(iso: string): number | undefined {
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t : undefined;
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  const t = toUtc(iso);
  return t === undefined ? iso : fromUtc(t + days * DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later); undefined when either is not an ISO date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = toUtc(from);
  const b = toUtc(to);
  return a === undefined || b === undefined ? undefined : Math.round((b - a) / DAY);
}

/** Last day of the month `monthsAhead` months after the month of `iso`. */
export function endOfMonth(iso: string, monthsAhead = 0): string {
  const m = ISO_RE.exec(iso);
  if (!m) return iso;
  return fromUtc(Date.UTC(Number(m[1]), Number(m[2]) + monthsAhead, 0));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Saturday 5 December 2026": unambiguous for every reader. */
export function longDate(iso: string): string {
  const t = toUtc(iso);
  if (t === undefined) return iso;
  const d = new Date(t);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A markdown code span that survives backticks in the value. */
export function code(s: string): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  if (!clean) return '` `';
  const runs = clean.match(/`+/g) ?? [];
  const fence = '`'.repeat(runs.reduce((m, r) => Math.max(m, r.length), 0) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Escape text for markdown prose (headings and item text written by the user). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

export function truncate(s: string, max: number): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Handles as written after '@' (no leading '@'); names with spaces are not handles. */
export function handleOf(owner: string): string | undefined {
  const h = owner.trim().replace(/^@/, '');
  return h && !/[\s,;|()[\]<>]/.test(h) ? h : undefined;
}
