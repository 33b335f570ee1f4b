// How long the incident lasted, for the reader view: from the timeline's first and resolving entries, or as the
// impact section states it ("for 45 minutes", "from 14:02 to 15:10 UTC"). Pure.
import * as chrono from 'chrono-node';
import { isoDayToDate } from '../model/dates';
import { zoneIn } from '../model/timezones';
import type { ReaderDuration } from '../protocol';
import type { Block } from './extract';

const RESOLVED_RE = /\b(rollback (?:complete|completed|finished|done)|rolled back|fix (?:deployed|rolled out)|mitigation (?:complete|in place)|resolved|recovered|recovery complete|mitigated|restored|all[- ]clear|back to normal|fully operational|incident (?:closed|over|ended)|closed the incident|service (?:is )?healthy|error rates? (?:returned|back) to normal)\b/i;

interface Stamp {
  minutes: number;
  hhmm: string;
  line: string;
}

export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const r = m % 60;
    return r ? `${h} h ${r} min` : `${h} h`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/**
 * From the first timeline entry to the entry that says it was resolved (or the last entry). Times without a date
 * follow the last date seen (or the incident date); a time earlier than the previous one rolls over to the next day.
 * The zone shown is the one written on an entry, else `zone` (the timeline's, as the model read it).
 */
export function timelineDuration(blocks: Block[], incidentDate?: string, zone?: string): ReaderDuration | undefined {
  // never an Invalid Date: chrono-node loops forever on one when the text has a DST-dependent zone ("9:30 am PT")
  const ref = isoDayToDate(incidentDate) ?? new Date(Date.UTC(2000, 0, 1, 12));
  let day: number | undefined; // epoch day of the current date
  let last: number | undefined;
  const stamps: Stamp[] = [];
  let tz: string | undefined;
  for (const b of blocks.slice(0, 400)) {
    const line = b.text.slice(0, 300);
    if (!/\d{1,2}[:h.]\d{2}|\d\s?(?:am|pm)\b/i.test(line)) continue;
    let results: chrono.ParsedResult[];
    try {
      results = chrono.parse(line, ref, { forwardDate: false });
    } catch {
      continue;
    }
    const r = results.find((x) => x.start.isCertain('hour'));
    if (!r) continue;
    const hour = r.start.get('hour') ?? 0;
    const minute = r.start.get('minute') ?? 0;
    if (r.start.isCertain('day')) {
      day = Math.floor(Date.UTC(r.start.get('year') ?? ref.getUTCFullYear(), (r.start.get('month') ?? 1) - 1, r.start.get('day') ?? 1) / 86400000);
    } else if (day === undefined) {
      day = Math.floor(ref.getTime() / 86400000);
    }
    let minutes = day * 1440 + hour * 60 + minute;
    if (last !== undefined && minutes < last && !r.start.isCertain('day')) {
      day += 1;
      minutes += 1440;
    }
    last = minutes;
    tz ??= zoneIn(line);
    stamps.push({ minutes, hhmm: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, line });
  }
  if (stamps.length < 2) return undefined;
  tz ??= zone;
  const first = stamps[0];
  const resolved = stamps.slice(1).find((s) => RESOLVED_RE.test(s.line));
  const end = resolved ?? stamps[stamps.length - 1];
  const minutes = end.minutes - first.minutes;
  // Without a "resolved" entry a long span is the timeline's length (follow-ups, reviews), not the incident's.
  if (minutes <= 0 || minutes > 60 * 1440 || (!resolved && minutes > 2 * 1440)) return undefined;
  return {
    minutes,
    label: formatMinutes(minutes),
    source: `computed from the timeline: ${first.hhmm} (first entry) → ${end.hhmm}${tz ? ' ' + tz : ''} (${resolved ? 'resolved' : 'last entry'})`,
  };
}

const STATED_DURATION_RE = /\b(?:for|during|lasted|lasting|duration(?: of)?:?|over)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|~)?(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|h|days?)\b(?:,?\sand\s(\d{1,2})\s(minutes?|mins?)\b)?/i;
const STATED_SPAN_RE = /\bfrom\s+(\d{1,2}):(\d{2})\s*(?:(UTC|GMT|[ECMP][SD]T|CES?T|BST)\s+)?(?:to|until|till|through)\s+(\d{1,2}):(\d{2})(?:\s*(UTC|GMT|[ECMP][SD]T|CES?T|BST)\b)?/i;

/**
 * A duration the writer stated ("during 47 minutes", "for 2 hours", "from 14:05 to 14:52 UTC"), shown as written:
 * the reader must not contradict the document with a figure of its own. `where` names the section for the source line.
 */
export function statedDuration(blocks: Block[], where = 'Impact'): ReaderDuration | undefined {
  // a template's worked example ("e.g. 47 minutes", "Example: … from 14:05 to 14:52") is not this incident's duration
  // the last "e.g." / "for example" / "example:" before the figure, with no "." or ";" between (each read once)
  const example = (text: string, at: number) => {
    const head = text.slice(0, at);
    let last = -1;
    for (const m of head.matchAll(/\b(?:e\.g\.|for example|example:)/gi)) last = m.index + m[0].length;
    return last >= 0 && !/[.;]/.test(head.slice(last));
  };
  for (const b of blocks) {
    const m = STATED_DURATION_RE.exec(b.text);
    if (m && !example(b.text, m.index)) {
      const n = Number(m[1]);
      const unit = m[2].toLowerCase();
      // "2 hours and 15 minutes": the minutes count only after hours
      const extra = m[3] && unit.startsWith('h') ? Number(m[3]) : 0;
      const minutes = (unit.startsWith('d') ? n * 1440 : unit.startsWith('h') ? n * 60 : n) + extra;
      const label = extra ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : `${m[1]} ${m[2]}`;
      if (minutes > 0) return { minutes, label, source: `as written in ${where}: “${m[0].trim()}”` };
    }
    const s = STATED_SPAN_RE.exec(b.text);
    if (s && !example(b.text, s.index)) {
      const a = Number(s[1]) * 60 + Number(s[2]);
      let z = Number(s[4]) * 60 + Number(s[5]);
      if (z < a) z += 1440;
      const minutes = z - a;
      if (minutes > 0 && Number(s[1]) < 24 && Number(s[4]) < 24) return { minutes, label: formatMinutes(minutes), source: `${where}: “${s[0].trim()}”` };
    }
  }
  return undefined;
}

