// Questions about the HTML a model read as structure (model/html-blocks.ts): whether an offset lies in it, whether a
// fix's edit keeps it well formed, and its source as a reader reads it (tags and no-break spaces blanked).
import type { Postmortem, TextEdit } from './types';

/** No-break space references, read as blanks. */
export const NBSP = ['&nbsp;', '&#160;', '&#xa0;'];

/** Whether `offset` lies in an HTML block read as structure (its first character included, its end not). */
export function inHtmlBlock(model: Postmortem, offset: number): boolean {
  return model.htmlBlocks.some((r) => r.start.offset <= offset && offset < r.end.offset);
}

/**
 * Whether an edit keeps the HTML read as structure well formed: it does not touch an HTML block, or it changes text
 * only (no tag, comment or code in its range, not inside one) and writes plain text (no markup, no line break, which
 * would be raw HTML there, not markdown). Fixes that would write a markdown block or a template's `<…>` inside HTML
 * are not offered (lint/lint.ts drops them).
 */
export function editKeepsHtml(model: Postmortem, edit: TextEdit): boolean {
  const s = edit.range.start.offset;
  const e = edit.range.end.offset;
  const touched = model.htmlBlocks.some((r) => (s === e ? r.start.offset < s && s < r.end.offset : s < r.end.offset && e > r.start.offset));
  if (!touched) return true;
  if (/[<>&\r\n]/.test(edit.newText)) return false;
  return !model.opaqueRanges.some((r) => (s === e ? r.start.offset < s && s < r.end.offset : r.start.offset < e && r.end.offset > s));
}

/**
 * The source of [start, end) as a reader reads it: inside an HTML block read as structure, its tags, comments and
 * no-break space references blanked (same length, so offsets still map); elsewhere the source as it is. Rules that
 * judge an item's own words (vague, changes-people) read this, not `<a href="…">` and `style="…"`.
 */
export function readableSource(model: Postmortem, start: number, end: number): string {
  const raw = model.text.slice(start, end);
  if (!model.htmlBlocks.length || !inHtmlBlock(model, start) || !/[<&]/.test(raw)) return raw;
  const out = raw.split('');
  // one search per kind of closing: where none is left, none is looked for again (linear on "<<<<…")
  let noGt = false;
  let noCommentEnd = false;
  let i = 0;
  while (i < raw.length) {
    let to = -1;
    if (raw[i] === '<') {
      const comment = raw.startsWith('<!--', i);
      const at = comment ? (noCommentEnd ? -1 : raw.indexOf('-->', i + 4)) : noGt ? -1 : raw.indexOf('>', i);
      if (at < 0) {
        if (comment) noCommentEnd = true;
        else noGt = true;
      } else to = at + (comment ? 3 : 1);
    } else if (raw[i] === '&') {
      const ref = NBSP.find((r) => raw.slice(i, i + r.length).toLowerCase() === r);
      if (ref) to = i + ref.length;
    }
    if (to < 0) {
      i++;
      continue;
    }
    for (let k = i; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
    i = to;
  }
  return out.join('');
}
