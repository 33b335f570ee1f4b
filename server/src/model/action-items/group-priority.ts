// Items grouped under sub-headings that rank them: "### P1", "### High priority", "### Immediate (This Sprint)",
// "### Long-term (Next Quarter)". The heading is the priority a reader sees for every item under it, so an item that
// states none of its own takes the nearest such heading's (as its `priority` field, the heading's text): the priority
// rule, hover, reader view and archive then agree with the reader. Only headings inside the action-items section
// count; a heading that only names a theme ("Detect", "Database") gives none.
import type { ActionItem, Section } from '../types';
import { findPriority, priorityOf } from '../fields';
import type { ParseContext } from './common';
import type { Hit } from '../fields';
import type { Priority } from '../types';

/** Time tiers a team ranks its follow-ups by: the sooner, the higher. Never low (a horizon is not a "won't do"). */
const TIERS: [RegExp, number][] = [
  [/^(?:immediate(?:ly)?|urgent|now|short[- ]term|near[- ]term|this (?:sprint|week)|before (?:the )?next release)\b/i, 1],
  [/^(?:medium(?:[- ]to[- ]long)?[- ]term|mid[- ]term|next (?:sprint|month|quarter|two weeks|2 weeks)|this (?:month|quarter))\b/i, 2],
  [/^(?:long(?:er)?[- ]term|next (?:half|year))\b/i, 2],
];

/** The time tier a short group title names ("Short-term:", "Medium-to-long term initiatives."), or undefined. */
function tierLevel(text: string): number | undefined {
  // "1. Immediate (This Sprint)", "**Short-term**": numbering and emphasis around the tier word
  const bare = text.trim().replace(/^(?:\d{1,2}[.)]\s+)?[*_]{0,2}/, '');
  for (const [re, level] of TIERS) if (re.test(bare)) return level;
  return undefined;
}

/**
 * A short line that opens a later tier of the same follow-ups, as a sub-heading would: "Medium-to-long term
 * initiatives.", "Long-term:" (at most five words, no sentence after it). Not "Long-term, we expect traffic to double."
 */
export const isTierLead = (text: string): boolean => {
  const t = text.trim();
  return t.split(/\s+/).length <= 5 && !/[,;]/.test(t) && tierLevel(t) !== undefined;
};

/** The priority a group heading's text gives, or undefined. `offset`: where the text starts in the document. */
export function headingPriority(text: string, offset: number): Hit<Priority> | undefined {
  const lead = text.length - text.trimStart().length;
  const level = tierLevel(text);
  if (level === undefined) return findPriority({ text, offset });
  const t = text.trim();
  return { value: priorityOf(level), text: t, start: offset + lead, end: offset + lead + t.length };
}

/** Gives each item without a priority of its own the one its nearest ranking group heading states. */
export function applyGroupPriority(items: ActionItem[], ctx: ParseContext): void {
  const found = new Map<Section, Hit<Priority> | null>();
  const of = (s: Section): Hit<Priority> | null => {
    let hit = found.get(s);
    if (hit === undefined) {
      const { start, end } = s.titleRange;
      hit = headingPriority(ctx.text.slice(start.offset, end.offset), start.offset) ?? null;
      found.set(s, hit);
    }
    return hit;
  };
  for (const item of items) {
    if (item.priority || item.status !== 'open') continue;
    // the sub-headings between the item and its action-items section, a follow-up name among them ("### Short-term
    // Improvements", "### Long-term Remediation (Q1)" under "## Remediation"): the section itself ranks nothing
    for (let s: Section | undefined = item.section; s && s.kind !== 'deferred' && s.parent?.effectiveKind === 'action-items'; s = s.parent) {
      // only inside an action-items section: a heading elsewhere ("## Immediate response") is no rank
      if (s.effectiveKind !== 'action-items') break;
      const hit = of(s);
      if (hit) {
        item.priority = { value: hit.value, text: hit.text, range: ctx.range(hit.start, hit.end) };
        break;
      }
    }
  }
}
