// The archive report as markdown: the counts, the items that need attention, and a table per postmortem.
import { NO_OWNER, type ArchiveReport, type ReportRow } from './report';
import { countsSentence, gapsSentence, heading, missing, pct, plural, scope, statusWord } from './format-text';

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

