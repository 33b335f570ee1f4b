// How the "Postmortem Action Items" tree groups the archive, and its "copy as markdown table". Pure (no vscode
// import) so that the grouping is unit-tested; the item facts (overdue days, no owner, no date) come from the
// server's index, which reads them from the engine: nothing here decides whether an item is overdue.
import type { ArchiveItem, ArchivePostmortem } from '../../server/src/protocol';

export type Grouping = 'status' | 'owner' | 'postmortem';
export const GROUPINGS: readonly Grouping[] = ['status', 'owner', 'postmortem'];

export interface TreeEntry {
  item: ArchiveItem;
  postmortem: ArchivePostmortem;
}

export interface Group {
  /** Stable id (for the tree's expansion state). */
  id: string;
  label: string;
  /** A status group's kind, for its icon. */
  kind?: StatusGroup;
  entries: TreeEntry[];
}

export type StatusGroup = 'overdue' | 'no-owner' | 'no-date' | 'open' | 'done' | 'unclear' | 'not-doing';

const STATUS_LABELS: Record<StatusGroup, string> = {
  overdue: 'Overdue',
  'no-owner': 'No owner',
  'no-date': 'No due date',
  open: 'Open',
  done: 'Done',
  unclear: 'Status unclear',
  'not-doing': 'Deferred or not doing',
};

const isLive = (i: ArchiveItem) => i.status === 'open' && !i.deferred;

/**
 * The one status group an item is listed under: the first that applies of Overdue, No owner, No due date, Open,
 * Done, Status unclear (a status written that can't be read), Deferred or not doing (an item with neither owner nor date is under No owner; its description says both).
 */
export function statusGroupOf(i: ArchiveItem): StatusGroup {
  if (!isLive(i)) return i.deferred ? 'not-doing' : i.status === 'done' ? 'done' : i.status === 'unknown' ? 'unclear' : 'not-doing';
  if (i.overdueDays !== undefined) return 'overdue';
  if (i.noOwner) return 'no-owner';
  if (i.noDate) return 'no-date';
  return 'open';
}

/** Most urgent first: most days overdue, then the earliest due date, then file order. */
function byUrgency(a: TreeEntry, b: TreeEntry): number {
  const od = (b.item.overdueDays ?? -1) - (a.item.overdueDays ?? -1);
  if (od) return od;
  const da = a.item.dueIsDate ? a.item.due! : '9999';
  const db = b.item.dueIsDate ? b.item.due! : '9999';
  return da.localeCompare(db) || a.postmortem.file.localeCompare(b.postmortem.file) || a.item.location.line - b.item.location.line;
}

export function entriesOf(postmortems: readonly ArchivePostmortem[]): TreeEntry[] {
  return postmortems.flatMap((postmortem) => postmortem.items.map((item) => ({ item, postmortem })));
}

/**
 * Groups, in display order, empty ones left out (the five status groups stay, even empty, so the counts read the
 * same every time; "Deferred or not doing" only when it has items).
 * - status: each item under one of Overdue / No owner / No due date / Open / Done.
 * - owner: open items per owner (the most overdue owner first), "No owner" last.
 * - postmortem: every item of each postmortem, newest incident first.
 */
export function groupEntries(postmortems: readonly ArchivePostmortem[], grouping: Grouping): Group[] {
  const entries = entriesOf(postmortems);
  if (grouping === 'status') {
    const order: StatusGroup[] = ['overdue', 'no-owner', 'no-date', 'open', 'done', 'unclear', 'not-doing'];
    const groups = new Map<StatusGroup, TreeEntry[]>(order.map((k) => [k, []]));
    for (const e of entries) groups.get(statusGroupOf(e.item))!.push(e);
    return order
      .filter((k) => (k !== 'not-doing' && k !== 'unclear') || groups.get(k)!.length)
      .map((k) => ({ id: `status:${k}`, label: STATUS_LABELS[k], kind: k, entries: groups.get(k)!.sort(byUrgency) }));
  }
  if (grouping === 'owner') {
    const groups = new Map<string, TreeEntry[]>();
    for (const e of entries) {
      if (!isLive(e.item)) continue;
      const owner = e.item.owner ?? '';
      const list = groups.get(owner);
      if (list) list.push(e);
      else groups.set(owner, [e]);
    }
    const list = [...groups.entries()].map(([owner, es]) => ({ owner, es: es.sort(byUrgency) }));
    const overdue = (es: TreeEntry[]) => es.filter((e) => e.item.overdueDays !== undefined).length;
    list.sort((a, b) => (a.owner === '' ? 1 : 0) - (b.owner === '' ? 1 : 0) || overdue(b.es) - overdue(a.es) || b.es.length - a.es.length || a.owner.localeCompare(b.owner));
    return list.map(({ owner, es }) => ({ id: `owner:${owner}`, label: owner || 'No owner', entries: es }));
  }
  return [...postmortems]
    .filter((p) => p.items.length)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file))
    .map((p) => ({ id: `postmortem:${p.file}`, label: p.title, entries: p.items.map((item) => ({ item, postmortem: p })) }));
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "@alice · due 2026-01-15 · 45 days overdue", "no owner · 'next sprint' is not a date", "done". */
export function describeItem(i: ArchiveItem): string {
  if (!isLive(i)) return i.deferred ? 'deferred' : i.status === 'not-doing' ? 'not doing' : i.status === 'unknown' ? 'status unclear' : 'done';
  const parts: string[] = [i.owner ?? 'no owner'];
  if (i.dueIsDate) parts.push(`due ${i.due}`);
  else parts.push(i.due ? `'${i.due}' ${i.dueProblem ?? 'is not a date'}` : 'no due date');
  if (i.overdueDays !== undefined) parts.push(`${plural(i.overdueDays, 'day')} overdue`);
  if (i.priority) parts.push(i.priority);
  return parts.join(' · ');
}

/** "12 open · 4 overdue · 3 without owner · 2 without date" for the view's description. */
export function summarize(postmortems: readonly ArchivePostmortem[]): { open: number; overdue: number; noOwner: number; noDate: number; text: string } {
  const live = entriesOf(postmortems).filter((e) => isLive(e.item));
  const overdue = live.filter((e) => e.item.overdueDays !== undefined).length;
  const noOwner = live.filter((e) => e.item.noOwner).length;
  const noDate = live.filter((e) => e.item.noDate).length;
  const parts = [`${live.length} open`];
  if (overdue) parts.push(`${overdue} overdue`);
  if (noOwner) parts.push(`${noOwner} without owner`);
  if (noDate) parts.push(`${noDate} without date`);
  return { open: live.length, overdue, noOwner, noDate, text: parts.join(' · ') };
}

/** Text for a markdown table cell: one line, pipes escaped. */
function cell(s: string | number | undefined): string {
  if (s === undefined || s === '') return '—';
  return String(s).replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * The entries as a markdown table (status, action, owner, due, priority, ticket, postmortem with its file and line),
 * `relPath` turning a file URI into the path to show.
 */
export function markdownTable(entries: readonly TreeEntry[], relPath: (file: string) => string): string {
  const rows = entries.map(({ item: i, postmortem: p }) => {
    const status = !isLive(i) ? describeItem(i) : i.overdueDays !== undefined ? `overdue ${plural(i.overdueDays, 'day')}` : 'open';
    return `| ${[status, i.text, i.owner, i.due, i.priority, i.ticket, `${p.title} (${relPath(p.file)}:${i.location.line + 1})`].map(cell).join(' | ')} |`;
  });
  return ['| Status | Action | Owner | Due | Priority | Ticket | Postmortem |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
