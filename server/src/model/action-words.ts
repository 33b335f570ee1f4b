// The action's own words, a fact about an action item worked out once per item of a model: where they are (without
// the owner, due date, priority, status and tickets written inline after them) and what they say. Several rules
// (vague, owner, due date, priority) and their fixes read the range; their messages, the reader view's table, the
// archive report and the Action Items tree show the words (before, the reader and the archive cut them a second way).
// Pure: reads only the model.
import type { ActionItem, Postmortem, Range } from './types';
import { backOver, isSpace, wordEndingAt } from './scan';

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

/** The item's words as a reader sees them: its action, without markdown marks or the metadata written inline after it. */
export function words(model: Postmortem, item: ActionItem): string {
  const w = factsOf(model, item);
  return (w.text ??= computeWords(item));
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
  const text = model.text;
  for (const r of fields) {
    // "**#812:** Fix the timer (P0)": a ticket leading the item labels it; the action's words come after it
    if (r && r.start.offset > s && r.start.offset < e && hasWordBefore(text, s, r.start.offset)) {
      e = r.start.offset;
      first = r;
    }
  }
  if (first && SUBJECT_LEAD_RE.test(model.text.slice(s, first.start.offset))) return { start: s, end: item.textRange.end.offset };
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

/** A letter or digit between `from` and `to`: words, not only marks ("**", "- [ ] "), come before the field. */
function hasWordBefore(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/[\p{L}\p{N}]/u.test(text[i])) return true;
  return false;
}

/**
 * "The IPS team is continuing to improve …", "Our storage team will adopt …": an owner read after nothing but a
 * determiner is the sentence's subject, not metadata written after the action. Cutting there would leave the item's
 * words as "The"; the whole text stands instead.
 */
const SUBJECT_LEAD_RE = /^[\s*_]*(?:the|our|your|their|a|an|this|that)[\s*_]*$/i;

const META_SEPARATORS = ',;:([|—–-';
const META_WORDS = [...new Set([...FIELD_LABELS, ...DUE_LEAD_WORDS])];

/**
 * `t` without the separators and field labels that lead into the metadata ("… — owner:", "…, due by (").
 * A walk back from the end, one separator or one label per step: linear, where the old `(?:[…]|\b(?:due|by|…)\b:?)+$`
 * could split `by:by:by…` 2^n ways (a 72-character item took 29 s).
 */
function withoutMetaTail(t: string): string {
  let end = t.length;
  while (end > 0) {
    if (META_SEPARATORS.includes(t[end - 1]) || isSpace(t[end - 1])) {
      end--;
      continue;
    }
    const w = wordEndingAt(t, end, META_WORDS);
    if (w < 0) break;
    end = w;
  }
  return t.slice(0, end);
}

/**
 * The item's plain text up to its first inline field, on one line.
 * The whole text when a field comes first or the cut would leave fewer than 3 characters or no letter or digit.
 */
function computeWords(item: ActionItem): string {
  const start = item.textRange.start.offset;
  const end = item.textRange.end.offset;
  // items read from prose keep their markdown: link targets and paired code and emphasis marks go (a lone `*` or
  // `_` is the writer's: "Add *.out to .gitignore", snake_case)
  const plain = item.text
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*\s][^*]*)\*/g, '$1');
  const whole = plain.replace(/\s+/g, ' ').trim();
  let first: { text: string; range: Range } | undefined;
  for (const f of [...item.owners, item.due, item.priority, item.ownerPlaceholder, item.statusField, ...item.tickets]) {
    if (f && f.range.start.offset > start && f.range.start.offset < end && (!first || f.range.start.offset < first.range.start.offset)) first = f;
  }
  if (!first) return whole;
  const at = plain.indexOf(first.text);
  if (at <= 0) return whole;
  if (SUBJECT_LEAD_RE.test(plain.slice(0, at))) return whole;
  let cut = withoutMetaTail(plain.slice(0, at)).replace(/\s+/g, ' ').trim();
  // a field inside parentheses after a few lead words, "(see #34)", "(for example https://…)": the lead words go too
  const open = cut.lastIndexOf('(');
  if (open > 0 && !cut.includes(')', open) && cut.slice(open + 1).trim().split(' ').length <= 3) {
    cut = withoutMetaTail(cut.slice(0, open)).trim();
  }
  return cut.length >= 3 && /[\p{L}\p{N}]/u.test(cut) ? cut : whole;
}
