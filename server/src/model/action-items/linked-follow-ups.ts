// Follow-ups written at the end of a "What went wrong" bullet, pointing at the issue that tracks them: "… This is now
// being revisited in https://github.com/org/repo/issues/6586.", "We should provide finer grained controls, see
// https://github.com/org/repo/issues/6589.", or in the middle of one when the sentence asks for work ("We should avoid
// this happening here, see <issue>. More generally, …"). The link to an issue or pull request is the tell: a lesson that names
// no tracking issue ("We should err on the side of reaching out over more channels") stays a lesson.
import type { List, ListItem, Paragraph, Root } from 'mdast';
import type { ActionItem, Postmortem } from '../types';
import { endOf, startOf, type ParseContext } from './common';
import { listItems } from './lists';
import { paragraphItem } from './paragraphs';
import { blankComments } from '../scan';
import { sectionAt } from '../facts';
import { completedPrefix } from '../completed';

/** Bullets of lessons-learned lists whose last words point at a tracking issue ("see <issue>", "in <issue>"). */
export function linkedFollowUps(tree: Root, model: Postmortem, ctx: ParseContext): ActionItem[] {
  const out: ActionItem[] = [];
  const taken = overlapsAnItem(model.actionItems);
  for (const node of tree.children) {
    if (node.type === 'paragraph') {
      const sec = sectionAt(model, startOf(node));
      // `taken` reads every item: asked last, of the few paragraphs that name a tracking issue
      if (sec?.effectiveKind !== 'lessons-learned' || !tracksWork(node, ctx.text) || taken(startOf(node), endOf(node))) continue;
      const item = paragraphItem(node, ctx, sec, false);
      if (!item) continue;
      // "We have previously entertained ideas …, but have yet to settle on a solution. See [this tracking issue]":
      // the tracked work is still open, whatever tense the paragraph opens in
      const words = ctx.text.slice(startOf(node), endOf(node));
      const notYet = NOT_YET_RE.exec(words);
      if (item.status === 'open' && !item.statusField && notYet && completedPrefix(words)) {
        const at = startOf(node) + notYet.index;
        item.statusField = { value: 'open', text: notYet[0].replace(/\s+/g, ' '), range: ctx.range(at, at + notYet[0].length) };
      }
      out.push({ ...item, fromProse: 'linked' });
      continue;
    }
    if (node.type !== 'list') continue;
    const sec = sectionAt(model, startOf(node));
    if (sec?.effectiveKind !== 'lessons-learned') continue;
    for (const li of node.children) {
      const pointer = li.checked == null ? issuePointer(li, ctx.text) : undefined;
      if (!pointer || taken(startOf(li), endOf(li))) continue;
      const one: List = { ...node, children: [li] };
      for (const item of listItems(one, ctx, sec, false, undefined)) {
        // the bullet opens on what went wrong ("Applicants … were turned down"), in the past tense: its status is
        // that of the sentence pointing at the issue ("This is now being revisited in …", "This was fixed in …")
        if (item.status === 'open' && !item.statusField) {
          const words = ctx.text.slice(pointer.start, pointer.end);
          const done = completedPrefix(words) > 0 || FIXED_RE.test(words);
          item.status = done ? 'done' : 'open';
          item.statusField = { value: item.status, text: words.replace(/\s+/g, ' ').trim(), range: ctx.range(pointer.start, pointer.end) };
        }
        out.push({ ...item, fromProse: 'linked' });
      }
    }
  }
  return out;
}

/**
 * Whether [s, e) overlaps one of `items` (read once, when first asked; they do not change meanwhile): a binary search,
 * not a pass over every item per block (on a 1 MB document, ~3,000 items × ~10,000 blocks per keystroke).
 */
function overlapsAnItem(items: readonly ActionItem[]): (s: number, e: number) => boolean {
  let starts: number[] | undefined;
  /** The furthest end among the items sorted up to each index. */
  let reach: number[] | undefined;
  return (s, e) => {
    if (!starts || !reach) {
      const sorted = items.map((i) => [i.range.start.offset, i.range.end.offset]).sort((a, b) => a[0] - b[0]);
      starts = sorted.map((x) => x[0]);
      reach = [];
      let far = -Infinity;
      for (const x of sorted) reach.push((far = Math.max(far, x[1])));
    }
    // the last item starting before e; one of those up to it ends after s
    let lo = 0;
    let hi = starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < e) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && reach[last] > s;
  };
}

