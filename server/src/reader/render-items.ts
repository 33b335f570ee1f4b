// The reader view's action-item tables: one row per item with its owner, due date, priority, status, ticket and the
// findings on it, and the deferred items (explicitly let go) in a table of their own.
import type { ReaderActionItem, ReaderModel } from '../protocol';
import { escapeHtml, lineLink, plural } from './markup';

function statusLabel(i: ReaderActionItem, deferred: boolean): string {
  if (i.status === 'done') return 'Done';
  if (deferred) return 'Deferred';
  if (i.status === 'not-doing') return 'Not doing';
  if (i.status === 'unknown') return 'Status unclear';
  return 'Open';
}

const FINDING_LABELS: Record<string, string> = {
  'action-item-priority': 'no priority',
  'action-item-low-priority': 'low priority',
  'action-item-vague': 'vague',
  'action-item-ticket': 'no ticket',
  'action-item-changes-people': 'changes people, not systems',
  'action-item-due-window': 'due late',
};

function findingLabel(ruleId: string): string {
  return FINDING_LABELS[ruleId] ?? ruleId.replace(/^action-items?-/, '').replace(/-/g, ' ');
}

function itemRow(i: ReaderActionItem, standalone: boolean, deferred: boolean): string {
  const classes = [deferred ? 'deferred-item' : 'action-item'];
  if (i.overdue) classes.push('overdue');
  if (i.noOwner) classes.push('no-owner');
  if (i.noDate) classes.push('no-date');
  if (i.status === 'done') classes.push('done');
  if (i.status === 'not-doing') classes.push('not-doing');
  const flags: string[] = [];
  if (!deferred) {
    if (i.status === 'done') flags.push('<span class="flag done">done</span>');
    const fromRules = new Set(i.findings.map((f) => f.ruleId));
    if (i.lowPriority && i.status === 'open' && !fromRules.has('action-item-low-priority')) {
      flags.push('<span class="flag low-priority" title="Low-priority items rarely get done: commit to it or let it go.">low priority</span>');
    }
    for (const f of i.findings) flags.push(`<span class="flag finding" data-rule="${escapeHtml(f.ruleId)}" title="${escapeHtml(f.message)}">${escapeHtml(findingLabel(f.ruleId))}</span>`);
  }
  const owner = i.owner
    ? escapeHtml(i.owner)
    : i.noOwner
      ? `<span class="flag no-owner">no owner</span>${i.ownerPlaceholder ? ` <span class="muted">${escapeHtml(i.ownerPlaceholder)}</span>` : ''}`
      : `<span class="muted">${escapeHtml(i.ownerPlaceholder ?? '—')}</span>`;
  const due = i.overdue
    ? `${escapeHtml(i.due)} <span class="flag overdue">overdue ${escapeHtml(plural(i.overdueDays ?? 0, 'day'))}</span>`
    : i.noDate
      ? `${i.due ? `<span class="muted">${escapeHtml(i.due)}</span> ` : ''}<span class="flag no-date">no date</span>`
      : escapeHtml(i.due ?? '—');
  const tickets = i.tickets.length
    ? i.tickets
        .map((t) => (/^https?:\/\//i.test(t) ? `<a href="${escapeHtml(t)}">${escapeHtml(t.replace(/^https?:\/\/(www\.)?/i, '').slice(0, 48))}</a>` : escapeHtml(t)))
        .join(', ')
    : '<span class="muted">—</span>';
  const cell = (cls: string, label: string, html: string, empty = false) =>
    `<td class="${cls}${empty ? ' none' : ''}" data-label="${label}">${html}</td>`;
  return (
    `<tr class="${classes.join(' ')}" data-line="${i.location.line}">` +
    `<td class="action">${i.group ? `<span class="group">${escapeHtml(i.group)}</span>` : ''}${escapeHtml(i.text)} ${flags.join('')}</td>` +
    cell('owner', 'Owner', owner) +
    cell('due', 'Due', due) +
    cell('priority', 'Priority', escapeHtml(i.priority ?? '—'), !i.priority) +
    cell('status', 'Status', statusLabel(i, deferred)) +
    cell('ticket', 'Ticket', tickets, !i.tickets.length) +
    `<td class="where">${lineLink(i.location, standalone)}</td>` +
    `</tr>`
  );
}

const ITEM_HEAD = '<thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Priority</th><th>Status</th><th>Ticket</th><th></th></tr></thead>';

export function actionItemsSection(m: ReaderModel, standalone: boolean): string {
  const body = m.actionItems.length
    ? `<table class="action-items">${ITEM_HEAD}<tbody>${m.actionItems.map((i) => itemRow(i, standalone, false)).join('')}</tbody></table>`
    : `<p class="empty">No action items found. A postmortem that changes things ends with 3–5 items, each with one owner and an absolute date.</p>`;
  const deferred = m.deferredItems.length
    ? `<h3 id="deferred-heading">Deferred (explicitly let go)</h3><table class="deferred-items">${ITEM_HEAD}<tbody>${m.deferredItems
        .map((i) => itemRow(i, standalone, true))
        .join('')}</tbody></table>`
    : '';
  return `<section class="action-items-section" id="action-items"><h2>Action items</h2>${body}${deferred}</section>`;
}

