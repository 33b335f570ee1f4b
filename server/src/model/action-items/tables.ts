// Action items written as table rows: columns are given roles (action, owner, due, priority, status, ticket) by header.
import type { Table, TableRow } from 'mdast';
import type { ActionItem, Section, TableInfo } from '../types';
import { findOwners, findPriority, findStatus, findTickets, parseOwnerCell, parsePriorityCell, statusOfSentence, statusOfWord, withoutLeadingMarker, type Hit, type Segment } from '../fields';
import { findDue, parseDueCell } from '../due';
import { dedupe, dueField, endOf, groupOf, isUnfilledPlaceholder, saysNoEntry, linkTickets, maskedSegment, plain, startOf, toField, type ParseContext } from './common';
import { pushAll } from '../scan';
import { localColumnRole, localStatusWord } from './table-words';
import { guardAsksForWork, guardColumn } from './guard-tables';

const COLUMN_ROLES: [keyof TableInfo['columns'], RegExp][] = [
  ['owner', /\b(owners?|assignees?|dri|who|responsible|lead|assigned)\b/i],
  ['due', /\b(due( date)?|deadline|target( date)?|eta|when|by|date)\b/i],
  ['priority', /\b(priority|prio|pri|importance)\b/i],
  ['status', /\b(status|state|done|progress)\b/i],
  ['ticket', /\b(tickets?|issues?|bugs?|links?|references?|ref|jira|prs?|tracking|tracker)\b/i],
  ['action', /\b(action( items?)?|items?|tasks?|what|descriptions?|todo|follow[- ]?ups?|remediation|fix|(?:counter)?measures?)\b/i],
];

/** Column role → index, from the header cells (English words first, then other languages'). */
export function columnRoles(header: string[]): TableInfo['columns'] {
  const columns: TableInfo['columns'] = {};
  header.forEach((h, i) => {
    for (const [role, re] of COLUMN_ROLES) {
      if (columns[role] === undefined && re.test(h)) {
        columns[role] = i;
        return;
      }
    }
    const local = localColumnRole(h);
    if (local && columns[local] === undefined) columns[local] = i;
  });
  return columns;
}

