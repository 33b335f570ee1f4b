// What the reader view pulls out of the prose: impact figures and the glossary (the engine's acronym fact, as the
// reader lists it); the duration is in duration.ts. Pure; works on mdast blocks so code, HTML and front matter never
// count.
import type { Root, RootContent, Nodes } from 'mdast';
import type { LineIndex, Postmortem } from '../model/types';
import { acronymsOf } from '../model/acronyms';
import { COMMON_ACRONYMS } from '../model/acronym-lists';
import type { ReaderGlossaryEntry, ReaderImpactFigure, ReaderLocation } from '../protocol';

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
