// Due dates in action items: absolute dates in the forms people write (ISO, 03/04/2026, "Feb 1, 2026", chrono for
// the rest), the phrase written where a date belongs ("next sprint", "Q3"), and a due cell of a table. Works on the
// segments of model/fields.ts.
import * as chrono from 'chrono-node';
import type { Hit, Segment } from './fields';
import { isUncached, onForgetRemembered } from './memo';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ISO_RE = /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-]*\d)/g;
const NUMERIC_RE = /(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.]*\d)/g;
const TEXTUAL_HINT_RE = new RegExp(`\\b(?:${MONTHS})\\b`, 'i');

/** Shared between calls (findDates remembers its answers): never changed after it is made. */
export interface DateHit {
  readonly iso: string;
  readonly ambiguous: boolean;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** findDates' answers by text: chrono is most of an item's reading, and an edit leaves the other items' text as it was. */
const datesByText = new Map<string, readonly DateHit[]>();
const MAX_REMEMBERED = 10_000;
onForgetRemembered(() => datesByText.clear());

/** Every absolute date (with day, month and year) in a string; indexes relative to the string. */
export function findDates(s: string): DateHit[] {
  if (isUncached()) return datesIn(s);
  const known = datesByText.get(s);
  if (known) return [...known];
  if (datesByText.size >= MAX_REMEMBERED) datesByText.clear();
  const hits = datesIn(s);
  datesByText.set(s, hits);
  return [...hits];
}

function datesIn(s: string): DateHit[] {
  const hits: DateHit[] = [];
  const overlaps = (a: number, b: number) => hits.some((h) => a < h.end && b > h.start);
  for (const m of s.matchAll(ISO_RE)) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (validYmd(y, mo, d)) hits.push({ iso: isoOf(y, mo, d), ambiguous: false, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of s.matchAll(NUMERIC_RE)) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    if (overlaps(m.index, m.index + m[0].length)) continue;
    // Month first (US) when both could be months; day first when the first number can't be a month.
    const monthFirst = validYmd(y, a, b);
    const dayFirst = validYmd(y, b, a);
    if (!monthFirst && !dayFirst) continue;
    const ambiguous = monthFirst && dayFirst && a !== b;
    const iso = monthFirst ? isoOf(y, a, b) : isoOf(y, b, a);
    hits.push({ iso, ambiguous, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (TEXTUAL_HINT_RE.test(s) && /\d{4}/.test(s)) {
    let results: chrono.ParsedResult[] = [];
    try {
      results = chrono.parse(s, new Date(Date.UTC(2000, 0, 1)));
    } catch {
      results = [];
    }
    for (const r of results) {
      const c = r.start;
      if (!(c.isCertain('year') && c.isCertain('month') && c.isCertain('day'))) continue;
      if (!/\d{4}/.test(r.text) || !TEXTUAL_HINT_RE.test(r.text)) continue;
      // chrono may swallow a time or range; keep only the date part's extent
      const text = r.text.replace(/\s*(?:at|@|,)?\s*\d{1,2}:\d{2}.*$/i, '').replace(/\s*[-–—]\s*.*$/, '');
      const start = r.index;
      const end = start + text.length;
      if (overlaps(start, end)) continue;
      const y = c.get('year') ?? 0;
      const mo = c.get('month') ?? 0;
      const d = c.get('day') ?? 0;
      if (validYmd(y, mo, d)) hits.push({ iso: isoOf(y, mo, d), ambiguous: false, start, end, text });
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}

/**
 * Words written where a date belongs that are not dates: a reader a year later can't tell when that was. Only the
 * source of the expressions below: unanchored on its own, `\d+ days` tried from every digit of a long number.
 */
const NON_DATE_SOURCE = [
  'asap',
  'as soon as possible',
  'soon',
  'tb[dac]',
  'next (?:sprint|week|month|quarter|year|release|iteration|cycle|planning)',
  'this (?:sprint|week|month|quarter|year|cycle)',
  'end of (?:the )?(?:day|week|month|quarter|year|sprint|q[1-4](?: \\d{4})?|h[12](?: \\d{4})?)',
  'eo[dwmqy]',
  '(?:q[1-4]|h[12])(?:[ /-]?(?:fy)?\\d{2,4})?',
  'before (?:black friday|cyber monday|christmas|the holidays|launch|release|go[- ]live|the (?:next|end)[\\w ]{0,20})',
  'in the (?:near|coming|foreseeable) future',
  'later(?: this (?:week|month|quarter|year))?',
  'someday',
  'eventually',
  'tomorrow',
  'ongoing',
  'immediately',
  '(?:in )?(?:a|one|two|three|\\d+) (?:days?|weeks?|months?|sprints?)',
  'next (?:mon|tues|wednes|thurs|fri|satur|sun)day',
].join('|');
// a phrase starts where a word or number does, never inside one
const NON_DATE_ANYWHERE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NON_DATE_SOURCE})(?![\\p{L}\\p{N}])`, 'giu');
// a whole word: "targets." is not "target" + "s", "bypass" not "by" + "pass"; "due to a bad config" gives a cause
const DUE_KEYWORD_RE = /(?<![\p{L}])(due(?: date| by| on)?(?! to\b)|deadline|target(?: date)?|eta|by|until|before|no later than)(?![\p{L}\p{N}])\s*[:=-]?\s*/giu;

// sticky: read where a due keyword ends, without slicing the rest of the text off per keyword (quadratic)
const NON_DATE_AT_RE = new RegExp(`(?:${NON_DATE_SOURCE})(?![\\p{L}\\p{N}])`, 'iuy');
const DUE_WORDS_AT_RE = /[^\s,;|)(\]—–.][^,;|)(\]—–]{0,40}?(?=\s*(?:[,;|)(\]—–]|\.\s|\.?$|(?<=\s)(?:owner|priority|status|p[0-4])\b))/iuy;

/** A day of the year written without its year, where a due keyword ends: "Feb 12", "Wednesday, February 12th", "12 Feb". */
const MONTH_DAY_SOURCE = `(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?)(?![\\p{L}\\p{N}])`;
const MONTH_DAY_AT_RE = new RegExp(MONTH_DAY_SOURCE, 'iuy');
const MONTH_DAY_RE = new RegExp(`^${MONTH_DAY_SOURCE}$`, 'iu');
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The month and day of a due phrase that is a day of the year without its year ("Feb 12" → 2, 12), else undefined. */
export function yearlessDay(phrase: string): { month: number; day: number } | undefined {
  const t = phrase.trim();
  if (!MONTH_DAY_RE.test(t)) return undefined;
  const month = MONTH_INDEX[/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(t)![1].toLowerCase()];
  const day = Number(/\d{1,2}/.exec(t)![0]);
  return day >= 1 && day <= 31 ? { month, day } : undefined;
}

/** What is wrong with a due phrase, in the words every face uses: "has no year" ("Feb 12"), else "is not a date". */
export const duePhraseVerdict = (phrase: string): string => (yearlessDay(phrase) ? 'has no year' : 'is not a date');

export type DueHit = (Hit<string> & { kind: 'date'; iso: string; ambiguous: boolean }) | (Hit<string> & { kind: 'phrase' });

/**
 * The due value of an item's text. Preference: a date after a due keyword, then any absolute date,
 * then a non-date phrase after a due keyword ("due next sprint"), then a known non-date phrase anywhere ("ASAP").
 */
export function findDue(seg: Segment): DueHit | undefined {
  const s = seg.text;
  const dates = findDates(s);
  const dateAt = new Map<number, DateHit>();
  for (const h of dates) if (!dateAt.has(h.start)) dateAt.set(h.start, h);
  let phrase: DueHit | undefined;
  for (const m of s.matchAll(DUE_KEYWORD_RE)) {
    const after = m.index + m[0].length;
    const kw = m[1].toLowerCase();
    const d = dateAt.get(after);
    if (d) return dateHit(seg, d);
    if (phrase) continue;
    NON_DATE_AT_RE.lastIndex = after;
    const known = NON_DATE_AT_RE.exec(s);
    if (known) {
      phrase = { kind: 'phrase', value: known[0], text: known[0], start: seg.offset + after, end: seg.offset + after + known[0].length };
      continue;
    }
    // "by Feb 12", "until Wednesday, February 12th": a day of the year with no year, the words written for a date
    MONTH_DAY_AT_RE.lastIndex = after;
    const md = MONTH_DAY_AT_RE.exec(s);
    if (md) {
      phrase = { kind: 'phrase', value: md[0], text: md[0], start: seg.offset + after, end: seg.offset + after + md[0].length };
      continue;
    }
    // "by 04-04-17", "before 3/4/26": a day with a two-digit year, read after a due keyword only (as NUMERIC_RE reads
    // one with four: month first when both could be months, then ambiguous)
    const short = shortYearDate(s, after);
    if (short) return dateHit(seg, short);
    if (kw.startsWith('due') || kw === 'deadline' || kw.startsWith('target') || kw === 'eta') {
      DUE_WORDS_AT_RE.lastIndex = after;
      const words = DUE_WORDS_AT_RE.exec(s);
      if (words && words[0].trim() && words[0].split(/\s+/).length <= 5) {
        const t = words[0].trim();
        phrase = { kind: 'phrase', value: t, text: t, start: seg.offset + after, end: seg.offset + after + t.length };
      }
    }
  }
  // "which informed the fix for the 2026-07-28 epoch-boundary halt": a date naming a past incident is no deadline
  // "— **shipped 2026-09-27.**": the day it was finished, not a deadline
  const deadlines = dates.filter((d) => !namesAnEvent(s, d) && !FINISHED_ON_RE.test(s.slice(Math.max(0, d.start - 24), d.start)));
  if (deadlines.length) return dateHit(seg, deadlines[deadlines.length - 1]);
  if (phrase) return phrase;
  for (const m of s.matchAll(NON_DATE_ANYWHERE_RE)) {
    const t = m[0];
    // bare words that only mean "not a date" in a date position are too common in prose
    if (/^(soon|later|eventually|immediately|ongoing|tomorrow|tb[ac]|(in )?(a|one|two|three|\d+) .*)$/i.test(t)) continue;
    if (/^tbd$/i.test(t) && !/\b(due|date|when)\b/i.test(s)) continue;
    return { kind: 'phrase', value: t, text: t, start: seg.offset + m.index, end: seg.offset + m.index + t.length };
  }
  return undefined;
}

/**
 * "the 2026-07-28 epoch-boundary halt", "the 2025-03-01 outage": a date written before the event it names (another
 * incident, told as a reference), not a date by which work is due.
 */
function namesAnEvent(s: string, d: DateHit): boolean {
  return THE_BEFORE_RE.test(s.slice(Math.max(0, d.start - 8), d.start)) && EVENT_AFTER_RE.test(s.slice(d.end, d.end + 60));
}
const THE_BEFORE_RE = /\bthe\s+$/i;
/** "shipped 2026-09-27", "done on 2026-10-01", "completed: 2026-10-01": the date a piece of work was finished. */
const FINISHED_ON_RE = /\b(?:shipped|done|completed|finished|landed|merged|fixed|resolved|closed)(?:\s+on)?[\s:*_]*$/i;
const EVENT_AFTER_RE = /^\s+(?:[\p{L}-]+\s+){0,2}(?:halt|incident|outage|fork|post-?mortem|attack|breach|crash|downtime|exploit)s?\b/iu;

const SHORT_YEAR_AT_RE = /(\d{1,2})([-/])(\d{1,2})\2(\d{2})(?![\d/.-]*\d)/y;
function shortYearDate(s: string, at: number): DateHit | undefined {
  SHORT_YEAR_AT_RE.lastIndex = at;
  const m = SHORT_YEAR_AT_RE.exec(s);
  if (!m) return undefined;
  const [a, b, y] = [+m[1], +m[3], 2000 + +m[4]];
  const monthFirst = validYmd(y, a, b);
  const dayFirst = validYmd(y, b, a);
  if (!monthFirst && !dayFirst) return undefined;
  return { iso: monthFirst ? isoOf(y, a, b) : isoOf(y, b, a), ambiguous: monthFirst && dayFirst && a !== b, start: at, end: at + m[0].length, text: m[0] };
}

function dateHit(seg: Segment, d: DateHit): DueHit {
  return { kind: 'date', iso: d.iso, ambiguous: d.ambiguous, value: d.iso, text: d.text, start: seg.offset + d.start, end: seg.offset + d.end };
}

/** A Due / Deadline / ETA cell: a date, a non-date phrase, or nothing. */
export function parseDueCell(seg: Segment): DueHit | undefined {
  const t = seg.text.trim();
  if (!t || /^[-–—]$/.test(t)) return undefined;
  const lead = seg.text.length - seg.text.trimStart().length;
  const dates = findDates(seg.text);
  if (dates.length) return dateHit(seg, dates[0]);
  const clean = t.replace(/^\*+|\*+$/g, '');
  return { kind: 'phrase', value: clean, text: t, start: seg.offset + lead, end: seg.offset + lead + t.length };
}
