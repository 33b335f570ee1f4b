// Hover on an action item: what the parser understood (owner, due date, priority, status, tickets, group) and,
// plainly, what is missing. "A parser the writer can see is a parser the writer can trust."
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { LintResult } from '../../lint/lint';
import type { ActionItem, Postmortem, Section } from '../../model/types';
import { alsoShown, untimedAccount } from '../../model/seen';
import { readsAsEnglish } from '../../model/facts';
import { toldUnderStoryHeadings } from '../../model/story-headings';
import { SECTION_TITLES } from '../../model/sections';
import { isLive, itemGaps } from '../../model/items';
import { duePhraseVerdict } from '../../model/due';
import { classifyVague } from '../../rules/action-item-vague';
import { timelineZones, type TimelineZone, type ZoneSource } from '../../model/timezones';
import { describeTemplate, UNFILLED_TEMPLATE_RULE_ID } from '../../rules/unfilled-template';
import { code, escapeMarkdown, itemAt, longDate, lspRange, offsetOf, plural } from './util';

const PRIORITY_WORDS = ['critical', 'high', 'medium', 'low', 'lowest'];
const STATUS_WORDS: Record<ActionItem['status'], string> = { open: 'open', done: 'done', 'not-doing': 'not doing', unknown: 'status unclear' };

/** Hover for the action item under `position`; null when there is none or the document is not a postmortem. */
export function hoverAt(result: LintResult | undefined, position: Position, today: string): Hover | null {
  if (!result?.isPostmortem) return null;
  const model = result.model;
  const offset = offsetOf(model, position);
  // a blank template: what the one finding was read from (rules/unfilled-template.ts)
  const template = result.findings.find((f) => f.ruleId === UNFILLED_TEMPLATE_RULE_ID && offset >= f.range.start.offset && offset <= f.range.end.offset);
  if (template) return { contents: { kind: MarkupKind.Markdown, value: describeTemplate(model) }, range: lspRange(template.range) };
  const item = itemAt(model, offset);
  if (!item) {
    const t = timelineZones(model).find((z) => offset >= z.titleRange.start.offset && offset <= z.titleRange.end.offset);
    if (t) return { contents: { kind: MarkupKind.Markdown, value: describeTimeline(t) }, range: lspRange(t.titleRange) };
    const s = model.allSections.find((x) => offset >= x.titleRange.start.offset && offset <= x.titleRange.end.offset);
    const value = s && describeSection(model, s);
    return value && s ? { contents: { kind: MarkupKind.Markdown, value }, range: lspRange(s.titleRange) } : null;
  }
  return { contents: { kind: MarkupKind.Markdown, value: describeItem(item, today, vagueReported(result, item) ? model.text : undefined) }, range: lspRange(item.range) };
}

const ZONE_SOURCES: Record<ZoneSource, string> = {
  'front matter': 'the front matter',
  title: 'the title',
  entries: 'an entry',
  document: 'a statement elsewhere in the document',
};

/** Hover on a timeline's title: the clock times it holds and the zone they are read in, or that none was found. */
export function describeTimeline(t: TimelineZone): string {
  const lines = [`**Timeline** · ${plural(t.timeCount, 'clock time')}`, ''];
  if (t.timeCount === 0) lines.push('No clock times in its entries, so no time zone is needed.');
  else if (t.zone) lines.push(`Time zone: ${code(t.zone.name ?? t.zone.text)}, read from ${ZONE_SOURCES[t.zone.source]}${t.zone.name && t.zone.name !== t.zone.text ? ` (${code(t.zone.text)})` : ''}.`);
  else {
    lines.push(
      `Time zone: none found in the title, the entries, a statement such as "All times in UTC" or the front matter (e.g. ${code(t.times[0] ?? '')}).`,
      '',
      'Logs and dashboards are in UTC and readers sit in other offices: without a zone the times cannot be lined up with anything else.',
    );
  }
  return lines.join('\n');
}

/**
 * Hover on a heading that holds a section under another name ("Resolution" planning against a repeat, "Root Cause
 * Remediations"): what the engine read there, so that a missing-section finding that stays quiet can be checked; in
 * a document that does not read as English, why a heading is not matched. Undefined for a heading that holds only its
 * own kind.
 */
