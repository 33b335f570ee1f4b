// Completion while writing a postmortem:
//  - after '@' inside an action item: owners known in this document and the workspace;
//  - after 'due ' / 'by ' (or in a Due / Deadline / ETA cell of an action-items table): ISO dates relative to today;
//  - at the start of a line (after #s, or on an empty line under a heading): the canonical section headings the
//    document does not have yet.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { LintResult } from '../../lint/lint';
import type { Postmortem, SectionKind } from '../../model/types';
import { CANONICAL_ORDER, SECTION_TITLES } from '../../model/sections';
import { backOver, isSpace } from '../../model/scan';
import { dateChoices as sharedDateChoices } from '../../rules/support/util';
import { handleOf, inOpaque, itemAt, longDate, sectionAt } from './util';
import { isPlaceholderOwner } from '../../model/fields';

export interface CompletionInput {
  result: LintResult | undefined;
  position: Position;
  /** ISO yyyy-mm-dd. */
  today: string;
  /** Owner handles used in the workspace's postmortems (with or without '@'). */
  knownOwners?: readonly string[];
}

/** What belongs in each section: shown next to the heading completion, so the writer learns while choosing. */
export const SECTION_PURPOSE: Record<Exclude<SectionKind, 'deferred'>, string> = {
  summary: 'What happened, to whom, for how long, and what fixed it: two or three sentences for a reader who was not there.',
  impact: 'Who was affected and how much, in numbers: users, requests, orders, minutes, money, support tickets.',
  timeline: 'Timestamped events with the time zone stated, from the first trigger to full recovery.',
  'contributing-causes': 'The conditions that let this happen: systems and processes, not people. Several causes, not one "root".',
  detection: 'How and when we found out, and how long that took. Would an alert have caught it sooner?',
  resolution: 'What stopped the bleeding and what restored service, including what was tried and did not work.',
  'action-items': 'A few (3–5) specific actions, each with one owner, an absolute due date and a priority.',
  'lessons-learned': 'What went well, what went wrong, and where we got lucky.',
  glossary: 'Terms and acronyms a reader joining next year will not know.',
};

const DUE_CELL_HEADER = /\b(due( date)?|deadline|target( date)?|eta|when|by|date)\b/i;
const OWNER_CELL_HEADER = /\b(owners?|assignees?|dri|who|responsible|lead|assigned)\b/i;

export function completionsAt(input: CompletionInput): CompletionItem[] {
  const { result, position, today } = input;
  if (!result) return [];
  const model = result.model;
  const lineCount = model.lines.lineCount;
  if (position.line < 0 || position.line >= lineCount) return [];
  const lineStart = model.lines.lineStart(position.line);
  const lineEnd = model.lines.lineEnd(position.line);
  const offset = Math.min(lineStart + Math.max(0, position.character), lineEnd);
  const character = offset - lineStart;
  const lineText = model.text.slice(lineStart, lineEnd);
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  if (inOpaque(model, offset)) return [];

  const inActionItems = inActionItemsContext(model, offset);

  // 1. Owners after '@' (not an e-mail address: the '@' must not follow a word character).
  const at = /(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}\p{M}_.-]*)$/u.exec(before);
  if (at && inActionItems) return ownerCompletions(model, input.knownOwners ?? [], position.line, character, at[1], offset);

  // 2. Dates after "due " / "by " / "deadline: " / "ETA ", or inside a due-date cell of a table.
  if (inActionItems) {
    const typed = dateTypedAfterKeyword(before);
    if (typed !== undefined) return dateCompletions(today, position.line, character - typed.length, character, '');
    const cell = dueCellPrefix(model, position.line, before);
    if (cell !== undefined) {
      const start = character - cell.typed.length;
      return dateCompletions(today, position.line, start, character, cell.needsSpace ? ' ' : '', after.startsWith('|') ? ' ' : '');
    }
  }

  // 3. Section headings at the start of a line.
  if (after.trim() === '') {
    const hashes = /^(#{1,6})(?:[ \t]+(.*))?$/.exec(before);
    if (hashes && !/#\s*$/.test(hashes[2] ?? '') && looksLikePostmortem(result)) {
      return headingCompletions(model, offset, position.line, character, hashes[1]);
    }
    if (/^\p{L}*$/u.test(before) && underHeading(model, position.line) && looksLikePostmortem(result)) {
      return headingCompletions(model, offset, position.line, character, undefined);
    }
  }
  return [];
}

