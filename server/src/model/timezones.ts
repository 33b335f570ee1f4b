// The document's timelines and the time zone their times are in, read once per model: timeline-timezone reports a
// timeline with clock times and no zone, the hover says what was understood, the reader view labels the duration it
// computes with the zone. Pure: reads only the model.
import { codeBlockTimelineRows } from './code-timeline';
import type { Postmortem, Range } from './types';
import { blankSpans, maskedText } from './facts';
import { joinedRuns, memoByText } from './memo';

/** Where the zone of a timeline was read. */
export type ZoneSource = 'front matter' | 'title' | 'entries' | 'document';

export interface TimelineZone {
  /** Where a zone would go: the heading, or the bold label standing in for one ("- **Key events**"). */
  where: 'heading' | 'label';
  title: string;
  titleRange: Range;
  body: Range;
  /** Clock times in the timeline's entries, as written (at most 20). */
  times: string[];
  /** How many clock times the entries hold. */
  timeCount: number;
  /**
   * The zone as written ("PST", "UTC+2", "All times in US/Pacific", "timezone: UTC"), where it was read, and its
   * name alone where one can be told ("PST", "US/Pacific", "UTC").
   */
  zone?: { text: string; name?: string; source: ZoneSource };
}

/**
 * 14:05, 9:30 am, 14h05, 14.05. With a dot only two-digit hours count, and never a version ("upgraded to 1.30",
 * "v10.15", "10.15.2"), so a timeline of releases without clock times is not asked for a time zone.
 */
const TIME_SOURCE = String.raw`(?<![\d:.]|\bv)(?:(?:[01]?\d|2[0-3])[:hH]|(?:[01]\d|2[0-3])\.(?=[0-5]\d(?!\.\d)))[0-5]\d(?::[0-5]\d)?(?:\s*[aApP]\.?[mM]\.?)?(?![\d:])`;
const TIME_RE = new RegExp(TIME_SOURCE, 'g');
/**
 * Zones written as abbreviations, IANA names and offsets: matched with their case, or "just", "most" and "last" would
 * read as zones ([A-Z]{1,2}[SD]T). An offset counts after a time with seconds ("14:05:09+02:00") or on its own
 * ("(+0200)"), never after a time without seconds: "support hours 10:00-17:00" is a range, not an offset.
 */
const ZONE_ABBR =
  String.raw`\b(?:UTC|GMT|Z|[A-Z]{1,2}[SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|AEST|AEDT|AWST|ACST|NZST|NZDT|NZT|SGT|HKT|MSK|GST|SAST|WAT|EAT|CAT|ICT|PHT|PKT|WIB|BRT|ART|ET|PT|CT|MT)\b|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada)\/[A-Z][A-Za-z_+-]+|\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}|(?:(?<=\d:\d\d:\d\d)|(?<![\w:.-]))[+-][01]\d:?[0-5]\d\b|\d{1,2}:\d{2}(?::\d{2})?Z\b`;
/** Zones written in words, in any case: "6:52 PM Eastern", "Pacific time", "local time", "timezone", "utc". */
const ZONE_WORDS = String.raw`\d\s*(?:[ap]\.?m\.?\s+)?(?:eastern|pacific|central|mountain)\b|\b(?:eastern|pacific|central|mountain|local) (?:standard |daylight )?time\b|\btime ?zone\b|\b(?:eastern|pacific|central|mountain|london|berlin|paris|new york|tokyo) time\b|\b(?:utc|gmt)\b`;
const ZONE_ABBR_RE = new RegExp(ZONE_ABBR);
const ZONE_WORDS_RE = new RegExp(ZONE_WORDS, 'i');

/**
 * "All times in US/Pacific", "All times PDT.", "times are CET", "Timezone: UTC+2" anywhere in the document; also a zone in the shape of
 * a region name the list does not know or the writer misspelt ("All times in UC/Pacific"): the writer stated one.
 */