export function describeSection(model: Postmortem, s: Section): string | undefined {
  // a heading the catalogue cannot name in a document written in another language: say why nothing is reported
  if (!s.kind && !readsAsEnglish(model)) {
    return [`**Section** · ${escapeMarkdown(s.title)}`, '', 'Not matched to a section: the document does not read as English, and the section names Postmortem Lint knows are English.', '', 'missing-section stays quiet on this document rather than guess.'].join('\n');
  }
  if (!s.kind && toldUnderStoryHeadings(model)) {
    return [`**Section** · ${escapeMarkdown(s.title)}`, '', 'A chapter of a story: the document tells one incident under headings of its own, with time-stamped lines.', '', 'missing-section leaves finding its impact, timeline and causes to the reader; it still asks for action items.'].join('\n');
  }
  const also = alsoShown(model, s);
  const untimed = untimedAccount(model, s);
  if (!also.length && !untimed) return undefined;
  const own = s.kind && !untimed ? `Read as ${code(SECTION_TITLES[s.kind])}; also` : 'Read as';
  const lines = [`**Section** · ${escapeMarkdown(s.title)}`, ''];
  for (const a of also) lines.push(`- ${own} ${code(SECTION_TITLES[a.kind])}: ${a.why}.`);
  if (untimed) lines.push(`- Not counted as the ${code('Timeline')}: it tells no time, date or list of steps.`);
  if (also.length) lines.push('', 'missing-section counts it as there.');
  return lines.join('\n');
}

/** Whether the vague rule reported the item (it may be off, or suppressed): only then does the card say why. */
const vagueReported = (result: LintResult, item: ActionItem) =>
  result.findings.some((f) => f.ruleId === 'action-item-vague' && f.range.start.offset >= item.textRange.start.offset && f.range.start.offset < Math.max(item.textRange.end.offset, item.textRange.start.offset + 1));

/** The problems a reader would trip over, in words: "no owner", "'next sprint' is not a date", "overdue by 3 days". */
export function itemProblems(item: ActionItem, today: string): string[] {
  if (!isLive(item)) return [];
  const out: string[] = [];
  if (item.owners.length === 0) out.push(item.ownerPlaceholder ? `'${item.ownerPlaceholder.text}' is not an owner` : 'no owner');
  else if (item.owners.length > 1) out.push('more than one owner');
  if (!item.due) out.push('no due date');
  else if (item.due.kind === 'phrase') out.push(`'${item.due.text}' ${duePhraseVerdict(item.due.text)}`);
  else {
    const late = itemGaps(item, today).overdueDays;
    if (late !== undefined) out.push(`overdue by ${plural(late, 'day')}`);
  }
  return out;
}

/**
 * Markdown describing one action item: each fact once, with its why. The editor shows the item's diagnostics (the
 * short "what to do") above this card, so the card does not repeat them as a summary; it says what was understood
 * and why what is missing matters.
 */
