// Status that comes from around an item rather than its own marker: a "(completed)" / "Actions taken" heading above it,
// or the item written as already done ("Reverted the deploy"). Checkboxes, status cells and inline "DONE" are read
// where the item is parsed (lists.ts, tables.ts); an explicit status always wins over these.
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, Section } from '../types';
import { completedPrefix as prefixOf, completedSuffix as suffixOf, laterCommitment } from '../completed';
import { memoByText } from '../memo';
import { trimEndChars } from '../scan';
import { endOf, startOf, type ParseContext, bareWords } from './common';
import { perBlock } from '../per-block';
import { startsImperative } from '../verbs';
import { commitsToWork } from './commit-sentence';
import { normalizeHeading } from '../sections';
import { localCompletedHeading } from '../section-words';

const REPORT_ITSELF_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:write|draft|publish|complete|finish|create)(?: up)? (?:an?|the|this) (?:incident report|post-?mortem|post mortem|incident review|retrospective|rca)\b(?![^.\n]{0,20}\b(?:template|process|guide)\b)/i;

/**
 * The after-action template's closing checklist about the report itself: "Incident has been dealt with or is over",
 * "Sections above are filled out", "Incident title and after-action report is cleaned up". Inside the finished report
 * the reader is holding, these are done, checked or not. "All actionable items above have linked GitHub Issues" is a
 * claim about the follow-ups and keeps its box.
 */
const REPORT_STATE_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:(?:the )?incident (?:has been dealt with|is over|is resolved)\b|(?:all )?sections above (?:are|have been) filled (?:out|in)\b|(?:the )?(?:incident title and )?(?:after[- ]action |incident |post-?mortem )?report (?:is|has been) cleaned up\b)/i;

// "(Done)", and the same in French, German, Spanish and Portuguese ("### Immédiat (Fait) :", "(Erledigt)", "(Hecho)")
export const COMPLETED_HEADING_RE = /\((?:completed?|done|finished|faite?s?|termin[ée]e?s?|réalis[ée]e?s?|erledigt|hech[oa]s?|completad[oa]s?|conclu[ií]d[oa]s?)\)|\b(?:actions? taken|completed actions?|already (?:done|taken|landed|shipped|merged))\b|^(?:done|completed)$|^(?:guardrails?|safeguards?) (?:added|introduced|implemented|put in place)$|^(?:[\w-]+ )?(?:measures?|actions?|changes?|fix(?:es)?|improvements?|remediations?|mitigations?) (?:implemented|completed|applied|deployed|in place)$|^what (?:has )?changed (?:as a result|since|afterwards|after the (?:incident|outage))$|^what we changed (?:as a result|since|afterwards|after the (?:incident|outage))$|^what (?:was|has been|we(?:'ve|’ve| have)) done$/i;

/**
 * Items under a label that says the work is done ("**Actions taken:**"): done, unless their own status says otherwise
 * or their own words commit to work still to come ("We will …").
 */
export function markLabelDone(items: ActionItem[], label: string, range: ActionItem['textRange']): void {
  if (!COMPLETED_HEADING_RE.test(label) && !localCompletedHeading(normalizeHeading(label))) return;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField || commitsToWork(bareWords(item.text))) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: label, range };
  }
}

/**
 * "What we have landed on is as follows:" above "- Developers create a release branch …", "- We then perform all
 * releases from a dedicated release terminal": the process as it now runs, told in the present. Those bullets are in
 * place, not work to assign; an imperative or a commitment among them ("Add a second terminal", "We will …") stays
 * open. Only a lead-in, ending in a colon, that says the arrangement was arrived at or put in place.
 */
const IN_PLACE_LEAD_RE =
  /\b(?:what we(?:'ve|’ve| have)? (?:finally )?(?:landed on|settled on|ended up with|put in place)|(?:the|our) new (?:process|setup|set-up|arrangement|release process|workflow) (?:is|works|now works)|(?:here is|this is) how (?:it|we|the \w+) (?:works?|do(?:es)? it|runs?) now)\b[^.!?\n]{0,40}:\s*$/i;
export function markInPlaceList(items: ActionItem[], lead: string, range: ActionItem['textRange']): void {
  const m = IN_PLACE_LEAD_RE.exec(lead);
  if (!m) return;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    const words = bareWords(item.text);
    if (startsImperative(words) || commitsToWork(words)) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: m[0], range };
  }
}

