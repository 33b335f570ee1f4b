// "| Revert to the old behavior | @joshblack | [Link](…/pull/4250) |" in the action items, and above them, under
// Resolution: "We reverted to the previous behavior of the component using GitHub's UI." The row names the work the
// resolution tells as done by the team; a reader counts it done, and asks no date for it.
//
// Kept tight on purpose (measured on every labelled set): the item is short (two to ten words) and opens with its
// verb; the resolution tells that verb in the past after "we" ("we reverted", "we have rolled"); and every content
// word of the item (four letters or more, and every number) stands in that same sentence. "Increase the memory limit
// to 60Gi" stays open beside "Increased the memory limit from 25Gi to 50Gi": another value, and no "we".
//
// Also the fix the resolution names with its commit or pull request, word for word the item ("**Løsning:** Fiks av
// SQL-spørring https://github.com/…/commit/8b92c8e" over the row "| Fiks av SQL-spørring | Bugfix | …"): the row lists
// the change that resolved the incident. Every word the same, and the change linked: a resolution that only names the
// work ("Restart the workers") may be telling what to do.
//
// And, anywhere in the document, the entries of a list whose lead-in says the team did them ("Firstly, we ensured the
// most obvious mistakes that made the breach possible were mitigated:" over "- SSH agent forwarding disabled
// server-side"): the lead-in tells who did it, so the entry's past form alone is enough. A remediation plan further
// down that restates the entry ("Disable all ssh agent forwarding on the servers.") is that finished work.
import type { Root } from 'mdast';
import type { ActionItem, Postmortem } from '../types';
import { endOf, startOf } from './common';
import type { ParseContext } from './common';
import { proseText } from '../facts';

/** Marks done the open items, with no status of their own, whose work the resolution tells the team has done. */
export function markDoneInResolution(items: readonly ActionItem[], model: Postmortem, ctx: ParseContext, tree: Root): void {
  let told: Told[] | undefined;
  for (const item of items) {
    if (item.status !== 'open' || item.statusField || item.deferred || item.section.effectiveKind === 'resolution') continue;
    const words = wordsOf(item.text);
    if (words.length < 2 || words.length > 10) continue;
    const content = words.slice(1).filter((w) => (w.length >= 4 && !STOP_WORDS.has(w)) || /\d/.test(w));
    if (!content.length) continue;
    told ??= [...resolutionSentences(model), ...entriesToldDone(tree, model)];
    if (!told.length) return;
    const past = pastForms(words[0]);
    const s = told.find((t) => t.words.some((w, i) => past.has(w) && (t.byLead || toldByUs(t.words, i))) && content.every((c) => t.words.some((w) => (/\d/.test(c) ? w === c : w.startsWith(c.slice(0, 6)))))) ?? told.find((t) => t.linked && t.words.join(' ') === words.join(' '));
    if (!s) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: s.text, range: ctx.range(s.start, s.start + s.text.length) };
  }
}

interface Told {
  text: string;
  start: number;
  words: string[];
  /** The sentence's source links a commit, pull or merge request (a bare URL or a link; blanked in the prose). */
  linked: boolean;
  /** An entry of a list whose lead-in says the team did what it lists: no "we" needed in the entry. */
  byLead?: boolean;
}

/**
 * A lead-in, ending in a colon, that says the team did what the list below it holds: "we ensured the most obvious
 * mistakes … were mitigated:", "We have made the following changes:", "we put these in place:". Not a plan ("we will
 * ensure …:") nor a wish ("we want to make sure …:").
 */
