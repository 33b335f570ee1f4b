// Action items: lists, tables and bold-labelled lists under action-items (or deferred) sections, then the status
// their surroundings give them. Fills model.actionItems in document order.
import type { Paragraph, Root, RootContent } from 'mdast';
import type { ActionItem, Postmortem, Section } from '../types';
import { startOf, type ParseContext } from './common';
import { attachSubList, isLegendList, listItems } from './lists';
import { isActionTable, tableItems } from './tables';
import { boldLabelKind, collectLabels } from './labels';
import { isLeadIn, paragraphItem, statusLabel } from './paragraphs';
import { applyContextStatus } from './status';
import { pushAll } from '../scan';

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

export function collectActionItems(tree: Root, model: Postmortem, ctx: ParseContext): void {
  // Blocks grouped by their section; only sections whose effective kind is action-items or deferred.
  const bySection = new Map<Section, RootContent[]>();
  for (const node of tree.children) {
    if (node.type === 'heading') continue;
    const sec = sectionAt(model, startOf(node));
    if (!sec || (sec.effectiveKind !== 'action-items' && sec.effectiveKind !== 'deferred')) continue;
    const arr = bySection.get(sec) ?? [];
    arr.push(node);
    bySection.set(sec, arr);
  }
  const lone: [Section, Paragraph][] = [];
  for (const [section, nodes] of bySection) {
    const deferred = section.effectiveKind === 'deferred';
    const hasTable = nodes.some((n) => n.type === 'table');
    const prose = nodes.filter((n): n is Paragraph => n.type === 'paragraph' && !isLeadIn(n) && !boldLabelKind(n));
    if (nodes.every((n) => n.type === 'paragraph' || n.type === 'html') && prose.length === 1 && !statusLabel(prose[0])) lone.push([section, prose[0]]);
    let lastNumbered: ActionItem | undefined;
    for (const node of nodes) {
      if (node.type === 'paragraph' && statusLabel(node)) {
        const item = paragraphItem(node, ctx, section, deferred);
        if (item) model.actionItems.push(item);
        lastNumbered = undefined;
      } else if (node.type === 'table') {
        pushAll(model.actionItems, tableItems(node, ctx, section, deferred));
        lastNumbered = undefined;
      } else if (node.type === 'list' && !(hasTable && isLegendList(node))) {
        if (!node.ordered && lastNumbered) {
          // Bullets written flush under "1. Item" (no indent) are that item's sub-bullets, not new items.
          attachSubList(lastNumbered, node, ctx);
          continue;
        }
        const items = listItems(node, ctx, section, deferred, undefined);
        pushAll(model.actionItems, items);
        lastNumbered = node.ordered ? items[items.length - 1] : undefined;
      } else if (node.type !== 'paragraph') {
        lastNumbered = undefined;
      }
    }
  }
  // The only follow-up, written as one paragraph under "Corrective and Preventative Measures" / "Recommendations:"
  for (const [section, p] of lone) {
    const top = topActionSection(section);
    if (section.effectiveKind !== 'action-items' || model.actionItems.some((i) => isUnder(i.section, top))) continue;
    const item = paragraphItem(p, ctx, section, false);
    if (item) model.actionItems.push(item);
  }
  collectOutside(tree, model, ctx);
  collectLabels(tree, model, ctx, (offset) => sectionAt(model, offset));
  applyContextStatus(model.actionItems, ctx);
  model.actionItems.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function topActionSection(section: Section): Section {
  let top = section;
  for (let s: Section | undefined = section; s; s = s.parent) if (s.kind === 'action-items') top = s;
  return top;
}

function isUnder(section: Section, top: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === top) return true;
  return false;
}

/**
 * Items outside action-items sections that are items by their own shape: a table with an Action column and an
 * Owner / Bug / Due / Status column (often written with no heading above it), and `**TODO**:` / `**DOING**:`
 * paragraphs. Never in a timeline, where "TODO" and tables are narrative.
 */
function collectOutside(tree: Root, model: Postmortem, ctx: ParseContext): void {
  for (const node of tree.children) {
    if (node.type !== 'table' && node.type !== 'paragraph') continue;
    const sec = sectionAt(model, startOf(node));
    if (!sec || sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred' || sec.effectiveKind === 'timeline') continue;
    if (node.type === 'table') {
      if (isActionTable(node)) pushAll(model.actionItems, tableItems(node, ctx, sec, false));
    } else if (statusLabel(node)) {
      const item = paragraphItem(node, ctx, sec, false);
      if (item) model.actionItems.push(item);
    }
  }
}
