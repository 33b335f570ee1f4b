// Pure helpers for prompt fixes: normalising and validating the writer's answers. No vscode import (unit-tested).
import * as chrono from 'chrono-node';

export const PLACEHOLDER_OWNERS = new Set(['tbd', 'tba', 'none', 'n/a', 'na', 'someone', 'somebody', 'team', 'we', 'us', 'unassigned', 'owner', 'todo', '?', '???']);
const HANDLE_RE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "alice", "@alice", " Jane Doe " → "@alice", "@alice", "@Jane-Doe". */
export function normaliseOwner(input: string): string {
  const name = input.trim().replace(/^@+/, '').trim().replace(/\s+/g, '-');
  return name ? `@${name}` : '';
}

/** Why an owner answer is not usable, or undefined when it is. */
export function ownerProblem(input: string): string | undefined {
  const handle = normaliseOwner(input);
  if (!handle) return 'Type the name of the one person who will drive this item, e.g. alice or @alice.';
  const bare = handle.slice(1);
  if (PLACEHOLDER_OWNERS.has(bare.toLowerCase())) return `'${bare}' is a placeholder, not an owner: name the one person who will drive this item.`;
  if (!HANDLE_RE.test(bare)) return 'Use a handle such as @alice or @sre-team: letters, digits, dots and dashes.';
  return undefined;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Put the answer where the placeholder is ("@owner" and "owner" placeholders both end up as one "@name"). */
export function substitute(newText: string, placeholder: string, answer: string, kind: 'owner' | 'date' | 'text'): string {
  if (!placeholder) return newText;
  let out = newText;
  if (kind === 'owner' && !placeholder.startsWith('@')) out = out.split('@' + placeholder).join(answer);
  return out.split(placeholder).join(answer);
}


function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A typed date as YYYY-MM-DD: ISO as written, else read by chrono ("next friday", "in 3 weeks", "Dec 4"), looking forward. */
export function parseDate(input: string, now: Date): string | undefined {
  const t = input.trim();
  if (!t) return undefined;
  if (isIsoDate(t)) return t;
  const d = chrono.parseDate(t, now, { forwardDate: true });
  return d ? localIso(d) : undefined;
}

/** A template's text as a VS Code snippet: each <…> a tab stop, a trailing (was: …) note the last one. */
export function templateSnippet(text: string): string {
  const esc = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  const was = /\s*\(was: [^]*\)$/.exec(text);
  const body = was ? text.slice(0, was.index) : text;
  let n = 0;
  let out = '';
  let last = 0;
  for (const m of body.matchAll(/<([^<>\n]+)>/g)) {
    out += esc(body.slice(last, m.index)) + `\${${++n}:${esc(m[1])}}`;
    last = m.index + m[0].length;
  }
  out += esc(body.slice(last));
  if (was) out += `\${${++n}:${esc(was[0])}}`;
  return out + '$0';
}

/**
 * The picker's rows once something is typed: the row read from the typed words first, standing in for a suggestion of
 * the same value ("next friday" typed on a Friday is "in 1 week", whose row the typed words filter out), then the rest.
 */
export function rowsWithTyped<T extends { value?: string }>(typed: T | undefined, base: readonly T[]): T[] {
  return typed ? [typed, ...base.filter((s) => s.value !== typed.value)] : [...base];
}

