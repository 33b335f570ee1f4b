// What the reader view pulls out of the prose: impact figures, the incident's duration from the timeline, and the
// glossary (the engine's acronym fact, as the reader lists it). Pure; works on mdast blocks so code, HTML and front matter never count.
import * as chrono from 'chrono-node';
import type { Root, RootContent, Nodes } from 'mdast';
import type { LineIndex, Postmortem } from '../model/types';
import { acronymsOf } from '../model/acronyms';
import { COMMON_ACRONYMS } from '../model/acronym-lists';
import { isoDayToDate } from '../model/dates';
import type { ReaderDuration, ReaderGlossaryEntry, ReaderImpactFigure, ReaderLocation } from '../protocol';

/** A block of prose: its visible text (no inline code, no HTML) and where it sits in the source. */
export interface Block {
  text: string;
  start: number;
  end: number;
  /** The node type the text came from: paragraph, heading, tableCell, … */
  type: string;
  /** For table rows: the cells' texts. */
  cells?: string[];
}

const startOf = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
const endOf = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

/** Visible text of inline content: inline code, HTML and URLs left out. */
export function visibleText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
    case 'html':
    case 'code':
    case 'yaml':
      return ' ';
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(visibleText).join('') : '';
  }
}

/** Prose blocks (paragraphs, headings, table rows) of the given top-level nodes, in document order. */
export function proseBlocks(nodes: RootContent[]): Block[] {
  const out: Block[] = [];
  const visit = (n: Nodes) => {
    switch (n.type) {
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
        return;
      case 'paragraph':
      case 'heading':
        out.push({ text: visibleText(n), start: startOf(n), end: endOf(n), type: n.type });
        return;
      case 'tableRow': {
        const cells = n.children.map((c) => visibleText(c));
        out.push({ text: cells.join(' | '), start: startOf(n), end: endOf(n), type: 'tableRow', cells });
        return;
      }
      default:
        if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    }
  };
  for (const n of nodes) visit(n);
  return out;
}

/** The top-level nodes whose start lies in [start, end). */
export function nodesIn(tree: Root, start: number, end: number): RootContent[] {
  return tree.children.filter((n) => startOf(n) >= start && startOf(n) < end);
}

export function locate(lines: LineIndex, source: string, block: Block, needle: string): ReaderLocation {
  const at = source.slice(block.start, block.end).indexOf(needle);
  const s = at >= 0 ? block.start + at : block.start;
  const e = at >= 0 ? s + needle.length : block.end;
  return toLocation(lines, s, e);
}

