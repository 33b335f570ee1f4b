// The archive report laid out as markdown, HTML (the reader view's styles, an inline SVG chart, no script, a CSP that
// allows only the page's own stylesheet), CSV (one row per action item) and JSON. Pure: every number comes from
// archive/report.ts.
import { createHash } from 'node:crypto';
import { READER_CSS } from '../reader/styles';
import { escapeHtml } from '../reader/markup';
import { NO_OWNER, type ArchiveReport, type ReportRow } from './report';

export const REPORT_FORMATS = ['markdown', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pct = (share: number) => `${Math.round(share * 100)}%`;

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

/** "Action items across 4 postmortems" */
function heading(r: ArchiveReport): string {
  return `Action items across ${plural(r.postmortems, 'postmortem')}`;
}

/** "As of 2026-03-01 (incidents from 2025-01-01 to 2025-12-31)." */
function scope(r: ArchiveReport): string {
  const period = r.since && r.until ? ` (incidents from ${r.since} to ${r.until})` : r.since ? ` (incidents since ${r.since})` : r.until ? ` (incidents until ${r.until})` : '';
  return `As of ${r.today}${period}.`;
}

/** "23 action items: 12 open, 9 done, 2 not doing (3 deferred, not counted)." */
function countsSentence(r: ArchiveReport): string {
  const c = r.counts;
  const parts = [`${c.open} open`, `${c.done} done`];
  if (c.notDoing) parts.push(`${c.notDoing} not doing`);
  if (c.unclear) parts.push(`${c.unclear} with a status that can't be read`);
  const deferred = c.deferred ? ` (${c.deferred} deferred, not counted)` : '';
  return `${plural(c.total, 'action item')}: ${parts.join(', ')}${deferred}.`;
}

/** "Of the open items, 4 are overdue, 3 have no owner and 5 have no due date." */
function gapsSentence(r: ArchiveReport): string {
  const c = r.counts;
  if (!c.open) return 'No open items.';
  if (!c.overdue && !c.noOwner && !c.noDate) return 'Every open item has an owner and a due date, and none is overdue.';
  return `Of the open items, ${c.overdue} ${c.overdue === 1 ? 'is' : 'are'} overdue, ${c.noOwner} ${c.noOwner === 1 ? 'has' : 'have'} no owner and ${c.noDate} ${c.noDate === 1 ? 'has' : 'have'} no due date.`;
}

const statusWord = (r: ReportRow) => (r.deferred ? 'deferred' : r.status === 'not-doing' ? 'not doing' : r.status === 'unknown' ? 'status unclear' : r.status);
const missing = (r: ReportRow) => [r.noOwner ? 'owner' : '', r.noDate ? (r.due ? `date ('${r.due}' is not one)` : 'date') : ''].filter(Boolean).join(', ');

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text for a markdown table cell: one line, pipes and markdown marks escaped. */
function md(s: string | number | undefined): string {
  if (s === undefined || s === '') return '—';
  return String(s).replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** A link to the item's line: `[Title](path#L12)` (GitHub and most markdown viewers jump to the line). */
function mdWhere(r: ReportRow): string {
  const href = r.file.replace(/[ ()]/g, (c) => encodeURIComponent(c));
  return `[${md(r.postmortem)}](${href}#L${r.location.line + 1})`;
}

function mdTable(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function reportMarkdown(r: ArchiveReport): string {
  const out: string[] = [`# ${heading(r)}`, '', `${scope(r)} ${countsSentence(r)} ${gapsSentence(r)}`, ''];

  out.push('## Overdue by owner', '');
  if (r.overdueByOwner.length) {
    out.push(mdTable(['Owner', 'Overdue items', 'Most days overdue'], ['l', 'r', 'r'], r.overdueByOwner.map((o) => [md(o.owner), String(o.items), String(o.maxDays)])), '');
    out.push(
      mdTable(
        ['Days overdue', 'Action', 'Owner', 'Due', 'Priority', 'Ticket', 'Postmortem'],
        ['r', 'l', 'l', 'l', 'l', 'l', 'l'],
        r.overdue.map((x) => [String(x.overdueDays), md(x.text), md(x.owner ?? NO_OWNER), md(x.due), md(x.priority), md(x.ticket), mdWhere(x)]),
      ),
      '',
    );
  } else out.push('Nothing is overdue.', '');

  out.push('## Open items without an owner or a date', '');
  if (r.gaps.length) {
    out.push(
      mdTable(
        ['Missing', 'Action', 'Owner', 'Due', 'Incident', 'Postmortem'],
        ['l', 'l', 'l', 'l', 'l', 'l'],
        r.gaps.map((x) => [md(missing(x)), md(x.text), md(x.owner), md(x.due), md(x.incidentDate), mdWhere(x)]),
      ),
      '',
    );
  } else out.push('Every open item has an owner and a due date.', '');

  out.push('## Age of open items', '', 'Days since the incident, for items still open.', '');
  out.push(mdTable(['Age', 'Open items'], ['l', 'r'], r.age.map((b) => [b.label, String(b.open)])), '');

  out.push('## Owner and date, per quarter', '', 'Share of the action items written in each quarter that had an owner and an absolute due date.', '');
  if (r.quarters.length) {
    out.push(mdTable(['Quarter', 'Items', 'With owner and date', 'Share'], ['l', 'r', 'r', 'r'], r.quarters.map((q) => [q.quarter, String(q.items), String(q.withOwnerAndDate), pct(q.share)])), '');
  } else out.push('No postmortem has an incident date (front matter `date: YYYY-MM-DD`).', '');

  out.push('## All action items', '');
  if (r.rows.length) {
    out.push(
      mdTable(
        ['Status', 'Action', 'Owner', 'Due', 'Priority', 'Ticket', 'Postmortem'],
        ['l', 'l', 'l', 'l', 'l', 'l', 'l'],
        r.rows.map((x) => [statusWord(x) + (x.overdueDays !== undefined ? `, ${plural(x.overdueDays, 'day')} overdue` : ''), md(x.text), md(x.owner), md(x.due), md(x.priority), md(x.ticket), mdWhere(x)]),
      ),
      '',
    );
  } else out.push('No action items.', '');
  return out.join('\n');
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

// ---------------------------------------------------------------------------------------------
// HTML

const REPORT_CSS = `
.report-summary { font-size: 1.05em; }
.report-counts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 14px 0 0; }
.report-counts .fact dd { font-size: 1.4em; }
.report-counts .fact.bad dd { color: var(--pm-error); }
td.num, th.num { text-align: right; white-space: nowrap; }
table.overdue-owners, table.age, table.quarters { width: auto; min-width: 24em; }
td.incident, td.missing { white-space: nowrap; }
td.where { font-size: .9em; }
td.where .path { display: block; font-family: var(--pm-mono); font-size: .85em; color: var(--pm-muted); }
figure.chart { margin: 1em 0; }
figure.chart figcaption { color: var(--pm-muted); font-size: .9em; }
svg.share-chart { max-width: 100%; height: auto; }
svg.share-chart text { fill: var(--pm-fg); font-family: var(--pm-font); font-size: 12px; }
svg.share-chart text.muted { fill: var(--pm-muted); }
svg.share-chart line.grid { stroke: var(--pm-border); stroke-width: 1; }
svg.share-chart rect.bar { fill: var(--pm-info); }
svg.share-chart rect.bar.low { fill: var(--pm-warning); }
svg.share-chart rect.track { fill: var(--pm-card); }
`;

const h = escapeHtml;

/** Bars of the per-quarter share of items with an owner and a date (0–100%), drawn as inline SVG. */
export function shareChartSvg(r: ArchiveReport): string {
  const qs = r.quarters;
  const barW = 36;
  const gap = 22;
  const left = 40;
  const top = 22;
  const plotH = 120;
  const width = left + qs.length * (barW + gap) + gap;
  const height = top + plotH + 40;
  const y = (share: number) => top + plotH - share * plotH;
  const parts: string[] = [];
  for (const g of [0, 0.5, 1]) {
    parts.push(`<line class="grid" x1="${left}" x2="${width - 4}" y1="${y(g)}" y2="${y(g)}"/>`);
    parts.push(`<text class="muted" x="${left - 6}" y="${y(g) + 4}" text-anchor="end">${pct(g)}</text>`);
  }
  qs.forEach((q, i) => {
    const x = left + gap + i * (barW + gap);
    const label = `${q.quarter}: ${q.withOwnerAndDate} of ${plural(q.items, 'item')} had an owner and a date (${pct(q.share)})`;
    parts.push(
      `<g><title>${h(label)}</title>` +
        `<rect class="track" x="${x}" y="${top}" width="${barW}" height="${plotH}"/>` +
        `<rect class="bar${q.share < 0.5 ? ' low' : ''}" x="${x}" y="${y(q.share).toFixed(1)}" width="${barW}" height="${(q.share * plotH).toFixed(1)}"/>` +
        `<text x="${x + barW / 2}" y="${(y(q.share) - 5).toFixed(1)}" text-anchor="middle">${pct(q.share)}</text>` +
        `<text class="muted" x="${x + barW / 2}" y="${top + plotH + 16}" text-anchor="middle">${h(q.quarter.slice(5))}</text>` +
        `<text class="muted" x="${x + barW / 2}" y="${top + plotH + 30}" text-anchor="middle">${h(q.quarter.slice(0, 4))}</text></g>`,
    );
  });
  return (
    `<svg class="share-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="Share of action items with an owner and a due date, per quarter">${parts.join('')}</svg>`
  );
}

function whereCell(x: ReportRow): string {
  return `<td class="where">${h(x.postmortem)}<span class="path">${h(x.file)}:${x.location.line + 1}</span></td>`;
}

function table(cls: string, header: [string, boolean?][], rows: string[]): string {
  const th = header.map(([label, num]) => `<th${num ? ' class="num"' : ''}>${h(label)}</th>`).join('');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const cell = (cls: string, v: string | number | undefined) => `<td class="${cls}">${v === undefined || v === '' ? '<span class="muted">—</span>' : h(v)}</td>`;

export function reportHtml(r: ArchiveReport): string {
  const c = r.counts;
  const fact = (label: string, n: number, bad = false) => `<div class="fact${bad && n ? ' bad' : ''}"><dt>${h(label)}</dt><dd>${n}</dd></div>`;
  const body: string[] = [];
  body.push(
    `<header class="header-card"><h1>${h(heading(r))}</h1>` +
      `<p class="report-summary">${h(scope(r))} ${h(countsSentence(r))} ${h(gapsSentence(r))}</p>` +
      `<dl class="report-counts">${fact('Open', c.open)}${fact('Overdue', c.overdue, true)}${fact('No owner', c.noOwner, true)}${fact('No due date', c.noDate, true)}${fact('Done', c.done)}</dl></header>`,
  );

  body.push('<section id="overdue"><h2>Overdue by owner</h2>');
  if (r.overdueByOwner.length) {
    body.push(table('overdue-owners', [['Owner'], ['Overdue items', true], ['Most days overdue', true]], r.overdueByOwner.map((o) => `<tr>${cell('owner', o.owner)}<td class="num">${o.items}</td><td class="num">${o.maxDays}</td></tr>`)));
    body.push(
      table(
        'action-items overdue-items',
        [['Days overdue', true], ['Action'], ['Owner'], ['Due'], ['Priority'], ['Ticket'], ['Postmortem']],
        r.overdue.map(
          (x) => `<tr class="action-item overdue"><td class="num">${x.overdueDays}</td>${cell('action', x.text)}${cell('owner', x.owner ?? NO_OWNER)}${cell('due', x.due)}${cell('priority', x.priority)}${cell('ticket', x.ticket)}${whereCell(x)}</tr>`,
        ),
      ),
    );
  } else body.push('<p class="empty">Nothing is overdue.</p>');
  body.push('</section>');

  body.push('<section id="gaps"><h2>Open items without an owner or a date</h2>');
  if (r.gaps.length) {
    body.push(
      table(
        'action-items gap-items',
        [['Missing'], ['Action'], ['Owner'], ['Due'], ['Incident'], ['Postmortem']],
        r.gaps.map(
          (x) =>
            `<tr class="action-item${x.noOwner ? ' no-owner' : ''}${x.noDate ? ' no-date' : ''}"><td class="missing">${x.noOwner ? '<span class="flag no-owner">no owner</span>' : ''}${x.noDate ? '<span class="flag no-date">no date</span>' : ''}</td>` +
            `${cell('action', x.text)}${cell('owner', x.owner)}${cell('due', x.due)}${cell('incident', x.incidentDate)}${whereCell(x)}</tr>`,
        ),
      ),
    );
  } else body.push('<p class="empty">Every open item has an owner and a due date.</p>');
  body.push('</section>');

  body.push('<section id="age"><h2>Age of open items</h2><p class="muted">Days since the incident, for items still open.</p>');
  body.push(table('age', [['Age'], ['Open items', true]], r.age.map((b) => `<tr>${cell('age', b.label)}<td class="num">${b.open}</td></tr>`)));
  body.push('</section>');

  body.push('<section id="quarters"><h2>Owner and date, per quarter</h2>');
  if (r.quarters.length) {
    body.push(
      `<figure class="chart">${shareChartSvg(r)}<figcaption>Share of the action items written in each quarter that had an owner and an absolute due date.</figcaption></figure>`,
      table(
        'quarters',
        [['Quarter'], ['Items', true], ['With owner and date', true], ['Share', true]],
        r.quarters.map((q) => `<tr>${cell('quarter', q.quarter)}<td class="num">${q.items}</td><td class="num">${q.withOwnerAndDate}</td><td class="num">${pct(q.share)}</td></tr>`),
      ),
    );
  } else body.push('<p class="empty">No postmortem has an incident date (front matter <code>date: YYYY-MM-DD</code>).</p>');
  body.push('</section>');

  body.push('<section id="all-items"><h2>All action items</h2>');
  if (r.rows.length) {
    body.push(
      table(
        'action-items all-items',
        [['Status'], ['Action'], ['Owner'], ['Due'], ['Priority'], ['Ticket'], ['Postmortem']],
        r.rows.map((x) => {
          const cls = ['action-item', x.deferred ? 'not-doing' : x.status, x.overdueDays !== undefined ? 'overdue' : '', x.noOwner ? 'no-owner' : '', x.noDate ? 'no-date' : ''].filter(Boolean).join(' ');
          const due = x.overdueDays !== undefined ? `${h(x.due)} <span class="flag overdue">overdue ${h(plural(x.overdueDays, 'day'))}</span>` : x.due ? h(x.due) : '<span class="muted">—</span>';
          return `<tr class="${cls}">${cell('status', statusWord(x))}${cell('action', x.text)}${cell('owner', x.owner)}<td class="due">${due}</td>${cell('priority', x.priority)}${cell('ticket', x.ticket)}${whereCell(x)}</tr>`;
        }),
      ),
    );
  } else body.push('<p class="empty">No action items.</p>');
  body.push('</section>');

  const css = READER_CSS + REPORT_CSS;
  // Only this page's own stylesheet may apply: no script, no remote resources, no other inline style.
  const csp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="postmortem-lint">` +
    `<title>${h(heading(r))}</title><style>${css}</style></head>` +
    `<body class="pm-reader standalone pm-report"><main id="reader-root">\n${body.join('\n')}\n</main>` +
    `<footer class="reader-footer">Written by postmortem-lint report.</footer></body></html>\n`
  );
}