const STATEMENT = String.raw`\b(?:[Aa]ll |[Tt]he )?[Tt]imes?\b(?:[^.\n]{0,30}?\b(?:[Ii]n|[Aa]re|[Ii]s)\b)?[^.\n]{0,12}?`;
const ZONE_STATEMENT_RES = [
  new RegExp(`${STATEMENT}(?:${ZONE_ABBR})|\\b[Aa]ll [Tt]imes?\\b[^.\\n]{0,20}?\\b(?:in|are)\\s+[A-Z][A-Za-z]{1,20}\\/[A-Z][A-Za-z_]{1,30}`),
  new RegExp(`${STATEMENT}(?:${ZONE_WORDS})|\\btime ?zone\\s*[:=]`, 'i'),
];
/** A clock time with its zone right after it, anywhere ("at 6:52 PM Eastern", "14:05 UTC"): the writer gives zones. */
const TIME_ZONE_PAIR_RES = [
  new RegExp(`(?:${TIME_SOURCE})\\s*\\(?(?:${ZONE_ABBR})`),
  new RegExp(`(?:${TIME_SOURCE})\\s*\\(?(?:${ZONE_WORDS}|\\b(?:eastern|pacific|central|mountain)\\b)`, 'i'),
];

/** The zone written in `s` (an abbreviation, IANA name, offset or zone in words), as written; undefined when none. */
export function zoneIn(s: string): string | undefined {
  const m = ZONE_ABBR_RE.exec(s) ?? ZONE_WORDS_RE.exec(s);
  // a zone in words may start at the time's last digit ("52 PM Eastern"): keep the words
  return m?.[0].replace(/^\d\s*(?:[ap]\.?m\.?\s+)?/i, '').trim();
}

/** The first zone statement or time-with-zone anywhere in the (code-blanked) text, as written. */
function zoneInDocument(text: string): string | undefined {
  for (const re of [...ZONE_STATEMENT_RES, ...TIME_ZONE_PAIR_RES]) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return countryZone(text);
}

/**
 * "タイムゾーンを日本標準時（JST）から…", "한국 시간": a report written in the language of a country with one time zone
 * (Japanese, Korean) that names that zone tells its reader the clock times are in it. Written in the language: at
 * least 100 kana or hangul (an English report that quotes a Japanese word is not).
 */
function countryZone(text: string): string | undefined {
  for (const [script, zone] of COUNTRY_ZONES) {
    let letters = 0;
    for (const _ of text.matchAll(script)) if (++letters >= 100) break;
    if (letters < 100) continue;
    const m = zone.exec(text);
    if (m) return m[0];
  }
  return undefined;
}
const COUNTRY_ZONES: [RegExp, RegExp][] = [
  [/[\u3040-\u30ff]/gu, /\bJST\b|日本(?:標準)?時間?/u],
  [/[\uac00-\ud7af]/gu, /\bKST\b|한국 ?(?:표준)?시간?/u],
];

/**
 * The document with code blocks, HTML and front matter blanked, but inline code kept (its text, without backticks),
 * and emphasis underscores blanked: in "_all times are in UTC_" the zone ends at a word boundary. An underscore
 * inside a word stays ("America/New_York").
 */
function withInlineCode(model: Postmortem): string {
  // the masked text proseText starts from too, paragraph by paragraph (runsOf): neither expression crosses a line
  // break, and a line break at a paragraph's edge reads as the start or end of the text does to the lookarounds, so
  // the paragraphs' answers joined are the whole text's, and an edit works out one paragraph again
  return runsWithInlineCode(maskedText(model));
}

const runsWithInlineCode = joinedRuns((run: string): string => codeVersions(run).replace(INLINE_MARKS_RE, (m) => ' '.repeat(m.length)));

const INLINE_MARKS_RE = /`|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

/**
 * A dotted number in inline code is a version, not a clock time ("MSBuild unpinned to `18.11` line"): its dot is
 * blanked so "18.11" does not read as 18:11. Colon times in backticks ("`14:05`") still count.
 */
function codeVersions(text: string): string {
  return text.replace(CODE_SPAN_RE, (span) => span.replace(DOTTED_RE, (m) => m.replace('.', ' ')));
}
const CODE_SPAN_RE = /`[^`\n]{1,60}`/g;
const DOTTED_RE = /\d\.\d/g;

/**
 * `withInlineCode(model).slice(start, end)` for a heading's body, without reading the rest of the document: the body
 * starts at the end of its heading line and ends at the start of the next heading's line (or the end), so a line
 * break or a blank (never an underscore) sits at each edge and the underscore lookarounds read the same there.
 */
function bodyWithInlineCode(model: Postmortem, start: number, end: number): string {
  const spans: [number, number][] = [];
  const add = (r: Range) => {
    if (r.end.offset > start && r.start.offset < end) spans.push([Math.max(r.start.offset, start) - start, Math.min(r.end.offset, end) - start]);
  };
  // the opaque ranges are in document order and do not overlap: start at the first that ends after `start`
  const ranges = model.opaqueRanges;
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end.offset <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ranges.length && ranges[i].start.offset < end; i++) add(ranges[i]);
  if (model.frontMatter) add(model.frontMatter.range);
  return codeVersions(blankSpans(model.text.slice(start, end), spans)).replace(INLINE_MARKS_RE, (m) => ' '.repeat(m.length));
}

