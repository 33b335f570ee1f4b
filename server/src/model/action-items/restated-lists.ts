// A list that restates the action items already recorded above it: an "Action Items" table whose rows name owners and
// issues, then, under "Lessons Learned → What We'll Do Differently", a numbered list telling the same fixes again in
// prose ("**Extend circuit breaker cooldown** from 60s to 180s …"). A reader counts one set of follow-ups, the one that
// is tracked; the engine used to count both and asked the restatement for owners and dates the table already gives.
import type { ActionItem, Section } from '../types';

const LIST_FORMATS = new Set<ActionItem['format']>(['bullet', 'numbered', 'checkbox']);
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}_-]{3,}/gu;
/** Words any two follow-ups may share without telling the same work. */
const COMMON = new Set(['with', 'from', 'that', 'this', 'will', 'when', 'into', 'them', 'they', 'have', 'more', 'each', 'every', 'after', 'before', 'make', 'sure', 'also', 'should', 'their', 'there', 'which', 'about', 'other', 'during', 'only', 'than', 'then']);
/** Words two items share, at least, to tell the same work. */
const SHARED = 2;

/**
 * Drops the items of a later section's list when at least two of them, and two thirds, restate an item of an earlier
 * part of the document (another top-level section: not a sibling group of the same action items) that the action
 * items record with an owner or a ticket, while the list's own items carry none of those: the earlier record stands,
 * the restatement is not a second set of open items. Items in document order.
 */
export function dropRestatedLists(items: ActionItem[]): ActionItem[] {
  const bySection = new Map<Section, ActionItem[]>();
  for (const item of items) {
    if (!LIST_FORMATS.has(item.format)) continue;
    const arr = bySection.get(item.section) ?? [];
    arr.push(item);
    bySection.set(item.section, arr);
  }
  const dropped = new Set<ActionItem>();
  for (const [section, list] of bySection) {
    if (list.length < 2 || list.some(isTracked)) continue;
    const start = list[0].range.start.offset;
    const own = branch(section);
    const earlier = items.filter((e) => branch(e.section) !== own && e.range.start.offset < start && !dropped.has(e) && recorded(e)).map((e) => words(e.text));
    if (!earlier.length) continue;
    const restating = list.filter((item) => {
      const said = words(item.text);
      return earlier.some((e) => shared(said, e) >= SHARED);
    }).length;
    if (restating >= 2 && restating * 3 >= list.length * 2) for (const item of list) dropped.add(item);
  }
  return dropped.size ? items.filter((i) => !dropped.has(i)) : items;
}

/** The top-level section `section` belongs to (below a single title heading). */
function branch(section: Section): Section {
  let s = section;
  while (s.parent && s.parent.depth > 1) s = s.parent;
  return s;
}

/**
 * An item of the action items that names who acts or where it is tracked, or a box of their checklist ("- [ ] Add
 * regression tests for the spawn queue (P1)"): the record a restatement repeats. A later "Prevention" list telling
 * the checklist again in other words ("Track spawn queue activation metrics") is the same work, not more of it.
 */
function recorded(item: ActionItem): boolean {
  return item.section.effectiveKind === 'action-items' && (item.owners.length > 0 || item.tickets.length > 0 || item.format === 'checkbox');
}

/** Owner, ticket or status written with the item: the record a tracker keeps. */
function isTracked(item: ActionItem): boolean {
  return item.owners.length > 0 || item.tickets.length > 0 || !!item.statusField || !!item.due;
}

/** The words of an item, plural and "-ing" endings cut ("alerting" tells the same work as "Alert on …"). */
function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().slice(0, 400).match(WORD_RE) ?? []) if (!COMMON.has(w)) out.add(w.replace(/(?:es|s|ing)$/, ''));
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
