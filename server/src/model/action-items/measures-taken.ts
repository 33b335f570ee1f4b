// The measures taken, listed under "Resolution" / "Response": a numbered list whose every entry opens with a bold
// name ("1. **Settings (the fix):** …", "2. **Source cleanup:** materialized …"), or a two-column table of measures
// ("| Measure | Detail |") whose every detail tells finished work ("Fetched …", "PR #358: added …"). Each entry is a
// follow-up already done: read as a done item (no owner, date or priority asked of it), and the section shows the
// report's follow-ups (missing-section stays quiet). Prose under "Resolution" ("The bug was fixed in 2.2.0") is the
// recovery story and is not read here: the labelled sets call a report with only that "no follow-up section".
import type { List, ListItem, Root, Table, TableRow } from 'mdast';
import type { ActionItem, Section } from '../types';
import { endOf, plain, startOf, type ParseContext, bareWords } from './common';
import { listItems } from './lists';
import { tableItems } from './tables';
import type { NodeSections } from './node-sections';
import { completedPrefix } from '../completed';
import { commitsToWork } from './commit-sentence';
import { normalizeHeading } from '../sections';
import { pushAll } from '../scan';

/** Items read here: a reader sees in them the follow-ups of the section that lists them (model/seen.ts). */
const MEASURES = new WeakSet<ActionItem>();

/** The item is one of the measures taken that a resolution section lists. */
export const isMeasureTaken = (item: ActionItem): boolean => MEASURES.has(item);

/** Done items for the measures-taken lists and tables of the document's resolution sections. */
export function measuresTaken(tree: Root, sections: NodeSections, ctx: ParseContext, taken: readonly ActionItem[]): ActionItem[] {
  const out: ActionItem[] = [];
  const read = (s: number, e: number) => taken.some((i) => i.range.start.offset < e && s < i.range.end.offset);
  for (let at = 0; at < tree.children.length; at++) {
    const node = tree.children[at];
    if (node.type !== 'list' && node.type !== 'table') continue;
    const section = sections[at];
    if (!section || section.effectiveKind !== 'resolution' || read(startOf(node), endOf(node))) continue;
    // a list under a label of its own ("**Verification.**" above "- **Deterministic:** …") belongs to that label
    const before = tree.children[at - 1];
    if (before?.type === 'paragraph' && before.children.length === 1 && before.children[0].type === 'strong') continue;
    const items = node.type === 'list' ? namedMeasures(node, ctx, section) : measureRows(node, ctx, section);
    for (const item of items) {
      MEASURES.add(item);
      out.push(item);
    }
    // not measures a reader counts as the follow-ups section (missing-section reads MEASURES): steps of the response
    if (!items.length && node.type === 'list') pushAll(out, stepsTaken(node, ctx, section));
  }
  return out;
}

/** "1. **Source cleanup:** materialized the IDs …": every entry named in bold, none committing, one at least finished. */
function namedMeasures(list: List, ctx: ParseContext, section: Section): ActionItem[] {
  if (!list.ordered || list.children.length < 2) return [];
  const told = list.children.map((li) => namedEntry(li, ctx.text));
  if (told.some((t) => t === undefined || commitsToWork(t.words) || OPEN_WORD_RE.test(t.words))) return [];
  if (!told.some((t) => completedPrefix(t!.rest) > 0 || DONE_LABEL_RE.test(t!.name))) return [];
  const items = listItems(list, ctx, section, false, undefined);
  if (items.length !== list.children.length) return [];
  for (const item of items) markDone(item, section);
  return items;
}

/** The bold name opening a list entry and the words after it, or undefined when the entry does not open with one. */
function namedEntry(li: ListItem, text: string): { name: string; rest: string; words: string } | undefined {
  const p = li.children[0];
  const first = p?.type === 'paragraph' ? p.children[0] : undefined;
  if (!p || p.type !== 'paragraph' || first?.type !== 'strong') return undefined;
  const name = plain(first).trim();
  const after = text.slice(endOf(first), endOf(p)).replace(/^\s*:?\s*/, '');
  // the colon closes the name, inside or after the bold ("**Guidance:** …", "**Fix** (…): …")
  if (!/:$/.test(name) && !/^\s*:/.test(text.slice(endOf(first), endOf(first) + 3))) return undefined;
  const rest = bareWords(after);
  return { name: name.replace(/:$/, ''), rest, words: `${name} ${rest}` };
}

/**
 * "| Measure | Detail |" rows: every detail tells finished work ("Fetched …", "Updated …", "PR #358: added …"). A
 * third column that says how each was checked ("| 任务 | 改了什么 | 判据 |": task, what was changed, criterion) is read
 * too; there the header says the changes were made, so a detail in a tenseless script counts unless it says it is open.
 */
function measureRows(table: Table, ctx: ParseContext, section: Section): ActionItem[] {
  const [head, ...rows] = table.children;
  const header = head?.children.map((c) => plain(c).trim().toLowerCase()) ?? [];
  const checked = header.length === 3 && CHANGED_HEADER_RE.test(header[1]) && CHECK_HEADER_RE.test(header[2]);
  if ((header.length !== 2 && !checked) || !MEASURE_HEADER_RE.test(header[0]) || !DETAIL_HEADER_RE.test(header[1]) || rows.length < 2) return [];
  if (!rows.every((row) => (checked ? !openDetail(row) : finishedDetail(row)))) return [];
  const items = tableItems(table, ctx, section, false);
  if (items.length !== rows.length) return [];
  for (const item of items) markDone(item, section);
  return items;
}

