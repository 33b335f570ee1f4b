// Action items written as paragraphs: `**TODO**: Sam suggests we add …` / `**DOING**: …` (status from the label),
// and the only follow-up of a "Corrective and Preventative Measures" or "Recommendations:" section written as one
// paragraph. The label gives the status; a proposer ("Sam suggests") is not an owner (fields.ts#findOwners).
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, ActionItemStatus, Section } from '../types';
import { findOwners, findSubjectOwner, findPriority, findStatus, findTickets, statusOfWord, type Hit } from '../fields';
import { findDue } from '../due';
import { blankComments, trimEndChars } from '../scan';
import { startsImperative } from '../verbs';
import { dedupe, dueField, endOf, groupOf, isUnfilledPlaceholder, saysNoEntry, linkTickets, maskedSegment, plain, startOf, toField, type ParseContext, bareWords } from './common';

const STATUS_LABEL_RE = /^(?:todo|to do|doing|done|in progress|wip|blocked|open|ongoing|won'?t do|not doing|completed?|fixed)$/i;

/** The status a `**TODO**:` / `**DOING**:` paragraph label gives, with the label's end offset; undefined otherwise. */
export function statusLabel(p: Paragraph): { status: ActionItemStatus; text: string; start: number; end: number } | undefined {
  const first = p.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const raw = toString(first).trim();
  const label = raw.replace(/[:：]$/, '').trim();
  if (!STATUS_LABEL_RE.test(label)) return undefined;
  const after = p.children[1];
  const colon = /[:：]$/.test(raw) || (after?.type === 'text' && /^\s*[:：-]/.test(after.value));
  if (!colon) return undefined;
  const status = /^doing$/i.test(label) ? 'open' : statusOfWord(label);
  if (!status) return undefined;
  return { status, text: raw, start: startOf(first), end: endOf(first) };
}

/**
 * "Action point: enable push alerts from the fork monitor" (plain or bold label, then the action): a paragraph that
 * names itself a follow-up, wherever it sits. The label's end offset; undefined otherwise, or when fewer than three
 * words follow it ("Action items: none").
 */
export function itemLabel(p: Paragraph, text: string): { end: number } | undefined {
  const s = startOf(p);
  const m = ITEM_LABEL_RE.exec(text.slice(s, Math.min(endOf(p), s + 40)));
  if (!m) return undefined;
  const rest = plain(p).replace(/^[^:：]*[:：]\s*/, '');
  return rest.split(/\s+/).length >= 3 && !/^(?:none|n\/a|tbd)\b/i.test(rest) ? { end: s + m[0].length } : undefined;
}
const ITEM_LABEL_RE = /^(?:\*\*|__)?action (?:point|item)s?(?:\*\*|__)?\s*[:：](?:\*\*|__)?[ \t]*/i;

/**
 * One paragraph read as one action item; `status` comes from a label when there is one. `from`: where the action
 * starts when a section label opens the paragraph ("Recommendations:⏎Keep the backup schedule …").
 */
export function paragraphItem(p: Paragraph, ctx: ParseContext, section: Section, deferred: boolean, from?: number, to?: number): ActionItem | undefined {
  const s = from ?? startOf(p);
  const e = to ?? endOf(p);
  // a span of the paragraph (one line, one sentence) reads its fields from that span only
  const seg = to === undefined ? maskedSegment(ctx.text, p) : maskedSegment(ctx.text, p, s, e);
  const label = statusLabel(p);
  // the action starts after the label and its colon: "**TODO**: Add …" → "Add …"
  let ts = s;
  const lead = label?.end ?? itemLabel(p, ctx.text)?.end;
  if (lead !== undefined && from === undefined) {
    ts = lead;
    while (ts < e && /[\s:：–—*_-]/.test(ctx.text[ts])) ts++;
  }
  const itemText = bareWords(ctx.text.slice(ts, e));
  if (!itemText || isUnfilledPlaceholder(itemText) || saysNoEntry(itemText)) return undefined;
  const o = findOwners(seg);
  const due = findDue(seg);
  const priority = findPriority(seg);
  let status: ActionItemStatus = 'open';
  let statusField: ActionItem['statusField'];
  if (label) {
    status = label.status;
    statusField = { value: label.status, text: label.text, range: ctx.range(label.start, label.end) };
  } else {
    const h = findStatus(seg);
    if (h) {
      status = h.value;
      statusField = toField(h, ctx);
    }
  }
  const subject = o.owners.length ? undefined : (findSubjectOwner({ text: seg.text.slice(ts - seg.offset), offset: ts }) ?? laterSubjectOwner(seg.text, ts - seg.offset, seg.offset));
  const owners = dedupe(subject ? [subject] : o.owners);
  return {
    text: itemText,
    range: ctx.range(s, e),
    textRange: ctx.range(ts, e),
    format: 'paragraph',
    owners: owners.map((h) => toField(h, ctx)),
    ownerPlaceholder: owners.length === 0 && o.placeholder ? toField(o.placeholder, ctx) : undefined,
    due: dueField(due, ctx),
    priority: priority ? toField(priority, ctx) : undefined,
    status,
    statusField,
    tickets: [...linkTickets(p, ctx).filter((t) => to === undefined || (t.range.start.offset >= s && t.range.end.offset <= e)), ...findTickets(seg).map((h) => toField(h, ctx))],
    group: groupOf(section),
    section,
    deferred,
    subItems: [],
    appendAt: ctx.lines.positionAt(e),
  };
}

/**
 * A paragraph that is not itself a follow-up: a lead-in ("We will:"), "None.", a template's guidance ("Each action
 * item should be a JIRA ticket", "<Include the agreed solutions here>").
 */
export function isLeadIn(p: Paragraph): boolean {
  const t = plain(p);
  return /[:：]$/.test(t) || /^(?:none|n\/a|tbd|nothing|no action items?|todo)\.?$/i.test(t) || /^(?:todo|tbd|fixme)\b/i.test(t) || t.split(/\s+/).length < 4 || /^</.test(t) || /\baction items?\b/i.test(t);
}

/**
 * "It was noted that the change was never tested behind the proxy. SRE team to have encoded URLs as part of their
 * sanity test …": the team a later sentence of the paragraph hands the work to (its first sentence only explains).
 */
function laterSubjectOwner(text: string, from: number, offset: number): Hit<string> | undefined {
  let n = 0;
  for (const m of text.slice(from).matchAll(/[.!?]\s+(?=\S)/g)) {
    if (++n > 8) break;
    const at = from + m.index + m[0].length;
    const hit = findSubjectOwner({ text: text.slice(at), offset: offset + at });
    if (hit) return hit;
  }
  return undefined;
}

/** A line or sentence of a paragraph: its offsets in the source and its text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Paragraphs that are one paragraph to a reader: a `<!-- postmortem-lint-disable-next-line -->` comment written between
 * two lines of a paragraph splits it in the tree, and must not change what is read. Runs of paragraphs with only
 * HTML comments between them.
 */
export function paragraphRuns(nodes: RootContent[], keep: (p: Paragraph) => boolean): Paragraph[][] {
  const runs: Paragraph[][] = [];
  let run: Paragraph[] = [];
  let joinable = false;
  // the comment sits between two lines of one paragraph: no blank line before it or after it
  const line = (n: RootContent, end: boolean) => (end ? n.position?.end.line : n.position?.start.line) ?? -2;
  let last: RootContent | undefined;
  for (const n of nodes) {
    if (n.type === 'paragraph' && keep(n)) {
      if ((!joinable || !last || line(n, false) !== line(last, true) + 1) && run.length) {
        runs.push(run);
        run = [];
      }
      run.push(n);
      joinable = false;
    } else if (n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value) && run.length && last && line(n, false) === line(last, true) + 1) {
      joinable = true;
    } else {
      if (run.length) runs.push(run);
      run = [];
      joinable = false;
    }
    last = n;
  }
  if (run.length) runs.push(run);
  return runs;
}

