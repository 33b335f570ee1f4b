// The archive report laid out as markdown, HTML (the reader view's styles, an inline SVG chart, no script, a CSP that
// allows only the page's own stylesheet), CSV (one row per action item) and JSON. Pure: every number comes from
// archive/report.ts.
import type { ArchiveReport, ReportRow } from './report';
import { reportMarkdown } from './format-markdown';
import { reportHtml } from './format-html';
import { missing, statusWord } from './format-text';

export const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: ArchiveReport, format: ReportFormat): string {
  switch (format) {
    case 'html':
      return reportHtml(report);
    case 'csv':
      return reportCsv(report);
    case 'json':
      return reportJson(report);
    default:
      return reportMarkdown(report);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per action item (RFC 4180), for spreadsheets

const CSV_HEADER = ['file', 'line', 'postmortem', 'incident_date', 'severity', 'status', 'action', 'owner', 'due', 'days_overdue', 'priority', 'ticket', 'missing'];

/**
 * A CSV field: quoted when it holds a comma, quote or line break. A cell a spreadsheet would run as a formula
 * (=, +, -, or @ followed by a call) gets a leading apostrophe; a plain @handle is left as written.
 */
function csvField(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-\t\r]/.test(s) || /^@.*\(/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(r: ArchiveReport): string {
  const sev = new Map(r.sources.map((p) => [p.file, p.severity]));
  const lines = [CSV_HEADER.join(',')];
  for (const x of r.rows) {
    lines.push(
      [x.file, x.location.line + 1, x.postmortem, x.incidentDate, sev.get(x.file), statusWord(x), x.text, x.owner, x.due, x.overdueDays, x.priority, x.ticket, missing(x)]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// JSON

export function reportJson(r: ArchiveReport): string {
  const ref = (x: ReportRow) => ({ file: x.file, line: x.location.line + 1, text: x.text, owner: x.owner, due: x.due, overdueDays: x.overdueDays });
  return (
    JSON.stringify(
      {
        today: r.today,
        since: r.since,
        until: r.until,
        counts: { postmortems: r.postmortems, ...r.counts },
        overdueByOwner: r.overdueByOwner,
        overdue: r.overdue.map(ref),
        gaps: r.gaps.map((x) => ({ ...ref(x), noOwner: x.noOwner, noDate: x.noDate })),
        age: r.age,
        quarters: r.quarters,
        postmortems: r.sources,
      },
      null,
      2,
    ) + '\n'
  );
}

