// The sentences every archive report format shares: its heading, scope, counts and gaps, and an item's status and
// what it lacks.
import type { ArchiveReport, ReportRow } from './report';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const pct = (share: number) => `${Math.round(share * 100)}%`;

/** "Action items across 4 postmortems" */
export function heading(r: ArchiveReport): string {
  return `Action items across ${plural(r.postmortems, 'postmortem')}`;
}

/** "As of 2026-03-01 (incidents from 2025-01-01 to 2025-12-31)." */
export function scope(r: ArchiveReport): string {
  const period = r.since && r.until ? ` (incidents from ${r.since} to ${r.until})` : r.since ? ` (incidents since ${r.since})` : r.until ? ` (incidents until ${r.until})` : '';
  return `As of ${r.today}${period}.`;
}

/** "23 action items: 12 open, 9 done, 2 not doing (3 deferred, not counted)." */
export function countsSentence(r: ArchiveReport): string {
  const c = r.counts;
  const parts = [`${c.open} open`, `${c.done} done`];
  if (c.notDoing) parts.push(`${c.notDoing} not doing`);
  if (c.unclear) parts.push(`${c.unclear} with a status that can't be read`);
  const deferred = c.deferred ? ` (${c.deferred} deferred, not counted)` : '';
  return `${plural(c.total, 'action item')}: ${parts.join(', ')}${deferred}.`;
}

/** "Of the open items, 4 are overdue, 3 have no owner and 5 have no due date." */
export function gapsSentence(r: ArchiveReport): string {
  const c = r.counts;
  if (!c.open) return 'No open items.';
  if (!c.overdue && !c.noOwner && !c.noDate) return 'Every open item has an owner and a due date, and none is overdue.';
  return `Of the open items, ${c.overdue} ${c.overdue === 1 ? 'is' : 'are'} overdue, ${c.noOwner} ${c.noOwner === 1 ? 'has' : 'have'} no owner and ${c.noDate} ${c.noDate === 1 ? 'has' : 'have'} no due date.`;
}

export const statusWord = (r: ReportRow) => (r.deferred ? 'deferred' : r.status === 'not-doing' ? 'not doing' : r.status === 'unknown' ? 'status unclear' : r.status);
export const missing = (r: ReportRow) => [r.noOwner ? 'owner' : '', r.noDate ? (r.due ? `date ('${r.due}' is not one)` : 'date') : ''].filter(Boolean).join(', ');