const DONE_LEAD_RE = /\bwe(?:'ve|’ve| have)?\s+(?:(?:already|also|then|immediately|quickly)\s+)?(?:ensured|made sure|made the following changes|put (?:these|the following|this) in place|implemented the following|applied the following|completed the following)\b/i;

/** The last sentence of a paragraph that ends in a colon (the lead-in proper), or undefined. */
function leadSentence(paragraph: string): string | undefined {
  const t = paragraph.trimEnd();
  if (!t.endsWith(':')) return undefined;
  return t.slice(Math.max(t.lastIndexOf('. '), t.lastIndexOf('! '), t.lastIndexOf('? '), t.lastIndexOf('\n\n')) + 1);
}

/** The entries of each top-level list right after a paragraph that says the team did them (DONE_LEAD_RE). */
function entriesToldDone(tree: Root, model: Postmortem): Told[] {
  const prose = proseText(model);
  const out: Told[] = [];
  const nodes = tree.children;
  for (let i = 1; i < nodes.length; i++) {
    const list = nodes[i];
    const lead = nodes[i - 1];
    if (list.type !== 'list' || lead.type !== 'paragraph') continue;
    const sentence = leadSentence(prose.slice(startOf(lead), endOf(lead)));
    if (!sentence || !DONE_LEAD_RE.test(sentence)) continue;
    for (const entry of list.children) {
      // the entry's own line: its sub-lists are entries of their own, not read here
      const from = startOf(entry);
      const first = entry.children[0];
      const to = first && first.type === 'paragraph' ? endOf(first) : endOf(entry);
      const raw = prose.slice(from, to);
      const text = raw.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '').trim();
      if (text) out.push({ text, start: from + raw.indexOf(text), words: wordsOf(text), linked: false, byLead: true });
    }
  }
  return out;
}

/** The sentences of the resolution sections and bold "Resolution" labels, in the prose (comments and code blanked). */
function resolutionSentences(model: Postmortem): Told[] {
  const prose = proseText(model);
  const spans: [number, number][] = [];
  for (const s of model.allSections) if (s.effectiveKind === 'resolution') spans.push([s.ownContentRange.start.offset, s.ownContentRange.end.offset]);
  for (const s of model.labeledSections) if (s.kind === 'resolution') spans.push([s.bodyRange.start.offset, s.bodyRange.end.offset]);
  const out: Told[] = [];
  for (const [from, to] of spans) {
    let at = from;
    // sentences over wrapped lines; a blank line or a list entry ends one too
    for (const piece of prose.slice(from, to).split(SENTENCE_END_RE)) {
      const text = piece.trim();
      if (text) out.push({ text, start: at + piece.indexOf(text), words: wordsOf(text), linked: CHANGE_LINK_RE.test(model.text.slice(at, at + piece.length)) });
      at += piece.length;
    }
  }
  return out;
}

const CHANGE_LINK_RE = /\/(?:commit|pull|merge_requests)\/[\w-]+/;

/** Where a sentence ends: after its stop, at a blank line, before a list entry (kept by split: it has a group). */
const SENTENCE_END_RE = /((?<=[.!?])\s+|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]))/;

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** "we reverted", "we have rolled", "we then quickly reverted": the verb told by the team. */
function toldByUs(words: string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    if (words[i] === 'we') return true;
    if (!/^(?:have|had|then|also|immediately|quickly|\w+ly)$/.test(words[i])) return false;
  }
  return false;
}

/** The past forms of a verb as an item opens with it: revert → reverted, roll → rolled, stop → stopped, rebuild → rebuilt. */
function pastForms(verb: string): Set<string> {
  const forms = new Set([`${verb}ed`, `${verb}d`, `${verb}${verb.slice(-1)}ed`, ...(IRREGULAR[verb] ?? [])]);
  if (verb.endsWith('y')) forms.add(`${verb.slice(0, -1)}ied`);
  return forms;
}

const IRREGULAR: Record<string, string[]> = {
  build: ['built'],
  rebuild: ['rebuilt'],
  write: ['wrote', 'written'],
  rewrite: ['rewrote', 'rewritten'],
  run: ['ran'],
  rerun: ['reran'],
  set: ['set'],
  reset: ['reset'],
  put: ['put'],
  take: ['took', 'taken'],
  make: ['made'],
  send: ['sent'],
  shut: ['shut'],
  undo: ['undid', 'undone'],
};

/** Words of four letters or more that name nothing done: the rest of an item's words must all be in the sentence. */
const STOP_WORDS = new Set(
  'that this these those with from into onto when what which their there have been will would should could about after before other more than them they then also only such each every some same sure'.split(' '),
);
