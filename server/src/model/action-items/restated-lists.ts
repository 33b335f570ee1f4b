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
  const dropped = new Set<ActionItem>();
  for (const [section, list] of listsBySection(items, () => true)) {
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

/**
 * Drops the advice written under each finding of a triage when a later "Action Items" section records the work: a
 * report whose "## P1: Redis Rate Limiter Failure" has its own "### Root Cause" and "### Recommendation" ("1. Check
 * Redis connection string", "2. Verify Redis service is running"), then ends with a table of owned rows ("Fix Redis
 * connection for rate limiting | Dev"). The steps under the finding are how to do the row, not more follow-ups. Only
 * when the finding is told with its own cause, the list carries no owner, ticket, status or date, and one of its items
 * shares the words of a recorded row of the later section. Items in document order.
 */
export function dropFindingAdvice(items: ActionItem[]): ActionItem[] {
  const dropped = new Set<ActionItem>();
  for (const [section, list] of listsBySection(items, isFindingAdvice)) {
    if (list.some(isTracked)) continue;
    const end = list[list.length - 1].range.end.offset;
    const own = branch(section);
    const later = items
      .filter((e) => e.range.start.offset > end && branch(e.section) !== own && branch(e.section).kind === 'action-items' && recorded(e))
      .map((e) => words(e.text));
    if (list.some((item) => later.some((e) => shared(words(item.text), e) >= SHARED))) for (const item of list) dropped.add(item);
  }
  return dropped.size ? items.filter((i) => !dropped.has(i)) : items;
}

/**
 * A follow-up heading nested in a finding that is not itself about follow-ups, beside the finding's own cause
 * ("## P1: Redis Rate Limiter Failure" → "### Root Cause", "### Recommendation").
 */
function isFindingAdvice(section: Section): boolean {
  const finding = section.parent;
  if (section.kind !== 'action-items' || !finding || finding.depth < 2 || finding.effectiveKind) return false;
  return finding.children.some((c) => c !== section && c.kind === 'contributing-causes');
}

/** The list items of each section that `accept` takes, in document order. */
function listsBySection(items: ActionItem[], accept: (section: Section) => boolean): Map<Section, ActionItem[]> {
  const bySection = new Map<Section, ActionItem[]>();
  for (const item of items) {
    if (!LIST_FORMATS.has(item.format) || !accept(item.section)) continue;
    const arr = bySection.get(item.section) ?? [];
    arr.push(item);
    bySection.set(item.section, arr);
  }
  return bySection;
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
