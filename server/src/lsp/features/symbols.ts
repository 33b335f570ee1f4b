// Document symbols (the outline): sections nested by depth, and each section's action items as its children with
// their status in `detail` ("open · @alice · due 2026-03-01", "done", "deferred").
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { LintResult } from '../../lint/lint';
import type { ActionItem, Range, Section } from '../../model/types';
import { SECTION_TITLES } from '../../model/sections';
import { itemGaps } from '../../model/items';
import { duePhraseVerdict } from '../../model/due';
import { lspRange, truncate } from './util';
import { countItems, lensTitle } from './codelens';
import { isUnder } from '../../model/items';
import { pushAll } from '../../model/scan';

export function documentSymbols(result: LintResult | undefined, today: string): DocumentSymbol[] {
  if (!result?.isPostmortem) return [];
  const model = result.model;
  const itemsBySection = new Map<Section, ActionItem[]>();
  for (const item of model.actionItems) {
    const list = itemsBySection.get(item.section) ?? [];
    list.push(item);
    itemsBySection.set(item.section, list);
  }
  const toSymbol = (s: Section): DocumentSymbol => {
    const range = sectionRange(s);
    const selection = within(s.titleRange.end.offset > s.titleRange.start.offset ? s.titleRange : s.headingRange, range);
    const items = itemsBySection.get(s) ?? [];
    itemsBySection.delete(s);
    const children = [...nestItems(items, today, range), ...s.children.map(toSymbol)];
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      name: s.title.trim() || '(untitled section)',
      detail: model.actionItemSections.includes(s) ? lensTitle(countItems(model.actionItems.filter((i) => isUnder(i.section, s)), today)) : sectionDetail(s, items),
      kind: SymbolKind.String,
      range: lspRange(range),
      selectionRange: lspRange(selection),
      children,
    };
  };
  const out = model.sections.map(toSymbol);
  // Items whose section is not in the tree (should not happen) still show, at the top level.
  for (const items of itemsBySection.values()) pushAll(out, nestItems(items, today, undefined));
  return out;
}

/** Heading line through the end of the section's body. */
function sectionRange(s: Section): Range {
  const end = s.bodyRange.end.offset >= s.headingRange.end.offset ? s.bodyRange.end : s.headingRange.end;
  return { start: s.headingRange.start, end };
}

/** Clamp `inner` into `outer`, so that a selection range is always contained in its symbol's range. */
function within(inner: Range, outer: Range): Range {
  const clamp = (p: Range['start']) => (p.offset < outer.start.offset ? outer.start : p.offset > outer.end.offset ? outer.end : p);
  const start = clamp(inner.start);
  const end = clamp(inner.end);
  return { start, end: end.offset < start.offset ? start : end };
}

function sectionDetail(s: Section, items: ActionItem[]): string | undefined {
  const parts: string[] = [];
  if (s.kind && SECTION_TITLES[s.kind].toLowerCase() !== s.title.trim().toLowerCase()) parts.push(SECTION_TITLES[s.kind].toLowerCase());
  if (items.length) parts.push(`${items.length} ${items.length === 1 ? 'item' : 'items'}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** "open · @alice · due 2026-03-01", "open · no owner · 'next sprint' is not a date", "done", "deferred". */
export function itemDetail(item: ActionItem, today: string): string {
  if (item.deferred) return 'deferred';
  if (item.status === 'done') return 'done';
  if (item.status === 'not-doing') return 'not doing';
  if (item.status === 'unknown') return 'status unclear';
  const parts = ['open'];
  parts.push(item.owners.length ? item.owners.map((o) => o.value).join(', ') : 'no owner');
  if (!item.due) parts.push('no due date');
  else if (item.due.kind === 'phrase') parts.push(`'${truncate(item.due.text, 30)}' ${duePhraseVerdict(item.due.text)}`);
  else parts.push(itemGaps(item, today).overdueDays !== undefined ? `overdue since ${item.due.iso}` : `due ${item.due.iso}`);
  if (item.priority) parts.push(`P${item.priority.value.level}`);
  return parts.join(' · ');
}

/** Items as symbols; an item whose range lies inside another item's becomes that item's child. */
function nestItems(items: ActionItem[], today: string, parent: Range | undefined): DocumentSymbol[] {
  const sorted = [...items].sort((a, b) => a.range.start.offset - b.range.start.offset || b.range.end.offset - a.range.end.offset);
  const roots: DocumentSymbol[] = [];
  const stack: { item: ActionItem; range: Range; symbol: DocumentSymbol }[] = [];
  for (const item of sorted) {
    while (stack.length && item.range.start.offset >= stack[stack.length - 1].range.end.offset) stack.pop();
    const outer = stack.length ? stack[stack.length - 1].range : parent;
    const range = outer ? within(item.range, outer) : item.range;
    const symbol: DocumentSymbol = {
      name: truncate(item.text, 80) || '(empty action item)',
      detail: itemDetail(item, today),
      kind: SymbolKind.Event,
      range: lspRange(range),
      selectionRange: lspRange(within(item.textRange, range)),
      children: [],
    };
    if (stack.length) stack[stack.length - 1].symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ item, range, symbol });
  }
  return roots;
}
