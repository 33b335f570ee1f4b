// Field extraction for action items: owners, due dates, priority, status, tickets.
// Works on "segments": a slice of the source where code spans, HTML and link destinations are blanked out
// (same length, so an index in the segment maps straight back to a document offset).
import * as chrono from 'chrono-node';
import type { ActionItemStatus, Priority } from './types';
import { backOver, isSpace, trimEndChars } from './scan';

export interface Segment {
  /** Source text with opaque parts replaced by spaces (same length as the source slice). */
  text: string;
  /** Document offset of text[0]. */
  offset: number;
}

export interface Hit<T> {
  value: T;
  text: string;
  start: number; // document offset
  end: number;
}

// ------------------------------------------------------------------------------------------------
// Owners

const HANDLE_RE = /(?<![\p{L}\p{N}_.@/\\+-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;
const PLACEHOLDERS = new Set([
  'tbd', 'tba', 'tbc', '?', '??', '???', '????', 'n/a', 'na', 'none', 'nobody', 'unassigned', 'someone', 'somebody',
  'anyone', 'we', 'us', 'team', 'the team', 'our team', '-', '–', '—', 'owner', 'todo', 'x', 'xxx', '...', '…',
  '<owner>', '@owner', 'name', '<name>',
]);
/** "Owner: Rafael", "Assignee: @bob", "DRI - Ana Lima"; bare names need the colon. */
const OWNER_LABEL_RE =
  /(?<![\p{L}])(owners?|assignees?|assigned to|dri|responsible|who)\b\s*(?:(:|=|-|–|—)\s*|(?=@))/giu;
// sticky: read at a label's end without slicing the rest of the segment off (a slice per label was quadratic)
const NAME_RE = /(?:@[\p{L}\p{N}_][\p{L}\p{N}_.-]*|\?+|[\p{L}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’.-]*){0,2})/uy;
const WORD_AT_RE = /[^\s,;|)]*/y;
/** Words that start the next field: a name stops before them ("Owner: Ana due Friday"). */
const NEXT_FIELD_RE = /\s(?:due|by|until|before|deadline|eta|priority|status|ticket)\b/i;

const PROPOSER_RE = /^\s+(?:suggest(?:s|ed)|propos(?:es|ed)|recommend(?:s|ed)|ask(?:s|ed)|rais(?:es|ed)|not(?:es|ed)|mention(?:s|ed)|thinks|thought|wants|wanted|pointed out)\b/i;

export function isPlaceholderOwner(s: string): boolean {
  const t = s.trim().toLowerCase().replace(/^\*+|\*+$/g, '').replace(/^@/, (m) => (s.trim().toLowerCase() === '@owner' ? m : ''));
  return t === '' || PLACEHOLDERS.has(t) || /^\?+$/.test(t) || /^<[^>]*>$/.test(t) || /^_+$/.test(t);
}

export interface OwnerHits {
  owners: Hit<string>[];
  placeholder?: Hit<string>;
}

/**
 * A named team or person written as the subject: "DevEx will update …", "The IPS team is continuing …", "Cloud
 * Platform will …", "The error tracking team should …", "(Rasmus call for meeting)". Not "We", "The team", "Our team"
 * or an organisation's "the Chia team" (everyone): the name must be an acronym, CamelCase, or two capitalised words,
 * or a lower-case team name of its own ("the error tracking team"). The blanks around a label's colon form one run,
 * and "the" is looked for behind a lower-case word only (behind every blank of a run, the expression was cubic).
 */
const SUBJECT_OWNER_RE =
  /^\s*(?:\*\*[^*]{1,80}\*\*\s*(?:[:：]\s*)?)?(?:[Tt]he\s+)?((?:[A-Z]{2,6}|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:\s+team)?|[A-Z][a-z]+\s+[A-Z][a-z]+(?=\s+will\b)|(?=[a-z])(?<=[Tt]he\s+)(?!(?:whole|entire|same|other|our|core)\b)[a-z]+(?:\s+[a-z]+)?\s+team)\s+(?:will|is|are|has|have|should|shall|plans?\s+to|intends?\s+to|is\s+going\s+to)\b/;
const CALL_OWNER_RE = /\(\s*([A-Z][a-z]+)\s+(?:to|will|call(?:s|ed)?|owns?|leads?|drives?)\b[^)]*\)/;

/** The subject of the item's first sentence, when it names who does the work. */
export function findSubjectOwner(seg: Segment): Hit<string> | undefined {
  const m = SUBJECT_OWNER_RE.exec(seg.text) ?? CALL_OWNER_RE.exec(seg.text);
  if (!m || /^(?:TODO|TBD|DONE|NOTE|FYI|ASAP|PR|CI)$/.test(m[1])) return undefined;
  const start = seg.offset + m.index + m[0].indexOf(m[1]);
  return { value: m[1], text: m[1], start, end: start + m[1].length };
}

