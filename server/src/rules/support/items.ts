// Which action items a rule looks at, and the parts of an item it quotes or points at (its own words, its first
// line). Pure: reads only the model.
import type { ActionItem, Postmortem, Range } from '../../model/types';
import { rangeOf } from '../../model/lines';

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

// The item's own words: a fact of the model (model/action-words.ts), computed once per item
export { actionWordsRange, words } from '../../model/action-words';

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

