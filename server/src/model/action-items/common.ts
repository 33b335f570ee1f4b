// Shared pieces of action-item parsing: the parse context, node offsets, masked segments and field conversion.
import type { Nodes, RootContent } from 'mdast';
import type { ActionItem, Field, LineIndex, Range, Section } from '../types';
import { findOwners, type Hit, type Segment } from '../fields';
import { findDue, type DueHit } from '../due';
import { blankSpans } from '../facts';

/** What every action-item parser needs: the source, its line index and offset → range. */
export interface ParseContext {
  text: string;
  lines: LineIndex;
  range(start: number, end: number): Range;
}

export const startOf = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
export const endOf = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/** The source slice of a node with code spans, HTML, images and link destinations blanked out. */
export function maskedSegment(text: string, node: Nodes, from = startOf(node), to = endOf(node)): Segment {
  // the spans to blank, relative to `from` (blankSpans keeps line breaks, and reads overlaps and any order)
  const spans: [number, number][] = [];
  const blank = (s: number, e: number) => {
    if (Math.min(e, to) > Math.max(s, from)) spans.push([Math.max(s, from) - from, Math.min(e, to) - from]);
  };
  const visit = (n: Nodes) => {
    const s = startOf(n);
    const e = endOf(n);
    if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'image' || n.type === 'imageReference' || n.type === 'code') {
      blank(s, e);
      return;
    }
    if (n.type === 'link' || n.type === 'linkReference') {
      // keep the link text, blank the brackets and the destination
      let cursor = s;
      for (const c of n.children) {
        blank(cursor, startOf(c));
        cursor = endOf(c);
      }
      blank(cursor, e);
      if (n.children.length === 0) blank(s, e);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return { text: blankSpans(text.slice(from, to), spans), offset: from };
}

/**
 * Whether a piece of writing names an owner or a due date the way an item's fields are read (fields.ts, due.ts): an
 * @handle, "Owner: Ana" (or an owner field left to fill, "Owner: TBD"), a date, a due phrase ("by end of Q3",
 * "ASAP"). Asked by the readers that tell tracked work from finished details and standing practices, so that what
 * counts as an owner or a date is decided in one place.
 */
export function namesOwnerOrDate(seg: Segment): boolean {
  const o = findOwners(seg);
  return o.owners.length > 0 || o.placeholder !== undefined || findDue(seg) !== undefined;
}

export function linkTickets(node: Nodes, ctx: ParseContext): Field<string>[] {
  const out: Field<string>[] = [];
  // where the next link without a place of its own is looked for: after the last one found, inside the nearest node
  // that has a place
  let cursor = startOf(node);
  const visit = (n: Nodes, end: number) => {
    if (n.type === 'link' && /^(https?:|mailto:)/i.test(n.url)) {
      const at = n.position ? { start: startOf(n), end: endOf(n) } : placeOfLiteral(n, ctx.text, cursor, end);
      if (at) {
        out.push({ value: n.url, text: n.url, range: ctx.range(at.start, at.end) });
        cursor = at.end;
      }
    }
    if (n.position) cursor = Math.max(cursor, startOf(n));
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c, n.position ? endOf(n) : end);
  };
  visit(node, endOf(node));
  return out;
}

/**
 * Where an autolink literal the mdast transform made stands in the source: that transform (a find-and-replace over text
 * nodes, for literals the syntax did not take, as "([: https://…") gives its links no position. Its text is the
 * literal as written; it is looked for from `from` up to `to` (the nearest node with a place). Without this, the
 * ticket's range was the document's start, and the reuse of unchanged items moved it with every edit above.
 */
function placeOfLiteral(link: Nodes, text: string, from: number, to: number): { start: number; end: number } | undefined {
  const literal = 'children' in link ? (link.children as Nodes[]).map((c) => ('value' in c ? c.value : '')).join('') : '';
  if (!literal) return undefined;
  const start = text.indexOf(literal, from);
  return start >= 0 && start + literal.length <= to ? { start, end: start + literal.length } : undefined;
}

export const toField = <T>(h: Hit<T>, ctx: ParseContext): Field<T> => ({ value: h.value, text: h.text, range: ctx.range(h.start, h.end) });

