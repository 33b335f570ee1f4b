// Pure helpers for prompt fixes: normalising and validating the writer's answers. No vscode import (unit-tested).

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

