// Action items written as paragraphs: `**TODO**: Sam suggests we add …` / `**DOING**: …` (status from the label),
// and the only follow-up of a "Corrective and Preventative Measures" or "Recommendations:" section written as one
// paragraph. The label gives the status; a proposer ("Sam suggests") is not an owner (fields.ts#findOwners).
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, ActionItemStatus, Section } from '../types';
import { findOwners, findSubjectOwner, findPriority, findStatus, findTickets, statusOfWord } from '../fields';
import { findDue } from '../due';
import { trimEndChars } from '../scan';
import { startsImperative } from '../verbs';
import { dedupe, dueField, endOf, groupOf, linkTickets, maskedSegment, plain, startOf, toField, type ParseContext } from './common';

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
  if (label && from === undefined) {
    ts = label.end;
    while (ts < e && /[\s:：–—-]/.test(ctx.text[ts])) ts++;
  }
  const itemText = ctx.text.slice(ts, e).replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  if (!itemText) return undefined;
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
  const subject = o.owners.length ? undefined : findSubjectOwner({ text: seg.text.slice(ts - seg.offset), offset: ts });
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

/** A line or sentence of a paragraph: its offsets in the source and its text. */
interface Span {
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
  for (const n of nodes) {
    if (n.type === 'paragraph' && keep(n)) {
      if (!joinable && run.length) {
        runs.push(run);
        run = [];
      }
      run.push(n);
      joinable = false;
    } else if (n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value) && run.length) {
      joinable = true;
    } else {
      if (run.length) runs.push(run);
      run = [];
      joinable = false;
    }
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
function toDoBreak(line: string, next: string): boolean {
  const a = line.replace(/^[*_]+/, '');
  const b = next.replace(/^[*_]+/, '');
  return startsImperative(a) && startsImperative(b) && !RUNS_ON_RE.test(a.trimEnd());
}
const RUNS_ON_RE = /(?:[,;:&/(\-–—]|\b(?:and|or|but|nor|the|a|an|to|of|for|in|on|at|by|with|from|into|onto|than|that|which|who|as|if|when|so|is|are|be|our|their|its|this|these|those|we|via|per))$/i;

/**
 * A sentence of committing prose split where a line break starts a new to-do (see toDoBreak): "Publish a document
 * for … who will be an admin⏎File a bug to get Keybase to …" is two follow-ups. Spans of the source, at least two,
 * or undefined.
 */
function toDoPieces(src: string, start: number, end: number): Span[] | undefined {
  const cuts: number[] = [];
  let lineStart = start;
  for (let nl = src.indexOf('\n', start); nl >= 0 && nl < end; nl = src.indexOf('\n', nl + 1)) {
    let next = nl + 1;
    while (next < end && /[ \t]/.test(src[next])) next++;
    const lineEnd = src.indexOf('\n', next);
    const nextLine = src.slice(next, lineEnd < 0 || lineEnd > end ? end : lineEnd);
    if (toDoBreak(trimEndChars(src.slice(lineStart, nl), '\\', true).trim(), nextLine)) cuts.push(next);
    lineStart = next;
  }
  if (!cuts.length) return undefined;
  const out: Span[] = [];
  let from = start;
  for (const at of [...cuts, end]) {
    const raw = src.slice(from, at);
    const lead = raw.length - raw.trimStart().length;
    const body = trimEndChars(raw.trim(), '\\', true).trimEnd();
    if (body) out.push({ start: from + lead, end: from + lead + body.length, text: body });
    from = at;
  }
  return out.length > 1 ? out : undefined;
}

/**
 * A line that explains rather than asks for work: it opens on a determiner or pronoun and does not commit to
 * anything ("The ideal pattern would be …", "Most importantly we are aiming at …"), or it hedges. One such line
 * means the paragraph is prose written a sentence to a line, not a list of follow-ups.
 */
function isStatementLine(t: string): boolean {
  if (/\b(?:would|could|might|may|ideally|perhaps|possibly)\b/i.test(t)) return true;
  return /^(?:the|this|that|these|those|it|there|most|our|we|i)\b/i.test(t) && !/\bwill\b/i.test(t);
}

const holder = (run: Paragraph[], offset: number) => run.find((p) => startOf(p) <= offset && offset <= endOf(p)) ?? run[0];

/** One item per line of a paragraph written one follow-up to a line (see itemLines). */
export function lineItems(run: Paragraph[], ctx: ParseContext, section: Section, deferred: boolean): ActionItem[] {
  const out: ActionItem[] = [];
  for (const l of itemLines(run, ctx.text) ?? []) {
    const item = paragraphItem(holder(run, l.start), ctx, section, deferred, l.start, l.end);
    if (item) out.push(item);
  }
  return out;
}

/**
 * A sentence that commits to future work: "A new process will be created …", "Chia plans to have …", "We are
 * actively working on …", "All secrets are being rotated.", "… remains a priority", "… is also under way." Hedged
 * sentences ("This will likely involve …", "It may be that …") and sentences about what the text itself says ("This
 * means …") explain; they are not follow-ups.
 */
const COMMIT_RE =
  /\b(?:will|shall|(?:is|are|am) going to|plans? to|planning to|intends? to|(?:is|are) (?:(?:actively|currently|now|also|still) )*(?:working on|working to|investigating|looking into|being (?:rotated|replaced|rebuilt|reviewed|updated|added|created|implemented|migrated|moved|rewritten|redesigned|investigated|planned)|planned|scheduled|under way|underway)|remains? a (?:top )?priority|(?:we are|we're) prioriti[sz]ing|changes (?:are )?coming|(?:is|are) (?:also )?under way)\b/i;
const HEDGE_RE = /\b(?:likely|may|might|could|would|perhaps|possibly|probably|hopefully|ideally)\b/i;
// a pronoun subject ("This will likely …", "It means …"); "This exclusion will be removed …" names its object
const EXPLAINS_RE = /^(?:(?:this|that|it|these|those|which)\s+(?:will|would|is|are|was|were|means?|meant|may|might|can|could|should|has|have|had)\b|there is\b|here\b)/i;
// "will" after these is about the incident or the world, not a commitment ("users will see", "the job will fail"),
// ("users will see", "Python will silently fail"), and "will prevent / ensure / help …" predicts an effect
// "will still be displayed" describes how the product keeps behaving, and "this post mortem will be updated" is about
// the document itself: neither is work for the team
const NOT_COMMIT_RE =
  /\bwill (?:\w+ly )?(?:not|never|still|be able|have to|need to|see|fail|break|crash|happen|occur|continue to (?:see|fail|work)|prevent|ensure|help|reduce|allow|enable|mean|result|give|provide)\b|\b(?:at (?:the )?time of writing|as of writing)\b|\b(?:post[- ]?mortem|document|report|write[- ]?up|page|post|rca) will be (?:updated|amended|revised|extended|expanded|edited)\b/i;

const CONDITION_RE = /\b(?:if|when|once|until|unless|otherwise|whether)\b/gi;
const WILL_RE = /\bwill\b/gi;
/**
 * "If the job fails, we will …" is not a commitment: a condition word, then "will" before the next , . or ;. Read
 * clause by clause from the first condition word (`\bif\b[^,.;]*\bwill\b` rescanned the clause from every "if").
 */
function conditionalWill(s: string): boolean {
  for (const clause of s.split(/[,.;]/)) {
    CONDITION_RE.lastIndex = 0;
    const m = CONDITION_RE.exec(clause);
    if (!m) continue;
    WILL_RE.lastIndex = m.index + m[0].length;
    if (WILL_RE.test(clause)) return true;
  }
  return false;
}

/** HTML comments replaced by spaces (line breaks kept), so offsets stay those of the source. */
function blankComments(s: string): string {
  let out = '';
  let pos = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', pos)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(pos, open) + s.slice(open, close + 3).replace(/[^\n]/g, ' ');
    pos = close + 3;
  }
  return out + s.slice(pos);
}

const MAX_SENTENCE = 600;
const CLOSERS = new Set(['"', "'", '\u2019', '\u201d', ')', ']']);

/**
 * Where sentences end: after terminal punctuation (and closing quotes or brackets) followed by whitespace and a
 * capital, a digit or an opening quote, or by the end. "3.0" and "e.g. tracks" do not end one. One pass, linear.
 */
function sentenceEnds(src: string): number[] {
  const ends: number[] = [];
  let i = 0;
  while (i < src.length) {
    if (!'.!?'.includes(src[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < src.length && '.!?'.includes(src[j])) j++;
    while (j < src.length && CLOSERS.has(src[j])) j++;
    let k = j;
    while (k < src.length && /\s/.test(src[k])) k++;
    if (k === src.length || (k > j && /[\p{Lu}\d"\u201c(]/u.test(src[k]))) ends.push(j);
    i = Math.max(j, i + 1);
  }
  if (!ends.length || ends[ends.length - 1] < src.trimEnd().length) ends.push(src.length);
  return ends;
}

/**
 * The sentences of a run of paragraphs that commit to future work (see COMMIT_RE), as spans of the source. With
 * `toDos` (prose under an action-items heading), a sentence written as a to-do is one too: "Enforce a standard of
 * using Tailscale company-wide." among sentences that praise or explain.
 */
export function commitmentSentences(run: Paragraph[], text: string, toDos = false): Span[] {
  const out: Span[] = [];
  const s0 = startOf(run[0]);
  // comments between the paragraphs of a run are blanked, not read
  const src = blankComments(text.slice(s0, endOf(run[run.length - 1])));
  // sentence ends: terminal punctuation before a capital, a digit or the end ("3.0" and "e.g. tracks" do not end one)
  const ends = sentenceEnds(src);
  let from = 0;
  for (const end of ends) {
    const raw = src.slice(from, end);
    const at = from;
    from = end;
    if (!raw.trim()) continue;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const plainText = body.replace(/[*_`]+/g, '').replace(/\s+/g, ' ');
    // a follow-up is one sentence of ordinary length; a page-long run without a full stop is not read (and the
    // expressions below stay linear)
    if (plainText.split(' ').length < 5 || plainText.length > MAX_SENTENCE) continue;
    if (!(COMMIT_RE.test(plainText) || (toDos && startsImperative(plainText))) || HEDGE_RE.test(plainText) || EXPLAINS_RE.test(plainText) || NOT_COMMIT_RE.test(plainText) || conditionalWill(plainText)) continue;
    const start = s0 + at + lead;
    const pieces = toDoPieces(src, at + lead, at + lead + body.length);
    if (pieces) for (const pc of pieces) out.push({ start: s0 + pc.start, end: s0 + pc.end, text: pc.text });
    else out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

/** One item per sentence of a run of paragraphs that commits to future work (see commitmentSentences). */
export function commitmentItems(run: Paragraph[], ctx: ParseContext, section: Section, toDos = false): ActionItem[] {
  const out: ActionItem[] = [];
  for (const sp of commitmentSentences(run, ctx.text, toDos)) {
    const item = paragraphItem(holder(run, sp.start), ctx, section, false, sp.start, sp.end);
    if (!item) continue;
    // the sentence commits to work still to do: a finished verb inside it ("… removed when the cookie has been
    // expired") is its condition, not its status
    if (item.status === 'done' && !item.statusField?.text.match(/\b(?:done|completed?|fixed|resolved)\b/i)) {
      item.status = 'open';
      item.statusField = undefined;
    }
    out.push(item);
  }
  return out;
}
