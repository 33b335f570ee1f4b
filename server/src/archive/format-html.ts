// The archive report as a self-contained HTML page: the reader view's styles, an inline SVG chart, no script, and a CSP
// that allows only the page's own stylesheet.
import { createHash } from 'node:crypto';
import { READER_CSS } from '../reader/styles';
import { escapeHtml } from '../reader/markup';
import { NO_OWNER, type ArchiveReport, type ReportRow } from './report';
import { countsSentence, gapsSentence, heading, pct, plural, scope, statusWord } from './format-text';

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
