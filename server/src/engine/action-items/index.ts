// Action items: lists, tables and bold-labelled lists under action-items (or deferred) sections, then the status
// their surroundings give them. Fills model.actionItems in document order.
import type { Root, RootContent } from 'mdast';
import type { ActionItem, Postmortem, Section } from '../types';
import { startOf, type ParseContext } from './common';
import { attachSubList, isLegendList, listItems } from './lists';
import { tableItems } from './tables';
import { collectLabels } from './labels';
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
  for (const [section, nodes] of bySection) {
    const deferred = section.effectiveKind === 'deferred';
    const hasTable = nodes.some((n) => n.type === 'table');
    let lastNumbered: ActionItem | undefined;
    for (const node of nodes) {
      if (node.type === 'table') {
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
  collectLabels(tree, model, ctx, (offset) => sectionAt(model, offset));
  applyContextStatus(model.actionItems, ctx);
  model.actionItems.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
