// Items the writer struck off the list: "- ~~No alert on queue depth~~ — **shipped 2026-10-02.** The alert now pages."
// GFM strike-through over the item's lead says it no longer stands as open work (heldout28, issue 8).
import type { Nodes } from 'mdast';
import type { ActionItem } from '../types';
import { endOf, plain, startOf } from './common';

/** What the words after the struck lead say: let go ("not needed", "dropped"), or nothing / done ("shipped <date>"). */
const LET_GO_RE = /^[\s—–:,.-]*(?:\*\*|__)?(?:not needed|no longer needed|dropped|abandoned|won['’]?t (?:do|fix)|wontfix|not doing|cancell?ed|superseded)\b/i;
/** "— **shipped 2026-09-27.**", "— done", "(fixed)": the word the writer marked it finished with, right after the strike. */
const DONE_WORD_RE = /^[\s—–:,(.-]*(?:\*\*|__)?(shipped|done|completed?|fixed|landed|merged|deployed|resolved|implemented)\b/i;

export interface StruckLead {
  status: ActionItem['status'];
  /** Offsets of the words that say so: the done word after the strike, or the struck text itself. */
  start: number;
  end: number;
}

/**
 * The item's first paragraph opens with struck-through text: it is off the list. A struck word or two ("~~Tuesday~~
 * Wednesday") corrects a detail instead, so the strike covers three words at least, or a done word follows it.
 */
export function struckLead(main: Nodes, text: string): StruckLead | undefined {
  if (main.type !== 'paragraph') return undefined;
  const first = main.children[0];
  if (!first || first.type !== 'delete') return undefined;
  const after = text.slice(endOf(first), Math.min(endOf(main), endOf(first) + 60));
  const done = DONE_WORD_RE.exec(after);
  if (plain(first).trim().split(/\s+/).length < 3 && !done) return undefined;
  if (LET_GO_RE.test(after)) return { status: 'not-doing', start: startOf(first), end: endOf(first) };
  if (done) {
    const at = endOf(first) + done.index + done[0].length - done[1].length;
    return { status: 'done', start: at, end: at + done[1].length };
  }
  return { status: 'done', start: startOf(first), end: endOf(first) };
}