export function toLocation(lines: LineIndex, start: number, end: number): ReaderLocation {
  const a = lines.positionAt(start);
  const b = lines.positionAt(end);
  return { line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
}

// ------------------------------------------------------------------------------------------------
// Impact figures: "2,300 users", "45 minutes", "$12k", "38% of requests"

const UNITS = [
  'users?', 'customers?', 'requests?', 'minutes?', 'mins?', 'hours?', 'hrs?', 'seconds?', 'secs?', 'days?', 'weeks?',
  'orders?', 'tickets?', 'errors?', 'transactions?', 'accounts?', 'sessions?', 'calls?', 'jobs?', 'builds?',
  'deploy(?:ment)?s?', 'pods?', 'nodes?', 'servers?', 'hosts?', 'instances?', 'machines?', 'vms?', 'messages?', 'emails?',
  'payments?', 'quer(?:y|ies)', 'pages?', 'sites?', 'websites?', 'repositor(?:y|ies)', 'repos?', 'projects?', 'teams?',
  'organi[sz]ations?', 'orgs?', 'merchants?', 'stores?', 'shops?', 'devices?', 'events?', 'logins?', 'downloads?',
  'uploads?', 'files?', 'records?', 'rows?', 'visitors?', 'subscribers?', 'members?', 'clients?', 'tenants?',
  'workspaces?', 'clusters?', 'services?', 'regions?', 'endpoints?', 'apps?', 'applications?', 'hubs?', 'blocks?',
  'wallets?', 'sign-?ups?', 'checkouts?', 'purchases?', 'bookings?', 'refunds?', 'incidents?', 'alerts?',
  'complaints?', 'reports?', 'packages?', 'versions?', 'releases?', 'notifications?', 'invoices?', 'dollars?',
  'euros?', 'pounds?', '[kmgt]b', 'ms', 'rps', 'qps',
].join('|');
// at most six thousands groups (10²¹): a no-break space does not stop a new figure from starting after it, so an
// unbounded chain was read again from every group of a long one
const NUMBER = String.raw`\d{1,3}(?:[,\u00a0\u202f]\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?`;
const MAGNITUDE = String.raw`(?:\s?(?:k|K|m|M|bn|BN|million|billion|thousand)\b)?`;
const FIGURE_RE = new RegExp(
  String.raw`(?<![\w:/.,-])(?:` +
    // money
    String.raw`[$€£]\s?(?:${NUMBER})${MAGNITUDE}` +
    // percentages, optionally "of requests"
    String.raw`|(?:${NUMBER})\s?%(?:\s+of\s+(?:(?:all|the|our)\s+)?(?:[\p{L}-]+\s+)?(?:${UNITS})\b|\s+of\s+(?:(?:all|the|our)\s+)?[\p{L}-]+)?` +
    // number + up to two words + unit
    String.raw`|(?:~|about\s|over\s|around\s|roughly\s|approximately\s)?(?:${NUMBER})${MAGNITUDE}\+?\s*(?:[\p{Ll}-]+\s+){0,2}?(?:${UNITS})\b` +
    String.raw`)`,
  'giu',
);

/**
 * The words around a figure: the clause of the block that holds it (split at sentence ends, ";" and " — "), so a
 * figure such as "9%" keeps what it is 9% of. Long clauses are cut to a window of words around the figure.
 */
export function clauseAround(text: string, start: number, end: number, max = 110): string {
  const boundary = /[.!?](?=\s{1,20}\p{Lu})|;|\s[—–]\s|\n/gu;
  let from = 0;
  let to = text.length;
  for (const b of text.matchAll(boundary)) {
    const at = b.index ?? 0;
    if (at + b[0].length <= start) from = at + b[0].length;
    else if (at >= end) {
      to = b[0] === ';' || /[—–\n]/.test(b[0]) ? at : at + 1;
      break;
    }
  }
  let clause = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (clause.length <= max) return clause;
  // a window of words around the figure, marked as cut
  const figure = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const at = clause.indexOf(figure);
  if (at < 0) return figure;
  const before = clause.slice(0, at).split(' ').filter(Boolean);
  const after = clause.slice(at + figure.length).split(' ').filter(Boolean);
  let left = 0;
  let right = 0;
  const size = () => figure.length + before.slice(before.length - left).join(' ').length + after.slice(0, right).join(' ').length + 2;
  while ((left < before.length || right < after.length) && size() < max - 2) {
    if (right < after.length && (right <= left * 2 || left >= before.length)) right++;
    else left++;
  }
  const head = before.slice(before.length - left).join(' ');
  const tail = after.slice(0, right).join(' ');
  clause = `${left < before.length ? '… ' : ''}${head ? head + ' ' : ''}${figure}${tail ? (/^[,.;:)]/.test(tail) ? '' : ' ') + tail : ''}${right < after.length ? ' …' : ''}`;
  return clause;
}

/** Numbers with units from the Impact section's prose, as written, in order, without duplicates, each with its clause. */
export function impactFigures(blocks: Block[], source: string, lines: LineIndex, max = 8): ReaderImpactFigure[] {
  const out: ReaderImpactFigure[] = [];
  const seen = new Set<string>();
  const clauses = new Set<string>();
  for (const b of blocks) {
    for (const m of b.text.matchAll(FIGURE_RE)) {
      const text = m[0].replace(/\s+/g, ' ').trim();
      // a year or a time of day is not an impact figure
      if (/^(19|20)\d\d$/.test(text) || /^\d{1,2}:\d{2}/.test(text)) continue;
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const at = m.index ?? 0;
      const context = clauseAround(b.text, at, at + m[0].length);
      // two figures in one clause ("12,400 customers … 47 minutes"): the clause is shown once
      if (clauses.has(context)) continue;
      clauses.add(context);
      out.push({ text, context, location: locate(lines, source, b, m[0]) });
      if (out.length >= max) return out;
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Duration from the timeline

const RESOLVED_RE = /\b(rollback (?:complete|completed|finished|done)|rolled back|fix (?:deployed|rolled out)|mitigation (?:complete|in place)|resolved|recovered|recovery complete|mitigated|restored|all[- ]clear|back to normal|fully operational|incident (?:closed|over|ended)|closed the incident|service (?:is )?healthy|error rates? (?:returned|back) to normal)\b/i;
const TZ_RE = /\b(UTC|GMT|Z|[ECMP][SD]T|CET|CEST|BST|IST|JST|AEST|AEDT|UTC[+-]\d{1,2}(?::?\d{2})?)\b/;

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
 */
export function timelineDuration(blocks: Block[], incidentDate?: string): ReaderDuration | undefined {
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
    tz ??= TZ_RE.exec(line)?.[1];
    stamps.push({ minutes, hhmm: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, line });
  }
  if (stamps.length < 2) return undefined;
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

// ------------------------------------------------------------------------------------------------
// Glossary: the engine's acronym fact (shared with the undefined-acronym rule), as the reader lists it

/**
 * Acronyms used in the prose with their expansions where the document gives them: inline ("Service Level Objective
 * (SLO)", "SLO (Service Level Objective)") or in the Glossary section. Terms the Glossary defines are listed too;
 * widely known acronyms the document leaves unexpanded get their usual meaning, marked as such.
 */
export function buildGlossary(model: Postmortem, max = 80): ReaderGlossaryEntry[] {
  const entries: ReaderGlossaryEntry[] = [];
  for (const a of acronymsOf(model).byTerm.values()) {
    const first = a.uses[0];
    const e: ReaderGlossaryEntry = { term: a.term, uses: a.uses.length };
    if (first) e.location = toLocation(model.lines, first.start, first.end);
    if (a.expansion) {
      e.expansion = a.expansion;
      e.source = a.source;
    } else if (COMMON_ACRONYMS[a.term]) {
      e.expansion = COMMON_ACRONYMS[a.term];
      e.source = 'common';
    }
    entries.push(e);
  }
  return entries
    // a long all-letter word used once and never expanded is more likely SHOUTING than an acronym
    .filter((e) => e.source === 'glossary' || (e.uses > 0 && (e.expansion || e.uses > 1 || !/^[A-Z]{5,}$/.test(e.term))))
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
    .slice(0, max);
}
