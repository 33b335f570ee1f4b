// Facts about a document that several rules and faces read, derived from the model once (memoised per model):
// the prose (code, HTML, front matter, links blanked), the plain prose (also without quotations), the sections of
// a kind and their prose, the severity's normalised name. Pure: reads only the model.
import type { Postmortem, Range, Section, SectionKind } from './types';
import { normalizeHeading } from './sections';
import { joinedRuns, memoByText, runsOf } from './memo';
import { blankComments } from './scan';

/** The text under a section's heading, up to its first sub-section. */
export function ownText(model: Postmortem, s: Section): string {
  return model.text.slice(s.ownContentRange.start.offset, s.ownContentRange.end.offset);
}

const memo = <T>(fn: (model: Postmortem) => T): ((model: Postmortem) => T) => {
  const cache = new WeakMap<Postmortem, T>();
  return (model) => {
    if (cache.has(model)) return cache.get(model) as T;
    const v = fn(model);
    cache.set(model, v);
    return v;
  };
};

/** `text.slice(s, e)` with every character but line breaks a space (most spans hold none: one repeat). */
function blank(text: string, s: number, e: number): string {
  const part = text.slice(s, e);
  return part.includes('\n') || part.includes('\r') ? part.replace(/[^\r\n]/g, ' ') : ' '.repeat(e - s);
}