export function findOwners(seg: Segment): OwnerHits {
  const owners: Hit<string>[] = [];
  let placeholder: Hit<string> | undefined;
  const taken: [number, number][] = [];
  for (const m of seg.text.matchAll(HANDLE_RE)) {
    const start = seg.offset + m.index;
    const value = '@' + m[1];
    // "@sam suggests we add …": whoever proposes an item does not thereby own it
    if (PROPOSER_RE.test(seg.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    if (isPlaceholderOwner(value)) {
      placeholder ??= { value, text: m[0], start, end: start + m[0].length };
      continue;
    }
    owners.push({ value, text: m[0], start, end: start + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of seg.text.matchAll(OWNER_LABEL_RE)) {
    const after = m.index + m[0].length;
    NAME_RE.lastIndex = after;
    const nm = NAME_RE.exec(seg.text);
    const hasColon = Boolean(m[2]);
    if (!nm) {
      // "Owner: TBD?" style placeholders or "Owner:" with nothing
      WORD_AT_RE.lastIndex = after;
      const word = WORD_AT_RE.exec(seg.text)?.[0] ?? '';
      if (hasColon && isPlaceholderOwner(word)) {
        const start = seg.offset + after;
        placeholder ??= { value: word, text: word, start, end: start + word.length };
      }
      continue;
    }
    let name = trimEndChars(nm[0], ".'’-");
    // stop a name at words that start the next field
    const next = NEXT_FIELD_RE.exec(name);
    if (next) name = name.slice(0, backOver(name, isSpace, next.index));
    const start = seg.offset + after;
    const hit = { value: name, text: name, start, end: start + name.length };
    if (taken.some(([a, b]) => after < b && after + name.length > a)) continue; // the @handle already counted
    if (!hasColon && !name.startsWith('@')) continue;
    if (isPlaceholderOwner(name)) placeholder ??= hit;
    else owners.push(hit);
  }
  return { owners, placeholder };
}

/** An Owner/Assignee table cell: one or more names separated by commas, "&", "and" or "/". */
export function parseOwnerCell(seg: Segment): OwnerHits {
  const owners: Hit<string>[] = [];
  let placeholder: Hit<string> | undefined;
  const re = /[^,&/;+]+/g;
  for (const m of seg.text.matchAll(re)) {
    for (const part of splitAnd(m[0], m.index)) {
      const raw = part.text;
      const lead = raw.length - raw.trimStart().length;
      const value = raw.trim().replace(/^\*+|\*+$/g, '').trim();
      if (!value) continue;
      const start = seg.offset + part.index + lead;
      const hit = { value, text: raw.trim(), start, end: start + raw.trim().length };
      if (isPlaceholderOwner(value)) placeholder ??= hit;
      else owners.push(hit);
    }
  }
  return { owners, placeholder };
}

function splitAnd(s: string, base: number): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let last = 0;
  for (const m of s.matchAll(/\s+and\s+/gi)) {
    out.push({ text: s.slice(last, m.index), index: base + last });
    last = m.index + m[0].length;
  }
  out.push({ text: s.slice(last), index: base + last });
  return out;
}

// ------------------------------------------------------------------------------------------------
// Dates

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

/** Every absolute date (with day, month and year) in a string; indexes relative to the string. */
export function findDates(s: string): DateHit[] {
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
const DUE_KEYWORD_RE = /(?<![\p{L}])(due(?: date| by| on)?|deadline|target(?: date)?|eta|by|until|before|no later than)\s*[:=-]?\s*/giu;

// sticky: read where a due keyword ends, without slicing the rest of the text off per keyword (quadratic)
const NON_DATE_AT_RE = new RegExp(`(?:${NON_DATE_SOURCE})(?![\\p{L}\\p{N}])`, 'iuy');
const DUE_WORDS_AT_RE = /[^\s,;|)(\]—–.][^,;|)(\]—–]{0,40}?(?=\s*(?:[,;|)(\]—–]|\.\s|\.?$|(?<=\s)(?:owner|priority|status|p[0-4])\b))/iuy;

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
    if (kw.startsWith('due') || kw === 'deadline' || kw.startsWith('target') || kw === 'eta') {
      DUE_WORDS_AT_RE.lastIndex = after;
      const words = DUE_WORDS_AT_RE.exec(s);
      if (words && words[0].trim() && words[0].split(/\s+/).length <= 5) {
        const t = words[0].trim();
        phrase = { kind: 'phrase', value: t, text: t, start: seg.offset + after, end: seg.offset + after + t.length };
      }
    }
  }
  if (dates.length) return dateHit(seg, dates[dates.length - 1]);
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

// ------------------------------------------------------------------------------------------------
// Priority

const WORD_LEVELS: [RegExp, number][] = [
  [/^(critical|urgent|blocker|highest|must[- ]have)$/i, 0],
  [/^(high|important|major)$/i, 1],
  [/^(medium|med|normal|moderate|should[- ]have)$/i, 2],
  [/^(low|minor|could[- ]have)$/i, 3],
  [/^(lowest|trivial|nice[- ]to[- ]have|someday|wishlist|optional)$/i, 4],
];

