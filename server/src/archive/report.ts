// The archive report: what is overdue and whose, which open items lack an owner or a date, how old the open items
// are, and per quarter whether the team writes items with an owner and a date. Pure: built from archive records
// (archive/entry.ts), whose item facts come from model/items.ts. The formats (archive/formats.ts) only lay it out.
import { daysBetweenIso } from '../model/items';
import type { ArchiveItem, ArchivePostmortem } from '../protocol';

/** An item with the postmortem it belongs to. */
export interface ReportRow extends ArchiveItem {
  file: string;
  postmortem: string;
  /** Incident date (ISO) of the postmortem, when it has one. */
  incidentDate?: string;
  /** Days since the incident, for live items of a dated postmortem. */
  ageDays?: number;
  /** Open and not deferred. */
  live: boolean;
}

export interface OwnerOverdue {
  owner: string;
  items: number;
  /** The most days any of the owner's items is overdue. */
  maxDays: number;
}

export interface AgeBucket {
  label: string;
  /** Inclusive lower bound in days; undefined for "no incident date". */
  min?: number;
  open: number;
}

export interface QuarterShare {
  /** "2026-Q1". */
  quarter: string;
  /** Items written in postmortems of that quarter (deferred ones left out). */
  items: number;
  /** Of those, items with an owner and an absolute due date. */
  withOwnerAndDate: number;
  /** withOwnerAndDate / items, 0–1. */
  share: number;
}

export interface ArchiveReport {
  today: string;
  since?: string;
  until?: string;
  postmortems: number;
  counts: { total: number; open: number; done: number; notDoing: number; unclear: number; deferred: number; overdue: number; noOwner: number; noDate: number };
  overdueByOwner: OwnerOverdue[];
  /** Live overdue items, most days overdue first. */
  overdue: ReportRow[];
  /** Live items without an owner or an absolute date, oldest postmortem first. */
  gaps: ReportRow[];
  age: AgeBucket[];
  quarters: QuarterShare[];
  /** Every item (deferred ones included), in postmortem order (newest incident first) then document order. */
  rows: ReportRow[];
  /** The postmortems the report covers, in the same order. */
  sources: ArchivePostmortem[];
}

export const NO_OWNER = '(no owner)';

const AGE_BUCKETS: { label: string; min: number }[] = [
  { label: 'under 30 days', min: 0 },
  { label: '30–89 days', min: 30 },
  { label: '90–179 days', min: 90 },
  { label: '180–364 days', min: 180 },
  { label: '1 year or more', min: 365 },
];

const isIso = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The postmortem's incident date when it is an ISO date. */
export function incidentDate(p: ArchivePostmortem): string | undefined {
  return isIso(p.date) ? p.date : undefined;
}

/**
 * Postmortems whose incident date lies in [since, until] (both inclusive, ISO). With either bound set, a postmortem
 * without an ISO incident date is left out: it cannot be placed in the period.
 */
export function filterByIncidentDate(list: ArchivePostmortem[], since?: string, until?: string): ArchivePostmortem[] {
  if (!since && !until) return list;
  return list.filter((p) => {
    const d = incidentDate(p);
    return !!d && (!since || d >= since) && (!until || d <= until);
  });
}

export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

export function buildReport(postmortems: ArchivePostmortem[], today: string, filter: { since?: string; until?: string } = {}): ArchiveReport {
  const sources = filterByIncidentDate(postmortems, filter.since, filter.until)
    .slice()
    .sort((a, b) => (incidentDate(b) ?? '').localeCompare(incidentDate(a) ?? '') || a.file.localeCompare(b.file));
  const rows: ReportRow[] = [];
  for (const p of sources) {
    const date = incidentDate(p);
    for (const item of p.items) {
      const live = item.status === 'open' && !item.deferred;
      const age = live && date ? daysBetweenIso(date, today) : undefined;
      rows.push({ ...item, file: p.file, postmortem: p.title, incidentDate: date, ageDays: age !== undefined ? Math.max(0, age) : undefined, live });
    }
  }
  const counted = rows.filter((r) => !r.deferred);
  const live = counted.filter((r) => r.live);
  const overdue = live.filter((r) => r.overdueDays !== undefined).sort((a, b) => b.overdueDays! - a.overdueDays! || a.file.localeCompare(b.file));

  const byOwner = new Map<string, OwnerOverdue>();
  for (const r of overdue) {
    const owner = r.owner ?? NO_OWNER;
    const o = byOwner.get(owner) ?? { owner, items: 0, maxDays: 0 };
    o.items++;
    o.maxDays = Math.max(o.maxDays, r.overdueDays!);
    byOwner.set(owner, o);
  }

  const age: AgeBucket[] = AGE_BUCKETS.map((b) => ({ ...b, open: 0 }));
  let undated = 0;
  for (const r of live) {
    if (r.ageDays === undefined) undated++;
    else {
      let i = AGE_BUCKETS.length - 1;
      while (i > 0 && r.ageDays < AGE_BUCKETS[i].min) i--;
      age[i].open++;
    }
  }
  if (undated) age.push({ label: 'no incident date', open: undated });

  const quarters = new Map<string, QuarterShare>();
  for (const r of counted) {
    if (!r.incidentDate) continue;
    const q = quarterOf(r.incidentDate);
    const s = quarters.get(q) ?? { quarter: q, items: 0, withOwnerAndDate: 0, share: 0 };
    s.items++;
    if (r.owner !== undefined && r.dueIsDate) s.withOwnerAndDate++;
    quarters.set(q, s);
  }
  for (const s of quarters.values()) s.share = s.items ? s.withOwnerAndDate / s.items : 0;

  return {
    today,
    since: filter.since,
    until: filter.until,
    postmortems: sources.length,
    counts: {
      total: counted.length,
      open: live.length,
      done: counted.filter((r) => r.status === 'done').length,
      notDoing: counted.filter((r) => r.status === 'not-doing').length,
      unclear: counted.filter((r) => r.status === 'unknown').length,
      deferred: rows.length - counted.length,
      overdue: overdue.length,
      noOwner: live.filter((r) => r.noOwner).length,
      noDate: live.filter((r) => r.noDate).length,
    },
    overdueByOwner: [...byOwner.values()].sort((a, b) => b.items - a.items || b.maxDays - a.maxDays || a.owner.localeCompare(b.owner)),
    overdue,
    gaps: live.filter((r) => r.noOwner || r.noDate).sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || a.file.localeCompare(b.file)),
    age,
    quarters: [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    rows,
    sources,
  };
}