/** `text` with every character in the spans except line breaks replaced by a space (same length). */
export function blankSpans(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s0, e0] of sorted) {
    const s = Math.max(pos, s0, 0);
    const e = Math.min(text.length, e0);
    if (e <= s) continue;
    parts.push(text.slice(pos, s), blank(text, s, e));
    pos = e;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * The document text with its opaque ranges (code, HTML, code spans over several lines) and front matter blanked (same
 * length): what proseText and the timelines' reading (model/timezones.ts) start from, once per model.
 */
export const maskedText = memo((model: Postmortem): string => {
  const spans: [number, number][] = model.opaqueRanges.map((r) => [r.start.offset, r.end.offset]);
  if (model.frontMatter) spans.push([model.frontMatter.range.start.offset, model.frontMatter.range.end.offset]);
  return blankSpans(model.text, spans);
});

/**
 * The document text with everything that is not prose blanked out (same length, line breaks kept): code blocks,
 * HTML blocks and comments, front matter, inline code spans and link destinations. Offsets map 1:1 to the text.
 */
export const proseText = memo((model: Postmortem): string => proseRuns(maskedText(model)));
/**
 * Inline code spans, link destinations, autolinks and bare URLs: none crosses a line, so they are blanked paragraph by
 * paragraph (runsOf), each paragraph's answer remembered, and the answer's parts before and after the paragraphs an
 * edit changed taken whole from the last version's (memo.ts joinedRuns).
 */
const INLINE_OPAQUE_RE = /`+[^`\n]*`+|\]\((?:[^()\n]|\([^()\n]*\))*\)|<https?:[^<>\n]*>|https?:\/\/[^\s)>\]]+/g;
const proseRuns = joinedRuns((run: string): string => blankSpans(run, [...run.matchAll(INLINE_OPAQUE_RE)].map((m): [number, number] => [m.index, m.index + m[0].length])));

/**
 * The writer's own words: the prose without quotations (blockquotes, "double-quoted" and “curly-quoted” spans on one
 * line, which are evidence or someone else's words) and without headings. Same length as the text.
 */
export const plainProse = memo((model: Postmortem): string => plainRuns(proseText(model)));

// paragraph by paragraph (runsOf), each remembered: a blank line ends a quote, and a paragraph after the first
// starts with the blank line's break, so each is read as the whole text reads it; no quoted string crosses a line
const plainRuns = joinedRuns((run: string): string => {
  const spans: [number, number][] = [];
  // blockquote lines, and the lazy continuation lines of a blockquote paragraph
  let inQuote = false;
  let s = 0;
  for (const m of run.matchAll(LINE_BREAK_RE)) {
    inQuote = quoteOrHeading(run, s, m.index, inQuote, spans);
    s = m.index + m[0].length;
  }
  quoteOrHeading(run, s, run.length, inQuote, spans);
  for (const m of run.matchAll(/"[^"\n]{1,300}"|“[^”\n]{1,300}”/g)) spans.push([m.index, m.index + m[0].length]);
  return blankSpans(run, spans);
});

const LINE_BREAK_RE = /\r\n?|\n/g;

/** Adds the line [s, e) to `spans` when it is in a blockquote or a heading; whether a quote goes on after it. */
function quoteOrHeading(text: string, s: number, e: number, inQuote: boolean, spans: [number, number][]): boolean {
  const line = text.slice(s, e);
  if (/^\s{0,3}>/.test(line)) inQuote = true;
  else if (!line.trim()) inQuote = false;
  if (inQuote || /^\s{0,3}#{1,6}\s/.test(line)) spans.push([s, e]);
  return inQuote;
}

/**
 * Whether the prose reads as English, by the share of the commonest English function words ("the", "and", "of", "we"
 * …) among its words: a postmortem written in Norwegian ("**Konsekvens:**", "## Aksjonspunkter", "## Tidslinje") has
 * under 1%, a Polish one quoting English log lines and docs 2.6%, English ones 4% or more (10% or more outside blank
 * templates). Under 30 words there is too little to tell: English; under 100, English unless next to no such word
 * (under 2%). The
 * section names and verbs the rules know are English; on other prose they would only guess. A document keeps its
 * language: the first LANGUAGE_SAMPLE characters of prose decide (missing-section asks on every keystroke, and a 1 MB
 * document would otherwise be split into words each time).
 */
export const readsAsEnglish = memo((model: Postmortem): boolean => {
  // counted paragraph by paragraph (no word crosses a line break), each paragraph's counts remembered: an edit
  // leaves the others as they were (splitting the whole sample into words took ~2 ms a keystroke at 20 KB)
  const sample = proseText(model).slice(0, LANGUAGE_SAMPLE);
  let words = 0;
  let common = 0;
  for (const [, run] of runsOf(sample)) {
    const c = wordCounts(run);
    words += c[0];
    common += c[1];
  }
  if (words < SHORT_WORDS) return true;
  // 30 to 99 words: too few to weigh a share, but English prose of that length has a "the", "to" or "we" every few
  // lines; a short French or German note has next to none
  if (words < 100) return common / words >= 0.02;
  return common / words >= 0.03;
});
/** [words, common English function words among them] of a text. */
const wordCounts = memoByText((text: string): [number, number] => {
  const words = text.toLowerCase().match(WORD_RE) ?? [];
  let common = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) common++;
  return [words.length, common];
});
const WORD_RE = /\p{L}+/gu;
const LANGUAGE_SAMPLE = 20_000;
const SHORT_WORDS = 30;
// words English prose cannot do without and other languages written in Latin script rarely share ("at", "for", "in",
// "i" are Scandinavian words too: left out)
const FUNCTION_WORDS = new Set('the and of to is was were we that this with on it are be from not have has an our will when which there been they their'.split(' '));

/** Sections whose own heading matched `kind` and whose parent is not of that kind (the top of each nesting). */
export function sectionsOf(model: Postmortem, kind: SectionKind): Section[] {
  return model.allSections.filter((s) => s.kind === kind && s.parent?.effectiveKind !== kind);
}

/** Prose of the bodies of every section of a kind (offsets of the document), joined; '' when there is none. */
export function sectionProse(model: Postmortem, kind: SectionKind, prose = proseText(model)): { text: string; ranges: Range[] } {
  const ranges = sectionsOf(model, kind).map((s) => s.bodyRange);
  return { text: ranges.map((r) => prose.slice(r.start.offset, r.end.offset)).join('\n'), ranges };
}

/** The section kind that applies at an offset (the deepest heading before it), if any. */
/** The section whose heading is the last one at or before `offset` (binary search: sections are in document order). */
export function sectionAt(model: Postmortem, offset: number): Section | undefined {
  const all = model.allSections;
  let lo = 0;
  let hi = all.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].headingRange.start.offset <= offset) {
      found = all[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The section kind that applies at an offset. */
export function kindAt(model: Postmortem, offset: number): SectionKind | undefined {
  return sectionAt(model, offset)?.effectiveKind;
}

/**
 * The severity as a policy name: "SEV-1", "sev 1", "Sev1", "S1" and "1" are SEV1; "P1" stays P1; other words
 * (critical, major) are upper-cased. Undefined without a severity.
 */
export function severityName(model: Postmortem): string | undefined {
  const raw = model.severity?.trim();
  if (!raw) return undefined;
  const sev = /^(?:sev(?:erity)?|s)?[\s-]*([0-5])\b/i.exec(raw);
  if (sev) return `SEV${sev[1]}`;
  const p = /^p[\s-]*([0-5])\b/i.exec(raw);
  if (p) return `P${p[1]}`;
  return raw.toUpperCase();
}

/**
 * A heading that holds a canonical section under another name, as a reader sees it: "Affected crates" is the impact,
 * "Background" or "Context" opening the document is the summary, a section told as time-stamped steps ("At 5:40 PM
 * on November 18th …", "14:02 - report received") is the timeline. Undefined when no heading reads as that section;
 * missing-section then says the section is missing, and names this heading when there is one.
 */
export function sectionUnderAnotherName(model: Postmortem, kind: SectionKind): Section | undefined {
  // below the title (or every heading, when the document has several top-level ones)
  const h1s = model.allSections.filter((s) => s.depth === 1).length;
  const candidates = model.allSections.filter((s) => s.kind !== kind && (s.depth > 1 || h1s > 1));
  const title = (s: Section) => normalizeHeading(s.title);
  switch (kind) {
    case 'impact':
      // not "Affected files (absolute paths)", "Affected stack at the time": the code that was changed or ran, which says
      // nothing of who was affected or for how long
      return candidates.find((s) => !s.kind && !AFFECTED_CODE_RE.test(title(s)) && /^(?:affected|who (?:was|is|were) affected|what (?:was|is) affected|scope|consequences|blast radius|effects?|(?:other )?side[- ]?effects?)\b/.test(title(s)));
    case 'summary': {
      // the first with text of its own (a disable comment is none): not a "#### Tracking bug: [4410](…)" line right
      // under the title
      const first = candidates.find((s) => s.depth > 1 && /\S/.test(blankComments(ownText(model, s))));
      // "What happened?" first is the summary when another section holds the timeline (else it is the timeline)
      const timelineElsewhere = (f: Section) => model.allSections.some((o) => o !== f && o.kind === 'timeline');
      return first && (!first.kind || first.kind === 'glossary' || (first.kind === 'timeline' && timelineElsewhere(first))) && /^(?:background|context|about|what happened)$/.test(title(first)) ? first : undefined;
    }
    case 'timeline':
      return candidates.find((s) => s.kind !== 'action-items' && timeStampedSteps(ownText(model, s)) >= 3);
    default:
      return undefined;
  }
}

const AFFECTED_CODE_RE = /^affected (?:source )?(?:files?|paths?|stack|code|lines?|modules?|functions?|commits?)\b/;

/**
 * Lines or paragraphs that open with a time or a date: "At 5:40PM on …", "By around 2am on Apr 11th", "14:02 - …",
 * "- 2026-03-09 14:02 …", "On Apr 4th at 12:32 GMT, …" (a date said in words, with its time), or a weekday and a time
 * ("**Monday, 8am PST**, …", "Tuesday 10:30 …": a story's diary of one week).
 */
export function timeStampedSteps(body: string): number {
  let n = 0;
  let clock = 0;
  let notYear = false;
  for (const line of body.split(/\r?\n/)) {
    const t = line.replace(/^\s*(?:\*\*(?!\*)|__)?(?:[-*+]|\d+[.)])?\s*(?:\*\*|__)?/, '');
    if (/^(?:at|on|around|by)\s+(?:(?:about|around|roughly|approximately)\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?\b|utc\b)|^(?:on|by)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:at|around)\s+\d{1,2}(?::\d{2}|\s*[ap]\.?m\.?\b)|^(?:at|on)\s+\d{1,2}:\d{2}\b|^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?\s*)?(?:(?:utc|[A-Z]{2,4})\s*)?[-–—:|]|^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/i.test(t) || WEEKDAY_TIME_RE.test(t)) n++;
    else {
      // "~1442: changes deployed", "1727 : X noticed", "[1758](slack link): Y acknowledged": a 24-hour clock without a colon
      const m = CLOCK_RE.exec(t);
      if (m) {
        clock++;
        const v = Number(m[1]);
        if (v < 1990 || v > 2039) notYear = true;
      }
    }
  }
  // lines led by "2019:", "2020:", "2021:" are a history by year: counted only beside a time no year could be
  return n + (notYear ? clock : 0);
}
/** "~1442:", "1727 :", "[1758](https://…):": hours and minutes run together, at the start of a line, then a colon. */
const CLOCK_RE = /^~?\[?((?:[01]\d|2[0-3])[0-5]\d)\]?(?:\([^()\s]{1,300}\))?[ \t]?:/;
const WEEKDAY_TIME_RE = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:at\s+)?\d{1,2}(?::\d{2}\b|(?::\d{2})?\s*[ap]\.?m\.?(?![a-z]))/i;

/**
 * A "What went wrong" list under Lessons learned that tells what caused the incident: at least two of its entries
 * say why ("meant our pods didn't …", "due to load", "which caused this incident"). A reader sees the causes there.
 * One about the response only ("It was 11 hours before we noticed") does not count, nor "because" or "the cause"
 * alone (often about the diagnosis: "it was hard to find the root cause because …").
 */
/**
 * An analysis section ("### Detailed Analysis": "A script installed nginx on all of our load balancers causing the load
 * balancers to fail to restart because …") says why it happened once it says so at all: that is what an analysis
 * under a postmortem is for.
 */
export function analysisSaysWhy(model: Postmortem, s: Section): boolean {
  if (!ANALYSIS_TITLE_RE.test(normalizeHeading(s.title))) return false;
  return saysWhy(ownText(model, s));
}
/** The text says why something happened: "due to", "caused", "led to", "because" … */
export function saysWhy(body: string): boolean {
  return CAUSAL_RE.test(body) || /\bbecause\b/i.test(body);
}
const ANALYSIS_TITLE_RE = /^(?:(?:detailed|technical|full|in-depth|incident|outage|problem|failure) )?analysis$/;

export function explainsCauses(model: Postmortem, s: Section): boolean {
  return twoEntriesSay(ownText(model, s), (e) => CAUSAL_RE.test(e));
}

/** Whether at least two entries of `body` (list items, or paragraphs) pass `says`. */
function twoEntriesSay(body: string, says: (entry: string) => boolean): boolean {
  let n = 0;
  for (const entry of body.split(/\r?\n(?=[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t])|(?:\r?\n[ \t]*){2,}/)) if (says(entry) && ++n >= 2) return true;
  return false;
}
/**
 * A "What went wrong" section that names the cause of the incident once, plainly: "The entire incident was a result of
 * a problem we knew was coming", "We should have used `bigint` … which would have avoided the issue entirely", "If any
 * of these factors were not in play, this error would have: never happened". One such sentence is the cause a reader
 * sees, where one "due to" may be a detail of the response (explainsCauses wants two of those).
 */
export function namesTheCauseOnce(model: Postmortem, s: Section): boolean {
  const body = ownText(model, s);
  return RESULT_OF_RE.test(body) || MISSING_SAFEGUARD_RE.test(body) || NEVER_HAPPENED_RE.test(body);
}
const RESULT_OF_RE = /\b(?:incident|outage|issue|error|problem|failure)\b[^.\n]{0,40}\b(?:was|were|is)\s(?:a\s|the\s)?(?:direct\s)?result\sof\b/i;
const NEVER_HAPPENED_RE = /\bwould\shave:?\s{1,4}(?:[-*]\s)?never\s(?:have\s)?(?:happened|occurred)\b/i;

/**
 * A lessons section asked as a question about this incident ("What did we learn?", "What can we learn from this
 * incident and improve?") whose entries, its sub-sections' included, say why it happened: with the causal
 * connectors of explainsCauses, or as the safeguard that was missing ("this didn't prevent the attack", "the
 * attacker would not have been able to …", "we could have avoided the incident"). At least two such entries.
 */
export function lessonsExplainCauses(model: Postmortem, s: Section): boolean {
  if (s.kind !== 'lessons-learned' || !/^what (?:did|do|can|could|have) we learn\b|^what we(?:'ve| have)? learn/.test(normalizeHeading(s.title))) return false;
  return twoEntriesSay(model.text.slice(s.bodyRange.start.offset, s.bodyRange.end.offset), (e) => CAUSAL_RE.test(e) || MISSING_SAFEGUARD_RE.test(e));
}
const MISSING_SAFEGUARD_RE = /\b(?:(?:did\s+not|didn't|does\s+not|doesn't)\s+prevent|would(?:\s+not|n't)\s+have\s+(?:been\s+able\s+to|happened|occurred|been\s+possible)|could\s+have\s+(?:been\s+)?avoided|would\s+have\s+(?:been\s+)?(?:prevented|avoided|stopped))\b/i;

/**
 * A "Conclusion" section that says why it happened, in one sentence or more: "this caused an outage", "Three things
 * colluded to make this outage happen", "There was insufficient monitoring of the billing status", "Our scaler didn't
 * scale up fast enough", "a script was accidentally run against the production cluster". A reader sees the causes
 * there. Apologies ("We apologise for the inconvenience this has caused") and wrap-ups ("It was a bad day") do not count.
 */
export function conclusionGivesCause(model: Postmortem, s: Section): boolean {
  if (!/^conclusions?$/.test(normalizeHeading(s.title))) return false;
  const body = ownText(model, s);
  return body.split(/(?<=[.!?:])\s+|\n\s*\n/).some((sentence) => !APOLOGY_RE.test(sentence) && (CAUSAL_RE.test(sentence) || CONCLUDED_CAUSE_RE.test(sentence)));
}
const APOLOGY_RE = /\b(?:apologi[sz]e|sorry|inconvenience)\b/i;

/**
 * "Conclusion" typed as a line of its own at the end of a timeline entry, then the cause on the next line
 * ("Accidental overwriting of the sqlite file during routine debugging led all tables being deleted."): a plain line
 * standing for the heading, which a reader sees as the conclusion that gives the cause, as conclusionGivesCause reads
 * it under a heading. Only the line right after it counts, and it must say why (no apology).
 */
export function plainConclusionGivesCause(model: Postmortem): boolean {
  for (const m of proseText(model).matchAll(PLAIN_CONCLUSION_RE)) {
    const next = m[1];
    if (!APOLOGY_RE.test(next) && (CAUSAL_RE.test(next) || CONCLUDED_CAUSE_RE.test(next))) return true;
  }
  return false;
}
const PLAIN_CONCLUSION_RE = /^[ \t]{0,3}conclusions?[ \t]*(?::[ \t]*)?\r?\n[ \t]{0,3}([^\s#>|*+-][^\n]*)/gim;
const CONCLUDED_CAUSE_RE = /\b(?:colluded|insufficient|accidentally|mistakenly|root cause)\b|\b(?:didn't|did not|wasn't|was not|weren't|were not)\b[^.\n]{0,40}\benough\b/i;

/**
 * A response, resolution or conclusion section ("## Our Response", "## Resolution", "## Conclusion") that tells the
 * changes made or planned so it does not happen again ("to help prevent … in the future", "to mitigate future risk",
 * "ameliorating similar issues in the future", "a second head node we can fail over to in emergencies like this",
 * "We have begun monitoring more providers so … in the future"): a reader sees the follow-ups there. One that only
 * narrates the fix (how it was reproduced, patched and audited) does not.
 */
export function responseTellsPrevention(model: Postmortem, s: Section): boolean {
  if (s.kind !== 'resolution' && !/^(?:the )?response$|^conclusions?$/.test(normalizeHeading(s.title))) return false;
  const body = model.text.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
  return PREVENTION_RE.test(body) || NOT_AGAIN_RE.test(body) || LIKE_THIS_RE.test(body) || body.split('.').some((sentence) => (FUTURE_RE.test(sentence) && (SIMILAR_RE.test(sentence) || WE_PLAN_RE.test(sentence))) || (AGAIN_RE.test(sentence) && WILL_RE.test(sentence)));
}
/** "… in case this issue comes up again", "… if the outage happens again": a repeat, named in a sentence that commits. */
const AGAIN_RE = /\b(?:issue|problem|incident|outage|failure|this|it)\s+(?:comes?\s+up|happens?|occurs?|recurs?)\s+again\b/i;
/** "t2bot.io will be adopting …", "we are going to …": the sentence commits to work. */
const WILL_RE = /\b(?:will|shall|(?:is|are)\s+going\s+to|plans?\s+to)\s+(?:be\s+)?\p{L}+/iu;
const PREVENTION_RE = /\b(?:prevent(?:s|ed|ing)?\b[^.]{0,80}\bin\s+the\s+future|mitigate\s+(?:the\s+)?future|future\s+risks?|(?:incidents?|attacks?|breach(?:es)?|leaks?)\s+(?:like|such\s+as)\s+this|from\s+happening\s+again|recurrence)\b/i;
/** "We added several test cases to make sure this will not happen again", "… this issue shouldn't happen again". */
const NOT_AGAIN_RE = /\b(?:will|would|should|shall|can|could|does|do)(?:\s+not|n['’]t)\s+(?:ever\s+)?(?:happen|occur|recur)\s+again\b|\bnever\s+(?:happens?|occurs?|recurs?)\s+again\b/i;
const LIKE_THIS_RE = /\b(?:emergenc(?:y|ies)|outages?|situations?)\s+like\s+this\b/i;
// one sentence: "… similar issues in the future", "We have begun monitoring more DNS providers so … in the future"
const FUTURE_RE = /\bin\s+the\s+future\b/i;
const SIMILAR_RE = /\bsimilar\s+(?:issues?|incidents?|problems?|outages?|errors?|failures?)\b/i;
const WE_PLAN_RE = /\bwe\s+(?:will|are\s+going\s+to|plan\s+to|have\s+(?:begun|started|added))\b/i;

const CAUSAL_RE = /\b(?:due to|as a result of|result(?:s|ed|ing)? in|contribut(?:es?|ed|ing) to|caus(?:ed|es|ing)\b|led to|leads? to|because of|triggered|meant\b(?! to\b)|means\s+that\b)/i;
