// Questions to check, not work to track: a "Code Review Checklist" of boxes written as questions ("- [ ] Is every
// `.bold()` call wrapped in `if_supports_color`?", "- [ ] Does the migration have a rollback?"). Each is a check a
// reviewer makes every time, not a follow-up someone owns. Read by action-items/index.ts.
import type { ActionItem } from '../types';
import { bareWords, namesOwnerOrDate } from './common';
import { normalizeHeading } from '../sections';

/**
 * The item's words are a question and nothing else: they open with an auxiliary or a question word ("Is", "Does",
 * "Should", "What", "¿") and every sentence ends with "?". "Can we use ACM instead? Ticket raised #3263" and "Should we
 * add a canary? Yes — @ana by 2026-05-01" say more than the question, and are read as items.
 */
export function isQuestionOnly(itemText: string): boolean {
  const words = bareWords(itemText).replace(/^\[[ xX]?\]\s*/, '');
  if (!QUESTION_OPEN_RE.test(words) || !/\?[)"'”’]?$/.test(words)) return false;
  // a sentence that does not end with "?" before the next one ("Can we X? Unknown, create a ticket …" ends in "?" only
  // when its last sentence is a question too, so every break must follow a "?")
  return !/[.!:;]\s+\p{Lu}/u.test(words);
}
const QUESTION_OPEN_RE =
  /^(?:¿|(?:is|are|was|were|am|does|do|did|can|could|should|would|will|shall|may|might|must|has|have|had|isn't|aren't|wasn't|doesn't|don't|didn't|can't|couldn't|shouldn't|won't|hasn't|haven't|how|what|why|where|when|which|who)\b)/i;

/**
 * A lead-in, bold label or heading that names a checklist or a set of questions to ask: "**Code Review Checklist:**",
 * "## Pre-merge checklist", "Questions to ask in review:". Not "Open questions" (questions still to answer, which a
 * postmortem's follow-ups list as work to investigate).
 */
export function namesChecklist(lead: string | undefined): boolean {
  if (lead === undefined) return false;
  const t = bareWords(lead).replace(/:$/, '').trim();
  return t.length <= 80 && CHECKLIST_RE.test(t);
}
const CHECKLIST_RE = /\bcheck[- ]?lists?\b|\b(?:review|reviewer|self-review|sanity) questions\b|\bquestions to (?:ask|answer|check)\b/i;

/**
 * A question to check, not an item: a box written as a question outside the follow-up sections (a box is a check a
 * reader ticks), or any list entry written as a question under a checklist lead or heading, unless it names an owner,
 * a date or a ticket. A question in a follow-up list ("- Can we search the audit logs without an admin?", "- [ ] Should
 * we add rate limiting?" under "## Action items") is an open question someone will investigate, and stays an item.
 */
export function isCheckQuestion(item: ActionItem, lead?: string): boolean {
  if (item.format !== 'checkbox' && item.format !== 'bullet' && item.format !== 'numbered') return false;
  if (item.owners.length || item.ownerPlaceholder || item.due || item.tickets.length || item.statusField) return false;
  if (!isQuestionOnly(item.text) || namesOwnerOrDate({ text: item.text, offset: 0 })) return false;
  return (item.format === 'checkbox' && item.section.effectiveKind !== 'action-items') || namesChecklist(lead) || underChecklistHeading(item);
}

function underChecklistHeading(item: ActionItem): boolean {
  return namesChecklist(normalizeHeading(item.section.title)) || (item.group !== undefined && namesChecklist(item.group));
}
