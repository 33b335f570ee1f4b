// Linear-time text helpers for the places where a regular expression anchored at the end (`[\s,;]+$`, `(…)+$`) would
// rescan or backtrack over user text: trimming runs of characters and words from the end of a string by walking back
// from the end, so every step removes at least one character and the whole walk is O(length).

/** Whitespace as `\s` sees it. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** An ASCII word character as `\b` / `\w` see it without the `u` flag. */
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

/** The end of `s` after dropping the trailing characters for which `drop` holds (from `end`, not before `start`). */
export function backOver(s: string, drop: (c: string) => boolean, end = s.length, start = 0): number {
  let e = end;
  while (e > start && drop(s[e - 1])) e--;
  return e;
}

/** `s` without its trailing characters from `chars` (and whitespace when `space`): `trimEndChars(s, ',;', true)` is `s.replace(/[\s,;]+$/, '')`. */
export function trimEndChars(s: string, chars: string, space = false): string {
  return s.slice(0, backOver(s, (c) => chars.includes(c) || (space && isSpace(c))));
}

/**
 * The start of the word from `words` (lower case, may contain spaces) that ends exactly at `end` of `s`, with a word
 * boundary before it (`\b(?:w1|w2)` anchored at `end`), or -1. Longest word first, so "due date" wins over "date".
 */
export function wordEndingAt(s: string, end: number, words: readonly string[], start = 0): number {
  let best = -1;
  for (const w of words) {
    const st = end - w.length;
    if (st < start || (best >= 0 && st >= best)) continue;
    if (s.slice(st, end).toLowerCase() !== w) continue;
    if (st > start && isWordChar(s[st - 1]) && isWordChar(s[st])) continue;
    best = st;
  }
  return best;
}

/** `s` with every closed HTML comment `<!-- … -->` replaced by `by` (one pass: an unclosed `<!--` keeps the rest as is). */
export function replaceHtmlComments(s: string, by: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = s.indexOf('<!--', pos);
    if (open < 0) break;
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(pos, open) + by;
    pos = close + 3;
  }
  return pos === 0 ? s : out + s.slice(pos);
}

/** `s` leaves an HTML comment open at its end (`<!--` with no `-->` after it). */
export function opensComment(s: string): boolean {
  const open = s.lastIndexOf('<!--');
  return open >= 0 && s.indexOf('-->', open + 4) < 0;
}

/**
 * Appends `items` to `target`. `target.push(...items)` passes every item as a call argument and throws RangeError
 * ("Maximum call stack size exceeded") past ~125k items: a document with 150k tickets, owners or list items.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/**
 * Whether `s` holds three words in a row: a run of 3+ letters, then two runs of 2+ letters, with only white space
 * between them (what `/\p{L}{3,}(?:\s+\p{L}{2,}){2}/u` asks, in one pass: that expression is quadratic on a long run of
 * letters). Tells a sentence from a placeholder, a ticket or a link.
 */
export function hasThreeWords(s: string): boolean {
  const tokens = s.split(/\s+/);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (/\p{L}{3}$/u.test(tokens[i]) && /^\p{L}{2,}$/u.test(tokens[i + 1]) && /^\p{L}{2}/u.test(tokens[i + 2])) return true;
  }
  return false;
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * The offset just past the line that holds `i` (its line ending included: \n, \r\n or a lone \r), or the text's
 * length on the last line. One forward search: `indexOf('\r')` and `indexOf('\n')` side by side would scan to the end
 * of a text without the other, once per line (quadratic).
 */
export function lineEndAt(text: string, i: number): number {
  LINE_BREAK.lastIndex = i;
  const m = LINE_BREAK.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** HTML comments replaced by spaces (line breaks kept), so offsets stay those of the source. */
export function blankComments(s: string): string {
  let out = '';
  let pos = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', pos)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(pos, open) + s.slice(open, close + 3).replace(/[^\n]/g, ' ');
    pos = close + 3;
  }
  return out + s.slice(pos);
}