export function describeItem(item: ActionItem, today: string, text?: string): string {
  const live = isLive(item);
  const where: string[] = [];
  for (let sec: Section | undefined = item.section; sec; sec = sec.parent) {
    if (sec.depth === 1 && sec.parent === undefined && where.length) break; // the document title is not a section
    where.unshift(sec.title || '(untitled)');
  }
  const head = `**Action item** · ${STATUS_WORDS[item.status]}${item.deferred ? ' · deferred' : ''}`;
  const lines: string[] = [head, ''];

  if (item.deferred) lines.push(`Deferred: let go on purpose, so it is neither counted nor checked.`, '');
  else if (item.status === 'done') lines.push('Done: not checked for owner, date or overdue.', '');
  else if (item.status === 'not-doing') lines.push('Not doing: let go on purpose, so it is not checked.', '');
  else if (item.status === 'unknown') {
    lines.push(`Status unclear: ${code(item.statusField?.text ?? '')} is not a status the linter can read, so it checks nothing here.`, '');
  }

  // A follow-up read from a sentence: say so, since nothing in the text marks it as an item
  if (item.fromProse === 'commitment') lines.push('Read from prose: this sentence commits to work, so it is checked as a follow-up.', '');
  else if (item.fromProse === 'ticket') lines.push('Read from prose: a ticket filed with someone else is work still open, so it is checked as a follow-up.', '');
  else if (item.fromProse === 'finished') lines.push(`Read from prose: ${code(item.statusField?.text ?? '')} tells work already done, so it counts as a done follow-up.`, '');
  else if (item.fromProse === 'linked') lines.push('Read from a lessons list: the entry ends by pointing at the issue that tracks its follow-up, so it is checked as one.', '');

  // Owner
  if (item.owners.length === 1) lines.push(`- **Owner:** ${code(item.owners[0].text || item.owners[0].value)}`);
  else if (item.owners.length > 1) {
    const list = item.owners.map((o) => code(o.text || o.value)).join(', ');
    lines.push(`- **Owners:** ${list}${live ? ' — more than one owner: each assumes another is on it.' : ''}`);
  } else if (item.ownerPlaceholder) {
    lines.push(`- **Owner:** none — ${code(item.ownerPlaceholder.text)} is a placeholder, not an owner${live ? ': an item assigned to nobody in particular never gets done.' : '.'}`);
  } else {
    lines.push(`- **Owner:** none${live ? ' — an item nobody owns competes with feature work and loses.' : ''}`);
  }

  // Due date
  const due = item.due;
  if (!due) {
    lines.push(`- **Due:** none${live ? ' — without a date it never gets scheduled against feature work.' : ''}`);
  } else if (due.kind === 'phrase') {
    lines.push(`- **Due:** none — ${code(due.text)} ${duePhraseVerdict(due.text)}${live ? ": a reader next year can't tell when it was due." : '.'}`);
  } else {
    let s = `- **Due:** ${code(due.iso)} (${longDate(due.iso)})`;
    if (due.text && due.text.trim() !== due.iso) s += `, read from ${code(due.text)}`;
    const d = itemGaps(item, today).daysLeft;
    if (d !== undefined) s += d < 0 ? ` — **overdue by ${plural(-d, 'day')}**` : d === 0 ? ' — due today' : ` — due in ${plural(d, 'day')}`;
    lines.push(s);
    if (due.ambiguous) lines.push(`  - ${code(due.text)} is ambiguous: day and month could be swapped, and readers in other countries read the other day.`);
  }

  // Priority
  if (item.priority) {
    const p = item.priority.value;
    const word = PRIORITY_WORDS[Math.max(0, Math.min(4, p.level))];
    const label = item.priority.text.trim().toUpperCase() === `P${p.level}` ? word : `P${p.level}, ${word}`;
    let s = `- **Priority:** ${code(item.priority.text)} (${label})`;
    if (p.low && live) s += ' — low-priority items sit in the backlog and never rise high enough to get done.';
    lines.push(s);
  } else {
    lines.push(`- **Priority:** none${live ? ' — it says how this ranks against everything else the owner could do this week.' : ''}`);
  }

  // Wording: why the action-item-vague rule finds the item too vague (the finding says what to do)
  if (live && text !== undefined) {
    const v = classifyVague(text.slice(item.textRange.start.offset, item.textRange.end.offset));
    if (v.vague && v.reason) lines.push(`- **Wording:** vague — ${escapeMarkdown(v.reason)}.`);
  }

  // Status: the header says it; a status written in the item gets a line saying where it was read
  if (item.statusField) lines.push(`- **Status:** ${STATUS_WORDS[item.status]} (from ${code(item.statusField.text)}${statusColumn(item)})`);

  // Tickets
  if (item.tickets.length) {
    lines.push(`- **${item.tickets.length === 1 ? 'Ticket' : 'Tickets'}:** ${item.tickets.map((t) => code(t.value)).join(', ')}`);
  } else lines.push('- **Ticket:** none');

  if (item.group) {
    const outer = where.at(-1) === item.group ? where.slice(0, -1) : where;
    lines.push(`- **Group:** ${escapeMarkdown(item.group)}${outer.length ? ` (in ${escapeMarkdown(outer.join(' › '))})` : ''}`);
  }
  else if (where.length) lines.push(`- **Section:** ${escapeMarkdown(where.join(' › '))}`);
  return lines.join('\n');
}

/** " in the Notes column": where a table row's status was read from a column not headed Status (or not headed at all). */
function statusColumn(item: ActionItem): string {
  const f = item.statusField;
  if (!f || !item.table) return '';
  const i = item.table.cells.findIndex((c) => c.start.offset <= f.range.start.offset && f.range.end.offset <= c.end.offset);
  if (i < 0 || i === item.table.columns.action) return '';
  const header = item.table.header[i]?.trim();
  if (header && /\b(?:status|state)\b/i.test(header)) return '';
  return header ? ` in the ${escapeMarkdown(header)} column` : ' in a column with no header';
}