/** Content ranges of each cell of a table row, computed from the source so empty cells get a place too. */
function cellRanges(text: string, row: TableRow): [number, number][] {
  const s = startOf(row);
  const e = endOf(row);
  const out: [number, number][] = [];
  for (const cell of row.children) {
    let cs = startOf(cell);
    let ce = endOf(cell);
    if (text[cs] === '|') cs++;
    // a row's closing pipe may be followed by blanks ("| a |  "), which the last cell's position includes
    let end = ce;
    while (end > cs && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (end > cs && text[end - 1] === '|' && text[end - 2] !== '\\') ce = end - 1;
    const raw = text.slice(cs, ce);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push([cs + lead, cs + lead + trimmed.length]);
    else {
      const mid = Math.min(cs + 1, ce);
      out.push([mid, mid]);
    }
  }
  void s;
  void e;
  return out;
}

export function tableItems(table: Table, ctx: ParseContext, section: Section, deferred: boolean): ActionItem[] {
  const { text, lines } = ctx;
  const [headerRow, ...rows] = table.children;
  if (!headerRow) return [];
  const header = headerRow.children.map((c) => plain(c));
  const columns = columnRoles(header);
  if (columns.status === undefined) columns.status = unnamedStatusColumn(rows, header, columns);
  // "| Action Item | Owner | Tracking bug | Notes |" with "Done" in a row's Notes cell: that row's status
  // (or, with no notes column, a Reference cell that is only a status word linked to the commit: "[Utført](…)", "[Done](…)")
  const notesColumn = columns.status === undefined ? header.findIndex((h, i) => NOTES_HEADER_RE.test(h) && !Object.values(columns).includes(i)) : -1;
  const notes = notesColumn < 0 && columns.status === undefined && columns.ticket !== undefined ? columns.ticket : notesColumn;
  if (columns.action === undefined && checksTable(rows, columns.status)) return [];
  const guard = guardColumn(header, columns);
  if (columns.action === undefined) {
    const used = new Set(Object.values(columns));
    const free = header.findIndex((_, i) => !used.has(i));
    columns.action = free >= 0 ? free : 0;
  }
  const out: ActionItem[] = [];
  for (const row of rows) {
    const cells = cellRanges(text, row);
    const cellText = row.children.map((c) => plain(c));
    if (cellText.every((t) => !t || /^[-–—.…]+$/.test(t))) continue;
    const actionIdx = columns.action;
    const actionCell = row.children[actionIdx];
    const itemText = cellText[actionIdx] ?? '';
    // a template's row still holding its note ("{what we will change}", "{{ action }}"), as in a list: no item
    if (!actionCell || !itemText || isUnfilledPlaceholder(itemText) || saysNoEntry(itemText)) continue;
    // "| Retired value reintroduced | `[[retired]]` guards, one per finding |": a guard in place, not work
    if (guard !== undefined && !guardAsksForWork(cellText[guard] ?? '')) continue;
    // "| Never auto-ack a batch | Sigma | POLICY |": a standing rule kept in the action table, not work someone finishes
    if (columns.status !== undefined && STANDING_RULE_RE.test(cellText[columns.status]?.trim() ?? '')) continue;
    const seg = (i: number | undefined): Segment | undefined => {
      if (i === undefined || !row.children[i]) return undefined;
      const [a, b] = cells[i];
      return maskedSegment(text, row.children[i], a, b);
    };
    const actionSeg = seg(actionIdx)!;
    const owners: Hit<string>[] = [];
    let placeholder: Hit<string> | undefined;
    const ownerSeg = seg(columns.owner);
    // a short row whose cells slid left, so the owner column holds the status ("| Add capacity | Kari | Done |" under
    // "| Action | Type | Owner | Ref |"): a status, not a person
    const ownerStatus = ownerSeg && columns.status === undefined ? statusWordOf(ownerSeg.text) : undefined;
    if (ownerSeg && !ownerStatus) {
      const o = parseOwnerCell(ownerSeg);
      pushAll(owners, o.owners);
      placeholder = o.placeholder;
      if (!o.owners.length && !o.placeholder && !ownerSeg.text.trim()) placeholder = undefined;
    }
    // the same short row, the name slid into the column before the empty owner cell ("| Add a DB check | Geir Lund |  |")
    const slid = owners.length || placeholder ? undefined : slidOwnerColumn(rows, row, header.length, columns);
    if (slid !== undefined) pushAll(owners, parseOwnerCell(seg(slid)!).owners);
    const inlineOwners = findOwners(actionSeg);
    if (!owners.length) pushAll(owners, inlineOwners.owners);
    placeholder ??= inlineOwners.placeholder;
    const dueSeg = seg(columns.due);
    // "| … | platform | DONE in v2 |" under "| Action | Owner | Due |": the due cell says the work is finished (not "Done by
    // Friday", a date to finish by)
    const dueDone = !!dueSeg && columns.status === undefined && DUE_CELL_DONE_RE.test(dueSeg.text.trim());
    let due = dueSeg && !dueDone ? parseDueCell(dueSeg) : undefined;
    if (!due) due = findDue(actionSeg);
    const prSeg = seg(columns.priority);
    const priority = (prSeg ? parsePriorityCell(prSeg) : undefined) ?? findPriority(actionSeg);
    const stSeg = seg(columns.status);
    let status: ActionItem['status'] = 'open';
    let statusField: ActionItem['statusField'];
    if (stSeg && stSeg.text.trim() && !/^[-–—.…]+$/.test(stSeg.text.trim())) {
      // a status written but not readable ("Partly, see thread") is 'unknown': no rule guesses, the hover quotes it; a
      // sentence that says plainly the work is still to do ("[Plan](…), not deployed") is open
      const st = statusOfWord(stSeg.text) ?? localStatusWord(stSeg.text) ?? statusOfSentence(stSeg.text) ?? 'unknown';
      status = st;
      statusField = { value: st, text: stSeg.text.trim(), range: ctx.range(cells[columns.status!][0], cells[columns.status!][1]) };
    }
    if (dueDone && !statusField) {
      status = 'done';
      statusField = { value: 'done', text: dueSeg!.text.trim(), range: ctx.range(cells[columns.due!][0], cells[columns.due!][1]) };
    }
    if (ownerStatus) {
      status = ownerStatus;
      statusField = { value: ownerStatus, text: ownerSeg!.text.trim(), range: ctx.range(cells[columns.owner!][0], cells[columns.owner!][1]) };
    }
    // the status a Notes cell gives, else (with no Status column) a reference cell's "**DONE**" / "**TODO**" beside it
    const refAt = columns.status === undefined && columns.ticket !== undefined && columns.ticket !== notes ? columns.ticket : -1;
    const noteAt = [notes, refAt].find((i) => i >= 0 && seg(i) && statusWordOf(seg(i)!.text));
    if (!statusField && noteAt !== undefined) {
      const noteSeg = seg(noteAt)!;
      const noted = statusWordOf(noteSeg.text)!;
      status = noted;
      statusField = { value: noted, text: noteSeg.text.trim(), range: ctx.range(cells[noteAt][0], cells[noteAt][1]) };
    }
    // a reference cell that is only a link to a commit ("| https://github.com/…/commit/8571fd4 |"): the change was made
    const refCell = columns.status === undefined && columns.ticket !== undefined ? cells[columns.ticket] : undefined;
    if (!statusField && refCell && COMMIT_LINK_CELL_RE.test(text.slice(refCell[0], refCell[1]))) {
      status = 'done';
      statusField = { value: 'done', text: text.slice(refCell[0], refCell[1]), range: ctx.range(refCell[0], refCell[1]) };
    }
    if (!statusField || status === 'unknown') {
      const h = findStatus(actionSeg);
      if (h) {
        status = h.value;
        statusField = toField(h, ctx);
      }
    }
    const tSeg = seg(columns.ticket);
    const tickets = [
      ...linkTickets(row, ctx),
      ...findTickets(actionSeg).map((h) => toField(h, ctx)),
      ...(tSeg ? findTickets(tSeg).map((h) => toField(h, ctx)) : []),
    ];
    if (tSeg && tSeg.text.trim() && !tickets.length && !/^(n\/a|none|-|tbd)$/i.test(tSeg.text.trim())) {
      const [a, b] = cells[columns.ticket!];
      tickets.push({ value: tSeg.text.trim(), text: tSeg.text.trim(), range: ctx.range(a, b) });
    }
    const [as, ae] = cells[actionIdx];
    out.push({
      text: itemText,
      range: ctx.range(startOf(row), endOf(row)),
      textRange: ctx.range(as, ae),
      format: 'table-row',
      owners: dedupe(owners).map((h) => toField(h, ctx)),
      ownerPlaceholder: owners.length === 0 && placeholder ? toField(placeholder, ctx) : undefined,
      due: dueField(due, ctx),
      priority: priority ? toField(priority, ctx) : undefined,
      status,
      statusField,
      tickets,
      group: groupOf(section),
      section,
      deferred,
      subItems: [],
      table: {
        columns,
        cells: cells.map(([a, b]) => ctx.range(a, b)),
        headerRange: ctx.range(startOf(headerRow), endOf(headerRow)),
        header,
      },
      appendAt: lines.positionAt(ae),
    });
  }
  return out;
}

/** A status cell that names a standing rule rather than a state of work: "POLICY", "Rule", "Standing", "Standing rule". */
const STANDING_RULE_RE = /^(?:polic(?:y|ies)|rules?|standing(?: (?:rule|policy|order))?|principles?)$/i;

/**
 * A column with no role whose cells read as statuses (**DONE** / TODO / ONGOING), as in tables whose last header is
 * left blank. At least two cells (or the only one) must be status words, and none may be longer than a few words.
 */
function unnamedStatusColumn(rows: TableRow[], header: string[], columns: TableInfo['columns']): number | undefined {
  const used = new Set(Object.values(columns));
  for (let i = 0; i < header.length; i++) {
    if (used.has(i) || (header[i] && !/^[-–—?#]*$/.test(header[i]))) continue;
    const cells = rows.map((r) => (r.children[i] ? plain(r.children[i]) : '')).filter((t) => t && !/^[-–—.…]+$/.test(t));
    const readable = cells.filter((t) => statusOfWord(t) !== undefined);
    if (readable.length >= Math.min(2, cells.length) && readable.length > 0 && cells.every((t) => t.split(/\s+/).length <= 4)) return i;
  }
  return undefined;
}

/**
 * A row one cell short ("| Add a DB check | Geir Lund |  |" under "| Action | Type | Owner | Ref |"): the writer
 * skipped a cell, so the person's name sits in the column before the empty owner cell. Read only where that column has
 * no role, its cell is a person's name (two to four capitalised words) and the column's other rows hold something
 * else there ("Improvement"): a category written in every row is not a name. The column's index, or undefined.
 */
function slidOwnerColumn(rows: TableRow[], row: TableRow, width: number, columns: TableInfo['columns']): number | undefined {
  const o = columns.owner;
  // a disable comment put after the row's last pipe ("|  | <!-- postmortem-lint-disable-line … -->") is a cell of its own
  let cells = row.children.length;
  while (cells > 0 && row.children[cells - 1].children.length > 0 && row.children[cells - 1].children.every(commentOrBlank)) cells--;
  if (o === undefined || cells >= width || (row.children[o] && plain(row.children[o]).trim())) return undefined;
  const k = o - 1;
  if (k < 0 || Object.values(columns).includes(k) || !row.children[k]) return undefined;
  const name = plain(row.children[k]).trim();
  if (!PERSON_NAME_RE.test(name)) return undefined;
  const others = rows.filter((r) => r !== row).map((r) => (r.children[k] ? plain(r.children[k]).trim() : ''));
  return others.some((t) => t && t !== name && !PERSON_NAME_RE.test(t)) ? k : undefined;
}
const commentOrBlank = (n: TableRow['children'][number]['children'][number]): boolean => (n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())) || (n.type === 'text' && !n.value.trim());
const PERSON_NAME_RE = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,3}$/u;

/**
 * A cell of up to three words that is a status in English or another language ("Done", "[Utført](…)"), or undefined.
 * In a Bug column, "n/a DONE": no ticket, and the work done.
 */
function statusWordOf(cell: string): ActionItem['status'] | undefined {
  const t = cell.trim().replace(NO_TICKET_LEAD_RE, '');
  return t && t.split(/\s+/).length <= 3 ? (statusOfWord(t) ?? localStatusWord(t)) : undefined;
}

/** A due cell that reports the work finished: "DONE", "Done in v2", "✅ shipped" (not "Done by 2026-03-01"). */
const DUE_CELL_DONE_RE = /^(?:[*_ ✅✓]|✔\uFE0F?|☑\uFE0F?){0,4}(?:done|completed?|shipped|merged|released|fixed)\b(?![ \t]+(?:by|before|until)\b)/i;

/** "n/a ", "none " before the word that follows: no ticket to name. */
const NO_TICKET_LEAD_RE = /^(?:n\/a|none)\s+(?=\S)/i;

/** A cell holding one link to a commit, bare or behind a label: `https://…/commit/8571fd43…`, `[abc123](…/commit/abc123…)`. */
const COMMIT_LINK_CELL_RE = /^(?:\[[^\]\n]{1,80}\]\()?<?https?:\/\/[^\s()<>]{1,300}\/commits?\/[0-9a-f]{7,40}[^\s()<>]{0,200}>?\)?$/i;

/**
 * "| Parámetro | Estado | Valor |" over "| `doMobSpawning` | ✅ OK | `true` |": a checklist of settings or checks, each
 * found OK. No column names an action and every row's state is "OK": what was verified, not work anyone did or owes.
 */
function checksTable(rows: TableRow[], status: number | undefined): boolean {
  if (status === undefined || !rows.length) return false;
  return rows.every((r) => {
    const cell = r.children[status];
    return cell !== undefined && OK_CELL_RE.test(withoutLeadingMarker(plain(cell).trim()));
  });
}
const OK_CELL_RE = /^ok(?:ay)?$/i;

/** A free-text column beside the action; a cell of it that is only a status word ("Done") is that row's status. */
const NOTES_HEADER_RE = /^(?:notes?|comments?|remarks?)$/i;

/** A table that is an action-item list by its header alone: an Action / Task / Follow-up column and an owner, bug, due or status column. */
export function isActionTable(table: Table): boolean {
  const header = table.children[0]?.children.map((c) => plain(c).toLowerCase()) ?? [];
  const action = header.some((h) => /^(?:action(?: items?)?|actions|tasks?|todos?|to ?dos?|follow[- ]?ups?|remediation(?: items?)?|corrective actions?|(?:counter)?measures?)$/.test(h));
  const other = header.some((h) => /^(?:owners?|assignees?|dri|bugs?|tickets?|issues?|jira|due(?: date)?|deadline|status|state|eta)$/.test(h));
  return action && other;
}

/**
 * "| Follow-up | Owner | Acceptance criterion | Status |": the row's own cell under a column that states when the work
 * is finished ("Acceptance criteria", "Done when", "Definition of done", "Success criteria", "Exit criteria"), when it
 * is filled. A reader knows from it how the item will be judged done, whatever the action cell's words.
 */
export function finishConditionCell(text: string, item: ActionItem): string | undefined {
  const t = item.table;
  if (!t) return undefined;
  const col = t.header.findIndex((h) => FINISH_HEADER_RE.test(h.trim()));
  const cell = col >= 0 ? t.cells[col] : undefined;
  if (!cell) return undefined;
  const value = text.slice(cell.start.offset, cell.end.offset).trim();
  return /\p{L}{3}/u.test(value) && !isUnfilledPlaceholder(value) ? value : undefined;
}
const FINISH_HEADER_RE = /^(?:\*\*|__)?(?:acceptance|success|exit|completion|done) (?:criteri(?:on|a)|conditions?)\b|^(?:\*\*|__)?(?:done when|definition of done|how we know it'?s done)\b/i;
