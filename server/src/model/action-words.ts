// The action's own words, a fact about an action item worked out once per item of a model: where they are (without
// the owner, due date, priority, status and tickets written inline after them) and how a message quotes them.
// Several rules (vague, owner, due date, priority) and their fixes read them; before, each worked them out again.
// Pure: reads only the model.
import type { ActionItem, Postmortem, Range } from './types';
import { backOver, isSpace, wordEndingAt } from './scan';
import { memoByText } from './memo';

interface Words {
  range?: { start: number; end: number };
  text?: string;
}

/** Per model, per item (an item belongs to one model: reused items are copies, model/action-items/reuse.ts). */
const known = new WeakMap<Postmortem, WeakMap<ActionItem, Words>>();

function factsOf(model: Postmortem, item: ActionItem): Words {
  let items = known.get(model);
  if (!items) known.set(model, (items = new WeakMap()));
  let w = items.get(item);
  if (!w) items.set(item, (w = {}));
  return w;
}

/** The item's own words, without the metadata written inline after them (owner, due date, priority, tickets). */
export function actionWordsRange(model: Postmortem, item: ActionItem): { start: number; end: number } {
  const w = factsOf(model, item);
  return (w.range ??= computeRange(model, item));
}

/** The item's words for a message: its action, without markdown marks or inline metadata. */
export function words(model: Postmortem, item: ActionItem): string {
  const w = factsOf(model, item);
  return (w.text ??= computeWords(model, item));
}

const FIELD_SEPARATORS = ',;(—–-';
const FIELD_LABELS = ['owner', 'owners', 'assignee', 'assigned to', 'dri', 'priority', 'prio', 'ticket', 'tickets', 'status', 'due', 'due date', 'deadline', 'eta'];
const DUE_LEAD_WORDS = ['due', 'due date', 'due by', 'due on', 'by', 'until', 'before', 'deadline', 'eta', 'target', 'target date', 'no later than'];

function computeRange(model: Postmortem, item: ActionItem): { start: number; end: number } {
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

/** The words without markdown marks and link targets, or undefined when no letter or digit is left (by text: remembered). */
const cleaned = memoByText((slice: string): string | undefined => {
  const raw = slice.replace(/[`*_]+/g, '').replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(raw.replace(/^\[[ xX]?\]/, '')) ? raw : undefined;
});

function computeWords(model: Postmortem, item: ActionItem): string {
  const r = actionWordsRange(model, item);
  return cleaned(model.text.slice(r.start, r.end)) ?? item.text.replace(/\s+/g, ' ').trim();
}

