// relative-date: "yesterday" is a date only on the day it was written. The postmortem is read months later, by
// people who can't tell which Tuesday "last Tuesday" was. Write the date.
import type { Rule } from '../model/types';
import { matchesByLine } from '../model/memo';
import { rangeOf } from '../model/lines';
import { fit, proseText } from './support/util';
import { sectionAt } from '../model/facts';

const DAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
// only the source of the expression below (on its own, unanchored, `\d+ days ago` was tried from every digit)
const RELATIVE_SOURCE = [
  'the day before yesterday',
  'yesterday',
  'tomorrow',
  'last night',
  'this (?:morning|afternoon|evening)',
  `(?:last|next|this past|this coming) (?:week|weekend|month|sprint|quarter|${DAYS})`,
  '(?:earlier|later) this (?:week|month)',
  '(?:a few|two|three|four|five|several|\\d+) (?:days|weeks) ago',
  'a (?:day|week) ago',
  `on ${DAYS}`,
].join('|');

const ABSOLUTE_DATE_RE =
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** The line is part of a blockquote paragraph (a '>' line, or a lazy continuation of one). */
function inBlockquote(prose: string, model: Parameters<Rule['check']>[0]['model'], line: number): boolean {
  for (let l = line; l >= 0 && line - l < 50; l--) {
    const t = prose.slice(model.lines.lineStart(l), model.lines.lineEnd(l));
    if (/^\s*>/.test(t)) return true;
    if (!t.trim()) return false;
  }
  return false;
}

/**
 * The paragraph opens with a stamp line that dates it: a pasted chat log's "July 23 4:10 AM" over "Jenny confirms the
 * peak of 235 users at 18:00 UTC yesterday". The entry's own date anchors its "yesterday", as a dated row does. Only a
 * plain paragraph counts: a heading, list item, table row, quote or fence between them starts another block, and the
 * stamp is the paragraph's first line (a dated list item or table row above says nothing about the text under it).
 */
function stampedAbove(prose: string, model: Parameters<Rule['check']>[0]['model'], line: number): boolean {
  const raw = (l: number) => prose.slice(model.lines.lineStart(l), model.lines.lineEnd(l));
  if (BLOCK_START_RE.test(raw(line))) return false;
  for (let l = line - 1; l >= 0 && line - l <= 10; l--) {
    const t = raw(l).trim();
    if (!t || BLOCK_START_RE.test(raw(l))) return false;
    if (t.length <= 40 && !/[.;!?]$/.test(t) && ABSOLUTE_DATE_RE.test(t)) return l === 0 || !raw(l - 1).trim();
  }
  return false;
}
/** A line that starts a block other than a paragraph, or a table row ("a | b" without its leading pipe too). */
const BLOCK_START_RE = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|`{3}|~{3})|\|/;

/** Relative phrases that can only point back, never at a plan. */
const PAST_ONLY_RE = /^(?:the day before yesterday|yesterday|last night|\S+ (?:days|weeks) ago|a (?:day|week) ago)$/i;

/** Sections about what comes next, not about the incident. */
const FUTURE_KINDS = new Set(['action-items', 'deferred', 'lessons-learned']);

const sectionOf = sectionAt;

const RELATIVE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${RELATIVE_SOURCE})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The relative phrases of the prose, read line by line: no phrase spans a line break (their spaces are single
 * spaces), and the line break on either side is neither a letter nor a digit, as the expression's edges ask.
 */
const relativeMatches = matchesByLine(RELATIVE_RE);

const rule: Rule<Record<string, never>> = {
  id: 'relative-date',
  description: 'The narrative uses absolute dates, not "yesterday" or "last week".',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const prose = proseText(model);
    // due dates of action items are action-item-due-date's business. Matches come in document order: the item
    // spans (merged, sorted) and each line's facts are walked forward once, never rescanned per match.
    const spans: [number, number][] = [];
    for (const i of [...model.actionItems].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
      const [s, e] = [i.range.start.offset, i.range.end.offset];
      const last = spans[spans.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else spans.push([s, e]);
    }
    let span = 0;
    const inItem = (o: number) => {
      while (span < spans.length && spans[span][1] <= o) span++;
      return span < spans.length && spans[span][0] <= o;
    };
    // the incident date is the anchor a writer most often means; without one, the format is the example
    const anchor = model.date ? ` (incident: ${model.date})` : '';
    const timelines = model.allSections.filter((s) => s.kind === 'timeline');
    const dated = new Map<object, boolean>(); // per timeline section, computed once (not once per match)
    const datedTimeline = (o: number) => {
      const t = timelines.find((s) => o >= s.bodyRange.start.offset && o < s.bodyRange.end.offset);
      if (!t) return true;
      let d = dated.get(t);
      if (d === undefined) dated.set(t, (d = ABSOLUTE_DATE_RE.test(prose.slice(t.bodyRange.start.offset, t.bodyRange.end.offset))));
      return d;
    };
    let line = -1;
    let skipLine = false;
    let scanned = 0; // how far the current line was read for quotes
    let quoted = false; // an opening quote without its closing one before `scanned`
    for (const m of relativeMatches(prose, model.lines)) {
      if (inItem(m.index)) continue;
      // "the last week of November" names a week; "on Friday" is relative only in a timeline that gives no date
      if (/^\s+of\b/i.test(prose.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
      if (/^on /i.test(m[0]) && datedTimeline(m.index)) continue;
      // "The next quarter did not repair the issue.", "the next week they …": counted from the story's own moment, not
      // from the day it is read (a bare "next week" still points at the reader's calendar)
      if (/^next /i.test(m[0]) && /\bthe\s$/i.test(prose.slice(Math.max(0, m.index - 4), m.index))) continue;
      // only the story of the incident: plans and lessons may speak of "next week"; "yesterday", "last night",
      // "three days ago" can only point back at the incident, wherever they stand ("… for the degraded service yesterday")
      const sec = sectionOf(model, m.index);
      if (sec && FUTURE_KINDS.has(sec.effectiveKind ?? '') && !PAST_ONLY_RE.test(m[0])) continue;
      const l = model.lines.positionAt(m.index).line;
      if (l !== line) {
        line = l;
        const lineText = prose.slice(model.lines.lineStart(line), model.lines.lineEnd(line));
        // quoted speech and pasted chat ("> … until 11pm last night") are evidence, not narration; a timeline row
        // that carries its own date anchors "tomorrow" ("2022-10-31 17:45 … re-assess tomorrow"), and so does an entry
        // under its stamp line ("July 23 4:10 AM" / "… at 18:00 UTC yesterday")
        skipLine = inBlockquote(prose, model, line) || ABSOLUTE_DATE_RE.test(lineText) || stampedAbove(prose, model, line);
        scanned = model.lines.lineStart(line);
        quoted = false;
      }
      if (skipLine) continue;
      for (; scanned < m.index; scanned++) {
        const c = prose[scanned];
        if (c === '"' || c === '“') quoted = true;
        else if (c === '”') quoted = false;
      }
      if (quoted) continue;
      ctx.report({
        range: rangeOf(model.lines, m.index, m.index + m[0].length),
        message: fit("'", m[0], `' is relative: write the date as YYYY-MM-DD${anchor}.`),
      });
    }
  },
};

export default rule;