function finishedDetail(row: TableRow): boolean {
  const detail = row.children[1] ? plain(row.children[1]).trim() : '';
  const words = detail.replace(/^(?:PR|MR|commit)\s*#?\w+\s*:\s*/i, '');
  return !!words && (completedPrefix(words) > 0 || PAST_OPENING_RE.test(words)) && !commitsToWork(detail) && !OPEN_WORD_RE.test(detail);
}
function openDetail(row: TableRow): boolean {
  const detail = row.children[1] ? plain(row.children[1]).trim() : '';
  return !detail || commitsToWork(detail) || OPEN_WORD_RE.test(detail) || LOCAL_OPEN_RE.test(detail);
}
/** A detail that opens on a verb in the past ("Fetched the secret …", "Changed re-runs to …"), as a log of what was done. */
const PAST_OPENING_RE = /^(?!(?:need|speed|seed|feed|breed|bleed|shed)\b)\p{L}{3,}ed\b(?!\s+(?:to|by)\b)/iu;

/**
 * "### Immediate Actions" under "## Resolution" over "1. Removed the plan file from Git", "2. Added the patterns to
 * .gitignore", "3. Verified no token remained": the steps taken, every one told finished, each a done follow-up.
 */
function stepsTaken(list: List, ctx: ParseContext, section: Section): ActionItem[] {
  if (!STEPS_HEADING_RE.test(normalizeHeading(section.title)) || list.children.length < 2) return [];
  const told = list.children.map((li) => (li.checked == null && li.children[0]?.type === 'paragraph' ? bareWords(plain(li.children[0])).replace(/^✅\s*/u, '') : ''));
  if (told.some((t) => !t || (completedPrefix(t) === 0 && !PAST_OPENING_RE.test(t) && !COMPOUND_PAST_RE.test(t)) || commitsToWork(t) || OPEN_WORD_RE.test(t))) return [];
  const items = listItems(list, ctx, section, false, undefined);
  if (items.length !== list.children.length) return [];
  for (const item of items) markDone(item, section);
  return items;
}
/** "Force pushed to remove the file", "Hot-fixed the parser": a past verb after a first word that qualifies it. */
const COMPOUND_PAST_RE = /^(?:force|hot|re|back|cross|double|hand)[- ]?\p{L}{2,}ed\b/iu;
const STEPS_HEADING_RE = /^(?:immediate (?:actions?|steps?|fix(?:es)?|mitigations?|remediations?|response)|(?:actions?|steps?) taken)$/;

/** Done, as the section that lists it says: its status is shown as the section's heading. */
function markDone(item: ActionItem, section: Section): void {
  if (item.status !== 'open' || item.statusField) return;
  item.status = 'done';
  item.statusField = { value: 'done', text: section.title, range: section.titleRange };
}

const MEASURE_HEADER_RE = /^(?:(?:counter)?measures?(?: taken)?|actions? taken|changes?(?: made)?|fix(?:es)?|steps? taken|tasks?|任务|任務|措施|修复项|修復項)$/u;
const DETAIL_HEADER_RE = /^(?:details?|descriptions?|what (?:we did|was done|changed)|notes?|改了什么|改了什麼|做了什么|做了什麼|改动|改動)$/u;
/** A column header that says its cells are the changes made: "What changed", "改了什么" (what was changed). */
const CHANGED_HEADER_RE = /^(?:what (?:we did|was done|changed)|改了什么|改了什麼|做了什么|做了什麼)$/u;
/** A column that says how each change was checked: "Verification", "判据" (criterion), "验证". */
const CHECK_HEADER_RE = /^(?:verification|verified by|check(?:ed by)?|criteri(?:on|a)|判据|判據|验证|驗證|验收|驗收)$/u;
/** Words in Chinese that leave the work open: 待 (awaiting), 未 (not yet), 计划 (planned), 将 (will). */
const LOCAL_OPEN_RE = /待办|待辦|待定|未完成|未开工|未開工|尚未|计划|計劃|将会|將會/u;
/** Words that leave the work open whatever the tense of the rest. */
const OPEN_WORD_RE = /\b(?:todo|to do|follow[- ]?up|pending|in progress|not yet|planned|tracked in|will|should|needs? to)\b/i;
const DONE_LABEL_RE = /\b(?:documented|fixed|added|removed|deployed|released|merged|shipped|applied|enabled|disabled)$/i;

/**
 * "## Resolution" over "### 1. `register_user()` — Guest conversion", "### 2. `verify_email()` — Defense-in-depth
 * guard", or "## Resulting Action" over "#### 1) Alerts added for pgbouncer errors by @em": numbered sub-headings, each
 * naming a fix made, are the measures taken (headings, so not read as items).
 */
export function numbersFixesInSubheadings(section: Section): boolean {
  const named = section.kind === 'resolution' || (!section.kind && /\bactions?$/.test(normalizeHeading(section.title)));
  return named && section.children.filter((c) => NUMBERED_TITLE_RE.test(c.title)).length >= 2;
}
const NUMBERED_TITLE_RE = /^\d{1,2}[.)]\s+\S/;
