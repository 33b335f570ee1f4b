// ISO date arithmetic (UTC, no time zone surprises) and the due dates every face offers.
import { memoByText } from '../../model/memo';

/** The example due date every face shows (messages, hover, prompts): the "in 2 weeks" choice. */
export function exampleDueDate(today: string): string {
  return dateChoices(today)[1].value;
}

/** yyyy-mm-dd plus n days (UTC arithmetic, no time zone surprises). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, (m || 1) - 1, d || 1) + n * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a), both yyyy-mm-dd. */
export function daysBetween(a: string, b: string): number {
  const p = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1);
  };
  return Math.round((p(b) - p(a)) / 86_400_000);
}

/** The last day of the month `monthsAhead` after the month of `iso`. */
export function endOfMonth(iso: string, monthsAhead = 0): string {
  const [y, m] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) + monthsAhead, 0)).toISOString().slice(0, 10);
}

/**
 * The due dates every face offers (quick fixes, the VS Code date prompt, `due ` completion): in 1 week, in 2 weeks,
 * end of this month (end of next month when this one ends within a week). Computed here once.
 */
export function dateChoices(today: string): { label: string; value: string; description: string }[] {
  // asked once per open item without a due date: worked out once per day (a copy each time: callers may change theirs)
  return choicesOn(today).map((c) => ({ ...c }));
}

const choicesOn = memoByText((today: string): { label: string; value: string; description: string }[] => {
  const eom = endOfMonth(today);
  const soon = addDays(today, 7) >= eom;
  const c = (value: string, label: string) => ({ label, value, description: value });
  return [
    c(addDays(today, 7), 'in 1 week'),
    c(addDays(today, 14), 'in 2 weeks'),
    soon ? c(endOfMonth(today, 1), 'end of next month') : c(eom, 'end of this month'),
  ];
});