export function dueField(h: DueHit | undefined, ctx: ParseContext): ActionItem['due'] {
  if (!h) return undefined;
  return h.kind === 'date'
    ? { kind: 'date', iso: h.iso, ambiguous: h.ambiguous, value: h.value, text: h.text, range: ctx.range(h.start, h.end) }
    : { kind: 'phrase', value: h.value, text: h.text, range: ctx.range(h.start, h.end) };
}

/** A node's words: text and code, no image alt text; inline HTML (a tag, a `<br>`, a disable comment) is a space. */
export function plain(node: Nodes): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** Words without their emphasis and code marks (`*`, `_`, backticks), white space collapsed: what a reader reads. */
export const bareWords = (s: string): string => s.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();

function textOf(node: Nodes): string {
  if (node.type === 'html') return ' ';
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c)).join('');
  return '';
}

export function dedupe(hits: Hit<string>[]): Hit<string>[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = h.value.toLowerCase().replace(/^@/, '');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The item's sub-heading group inside an action items section ("Detect", "Prevent"), if any. */
export function groupOf(section: Section): string | undefined {
  let s: Section | undefined = section;
  while (s) {
    if (s.kind === 'action-items' || s.kind === 'deferred') return s === section ? undefined : section.title;
    s = s.parent;
  }
  return section.title;
}

const WHOLE_BRACED_RE = /^\$?\{[^{}]+\}$/;

/**
 * A template's note to its writer, wrapped whole in one pair of braces: "{link to github issues for things that would
 * have detected this failure}", or a template literal's "${first item to help make this not happen again}", "${...}"
 * (not "{{ summary }}", below).
 */
export const isBracedNote = (text: string): boolean => WHOLE_BRACED_RE.test(text.trim());

/** "... another item", "… more items": the template's row saying more may be added, not an item. */
const MORE_TO_COME_RE = /^(?:\.{3}|…)\s*(?:another|more|other|next)(?: (?:action )?items?| actions?| rows?)?\.?$/i;

/**
 * A template's unfilled example line left in the report: "{{ summary }} [link to github issue]". Only placeholders —
 * a `{{ word }}` (one or two words) and bracketed or angled notes — and nothing anyone could do. A filled-in line keeps
 * its braces ("{{ Start writing after-action reports }}") and is read as the item it is.
 */
export function isUnfilledPlaceholder(text: string): boolean {
  if (isBracedNote(text) || MORE_TO_COME_RE.test(text.trim())) return true;
  if (!/\{\{\s*[\p{L}\p{N}_-]+(?:\s+[\p{L}\p{N}_-]+)?\s*\}\}/u.test(text)) return false;
  const rest = text
    .replace(/\{\{\s*[\p{L}\p{N}_-]+(?:\s+[\p{L}\p{N}_-]+)?\s*\}\}/gu, ' ')
    .replace(/\[[^\]\n]{0,60}\]/g, ' ')
    .replace(/<[^>\n]{0,60}>/g, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * "None recorded", "No incidents yet", "n/a", "—", "Ninguno": the row or bullet that says the list is empty (an index
 * page's table before its first incident, a follow-up list with nothing in it). No action is named: not an item.
 */
export function saysNoEntry(text: string): boolean {
  return NO_ENTRY_RE.test(text.trim());
}
const NO_ENTRY_QUALIFIER = '(?: (?:recorded|yet|so far|listed|logged|reported|identified|planned|required|needed|open|outstanding|at this time|for now|to report)){0,2}';
const NO_ENTRY_RE = new RegExp(
  `^(?:none|nothing|n/?a|[-–—]|ninguno|ninguna|nada|sin (?:incidentes|acciones|pendientes))${NO_ENTRY_QUALIFIER}[.!]?$|^no (?:(?:open|new|further|outstanding|follow[- ]?up|action) )?(?:incidents?|actions?|action items?|items?|entries|follow[- ]?ups?|tasks?)${NO_ENTRY_QUALIFIER}[.!]?$`,
  'i',
);

/** An HTML comment standing as a block of its own ("<!-- postmortem-lint-disable-next-line … -->"). */
export const isCommentNode = (n: RootContent | undefined): boolean => n?.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value);