/** Inside an action item, or inside an action-items (or deferred) section where a new item is being typed. */
function inActionItemsContext(model: Postmortem, offset: number): boolean {
  if (itemAt(model, offset)) return true;
  const s = sectionAt(model, offset);
  return s?.effectiveKind === 'action-items' || s?.effectiveKind === 'deferred';
}

/** The document is a postmortem, or is becoming one (a canonical section, or a title that says so). */
function looksLikePostmortem(result: LintResult): boolean {
  if (result.isPostmortem) return true;
  const m = result.model;
  if (m.allSections.some((s) => s.kind && s.kind !== 'deferred')) return true;
  return /\b(post-?mortem|incident|outage|retro(spective)?)\b/i.test(m.title?.value ?? '');
}

/** The previous non-blank line is a heading (or the line follows one directly, or the document starts here). */
function underHeading(model: Postmortem, line: number): boolean {
  for (let l = line - 1; l >= 0; l--) {
    const t = model.text.slice(model.lines.lineStart(l), model.lines.lineEnd(l));
    if (t.trim() === '') continue;
    return /^ {0,3}#{1,6}(\s|$)/.test(t);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Owners

function ownerCompletions(model: Postmortem, known: readonly string[], line: number, character: number, typed: string, offset: number): CompletionItem[] {
  const inDoc = new Map<string, number>();
  for (const item of model.actionItems) {
    for (const o of item.owners) {
      if (o.range.start.offset <= offset && offset <= o.range.end.offset) continue; // the handle being typed
      const h = handleOf(o.value);
      if (h && o.value.trim().startsWith('@')) inDoc.set(h, (inDoc.get(h) ?? 0) + 1);
    }
  }
  const all = new Map<string, { uses: number; local: boolean }>();
  for (const [h, n] of inDoc) all.set(h, { uses: n, local: true });
  for (const k of known) {
    const h = handleOf(String(k ?? ''));
    // The workspace list comes from the current text too, so the partial handle being typed is in it: skip that. A
    // placeholder ("{name}", "@owner", "TBD") is nobody to offer.
    if (h && !all.has(h) && h !== typed && !isPlaceholderOwner(String(k))) all.set(h, { uses: 0, local: false });
  }
  const range = { start: { line, character: character - typed.length }, end: { line, character } };
  const sorted = [...all].sort((a, b) => Number(b[1].local) - Number(a[1].local) || b[1].uses - a[1].uses || a[0].localeCompare(b[0]));
  return sorted.map(([h, info], i) => ({
    label: `@${h}`,
    kind: CompletionItemKind.Reference,
    detail: info.local ? `owner of ${info.uses} ${info.uses === 1 ? 'item' : 'items'} in this postmortem` : 'owner in other postmortems of this workspace',
    filterText: h,
    sortText: String(i).padStart(5, '0'),
    textEdit: { range, newText: h },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DateChoice {
  iso: string;
  what: string;
}

/** The shared due-date choices (the same the quick fixes and the VS Code prompt offer). */
export function dateChoices(today: string): DateChoice[] {
  return sharedDateChoices(today).map((c) => ({ iso: c.value, what: c.label }));
}

function dateCompletions(today: string, line: number, start: number, end: number, lead: string, trail = ''): CompletionItem[] {
  const range = { start: { line, character: start }, end: { line, character: end } };
  return dateChoices(today).map((c, i) => ({
    label: c.iso,
    labelDetails: { description: c.what },
    kind: CompletionItemKind.Value,
    detail: `${c.what}: ${longDate(c.iso)}`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `Due ${c.what} (today is ${today}). Written as an absolute ISO date so that a reader next year knows when it was due.`,
    },
    filterText: c.iso,
    sortText: String(i),
    preselect: i === 0,
    textEdit: { range, newText: lead + c.iso + trail },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

/** Splits a table line into cells at unescaped pipes and returns the cell index the text ends in. */
function cellIndex(before: string): { index: number; cellText: string } {
  let index = 0;
  let last = -1;
  const lead = before.match(/^\s*/)![0].length;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '\\') {
      i++;
      continue;
    }
    if (before[i] === '|') {
      if (i !== lead) index++;
      last = i;
    }
  }
  return { index, cellText: before.slice(last + 1) };
}

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** When the cursor is in the due-date cell of a table row: what has been typed in that cell so far. */
const DUE_KEYWORDS = ['due date', 'due', 'by', 'deadline', 'eta', 'target'];

/**
 * What is typed of a date after "due " / "by: " / "deadline " at the end of `before` (`[\d/-]*`), or undefined when
 * no such keyword leads into it. Read back from the end: the expression it replaces,
 * `(?:^|[^\p{L}\p{N}_])(?:due|…)\s*:?\s+([\d/-]*)$`, tried every start on the line (quadratic on long lines).
 */
export function dateTypedAfterKeyword(before: string): string | undefined {
  const typedStart = backOver(before, (c) => c === '/' || c === '-' || (c >= '0' && c <= '9'));
  let p = backOver(before, isSpace, typedStart);
  if (p === typedStart) return undefined;
  if (before[p - 1] === ':') p = backOver(before, isSpace, p - 1);
  for (const kw of DUE_KEYWORDS) {
    const st = p - kw.length;
    if (st < 0 || before.slice(st, p).toLowerCase() !== kw) continue;
    if (st === 0 || !/[\p{L}\p{N}_]/u.test(before[st - 1])) return before.slice(typedStart);
  }
  return undefined;
}

function dueCellPrefix(model: Postmortem, line: number, before: string): { typed: string; needsSpace: boolean } | undefined {
  if (!/^\s*\|/.test(before) && !before.includes('|')) return undefined;
  const text = (l: number) => model.text.slice(model.lines.lineStart(l), model.lines.lineEnd(l));
  // Walk up the contiguous table lines to the header row.
  let top = line;
  while (top > 0 && text(top - 1).includes('|') && text(top - 1).trim() !== '') top--;
  if (line - top < 2) return undefined; // header or delimiter row
  if (!/^\s*(?:\|\s*)?:?-/.test(text(top + 1))) return undefined;
  const header = splitRow(text(top));
  const { index, cellText } = cellIndex(before);
  const h = header[index];
  if (h === undefined || !DUE_CELL_HEADER.test(h) || OWNER_CELL_HEADER.test(h)) return undefined;
  const m = /^(\s*)([\d/-]*)$/.exec(cellText);
  if (!m) return undefined;
  return { typed: m[2], needsSpace: m[1] === '' && m[2] === '' };
}

// ---------------------------------------------------------------------------------------------
// Section headings

function headingCompletions(model: Postmortem, offset: number, line: number, character: number, hashes: string | undefined): CompletionItem[] {
  const lineStart = model.lines.lineStart(line);
  const lineEnd = model.lines.lineEnd(line);
  const present = new Set<SectionKind>(model.labeledKinds);
  for (const s of model.allSections) {
    // The heading on this very line is the one being typed: it does not count as present.
    if (s.kind && !(s.headingRange.start.offset >= lineStart && s.headingRange.start.offset <= lineEnd)) present.add(s.kind);
  }
  const depth = hashes ? hashes.length : commonDepth(model);
  const prefix = hashes ?? '#'.repeat(depth);
  // The next section canonical order puts here: the first missing kind after the last canonical section above.
  let lastBefore = -1;
  for (const s of model.allSections) {
    if (s.headingRange.start.offset >= offset || !s.kind || s.kind === 'deferred') continue;
    lastBefore = Math.max(lastBefore, CANONICAL_ORDER.indexOf(s.kind as (typeof CANONICAL_ORDER)[number]));
  }
  const missing = CANONICAL_ORDER.filter((k) => !present.has(k));
  const next = missing.find((k) => CANONICAL_ORDER.indexOf(k) > lastBefore) ?? missing[0];
  const range = { start: { line, character: 0 }, end: { line, character } };
  return missing.map((kind) => {
    const title = SECTION_TITLES[kind];
    const newText = `${prefix} ${title}`;
    return {
      label: title,
      labelDetails: { description: 'section' },
      kind: CompletionItemKind.Module,
      detail: `${newText} — canonical section ${CANONICAL_ORDER.indexOf(kind) + 1} of ${CANONICAL_ORDER.length}`,
      documentation: { kind: MarkupKind.Markdown, value: SECTION_PURPOSE[kind] },
      filterText: hashes ? newText : title,
      sortText: String(CANONICAL_ORDER.indexOf(kind)).padStart(2, '0'),
      preselect: kind === next,
      textEdit: { range, newText },
      insertTextFormat: InsertTextFormat.PlainText,
    };
  });
}

/** The depth most canonical sections use (## by default). */
function commonDepth(model: Postmortem): number {
  const counts = new Map<number, number>();
  for (const s of model.allSections) if (s.kind) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
  let best = 2;
  let n = 0;
  for (const [d, c] of counts) if (c > n || (c === n && d === 2)) [best, n] = [d, c];
  return best;
}
