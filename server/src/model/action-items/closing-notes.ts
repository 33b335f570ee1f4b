// Status written after a follow-up rather than in it: a paragraph closed by "(filed <issue>)" / "(fixed by …)" /
// "(added …)", and "- This has been done." right under an "Action point: …" paragraph.
import type { Paragraph, RootContent } from 'mdast';
import type { ActionItem, ActionItemStatus, Section } from '../types';
import { endOf, startOf, type ParseContext } from './common';
import { paragraphItem } from './paragraphs';

/**
 * "It would be useful to have a channel for urgent pings. (added an @emergency role on Discord)": a paragraph of an
 * action-items section that ends in a parenthesis saying what became of it is one follow-up with that status; filed
 * or tracked is open, fixed / added / done is done. The parenthesis is the status the hover quotes.
 */
export function closingStatus(p: Paragraph, text: string): { status: ActionItemStatus; start: number; end: number } | undefined {
  const s = startOf(p);
  const e = endOf(p);
  const body = text.slice(Math.max(s, e - 400), e);
  const m = CLOSING_RE.exec(body);
  if (!m) return undefined;
  const start = e - body.length + m.index;
  return { status: /^(?:filed|opened|tracked|logged|raised)$/i.test(m[1]) ? 'open' : 'done', start, end: start + m[0].trimEnd().length };
}
const CLOSING_RE =
  /\((filed|opened|tracked|logged|raised|fixed|added|done|implemented|landed|merged|resolved|completed|deployed|shipped|updated|removed|enabled|configured)\b[^()]*\)[.!]?\s*$/i;

/** The paragraphs of a section closed by a status parenthesis, each read as one item with that status. */
export function closedParagraphItems(nodes: RootContent[], ctx: ParseContext, section: Section): Map<Paragraph, ActionItem> {
  const out = new Map<Paragraph, ActionItem>();
  for (const n of nodes) {
    if (n.type !== 'paragraph') continue;
    const c = closingStatus(n, ctx.text);
    const item = c && paragraphItem(n, ctx, section, false);
    if (!c || !item) continue;
    item.status = c.status;
    item.statusField = { value: c.status, text: ctx.text.slice(c.start, c.end), range: ctx.range(c.start, c.end) };
    out.set(n, item);
  }
  return out;
}

/** The offsets of "This has been done." opening the paragraph or single bullet right after an item. */
export function doneNote(next: RootContent | undefined, text: string): [number, number] | undefined {
  const p = next?.type === 'list' && next.children.length === 1 ? next.children[0].children[0] : next;
  if (p?.type !== 'paragraph') return undefined;
  const m = DONE_NOTE_RE.exec(text.slice(startOf(p), endOf(p)));
  return m ? [startOf(p), startOf(p) + m[0].length] : undefined;
}
const DONE_NOTE_RE = /^(?:this|that|it)\s+(?:has|is)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:done|completed|implemented|fixed)\b[.!]?|^(?:done|completed)[.!]/i;
