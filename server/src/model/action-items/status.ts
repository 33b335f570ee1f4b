// Status that comes from around an item rather than its own marker: a "(completed)" / "Actions taken" heading above it,
// or the item written as already done ("Reverted the deploy"). Checkboxes, status cells and inline "DONE" are read
// where the item is parsed (lists.ts, tables.ts); an explicit status always wins over these.
import type { ActionItem, Section } from '../types';
import { completedPrefix, completedSuffix } from '../completed';
import type { ParseContext } from './common';

const REPORT_ITSELF_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:write|draft|publish|complete|finish|create)(?: up)? (?:an?|the|this) (?:incident report|post-?mortem|post mortem|incident review|retrospective|rca)\b(?![^.\n]{0,20}\b(?:template|process|guide)\b)/i;

export const COMPLETED_HEADING_RE = /\((?:completed?|done|finished)\)|\b(?:actions? taken|completed actions?|already (?:done|taken))\b|^(?:done|completed)$/i;

/** Items under a label that says the work is done ("**Actions taken:**"): done, unless their own status says otherwise. */
export function markLabelDone(items: ActionItem[], label: string, range: ActionItem['textRange']): void {
  if (!COMPLETED_HEADING_RE.test(label)) return;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: label, range };
  }
}

/** Marks items done when a heading above them says so or their words say the work is finished. */
export function applyContextStatus(items: ActionItem[], ctx: ParseContext): void {
  for (const item of items) {
    if (item.status !== 'open' || item.statusField) continue;
    for (let s: Section | undefined = item.section; s; s = s.parent) {
      if (COMPLETED_HEADING_RE.test(s.title)) {
        item.status = 'done';
        item.statusField = { value: 'done', text: s.title, range: s.titleRange };
        break;
      }
      if (s.kind === 'action-items') break;
    }
    if (item.status !== 'open' || item.statusField) continue; // an explicit status ("| Open |", "Status: in progress") wins
    // "Write an incident report", listed inside the incident report: the reader is holding it
    const own = REPORT_ITSELF_RE.exec(ctx.text.slice(item.textRange.start.offset, item.textRange.end.offset));
    if (own) {
      item.status = 'done';
      const s = item.textRange.start.offset + own.index;
      item.statusField = { value: 'done', text: own[0], range: ctx.range(s, s + own[0].length) };
      continue;
    }
    // "Reverted the deploy", "The team then raised a ticket": written as done, at the start or in a trailing clause
    const start = item.textRange.start.offset;
    const words = ctx.text.slice(start, item.textRange.end.offset);
    const done = completedPrefix(words);
    if (done) {
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(start, start + done).trim(), range: ctx.range(start, start + done) };
      continue;
    }
    // "Use our PSPs instead - this has already been done.", "Pin the chart, now done": said after the item
    const tail = completedSuffix(words);
    if (tail >= 0) {
      const end = start + words.trimEnd().length;
      item.status = 'done';
      item.statusField = { value: 'done', text: ctx.text.slice(start + tail, end), range: ctx.range(start + tail, end) };
    }
  }
}