function wordLevel(w: string): number | undefined {
  for (const [re, lvl] of WORD_LEVELS) if (re.test(w.trim())) return lvl;
  return undefined;
}

export const priorityOf = (level: number): Priority => ({ level, low: level >= 3 });

const P_RE = /(?<![\p{L}\p{N}_-])P([0-4])(?![\p{L}\p{N}_])/gu;
const PRIORITY_WORD_RE =
  /\b(critical|urgent|high|medium|low)[- ]priority\b|\bpriority(?:\s*[:=]\s*|\s+)(critical|urgent|highest|high|medium|normal|low|lowest)\b|\[(critical|high|medium|low)\]|\b(nice[- ]to[- ]have)\b/gi;

export function findPriority(seg: Segment): Hit<Priority> | undefined {
  for (const m of seg.text.matchAll(P_RE)) {
    const start = seg.offset + m.index;
    return { value: priorityOf(+m[1]), text: m[0], start, end: start + m[0].length };
  }
  for (const m of seg.text.matchAll(PRIORITY_WORD_RE)) {
    const w = m[1] ?? m[2] ?? m[3] ?? m[4];
    const lvl = wordLevel(w);
    if (lvl === undefined) continue;
    const start = seg.offset + m.index;
    return { value: priorityOf(lvl), text: m[0], start, end: start + m[0].length };
  }
  return undefined;
}

/** A Priority column cell: P0–P4, SEV1–SEV4, 1–4, or a word (critical, high, medium, low, nice-to-have). */
export function parsePriorityCell(seg: Segment): Hit<Priority> | undefined {
  const t = seg.text.trim();
  if (!t) return undefined;
  const lead = seg.text.length - seg.text.trimStart().length;
  const start = seg.offset + lead;
  const clean = t.replace(/^\*+|\*+$/g, '').trim();
  const m = /^(?:p|sev[- ]?|s)?([0-4])$/i.exec(clean);
  if (m) return { value: priorityOf(+m[1]), text: t, start, end: start + t.length };
  const lvl = wordLevel(clean);
  if (lvl !== undefined) return { value: priorityOf(lvl), text: t, start, end: start + t.length };
  const inline = findPriority(seg);
  return inline;
}

// ------------------------------------------------------------------------------------------------
// Status

export function statusOfWord(w: string): ActionItemStatus | undefined {
  const t = w.trim().replace(/^\*+|\*+$/g, '').trim().toLowerCase();
  if (!t) return undefined;
  if (/^(✅|✔️?|☑️?|\[x\])/.test(t) || /^(done|completed?|fixed|closed|resolved|shipped|merged|finished|implemented)\b/.test(t)) return 'done';
  if (/^(won'?t (do|fix)|wontfix|not doing|will not do|cancell?ed|dropped|rejected|declined|❌)/.test(t)) return 'not-doing';
  if (/^(open|todo|to do|doing|in progress|in-progress|wip|ongoing|planned|not started|pending|blocked|started)\b/.test(t)) return 'open';
  return undefined;
}

const STATUS_INLINE_RE =
  /(✅|✔️|☑️)|\((done|completed|fixed|closed|resolved)\)|\*\*(done|completed|fixed|failed|todo)\*\*|\b(DONE|COMPLETED|FIXED)\b|\bstatus\s*:\s*([\p{L}' -]{2,20})|\b(won'?t do|won'?t fix|wontfix|not doing)\b|^\s*(done|completed|fixed)\s*[:\-–—]/giu;

export function findStatus(seg: Segment): Hit<ActionItemStatus> | undefined {
  for (const m of seg.text.matchAll(STATUS_INLINE_RE)) {
    const word = m.slice(1).find((g) => g !== undefined) ?? '';
    // bare DONE / FIXED count only in capitals: "what can be done" is not a status
    if (m[4] !== undefined && m[4] !== m[4].toUpperCase()) continue;
    const status = statusOfWord(word);
    if (!status) continue;
    const start = seg.offset + m.index;
    return { value: status, text: m[0], start, end: start + m[0].length };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Tickets

const TICKET_RE = /(?<![\p{L}\p{N}&#/_-])#(\d{1,7})\b|\b((?!(?:SEV|ISO|UTF|UTC|GMT|CVE|COVID|TLS|SSL|HTTP|P|Q|H|RFC|PEP|SHA|MD|IPV|AES|RSA|X)-)[A-Z][A-Z0-9]{1,9}-\d{1,7})\b|\bbug\s+(\d{4,})\b/gu;

export function findTickets(seg: Segment): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of seg.text.matchAll(TICKET_RE)) {
    const start = seg.offset + m.index;
    out.push({ value: m[0], text: m[0], start, end: start + m[0].length });
  }
  return out;
}