/** A timeline body's clock times and the zone written in it: a function of its text, remembered between lints. */
const readBody = memoByText((body: string) => ({ times: [...body.matchAll(TIME_RE)].map((m) => m[0]), inBody: zoneIn(body) }));

const memo = new WeakMap<Postmortem, TimelineZone[]>();

/**
 * Every timeline of the document (under a timeline heading, or a bold label such as "- **Key events**" over a list)
 * with its clock times and the zone they are in: the front matter's `timezone`, the title, the entries, or a
 * statement or a time with its zone anywhere in the document. Times in backticks count; code blocks and HTML do not.
 */
export function timelineZones(model: Postmortem): TimelineZone[] {
  const known = memo.get(model);
  if (known) return known;
  const out: TimelineZone[] = [];
  const fmKey = model.frontMatter?.data && Object.keys(model.frontMatter.data).find((k) => /^(?:time_?zone|tz)$/i.test(k));
  const fmValue = fmKey ? model.frontMatter?.data?.[fmKey] : undefined;
  let text: string | undefined;
  let inDoc: string | null | undefined; // null: looked, none
  const timelines: Omit<TimelineZone, 'times' | 'timeCount' | 'zone'>[] = [];
  for (const s of model.allSections) {
    if (s.kind !== 'timeline' || (s.parent && s.parent.effectiveKind === 'timeline')) continue;
    timelines.push({ where: 'heading', title: s.title, titleRange: s.titleRange, body: s.bodyRange });
  }
  for (const l of model.labeledSections) {
    const inside = (t: { body: Range }) => l.titleRange.start.offset >= t.body.start.offset && l.titleRange.start.offset < t.body.end.offset;
    if (l.kind === 'timeline' && !timelines.some(inside)) timelines.push({ where: 'label', title: l.title, titleRange: l.titleRange, body: l.bodyRange });
  }
  for (const t of timelines) {
    const body = t.where === 'heading' ? bodyWithInlineCode(model, t.body.start.offset, t.body.end.offset) : (text ??= withInlineCode(model)).slice(t.body.start.offset, t.body.end.offset);
    let read = readBody(body);
    // no time outside code: a timeline typed as a plain-text block of time-stamped rows is read from its rows
    if (!read.times.length && t.where === 'heading') read = readBody(codeBlockTimelineRows(model.text.slice(t.body.start.offset, t.body.end.offset)));
    const { times, inBody: bodyZone } = read;
    let zone: TimelineZone['zone'];
    if (fmKey) {
      const value = typeof fmValue === 'string' || typeof fmValue === 'number' ? String(fmValue).trim() : '';
      zone = { text: `${fmKey}: ${value}`.trim(), name: value || undefined, source: 'front matter' };
    }
    else {
      const inTitle = zoneIn(t.title);
      const inBody = inTitle === undefined ? bodyZone : undefined;
      if (inTitle !== undefined) zone = { text: inTitle, name: inTitle, source: 'title' };
      else if (inBody !== undefined) zone = { text: inBody, name: inBody, source: 'entries' };
      else {
        if (inDoc === undefined) inDoc = zoneInDocument((text ??= withInlineCode(model))) ?? null;
        if (inDoc !== null) zone = { text: inDoc, name: zoneIn(inDoc) ?? /\b[A-Z][A-Za-z]{1,20}\/[A-Z][A-Za-z_]{1,30}/.exec(inDoc)?.[0], source: 'document' };
      }
    }
    out.push({ ...t, times: times.slice(0, 20), timeCount: times.length, zone });
  }
  memo.set(model, out);
  return out;
}