/**
 * "We made the following actions to avoid similar issues from happening in the future:" above "- Rewrite the email spam
 * detection to be more fault-tolerant. The spam detection is now handled in our email container …": the lead-in says
 * the team did what the list holds, imperatives included. An entry that commits to work or tells it under way ("We
 * will …", "We are studying an alternative …") stays open. Only a lead-in ending in a colon, told in the past.
 */
const DONE_LIST_LEAD_RE =
  /\bwe(?:'ve|’ve| have)? (?:already |also |since |now )?(?:made|took|taken|implemented|applied|carried out|completed|deployed|rolled out|put in place) (?:the following|these|several|some|a few|a number of) (?:[\w-]+ ){0,2}?(?:actions|steps|changes|measures|fixes|improvements|mitigations)\b[^.!?:\n]{0,80}:$/i;
/** "We are studying …", "We're still working on …": work under way, told in the present. */
const UNDER_WAY_RE = /^(?:we|i)(?:'re|’re| are| am|'m|’m) (?:still |currently |now |also |actively )?\p{L}+ing\b/iu;
export function markDoneLeadList(items: ActionItem[], lead: string, range: ActionItem['textRange']): void {
  const m = DONE_LIST_LEAD_RE.exec(lead.trimEnd().slice(-200));
  if (!m) return;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    const words = bareWords(item.text);
    if (commitsToWork(words) || UNDER_WAY_RE.test(words)) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: m[0], range };
  }
}

/**
 * "The next hardening priorities are:", "Next steps:", "Still to do:" above a list, under a heading that tells the work
 * done ("What changed after the incident"): the lead-in says the bullets are what comes next, so they are open whatever
 * the heading says (an explicit status of their own still wins). Only a lead-in ending in a colon.
 */
