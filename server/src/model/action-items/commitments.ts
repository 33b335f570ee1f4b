// Follow-ups told in sentences of prose rather than as list items: the sentences that commit to future work ("A new
// process will be created …", "We and AWS are still investigating …"), under Resolution and recovery or in an
// action-items section written as several paragraphs, where a sentence written as a to-do counts too.
import type { Paragraph } from 'mdast';
import type { ActionItem, Section } from '../types';
import type { Hit } from '../fields';
import { blankComments, trimEndChars } from '../scan';
import { memoByText } from '../memo';
import { endOf, startOf, toField, type ParseContext } from './common';
import { holder, paragraphItem, toDoBreak, type Span } from './paragraphs';
import { aboutThisText, commitmentClauseStart, commitsToWork, filedTicket, finishedSetup, ticketClauseStart } from './commit-sentence';
import { toldClauseStart, toldPlan } from './told-plans';

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
 * The sentences of a run of paragraphs that commit to future work (see commitsToWork), as spans of the source. Read
 * for 'to-dos' (prose under an action-items heading), a sentence written as a to-do is one too: "Enforce a standard
 * of using Tailscale company-wide." among sentences that praise or explain; for 'tickets', tickets filed elsewhere.
 */
export function commitmentSentences(run: Paragraph[], text: string, read: Reading = 'commitments'): ProseSpan[] {
  const s0 = startOf(run[0]);
  return sentencesOf[read](text.slice(s0, endOf(run[run.length - 1]))).map((sp) => ({
    start: s0 + sp.start,
    end: s0 + sp.end,
    text: sp.text,
    ...(sp.finished ? { finished: [s0 + sp.finished[0], s0 + sp.finished[1]] as [number, number] } : {}),
  }));
}

/**
 * commitmentSentences of a run's source text, spans relative to its start: a function of that text alone, remembered
 * (an edit leaves most runs of a document as they were; reading a run's sentences was ~4% of a keystroke at 1 MB).
 */
const sentencesOf: Record<Reading, (text: string) => ProseSpan[]> = {
  commitments: memoByText((text) => readSentences(text, 'commitments')),
  'to-dos': memoByText((text) => readSentences(text, 'to-dos')),
  tickets: memoByText((text) => readSentences(text, 'tickets')),
  told: memoByText((text) => readSentences(text, 'told')),
  'commitments-or-told': memoByText((text) => readSentences(text, 'commitments-or-told')),
};

