// Items written outside the follow-up sections: tables and `**TODO**:` paragraphs that are items by their own shape,
// and tickets filed with someone else told in the prose ("I've opened a support ticket with Fastly about …").
import type { List, Root, RootContent } from 'mdast';
import type { Postmortem, Section } from '../types';
import type { ParseContext } from './common';
import type { NodeSections } from './node-sections';
import { isActionTable, tableItems } from './tables';
import { boldLabelKind } from './label-kinds';
import { itemLabel, paragraphItem, paragraphRuns, statusLabel } from './paragraphs';
import { commitmentItems } from './commitments';
import { doneNote } from './closing-notes';
import { pushAll } from '../scan';
import { listItems } from './lists';
import { normalizeHeading } from '../sections';

/**
 * Items outside action-items sections that are items by their own shape: a table with an Action column and an
 * Owner / Bug / Due / Status column (often written with no heading above it), `**TODO**:` / `**DOING**:`
 * paragraphs, and a task list in the section that tells the fix (isOpenTaskList). Never in a timeline, where "TODO"
 * and tables are narrative.
 */
export function collectOutside(tree: Root, sections: NodeSections, model: Postmortem, ctx: ParseContext): void {
  tree.children.forEach((node, at) => {
    if (node.type !== 'table' && node.type !== 'paragraph' && node.type !== 'list') return;
    const sec = sections[at];
    if (!sec || sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred' || sec.effectiveKind === 'timeline') return;
    if (node.type === 'list') {
      if (isOpenTaskList(node, sec)) pushAll(model.actionItems, listItems(node, ctx, sec, false, undefined));
    } else if (node.type === 'table') {
      if (isActionTable(node)) pushAll(model.actionItems, tableItems(node, ctx, sec, false));
    } else if (statusLabel(node) || itemLabel(node, ctx.text)) {
      const item = paragraphItem(node, ctx, sec, false);
      if (item) model.actionItems.push(item);
      // "- This has been done." written right under it
      const note = item && !item.statusField ? doneNote(tree.children[at + 1], ctx.text) : undefined;
      if (note) {
        item!.status = 'done';
        item!.statusField = { value: 'done', text: ctx.text.slice(note[0], note[1]), range: ctx.range(note[0], note[1]) };
      }
    }
  });
}

/**
 * "I've opened a support ticket with Fastly about …" in the prose of any section but the timeline and the follow-ups
 * themselves: a ticket filed with someone else is work still open.
 */
export function collectFiledTickets(tree: Root, sections: NodeSections, model: Postmortem, ctx: ParseContext): void {
  const bySection = new Map<Section, RootContent[]>();
  tree.children.forEach((node, at) => {
    if (node.type === 'heading') return;
    const sec = sections[at];
    if (!sec || sec.effectiveKind === 'timeline' || sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred') return;
    const nodes = bySection.get(sec);
    if (nodes) nodes.push(node);
    else bySection.set(sec, [node]);
  });
  for (const [sec, nodes] of bySection) {
    for (const run of paragraphRuns(nodes, (n) => !boldLabelKind(n) && !statusLabel(n))) pushAll(model.actionItems, commitmentItems(run, ctx, sec, 'tickets'));
  }
}

/**
 * "## Solution" over "- [x] Update the WAF rules to stop the attack." and "- [ ] Research and implement better DoS
 * mitigation.": a task list in the section that tells the fix (a Resolution, or a "Solution" — not a section kind of its
 * own: a design doc's "Problem" / "Solution" is no incident), every bullet a box and one still open, is the report's
 * to-do list (the ticked boxes done). Only there: a runbook's or a checklist's boxes elsewhere are steps to follow.
 */
function isOpenTaskList(list: List, sec: Section): boolean {
  const fixTold = sec.effectiveKind === 'resolution' || /^solutions?$/.test(normalizeHeading(sec.title));
  return fixTold && list.children.length > 0 && list.children.every((li) => li.checked != null) && list.children.some((li) => li.checked === false);
}
