// Calendar dates as the model keeps them: ISO yyyy-mm-dd that name a real day. A typo such as 2026-13-05 is not a
// date: it never reaches date arithmetic or chrono-node (which loops forever on an Invalid Date reference).

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is yyyy-mm-dd and names a day that exists (no month 13, no 31 April, 29 February only in leap years). */
export function isIsoDay(s: string | undefined): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DAY_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Noon UTC of an ISO day, or undefined when the string is not a real day (never an Invalid Date). */
export function isoDayToDate(s: string | undefined): Date | undefined {
  if (!isIsoDay(s)) return undefined;
  const d = new Date(`${s}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A Date as yyyy-mm-dd, or undefined for an Invalid Date or a year outside 0000–9999. */
export function dateToIsoDay(d: Date): string | undefined {
  const t = d.getTime();
  if (Number.isNaN(t)) return undefined;
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return undefined;
  return d.toISOString().slice(0, 10);
}
