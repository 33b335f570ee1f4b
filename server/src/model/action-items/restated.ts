// Items restated later by their ID: "- [ ] **A1. Move the audit dir.**" in the action items, then an implementation
// log "| **A1.** Audit dir moved | **Done** | … |" further down. The row is a status record of the item it names, not
// a second item: a reader counts one item, with the status the log gives it.
import type { ActionItem } from '../types';

/** "A1.", "B2:", "AI-3)" at the start of an item: the writer's ID for it. Not a priority ("P1:") or severity. */
const ID_RE = /^([A-Z]{1,3}-?\d{1,3})[.:)]\s/;
const NOT_ID_RE = /^(?:P[0-4]|SEV-?\d|S[0-4])$/;
const WORD_RE = /[a-z][a-z0-9_-]{3,}/g;

/**
 * Drops table rows with a status that restate an earlier item by its ID (and share a word with it), giving the earlier
 * item the row's status when the row says it is done or let go. Items in document order; the same array when nothing
 * is restated.
 */
export function mergeRestatedItems(items: ActionItem[]): ActionItem[] {
  const byId = new Map<string, ActionItem>();
  const restated = new Set<ActionItem>();
  for (const item of items) {
    const id = ID_RE.exec(item.text)?.[1];
    if (!id || NOT_ID_RE.test(id)) continue;
    const first = byId.get(id);
    if (!first) {
      byId.set(id, item);
      continue;
    }
    if (item.format !== 'table-row' || !item.statusField || first.section === item.section || !sharesWord(first.text, item.text)) continue;
    restated.add(item);
    if (first.status === 'open' && !first.statusField && (item.status === 'done' || item.status === 'not-doing')) {
      first.status = item.status;
      first.statusField = item.statusField;
    }
  }
  return restated.size ? items.filter((i) => !restated.has(i)) : items;
}

function sharesWord(a: string, b: string): boolean {
  const words = new Set(a.toLowerCase().slice(0, 300).match(WORD_RE) ?? []);
  return (b.toLowerCase().slice(0, 300).match(WORD_RE) ?? []).some((w) => words.has(w));
}
