// What state an action item is in, worked out once: live (open and not deferred), the gaps a reader trips over
// (no owner, no absolute date) and how many days it is overdue. Pure: reads only the model.
// Every face reads it: the action-item-overdue rule, hover, code lens, outline, the reader view's table, the
// `report` command and the workspace index. Before this, "overdue" was written five ways with flipped arguments.
import type { ActionItem, Postmortem, Range, Section } from './types';

/** Still to be done and checked: open, and not in a Deferred / Not doing section. */
export function isLive(item: ActionItem): boolean {
  return item.status === 'open' && !item.deferred;
}

export interface ItemGaps {
  live: boolean;
  /** Live and no owner named (a placeholder such as TBD does not count as one). */
  noOwner: boolean;
  /** Live and more than one owner. */
  manyOwners: boolean;
  /** Live and no absolute due date (none at all, or a phrase such as "next sprint"). */
  noDate: boolean;
  /** Live and the due value is a phrase, not a date. */
  phraseDue: boolean;
  /** The due date as ISO yyyy-mm-dd, when it is one. */
  dueIso?: string;
  /** Live and past its due date: whole days since it was due (≥ 1). Undefined otherwise. */
  overdueDays?: number;
  /** Days until the due date (0 = due today, negative = overdue), for live items with a date. */
  daysLeft?: number;
}

/** The item's gaps as of `today` (ISO yyyy-mm-dd). Done, not-doing and deferred items have none. */
export function itemGaps(item: ActionItem, today: string): ItemGaps {
  const live = isLive(item);
  const dueIso = item.due?.kind === 'date' ? item.due.iso : undefined;
  const daysLeft = live && dueIso ? daysBetweenIso(today, dueIso) : undefined;
  return {
    live,
    noOwner: live && item.owners.length === 0,
    manyOwners: live && item.owners.length > 1,
    noDate: live && !dueIso,
    phraseDue: live && item.due?.kind === 'phrase',
    dueIso,
    overdueDays: daysLeft !== undefined && daysLeft < 0 ? -daysLeft : undefined,
    daysLeft,
  };
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days from `from` to `to` (positive when `to` is later); undefined when either is not an ISO date. */
export function daysBetweenIso(from: string, to: string): number | undefined {
  const a = ISO_RE.exec(from);
  const b = ISO_RE.exec(to);
  if (!a || !b) return undefined;
  const ta = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const tb = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  return Number.isFinite(ta) && Number.isFinite(tb) ? Math.round((tb - ta) / 86_400_000) : undefined;
}

/** Whether a section is `top` or nested under it. */
export function isUnder(section: Section, top: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === top) return true;
  return false;
}

/**
 * Where a finding about the follow-ups as a whole points: the first action-items heading that holds one of these items
 * (a "### Recommendation" emptied by a later table that tracks its work, or a "## Done" heading above the open ones,
 * holds none of them), else the first such heading, else the bold label standing in for one, else `fallback`.
 */
export function followUpsAnchor(model: Postmortem, items: readonly ActionItem[], fallback: Range): Range {
  const holding = model.actionItemSections.find((top) => items.some((i) => isUnder(i.section, top)));
  return (holding ?? model.actionItemSections[0])?.titleRange ?? model.actionItemLabels[0]?.range ?? fallback;
}
