// A checklist that gives each step to a role named in capitals as its bold lead ("**USER**: revoke the token",
// "**AGENT**: remove the entry"): the lead says who does the step, as an owner's name would. Pure.
import type { List, ListItem } from 'mdast';
import type { Hit } from '../fields';
import { findPriority, statusOfWord } from '../fields';
import { startOf } from './common';

/**
 * The role leading `li` ("**USER**:", "**OPS:**"), when the list splits its steps between roles that way: at least
 * two different leads in the list, and one of them on two items or more. Not a status or a priority in
 * capitals ("**TODO**:", "**DONE**:", "**CRITICAL**:"), nor one topic per item ("**HTML:**", "**CRLF:**").
 */
export function roleLead(li: ListItem, list: List, text: string): Hit<string> | undefined {
  const own = leadOf(li, text);
  if (!own) return undefined;
  const leads = list.children.map((c) => leadOf(c, text)?.value).filter((w): w is string => w !== undefined);
  const distinct = new Set(leads);
  if (distinct.size < 2 || distinct.size === leads.length) return undefined;
  return own;
}

function leadOf(li: ListItem, text: string): Hit<string> | undefined {
  const first = li.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const at = startOf(first);
  const m = ROLE_LEAD_RE.exec(text.slice(at, at + 40));
  if (!m) return undefined;
  const word = m[1];
  if (statusOfWord(word) || findPriority({ text: word, offset: 0 }) || NOT_A_ROLE.has(word)) return undefined;
  const start = at + m.index + m[0].indexOf(word);
  return { value: word, text: word, start, end: start + word.length };
}

/** "**USER**:" or "**USER:**" at the start of the item (after an open or ticked box GFM did not take). */
const ROLE_LEAD_RE = /^(?:\[[ xX]?\][ \t]*)?(?:\*\*|__)([A-Z]{2,12})(?:(?:\*\*|__)[ \t]*[:：]|[:：](?:\*\*|__))/;
/** Words in capitals that lead a line as a note or a kind of step, not as who does it. */
const NOT_A_ROLE: ReadonlySet<string> = new Set(['NOTE', 'FYI', 'TBD', 'WARNING', 'IMPORTANT', 'UPDATE', 'FIX', 'WHY', 'WHAT', 'HOW', 'WHEN', 'WHERE', 'ACTION', 'DECISION', 'RESULT', 'RISK', 'ISSUE', 'BUG', 'NEW', 'OLD', 'EDIT', 'TIP']);
