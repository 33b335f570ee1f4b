// Messages stay one short line: a quoted piece of the document, shortened to fit.
import { trimEndChars } from '../../model/scan';

/** The item's words, shortened for a message: 'Add an alert on replica lag…'. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return trimEndChars(sp > max * 0.6 ? cut.slice(0, sp) : cut, ',;:.—–-', true) + '…';
}

/** Messages stay one short line: the Problems panel cuts at about 110 characters, and ESLint's run under 90. */
export const MESSAGE_MAX = 90;

/**
 * A message built around one quoted piece of the document, shortened (with "…") so that the whole message fits in
 * MESSAGE_MAX characters: `fit("'", itemText, "' is too vague: …")`.
 */
export function fit(before: string, quoted: string, after: string, max = MESSAGE_MAX): string {
  const room = Math.max(12, max - before.length - after.length - 1); // - 1: quote() may add "…"
  return before + quote(quoted, room) + after;
}
