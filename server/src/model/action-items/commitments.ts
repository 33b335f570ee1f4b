// Follow-ups told in sentences of prose rather than as list items: the sentences that commit to future work ("A new
// process will be created …", "We and AWS are still investigating …"), under Resolution and recovery or in an
// action-items section written as several paragraphs, where a sentence written as a to-do counts too.
import type { Paragraph } from 'mdast';
import type { ActionItem, Section } from '../types';
import { trimEndChars } from '../scan';
import { startsImperative } from '../verbs';
import { endOf, startOf, type ParseContext } from './common';
import { blankComments, holder, paragraphItem, toDoBreak, type Span } from './paragraphs';

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
 * A sentence that commits to future work: "A new process will be created …", "Chia plans to have …", "We are
 * actively working on …", "All secrets are being rotated.", "… remains a priority", "… is also under way." Hedged
 * sentences ("This will likely involve …", "It may be that …") and sentences about what the text itself says ("This
 * means …") explain; they are not follow-ups.
 */
const COMMIT_RE =
  /\b(?:will|shall|(?:is|are|am) going to|(?<!\b(?:my|our|the|a|their|his|her|its|this|that) )plans? to|planning to|intends? to|(?:is|are) (?:(?:actively|currently|now|also|still) )*(?:working on|working to|investigating|looking into|being (?:rotated|replaced|rebuilt|reviewed|updated|added|created|implemented|migrated|moved|rewritten|redesigned|investigated|planned)|planned|scheduled|under way|underway)|remains? a (?:top )?priority|(?:we are|we're) prioriti[sz]ing|changes (?:are )?coming|(?:is|are) (?:also )?under way)\b/i;
const HEDGE_RE = /\b(?:likely|may|might|could|would|perhaps|possibly|probably|hopefully|ideally)\b/i;
// a pronoun subject ("This will likely …", "It means …"); "This exclusion will be removed …" names its object
const EXPLAINS_RE = /^(?:(?:this|that|it|these|those|which)\s+(?:will|would|is|are|was|were|means?|meant|may|might|can|could|should|has|have|had)\b|there is\b|here\b)/i;
// "will" after these is about the incident or the world, not a commitment ("users will see", "the job will fail"),
// ("users will see", "Python will silently fail"), and "will prevent / ensure / help …" predicts an effect
// "will still be displayed" describes how the product keeps behaving, and "this post mortem will be updated" is about
// the document itself: neither is work for the team. "will avoid / refrain from / try to …" is a pledge about how
// someone will behave, not work that can be finished ("I have revoked the token, and will avoid creating one …")
const NOT_COMMIT_RE =
  /\bwill (?:\w+ly )?(?:not|never|still|be able|have to|need to|see|fail|break|crash|happen|occur|continue to (?:see|fail|work)|prevent|ensure|help|reduce|allow|enable|mean|result|give|provide|avoid|refrain from|try to)\b|\b(?:at (?:the )?time of writing|as of writing)\b|\b(?:post[- ]?mortem|document|report|write[- ]?up|page|post|rca) will be (?:updated|amended|revised|extended|expanded|edited)\b/i;

/**
 * "will be" before a name states what something is ("Part of their remit will be PyPI"): a description, not work
 * being committed to ("will be replaced", "will be working on"). Case-sensitive: the name is capitalised. An article
 * is not enough ("anyone who will be an admin" sits in a real follow-up).
 */
const WILL_BE_NAME_RE = /\bwill be [A-Z][\w-]*\b/;
const willOnlyDescribe = (s: string) => WILL_BE_NAME_RE.test(s) && !COMMIT_RE.test(s.replace(/\bwill be\b/g, ''));

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
    if (!(COMMIT_RE.test(plainText) || (toDos && startsImperative(plainText))) || HEDGE_RE.test(plainText) || EXPLAINS_RE.test(plainText) || NOT_COMMIT_RE.test(plainText) || willOnlyDescribe(plainText) || conditionalWill(plainText)) continue;
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