const PLANNED_LEAD_RE =
  /\b(?:(?:the |our )?next (?:[\w-]+ ){0,2}(?:priorities|steps|tasks|actions|items)|next up|still (?:to do|to be done|open|pending)|remaining (?:work|items|tasks|steps)|what(?:'s| is) (?:left|next|still open)|we (?:still )?(?:need|plan|intend) to)\b[^.!?\n]{0,40}:$/i;
export function markPlannedList(items: ActionItem[], lead: string, range: ActionItem['textRange']): void {
  // the lead-in's end only (trimmed here: a trailing `\s*$` in the expression made it quadratic on runs of blanks)
  const m = PLANNED_LEAD_RE.exec(lead.trimEnd().slice(-160));
  if (!m) return;
  for (const item of items) if (item.status === 'open' && !item.statusField) item.statusField = { value: 'open', text: m[0], range };
}

/**
 * "## Guardrails", "## Preventive Control" after the root cause: the protections a bug write-up lists as now in place
 * ("`local-database.ts` checks the recorded PID …", "回归测试：`engine.test.ts` 新增 … 用例", "Holder 使用 Incident UID
 * 而非 name"), each a test, a check or a rule that exists. Done, unless the entry asks for work or commits to it ("Add a
 * CI check …", "We will …"): those are still to do.
 */
const IN_PLACE_HEADING_RE = /^(?:guardrails?|safeguards?|(?:preventive|preventative) controls?)$/;
/**
 * "## Remediation Steps Taken", "## Steps we took", "## Actions we took" over "1. **Applied Fix:** Restarted the
 * tunnel …" and past-tense sub-bullets ("Confirmed …", "Verified …", "Monitored …"): the record of the response, told
 * as done. Done, unless the entry asks for work or commits to it ("Add a port check …", "We will …").
 */
const STEPS_TAKEN_HEADING_RE = /^(?:[\w-]+ ){0,2}(?:steps?|measures?|remediations?|mitigations?) taken$|^(?:[\w-]+ )?(?:steps?|actions?|measures?) (?:we|the team) (?:took|(?:have|'ve) taken)$/;
/** The heading says what is under it is in place or was done, and the entry neither asks for work nor commits to it. */
function toldDoneUnder(title: string, text: string): boolean {
  const heading = normalizeHeading(title);
  if (!IN_PLACE_HEADING_RE.test(heading) && !STEPS_TAKEN_HEADING_RE.test(heading)) return false;
  const words = bareWords(text);
  return !startsImperative(words) && !commitsToWork(words);
}

/** An item's words written as done (pure functions of the words: remembered, most items are unchanged by an edit). */
const completedPrefix = memoByText(prefixOf);
const completedSuffix = memoByText(suffixOf);
/**
 * "… and it was rejected", "This has been declined", "Further investigation … is overshadowed by higher priorities",
 * "… has been put on hold": in a sentence after the item's first.
 */
const LET_GO_LATER_RE = /[.!?]\s[^.!?]{0,160}?\b((?:it|this|that) (?:was|has been) (?:\p{L}+ly )?(?:rejected|declined|voted down|turned down)|(?:it|this|that|(?:further|the|this|that) (?:work|investigation|effort|fix|item|task|project)\b(?: [\p{L}\p{N}-]+){0,6}) (?:is|was|has been) (?:\p{L}+ly )?(?:overshadowed by (?:higher|other) priorities|deprioriti[sz]ed|put on hold|shelved))\b/iu;

/** Marks items done when a heading above them says so or their words say the work is finished. */
export function applyContextStatus(items: ActionItem[], ctx: ParseContext): void {
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    for (let s: Section | undefined = item.section; s; s = s.parent) {
      if (COMPLETED_HEADING_RE.test(s.title) || localCompletedHeading(normalizeHeading(s.title))) {
        // "We will reconfigure our CDN …" under "Actions taken": its own words say it is still to come
        if (commitsToWork(bareWords(item.text))) break;
        item.status = 'done';
        item.statusField = { value: 'done', text: s.title, range: s.titleRange };
        break;
      }
      if (toldDoneUnder(s.title, item.text)) {
        item.status = 'done';
        item.statusField = { value: 'done', text: s.title, range: s.titleRange };
        break;
      }
      if (s.kind === 'action-items') break;
    }
    if (item.status !== 'open' || item.statusField) continue; // an explicit status ("| Open |", "Status: in progress") wins
    // "Write an incident report", listed inside the incident report: the reader is holding it
    const ownText = ctx.text.slice(item.textRange.start.offset, item.textRange.end.offset);
    const own = REPORT_ITSELF_RE.exec(ownText) ?? REPORT_STATE_RE.exec(ownText);
    if (own) {
      item.status = 'done';
      const s = item.textRange.start.offset + own.index;
      item.statusField = { value: 'done', text: own[0], range: ctx.range(s, s + own[0].length) };
      continue;
    }
    // "How would the team escalate a major incident? Runbook page [here](…)": a review question answered by a page that
    // already exists, not work still to do (one answered by "Ticket raised #12" stays open)
    const answer = QUESTION_RE.test(item.text) && !TICKET_RE.test(item.text) ? ANSWERED_BY_PAGE_RE.exec(ownText) : null;
    if (answer) {
      item.status = 'done';
      const s = item.textRange.start.offset + answer.index;
      item.statusField = { value: 'done', text: answer[0].replace(/\[/g, ''), range: ctx.range(s, s + answer[0].length) };
      continue;
    }
    // "Reverted the deploy", "The team then raised a ticket": written as done, at the start or in a trailing clause
    const start = item.textRange.start.offset;
    const words = ctx.text.slice(start, item.textRange.end.offset);
    const done = completedPrefix(words);
    if (done && !laterCommitment(words, done)) {
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(start, start + done).trim(), range: ctx.range(start, start + done) };
      continue;
    }
    // "Use our PSPs instead - this has already been done.", "Pin the chart, now done": said after the item
    const tail = completedSuffix(words);
    if (tail >= 0) {
      const end = start + words.trimEnd().length;
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(start + tail, end), range: ctx.range(start + tail, end) };
      continue;
    }
    // "… recommended we consider GPG signing. The committee took a vote on this and it was rejected": a later sentence
    // says the item was let go
    const dropped = LET_GO_LATER_RE.exec(words);
    if (dropped) {
      const s = start + dropped.index + dropped[0].length - dropped[1].length;
      item.status = 'not-doing';
      item.statusField = { value: 'not-doing', text: dropped[1], range: ctx.range(s, s + dropped[1].length) };
      continue;
    }
    // "Recreating new SSH keys for backups" over "- New keys have been generated for all hosts" and "- The command
    // string is now explicit": every sub-item reports the work finished, so the item is. At least two: one sub-item
    // ("Rotate the credentials" over "The old key has been revoked") may report a step, not the whole
    const reported = item.subItems.length >= 2 && !commitsToWork(words.replace(/[*_`]+/g, '').replace(/\s+/g, ' ')) ? item.subItems.map((r) => finishedReport(r, ctx)) : [];
    if (reported.length && reported.every((r) => r)) {
      const first = reported[0]!;
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(first[0], first[1]), range: ctx.range(first[0], first[1]) };
      continue;
    }
    // "The old VM remains powered down. The site has been re-deployed on a new VM.": a state, then the work reported
    // finished; nothing asked for or promised
    const stated = statedThenReported(words);
    if (stated) {
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(start + stated[0], start + stated[1]), range: ctx.range(start + stated[0], start + stated[1]) };
    }
  }
}

/** A review question: "How would …", "Can we …", "What is …". */
const QUESTION_RE = /^(?:how|can|could|should|what|where|who|which|when|do|does|is|are)\s/i;
const TICKET_RE = /\b(?:tickets?|issues?|jira|bugs?)\b[^.\n]{0,20}\b(?:raised|opened|filed|created)\b|#\d/i;
/** The pointer to a page that answers it: "Runbook page here", "see the runbook", "documented in the wiki". */
const ANSWERED_BY_PAGE_RE = /\b(?:runbook|playbook|wiki|documentation|docs)(?:\s+(?:page|entry|section))?\s+\[?(?:here|at)\b|\b(?:see|documented in|answered in|covered (?:by|in)) (?:the |our |this )?(?:runbook|playbook|wiki|documentation|docs)\b/i;

/** "The VM … remains powered down", "SSH is no longer exposed …": the state a change left, told as a statement. */
const STATE_RE = /^(?:[^.;:!?]|\.(?=\S)){3,160}?\b(?:remains?|stays?|(?:is|are)\s+(?:now|no\s+longer))\s+\p{L}/u;

/** stateThenReport, remembered: a function of the words alone, asked of every open item on every lint. */
const statedThenReported = memoByText(stateThenReport);

/**
 * An item told as statements only: the first states the state a change left, each later one reports work finished
 * ("… has been re-deployed on a new VM"). The offsets, in `words`, of the last report's done words, or undefined.
 */
function stateThenReport(words: string): [number, number] | undefined {
  const plainWords = words.replace(/<[^<>]{0,200}>|&[a-z]{2,8};|[*_`]/gi, (m) => ' '.repeat(m.length));
  const flat = plainWords.replace(/\s+/g, ' ').trim();
  if (!STATE_RE.test(flat) || startsImperative(flat) || commitsToWork(flat)) return undefined;
  const starts = [0];
  for (const m of plainWords.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) starts.push(m.index + m[0].length);
  if (starts.length < 2) return undefined;
  let last: [number, number] | undefined;
  for (const at of starts.slice(1)) {
    const sentence = plainWords.slice(at);
    const done = completedPrefix(sentence);
    if (!done || laterCommitment(sentence, done)) return undefined;
    last = [at, at + sentence.slice(0, done).trimEnd().length];
  }
  return last;
}

/** A sub-item's own words, past its list marker or opening tags ("- ", "<li>", "[x] "). */
const SUB_LEAD_RE = /^(?:\s|<[^<>]{0,200}>|[-*+](?=\s)|\d{1,3}[.)](?=\s))*/;
/** "The command string in the keys file is now explicit": a state the work put in place, not one still awaited. */
const NOW_STATE_RE = /^(?:[^.;:!?]|\.(?=\S)){3,160}?\b(?:is|are)\s+now\s+(?!(?:being|going|in|under|on|waiting|pending|blocked|tracked|planned|scheduled|proposed|open|needed|required|ready\s+for)\b)\p{L}[\p{L}-]*/u;

/**
 * The offsets of the words by which a sub-item reports finished work ("New keys have been generated", "The command
 * string … is now explicit"), or undefined: a sub-item that asks for work, commits to it or awaits something is not a
 * report.
 */
function finishedReport(range: ActionItem['range'], ctx: ParseContext): [number, number] | undefined {
  const raw = ctx.text.slice(range.start.offset, range.end.offset);
  const lead = SUB_LEAD_RE.exec(raw)?.[0].length ?? 0;
  const start = range.start.offset + lead;
  // the first line or sentence is enough to read; tags and entities inside it are blanked, offsets kept
  const own = raw.slice(lead).replace(/<[^<>]{0,200}>|&[a-z]{2,8};|&#\d{1,6};/gi, (m) => ' '.repeat(m.length));
  const plainWords = own.replace(/[*_`]/g, ' ');
  const done = completedPrefix(plainWords);
  if (done && !laterCommitment(plainWords, done)) return [start, start + own.slice(0, done).trimEnd().length];
  const now = NOW_STATE_RE.exec(plainWords);
  if (now && !commitsToWork(plainWords.replace(/\s+/g, ' '))) return [start, start + now[0].length];
  return undefined;
}

interface Link {
  url: string;
  text: string;
  start: number;
  end: number;
}

/** The links and definitions of the tree, in order (a block's remembered while its text is unchanged). */
const linksOf = perBlock(
  (block: RootContent) => {
    const out: (Link | { identifier: string; url: string })[] = [];
    const visit = (n: Nodes) => {
      if (n.type === 'definition') out.push({ identifier: n.identifier, url: n.url });
      if (n.type === 'link' || n.type === 'linkReference') {
        out.push({ url: n.type === 'link' ? n.url : `#ref:${n.identifier}`, text: toString(n).trim(), start: startOf(n), end: endOf(n) });
      }
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(block);
    return out;
  },
  (found, by) => ('identifier' in found ? found : { ...found, start: found.start + by, end: found.end + by }),
);

/** A link whose own words say the work it points to is finished: "identified and [fixed][fix-pr]", "([done](…))". */
const DONE_LINK_TEXT_RE = /^(?:fixed|resolved|done|completed)$/i;

/**
 * "Fix bug preventing the version from being updated ([pull request][fix-pr])" while the timeline says the issue was
 * "identified and [fixed][fix-pr]": the item points at the same pull request or issue that the document, elsewhere,
 * links as fixed. Done, with that link as the status source. Only open items with no status of their own.
 */
export function applyLinkedFixStatus(items: ActionItem[], tree: Root, ctx: ParseContext): void {
  const urls = new Map<string, string>();
  const links: Link[] = [];
  for (const found of linksOf(tree)) {
    if ('identifier' in found) urls.set(found.identifier, found.url);
    else links.push(found);
  }
  const dest = (url: string): string | undefined => {
    const u = url.startsWith('#ref:') ? urls.get(url.slice(5)) : url;
    return u === undefined ? undefined : trimEndChars(u.trim(), '/');
  };
  const doneLinks = links.filter((l) => DONE_LINK_TEXT_RE.test(l.text) && dest(l.url));
  if (!doneLinks.length) return;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    const s = item.range.start.offset;
    const e = item.range.end.offset;
    const own = new Set(links.filter((l) => l.start >= s && l.end <= e).map((l) => dest(l.url)).filter((u): u is string => !!u));
    const fixed = doneLinks.find((l) => (l.end <= s || l.start >= e) && own.has(dest(l.url) as string));
    if (!fixed) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: ctx.text.slice(fixed.start, fixed.end), range: ctx.range(fixed.start, fixed.end) };
  }
}