function readSentences(text: string, read: Reading): ProseSpan[] {
  const out: ProseSpan[] = [];
  const s0 = 0;
  // comments between the paragraphs of a run are blanked, not read
  const src = blankComments(text);
  // sentence ends: terminal punctuation before a capital, a digit or the end ("3.0" and "e.g. tracks" do not end one)
  const ends = sentenceEnds(src);
  let from = 0;
  // the follow-up read from the sentence just before, while no other sentence or blank line came between
  let prev: { plain: string; span: Span } | undefined;
  for (const end of ends) {
    const raw = src.slice(from, end);
    const at = from;
    from = end;
    if (!raw.trim()) continue;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const plainText = body.replace(/[*_`]+/g, '').replace(/\s+/g, ' ');
    const before = prev;
    prev = undefined;
    // a follow-up is one sentence of ordinary length; a page-long run without a full stop is not read (and the
    // expressions below stay linear)
    if (plainText.split(' ').length < 5 || plainText.length > MAX_SENTENCE || aboutThisText(plainText)) continue;
    // "We have begun monitoring … and will receive an alert …": finished work, told with what it will do
    const setUp = read === 'tickets' || read === 'told' ? undefined : finishedSetup(body);
    if (setUp) {
      const start = s0 + at + lead;
      out.push({ start, end: start + body.length, text: body, finished: [start + setUp[0], start + setUp[1]] });
      continue;
    }
    const commits = read === 'tickets' ? filedTicket(plainText) : read !== 'told' && commitsToWork(plainText, read === 'to-dos');
    // under a follow-up heading, the team's own plan told in the first person is a follow-up too ("Going forwards, we
    // are establishing a formal process for …")
    const told = !commits && read !== 'commitments' && read !== 'tickets' && toldPlan(plainText);
    if (!commits && !told) continue;
    // "We don't have visibility into why …, but we will review …": the follow-up is the clause that commits
    const clause = told ? toldClauseStart(body) : read === 'tickets' ? ticketClauseStart(body) : commitmentClauseStart(body);
    const start = s0 + at + lead + clause;
    const bodyEnd = start - clause + body.length;
    // "We will be adding a policy … We will be deciding the exact wording of this policy …": a detail of that follow-up
    if (before && !/\n\s*\n/.test(text.slice(before.span.end, start)) && pointsBack(plainText, before.plain)) {
      before.span.end = bodyEnd;
      before.span.text = text.slice(before.span.start, before.span.end);
      prev = { plain: plainText, span: before.span };
      continue;
    }
    const pieces = toDoPieces(src, at + lead + clause, at + lead + body.length);
    if (pieces) for (const pc of pieces) out.push({ start: s0 + pc.start, end: s0 + pc.end, text: pc.text });
    else {
      const span = { start, end: bodyEnd, text: body.slice(clause) };
      out.push(span);
      prev = { plain: plainText, span };
    }
  }
  return out;
}

/**
 * Nouns that name a piece of work in general: "This task will be re-prioritised" after "We have planned … that we will
 * have a test Galaxy …" is that plan's commitment, told in the next sentence.
 */
const WORK_NOUN_RE = /^(?:this|that)\s+(?:task|project|plan|work|effort|item|idea|change)\s+(?:will|is\s+going\s+to|shall)\b/i;
const NOT_NOUN = new Set(['this', 'that', 'these', 'those', 'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'we', 'it', 'they', 'has', 'have', 'had', 'one', 'way', 'time', 'point']);
const stem = (w: string) => w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');

/**
 * The sentence points back at the follow-up before it: "this policy", "these tokens" name a noun that sentence named
 * ("… adding a policy making it clear …"), or open with "This task / project / work will …" (a plan's commitment in the
 * sentence after it). "this form of impersonation" after a sentence without "form" is new work.
 */
function pointsBack(sentence: string, before: string): boolean {
  if (WORK_NOUN_RE.test(sentence)) return true;
  const named = new Set(before.split(/[^\p{L}\p{N}-]+/u).filter(Boolean).map(stem));
  for (const m of sentence.matchAll(/\b(?:this|that|these|those)\s+([\p{L}-]{3,})/giu)) {
    if (!NOT_NOUN.has(m[1].toLowerCase()) && named.has(stem(m[1]))) return true;
  }
  return false;
}

/** A sentence read as a follow-up; `finished`: the offsets of the words that say it is done already. */
export type ProseSpan = Span & { finished?: [number, number] };

/**
 * What a run of prose is read for: sentences that commit to work; those or sentences written as to-dos (prose under
 * an action-items heading); or tickets filed with someone else ("I've opened a support ticket with …"); 'told': only
 * the team's own plans told in the first person (see toldPlan), in the explanatory sections of a post that has no
 * place for follow-ups; 'commitments-or-told': either, in that post's resolution, lessons and closing sections.
 */
export type Reading = 'commitments' | 'to-dos' | 'tickets' | 'told' | 'commitments-or-told';

/** One item per sentence of a run of paragraphs that commits to future work (see commitmentSentences). */
export function commitmentItems(run: Paragraph[], ctx: ParseContext, section: Section, read: Reading = 'commitments'): ActionItem[] {
  const out: ActionItem[] = [];
  for (const sp of commitmentSentences(run, ctx.text, read)) {
    const item = paragraphItem(holder(run, sp.start), ctx, section, false, sp.start, sp.end);
    if (!item) continue;
    // the sentence commits to work still to do: a finished verb inside it ("… removed when the cookie has been
    // expired") is its condition, not its status
    if (item.status === 'done' && !item.statusField?.text.match(/\b(?:done|completed?|fixed|resolved)\b/i)) {
      item.status = 'open';
      item.statusField = undefined;
    }
    if (sp.finished) {
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(sp.finished[0], sp.finished[1]), range: ctx.range(sp.finished[0], sp.finished[1]) };
      item.fromProse = 'finished';
      out.push(item);
      continue;
    }
    if (!item.owners.length) {
      const team = teamNamedBefore(ctx.text, startOf(holder(run, sp.start)), sp.start, sp.text);
      if (team) item.owners = [toField(team, ctx)];
    }
    item.fromProse = read === 'tickets' ? 'ticket' : 'commitment';
    out.push(item);
  }
  return out;
}

/**
 * "Besu team used a plugin system … They are also going to review …": a sentence told by "They" right after one whose
 * subject is a named team ("Besu team", "The Nimbus team") is that team's follow-up. The team's words in the source,
 * or undefined (another subject before, or the sentence before is in another paragraph).
 */
function teamNamedBefore(text: string, paragraphStart: number, sentenceStart: number, sentence: string): Hit<string> | undefined {
  if (!/^they\s/i.test(sentence)) return undefined;
  const before = text.slice(paragraphStart, sentenceStart);
  // the sentence just before: from the last full stop followed by a blank (or the paragraph's start)
  let from = 0;
  for (const m of before.matchAll(/[.!?]\s+(?=\S)/g)) if (m.index + m[0].length < before.length) from = m.index + m[0].length;
  const m = TEAM_SUBJECT_RE.exec(before.slice(from));
  if (!m) return undefined;
  const start = paragraphStart + from + m.index + m[0].indexOf(m[1]);
  return { value: m[1], text: m[1], start, end: start + m[1].length };
}
const TEAM_SUBJECT_RE = /^\s*(?:[Tt]he\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+team)\s+(?!will\b)[a-z]/;