/**
 * The sentence of the bullet's first paragraph that ends "see <issue URL>" or "in <issue URL>" (a bare URL, an
 * autolink or a link), as offsets of the source; undefined when its last words point at no issue.
 */
function issuePointer(li: ListItem, text: string): { start: number; end: number } | undefined {
  const p = li.children[0];
  if (p?.type !== 'paragraph') return undefined;
  const from = Math.max(startOf(p), endOf(p) - 400);
  // a disable comment written at the end of a line is not part of the words
  const src = blankComments(text.slice(from, endOf(p)));
  // the last "see <issue>" that ends the paragraph, or ends a sentence that asks for work with more prose after it
  // ("We should avoid this happening here, see <issue>. More generally, …")
  let last = -1;
  let end = -1;
  for (const m of src.matchAll(POINTER_RE)) {
    const at = m.index + m[0].length;
    const token = /^\S+/.exec(src.slice(at))?.[0] ?? '';
    let link = token;
    while (/[.)>!]$/.test(link)) link = link.slice(0, -1);
    if (!link || !/^(?:<?https?:\/\/|\[)/.test(link) || !ISSUE_PATH_RE.test(link)) continue;
    const after = src.slice(at + token.length);
    if (!after.trim()) {
      last = at;
      end = endOf(p);
    } else if (/[.!]\)?$/.test(token) && /^\s+\p{Lu}/u.test(after) && ASKS_RE.test(sentenceBefore(src, at))) {
      last = at;
      end = from + at + token.length;
    }
  }
  if (last < 0) return undefined;
  // the sentence holding the pointer: after the last full stop followed by a blank before it ("… k8s. This is now …")
  let start = 0;
  for (const m of src.slice(0, last).matchAll(SENTENCE_END_RE)) start = m.index + m[0].length;
  return { start: from + start, end };
}

/** The words from the last sentence end before `at` up to it. */
function sentenceBefore(src: string, at: number): string {
  let start = 0;
  for (const m of src.slice(0, at).matchAll(SENTENCE_END_RE)) start = m.index + m[0].length;
  return src.slice(start, at);
}
/** A sentence that asks for work: "We should …", "… needs to …", "This will be …", "This is now being …". */
const ASKS_RE = /\b(?:should|must|needs?\s+to|will|(?:is|are)\s+(?:now\s+)?being)\b/i;
/**
 * A lessons paragraph that names the issue tracking its work: "[This issue](…/issues/6451) tracks that effort.", "See
 * [this tracking issue](…/issues/6091) for more details." The paragraph is the follow-up. A link to an issue
 * without the words (the bug that caused it, a discussion) is not enough.
 */
function tracksWork(p: Paragraph, text: string): boolean {
  const links = p.children.filter((c) => c.type === 'link' && ISSUE_PATH_RE.test(c.url));
  if (!links.length) return false;
  const words = text.slice(startOf(p), endOf(p));
  return TRACKS_RE.test(words);
}
const TRACKS_RE = /\btracking\s+(?:issue|ticket|bug)\b|\]\([^()\s]*\)\s+(?:tracks|is\s+tracking)\s+(?:this|that|the|our)\b/i;
const NOT_YET_RE = /\b(?:(?:have|has)\s+yet\s+to|not\s+yet)\b/i;

/** "This was fixed in <PR>", "It has been resolved in …": the pointer reports the follow-up done. */
const FIXED_RE = /^(?:this|it)\s+(?:was|has\s+been|is\s+now|got)\s+(?:fixed|resolved|addressed|done|implemented|merged)\b/i;
const SENTENCE_END_RE = /[.!?][ \t\n]+(?=\S)/g;
const POINTER_RE = /\b(?:see|in)[ \t\n]+/gi;
const ISSUE_PATH_RE = /\/(?:issues|pull|merge_requests)\/\d/;
