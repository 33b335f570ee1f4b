// Items the writer struck off the list: "- ~~No alert on queue depth~~ — **shipped 2026-10-02.** The alert now pages."
// GFM strike-through over the item's lead says it no longer stands as open work (heldout28, issue 8).
import type { Nodes } from 'mdast';
import type { ActionItem } from '../types';
import { endOf, plain, startOf } from './common';
import { statusOfWord } from '../fields';

/** The dash, colon or parenthesis and the emphasis between the strike and the word after it ("~~…~~ — **shipped …**"). */
const BETWEEN_RE = /^[\s—–:,(.-]*(?:\*\*|__)?/;
/** Let-go wording a status cell rarely holds, beside statusOfWord's ("dropped", "won't do", "cancelled"). */
const NOT_NEEDED_RE = /^(?:not needed|no longer needed|abandoned|superseded)\b/i;

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
  const afterAt = endOf(first) + (BETWEEN_RE.exec(text.slice(endOf(first), Math.min(endOf(main), endOf(first) + 20)))?.[0].length ?? 0);
  const after = text.slice(afterAt, Math.min(endOf(main), afterAt + 60));
  // the word the writer marked it with, read as a status cell's word is ("shipped 2026-09-27", "done", "dropped")
  const said = NOT_NEEDED_RE.test(after) ? 'not-doing' : statusOfWord(after);
  if (said === 'not-doing') return { status: 'not-doing', start: startOf(first), end: endOf(first) };
  if (said === 'done') return { status: 'done', start: afterAt, end: afterAt + (/^[\p{L}'’]+/u.exec(after)?.[0].length ?? 0) };
  // a struck word or two with nothing after it corrects a detail ("~~Tuesday~~ Wednesday")
  if (plain(first).trim().split(/\s+/).length < 3) return undefined;
  return { status: 'done', start: startOf(first), end: endOf(first) };
}

/**
 * The item opens with its action linked to the commit that did it: "- [Write tests](https://github.com/o/r/commit/bdcdd5f)
 * to ensure that tinting does not regress." The commit is the work, done (a pull request or an issue may still be open).
 */
export function committedLead(main: Nodes): StruckLead | undefined {
  if (main.type !== 'paragraph') return undefined;
  const first = main.children[0];
  if (first?.type !== 'link' || !COMMIT_URL_RE.test(first.url)) return undefined;
  return { status: 'done', start: startOf(first), end: endOf(first) };
}
const COMMIT_URL_RE = /\/commits?\/[0-9a-f]{7,40}(?![0-9a-z])/i;
