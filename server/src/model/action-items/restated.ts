// Items restated later by their ID: "- [ ] **A1. Move the audit dir.**" in the action items, then an implementation
// log "| **A1.** Audit dir moved | **Done** | … |" further down. The row is a status record of the item it names, not
// a second item: a reader counts one item, with the status the log gives it. Also a prose sentence that extends the
// same work to more things ("All other secrets are also being rotated"): one follow-up, told twice.
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

/**
 * "All certificates and secrets are being rotated." then, a paragraph later, "All other secrets are also being rotated
 * and replaced with new as well.": the second sentence extends the same work to more of the same things, not a second
 * follow-up. Dropped when both are prose sentences of one section, the later one says "also" / "as well", both tell
 * the same verb in the passive ("being rotated", "be rotated") and they share a noun (four letters or more, not the verb).
 */
export function mergeExtendedWork(items: ActionItem[]): ActionItem[] {
  const dropped = new Set<ActionItem>();
  items.forEach((item, i) => {
    if (item.format !== 'paragraph' || !ALSO_RE.test(item.text)) return;
    const verb = PASSIVE_RE.exec(item.text)?.[1].toLowerCase();
    if (!verb) return;
    const earlier = items.slice(0, i).find((e) => !dropped.has(e) && e.format === 'paragraph' && e.section === item.section && e.status === item.status && PASSIVE_RE.exec(e.text)?.[1].toLowerCase() === verb && sharesNoun(e.text, item.text, verb));
    if (earlier) dropped.add(item);
  });
  return dropped.size ? items.filter((i) => !dropped.has(i)) : items;
}
const ALSO_RE = /\b(?:also|as well)\b/i;
const PASSIVE_RE = /\b(?:being|be|been)\s+([a-z]{3,}ed)\b/i;
const NOUN_RE = /[a-z]{4,}/g;
/** Words every such sentence may share besides its verb: not a noun of the work. */
const SHARED_WORDS = new Set(['being', 'been', 'also', 'well', 'other', 'their', 'these', 'those', 'which', 'there', 'where', 'remaining', 'with', 'from', 'that', 'this', 'will', 'have', 'more', 'some', 'each', 'every']);

function sharesNoun(a: string, b: string, verb: string): boolean {
  const words = new Set(a.toLowerCase().slice(0, 300).match(NOUN_RE) ?? []);
  return (b.toLowerCase().slice(0, 300).match(NOUN_RE) ?? []).some((w) => w !== verb && !SHARED_WORDS.has(w) && words.has(w));
}
/**
 * "**Action queued**: Add a per-cell wall-clock timeout to sweep configs …" under "What went wrong", then the row "| 1 |
 * Per-cell wall-time cap in sweep config | next session | open |" in the action items: the sentence told where the
 * problem is explained, the row the same follow-up as tracked. Drops an open prose item outside the action items that
 * shares two words of its work (five letters or more, a plural as its singular) with an item of an action-items
 * section: a reader counts one follow-up, the tracked one.
 */
export function dropRestatedProse(items: ActionItem[]): ActionItem[] {
  // most documents have no open prose item outside the action items: then nothing below runs (every lint calls this)
  const candidates = items.filter((i) => i.format === 'paragraph' && i.status === 'open' && i.section.effectiveKind !== 'action-items');
  if (!candidates.length) return items;
  const tracked = items.filter((i) => i.format !== 'paragraph' && i.section.effectiveKind === 'action-items');
  if (!tracked.length) return items;
  const trackedWords = tracked.map((i) => workWords(i.text));
  const dropped = new Set(
    candidates.filter((i) => {
      const own = [...workWords(i.text)];
      return trackedWords.some((w) => own.filter((x) => w.has(x)).length >= 2);
    }),
  );
  return dropped.size ? items.filter((i) => !dropped.has(i)) : items;
}
/** The words of an item's work: five letters or more (hyphenated kept whole), a trailing plural "s" dropped. */
function workWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().slice(0, 300).match(WORK_WORD_RE) ?? []) if (!SHARED_WORDS.has(w) && !GENERIC_WORK.has(w)) out.add(w.replace(/(?<=[a-z]{4})s$/, ''));
  return out;
}
const WORK_WORD_RE = /[a-z][a-z0-9_-]{4,}/g;
/** Words any two follow-ups may share without being the same work. */
const GENERIC_WORK = new Set(['should', 'would', 'could', 'before', 'after', 'about', 'again', 'default', 'ensure', 'update', 'check', 'create', 'added', 'future', 'issue', 'incident']);
