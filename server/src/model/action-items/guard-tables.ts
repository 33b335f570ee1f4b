// "| Failure mode | Guard |" over "| Number goes stale after re-analysis | Value re-derived from the artifact on every
// run |": a Prevention section's map of the guards now in place, one per way the failure could come back. State, not
// work: no column names an action, an owner, a date or a status, and a guard written as a mechanism (a noun phrase, a
// present-tense statement) is there already. A row whose guard asks for work ("Add a nightly diff", "Will alert on
// drift", "TBD") stays an item, as before.
import { startsImperative } from '../verbs';
import type { TableInfo } from '../types';

/** The index of the guard column of a failure → guard table, or undefined when the table is not one. */
export function guardColumn(header: string[], columns: TableInfo['columns']): number | undefined {
  if (columns.action !== undefined || columns.owner !== undefined || columns.due !== undefined || columns.status !== undefined || columns.priority !== undefined) return undefined;
  const cells = header.map((h) => h.trim());
  if (!cells.some((h) => FAILURE_HEADER_RE.test(h))) return undefined;
  const guard = cells.findIndex((h) => GUARD_HEADER_RE.test(h));
  return guard >= 0 ? guard : undefined;
}
const FAILURE_HEADER_RE = /^(?:failure(?: modes?)?|risks?|threats?|hazards?|(?:failure )?scenarios?|what (?:could|can) (?:go wrong|break|fail))$/i;
const GUARD_HEADER_RE = /^(?:(?:new |current )?(?:guards?|guardrails?|safeguards?|controls?|defen[cs]es?|protections?)|(?:now )?(?:caught|prevented|stopped|blocked) by)$/i;

/** A guard cell that is work still to do ("Add a nightly diff", "Will alert", "TBD"), or empty: the row stays an item. */
export function guardAsksForWork(cell: string): boolean {
  const t = cell.replace(/[*_`]+/g, '').trim();
  return !t || startsImperative(t) || WORK_WORD_RE.test(t);
}
const WORK_WORD_RE = /^(?:none|no guard|nothing|n\/a|tbd|todo|to do|planned|proposed|pending|missing)\b|\b(?:will|shall|to be (?:added|built|written|done)|not yet|planned|proposed)\b/i;
