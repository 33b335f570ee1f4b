// Which action items a rule looks at, and the parts of an item it quotes or points at (its own words, its first
// line). Pure: reads only the model.
import type { ActionItem, Postmortem, Range } from '../../model/types';
import { rangeOf } from '../../model/lines';
import { backOver, isSpace, wordEndingAt } from '../../model/scan';

/** Items that count: not in a Deferred / Not doing section. */
export function activeItems(model: Postmortem): ActionItem[] {
  return model.actionItems.filter((i) => !i.deferred);
}

export { looksCompleted } from '../../model/completed';

/** Open items: counted, not done / not doing, and not written as already done. */
export function openItems(model: Postmortem): ActionItem[] {
  return activeItems(model).filter((i) => isOpen(i));
}

/** Open: not done and not "not doing". The parser marks items written as done ("Reverted …") as done. */
export function isOpen(item: ActionItem): boolean {
  return item.status === 'open';
}

const FIELD_SEPARATORS = ',;(—–-';
const FIELD_LABELS = ['owner', 'owners', 'assignee', 'assigned to', 'dri', 'priority', 'prio', 'ticket', 'tickets', 'status', 'due', 'due date', 'deadline', 'eta'];
const DUE_LEAD_WORDS = ['due', 'due date', 'due by', 'due on', 'by', 'until', 'before', 'deadline', 'eta', 'target', 'target date', 'no later than'];

/** The item's own words, without the metadata written inline after them (owner, due date, priority, tickets). */
export function actionWordsRange(model: Postmortem, item: ActionItem): { start: number; end: number } {
  const s = item.textRange.start.offset;
  let e = item.textRange.end.offset;
  const fields = [
    ...item.owners.map((o) => o.range),
    item.ownerPlaceholder?.range,
    item.due?.range,
    item.priority?.range,
    item.statusField?.range,
    ...item.tickets.map((t) => t.range),
  ];
  let first: Range | undefined;
  for (const r of fields) {
    if (r && r.start.offset > s && r.start.offset < e) {
      e = r.start.offset;
      first = r;
    }
  }
  const text = model.text;
  if (first) {
    // drop the separator and the field's own label ("— owner: ", ", due ", "(Ticket ") before the first field: a walk
    // back from the field, each step removing at least one character (regexes anchored at the end of the item's text
    // rescanned it on every step: quadratic to cubic on long runs of separators or labels)
    const dueWords = first === item.due?.range ? DUE_LEAD_WORDS : [];
    for (;;) {
      let next = backOver(text, (c) => FIELD_SEPARATORS.includes(c) || isSpace(c), e, s);
      if (text[next - 1] === ':' || text[next - 1] === '=') {
        const w = wordEndingAt(text, backOver(text, isSpace, next - 1, s), FIELD_LABELS, s);
        if (w >= 0) next = w;
      }
      if (dueWords.length) {
        const w = wordEndingAt(text, next, dueWords, s);
        if (w >= 0) next = w;
      }
      if (next === e) break;
      e = next;
    }
  }
  return { start: s, end: e > s ? e : item.textRange.end.offset };
}

/** The item's words for a message: its action, without markdown marks or inline metadata. */
export function words(model: Postmortem, item: ActionItem): string {
  const r = actionWordsRange(model, item);
  const raw = model.text.slice(r.start, r.end).replace(/[`*_]+/g, '').replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(raw.replace(/^\[[ xX]?\]/, '')) ? raw : item.text.replace(/\s+/g, ' ').trim();
}

/** The first line of the item's main text: where item findings point, so the squiggle stays readable. */
export function headRange(model: Postmortem, item: ActionItem): Range {
  const s = item.textRange.start;
  const end = Math.min(item.textRange.end.offset, model.lines.lineEnd(s.line));
  return rangeOf(model.lines, s.offset, Math.max(s.offset, end));
}

export function sliceOf(model: Postmortem, r: Range): string {
  return model.text.slice(r.start.offset, r.end.offset);
}

// ------------------------------------------------------------------------------------------------
// Prose: computed once in the model's facts (model/facts.ts), re-exported for the rules that import it from here

export { proseText } from '../../model/facts';

