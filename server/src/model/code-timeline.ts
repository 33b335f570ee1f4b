// A timeline typed as a fenced block of plain text: "## 9. Timeline" over a ``` block whose rows open with a date and a
// clock time ("09-20 15:31:49 gateway restarted"). A reader reads the rows as the timeline's entries, so their times
// (and any zone written in them) count; a block of code (a language named, rows that do not open with a time) does not.
// Pure: a function of the section's text.
import { pushAll } from './scan';

/** A fence line: up to three spaces, three or more backticks or tildes, the info string (scanned: no backtracking). */
function fenceOf(line: string): { mark: string; info: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let n = i;
  while (line[n] === c) n++;
  return n - i >= 3 ? { mark: line.slice(i, n), info: line.slice(n).trim() } : undefined;
}
/** Fences a reader reads as plain text: none, or a plain-text info string. */
const PLAIN_INFO = new Set(['', 'text', 'txt', 'plaintext', 'plain', 'log']);
/** A row that opens with a clock time, after an optional date ("09-20 15:31", "2026-09-20 15:31:49", "15:31"). */
const STAMPED_ROW_RE = /^\s*(?:(?:\d{4}-)?\d{1,2}[-/.]\d{1,2}[ T]+)?(?:[01]?\d|2[0-3]):[0-5]\d\b/;

/**
 * The rows of the plain-text fenced blocks in `body` whose rows mostly open with a clock time (three such rows at
 * least, and at least half of the block's non-blank rows), joined by line breaks; '' when there is none.
 */
export function codeBlockTimelineRows(body: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  let plain = false;
  let rows: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const m = fenceOf(line);
    if (fence === undefined) {
      if (m) {
        fence = m.mark;
        plain = PLAIN_INFO.has(m.info.toLowerCase());
        rows = [];
      }
    } else if (m && m.mark[0] === fence[0] && m.mark.length >= fence.length && !m.info) {
      const filled = rows.filter((r) => r.trim());
      const stamped = filled.filter((r) => STAMPED_ROW_RE.test(r));
      if (plain && stamped.length >= 3 && stamped.length * 2 >= filled.length) pushAll(out, stamped);
      fence = undefined;
    } else rows.push(line);
  }
  return out.join('\n');
}