function linesOf(p: Paragraph, text: string): Span[] {
  const out: Span[] = [];
  let at = startOf(p);
  const end = endOf(p);
  // a `<!-- postmortem-lint-disable-line … -->` written at the end of a line is not part of it
  for (const raw of blankComments(text.slice(at, end)).split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = trimEndChars(raw.trimStart(), '\\', true);
    if (body) out.push({ start: at + lead, end: at + lead + body.length, text: body });
    at += raw.length + 1;
  }
  return out;
}

/**
 * Follow-ups written one to a line inside one paragraph, as in "Future Improvements" or "Corrective and Preventative
 * Measures" sections written without bullets: every line starts with a capital and ends a sentence, and has a few
 * words. A hard-wrapped paragraph of prose fails this (its lines end mid-sentence), and so is not split.
 */
export function itemLines(run: Paragraph[], text: string): Span[] | undefined {
  const lines = run.flatMap((p) => linesOf(p, text));
  if (lines.length < 2) return undefined;
  const ok = lines.every((l, i) => {
    const t = l.text.replace(/^[*_]+/, '');
    const next = lines[i + 1];
    return /^\p{Lu}/u.test(t) && t.split(/\s+/).length >= 3 && (/[.!?][*_)"'\u201d]*$/.test(t) || i === lines.length - 1 || (next !== undefined && toDoBreak(t, next.text))) && !/[:：]$/.test(t) && !isStatementLine(t);
  });
  return ok ? lines : undefined;
}

/**
 * A line break that starts a new follow-up although the line before has no full stop: both lines are written as
 * to-dos ("Publish a document for admins …⏎File a bug to get …"), and the first does not run on (it ends on a
 * word that finishes a phrase, not "the", "and", "to" or a comma). A hard-wrapped sentence continues on a
 * lower-case word or a noun, so it is one item.
 */
export function toDoBreak(line: string, next: string): boolean {
  const a = line.replace(/^[*_]+/, '');
  const b = next.replace(/^[*_]+/, '');
  return startsImperative(a) && startsImperative(b) && !RUNS_ON_RE.test(a.trimEnd());
}
const RUNS_ON_RE = /(?:[,;:&/(\-–—]|\b(?:and|or|but|nor|the|a|an|to|of|for|in|on|at|by|with|from|into|onto|than|that|which|who|as|if|when|so|is|are|be|our|their|its|this|these|those|we|via|per))$/i;


/**
 * A line that explains rather than asks for work: it opens on a determiner or pronoun and does not commit to
 * anything ("The ideal pattern would be …", "Most importantly we are aiming at …"), on a conjunction ("But there
 * wasn't …"), or it hedges. One such line
 * means the paragraph is prose written a sentence to a line, not a list of follow-ups.
 */
function isStatementLine(t: string): boolean {
  if (/\b(?:would|could|might|may|ideally|perhaps|possibly)\b/i.test(t)) return true;
  // "As this was happening …", "But there wasn't any …": a line opening on a conjunction continues an explanation
  if (/^(?:as|but|because|since|so|and|or|while|although|though|however|therefore|then|also)\b/i.test(t)) return true;
  return /^(?:the|this|that|these|those|it|there|most|our|we|i)\b/i.test(t) && !/\bwill\b/i.test(t);
}

export const holder = (run: Paragraph[], offset: number) => run.find((p) => startOf(p) <= offset && offset <= endOf(p)) ?? run[0];

/** One item per line of a paragraph written one follow-up to a line (see itemLines). */
export function lineItems(run: Paragraph[], ctx: ParseContext, section: Section, deferred: boolean): ActionItem[] {
  const out: ActionItem[] = [];
  for (const l of itemLines(run, ctx.text) ?? []) {
    const item = paragraphItem(holder(run, l.start), ctx, section, deferred, l.start, l.end);
    if (item) out.push(item);
  }
  return out;
}

