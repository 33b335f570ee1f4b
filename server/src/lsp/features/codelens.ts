// Code lens on each action-items heading: "4 items · 1 without owner · 1 overdue". Counts come from the model and
// leave out deferred items; overdue = open with a due date before today. The lens only informs: its command id is
// empty, which VS Code renders as plain text rather than a link (codelensWidget: no id → <span>, not <a>).
import type { CodeLens } from 'vscode-languageserver';
import type { LintResult } from '../../lint/lint';
import type { ActionItem, Range, Section } from '../../model/types';
import { isUnder, itemGaps } from '../../model/items';
import { lspRange, plural } from './util';

export interface ActionItemCounts {
  total: number;
  open: number;
  done: number;
  notDoing: number;
  /** A status was written that the linter can't read: neither open nor done, and not checked. */
  unclear: number;
  withoutOwner: number;
  withoutDate: number;
  overdue: number;
}

/** Counts for the items under one action-items section (its sub-headings included, deferred items left out). */
export function countItems(items: readonly ActionItem[], today: string): ActionItemCounts {
  const c: ActionItemCounts = { total: 0, open: 0, done: 0, notDoing: 0, unclear: 0, withoutOwner: 0, withoutDate: 0, overdue: 0 };
  for (const item of items) {
    if (item.deferred) continue;
    c.total++;
    if (item.status === 'done') c.done++;
    else if (item.status === 'not-doing') c.notDoing++;
    else if (item.status === 'unknown') c.unclear++;
    else {
      c.open++;
      const gaps = itemGaps(item, today);
      if (gaps.noOwner) c.withoutOwner++;
      if (gaps.noDate) c.withoutDate++;
      if (gaps.overdueDays !== undefined) c.overdue++;
    }
  }
  return c;
}

/** "4 items · 1 done · 1 without owner · 1 without a date · 1 overdue" (zero counts left out). */
export function lensTitle(c: ActionItemCounts): string {
  if (c.total === 0) return 'No action items yet: each needs one owner and an absolute due date';
  const parts = [plural(c.total, 'item')];
  if (c.done) parts.push(`${c.done} done`);
  if (c.notDoing) parts.push(`${c.notDoing} not doing`);
  if (c.unclear) parts.push(`${c.unclear} status unclear`);
  if (c.withoutOwner) parts.push(`${c.withoutOwner} without owner`);
  if (c.withoutDate) parts.push(`${c.withoutDate} without a date`);
  if (c.overdue) parts.push(`${c.overdue} overdue`);
  if (c.open > 0 && !c.withoutOwner && !c.withoutDate && !c.overdue) parts.push('every open item has an owner and a date');
  return parts.join(' · ');
}

export function codeLenses(result: LintResult | undefined, today: string, settings: { codeLens?: boolean } = {}): CodeLens[] {
  if (!result?.isPostmortem || settings.codeLens === false) return [];
  const model = result.model;
  const lens = (range: Range, items: readonly ActionItem[], under: string): CodeLens => ({
    range: lspRange(range),
    command: { title: lensTitle(countItems(items, today)), command: '', tooltip: `Counts of the action items ${under} (deferred items are not counted).` },
  });
  // each item is counted by exactly one lens, so the lenses add up to the status bar's and the reader view's counts
  const underHeading = (i: ActionItem) => model.actionItemSections.some((section) => isUnder(i.section, section));
  const labels = model.actionItemLabels.filter((label) => !label.items.some(underHeading));
  const covered = new Set<ActionItem>(labels.flatMap((label) => label.items));
  // items found outside any action-items heading or label (a table with an Action column under "Root cause", a
  // "**TODO**:" paragraph): one lens over the first of them in each section
  const elsewhere = new Map<Section | undefined, ActionItem[]>();
  for (const i of model.actionItems) {
    if (underHeading(i) || covered.has(i)) continue;
    elsewhere.set(i.section, [...(elsewhere.get(i.section) ?? []), i]);
  }
  return [
    ...model.actionItemSections.map((section) => lens(section.headingRange, model.actionItems.filter((i) => isUnder(i.section, section)), 'under this heading')),
    // `- **Review actions**:` with a nested list, where a page has no action items heading
    ...labels.map((label) => lens(label.range, label.items, 'under this label')),
    ...[...elsewhere.values()].filter((items) => items.some((i) => !i.deferred)).map((items) => lens(items[0].range, items, 'read in this section, outside an action-items heading')),
  ].sort((a, b) => a.range.start.line - b.range.start.line);
}
