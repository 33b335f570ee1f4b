// Items written as already done, in the past tense: "Reverted the change and released 1.270.1", "Sent communications
// to all 305 affected teams", "Re-worked our secrets management", "The team then raised a support ticket". Postmortems
// often list completed actions next to planned ones; the model marks them done, so every view (findings, hover, code
// lens, outline, status bar, reader view) agrees that they need no owner or date.

const DONE_VERB_RE =
  /^(?:re-?)?(?:reverted|rolled back|re-?worked|worked around|rewrote|rewritten|issued|sent|fixed|switched|retagged|moved|deployed|released|merged|removed|deleted|disabled|enabled|restarted|raised|rotated|revoked|upgraded|downgraded|patched|migrated|increased|decreased|reduced|adjusted|implemented|configured|added|created|updated|replaced|installed|resolved|refunded|notified|contacted|published|scaled|restored|cleaned up|purged|rescoped|extended|introduced|shipped|completed|finished|tightened|hardened|got|received|escalated|filed|documented|wrote|held|posted|paged|drained|cordoned|established|built)\b(?!\s+(?:to|by|when|if)\b)/i;
/** "Switched to pnpm 10", "Upgraded to 1.30": done, where "Moved to next quarter" is not. */
const DONE_TO_RE = /^(?:re-?)?(?:switched|migrated|upgraded|downgraded)\s+to\b/i;
/** What may come before the verb: a checkbox, a bold label, "We've", "The team then", "We significantly". */
const LEAD_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:\*\*[^*]{1,80}\*\*\s*[:：]?\s*)?(?:(?:we(?:'ve| have)?|the team(?: has| have)?)\s+(?:(?:then|also|\p{L}+ly)\s+)?)?/iu;

/**
 * Finished work told in the passive: "Changes have been made to the pool limits", "Delayed payments were replayed and
 * settled", "The runbook has been updated", "Pool alert added". The subject is a short noun phrase (no instruction
 * verb before it: "Ensure the job was retried" is open), then has/have been, was/were, is/are now, or the participle
 * straight after the noun.
 */
const PASSIVE_RE =
  /^(?:(?!(?:if|should|would|could|will|must|may|might|we|to|that|when|whether|have|has|not|can|need|needs)\b)[\p{L}\p{N}`'’/.-]+\s+){0,10}?(?:(?:has|have) (?:now |already |also )?been|(?:was|were)(?: now| already| also)?|(?:is|are) now)\s+(?:\p{L}+ly\s+)?(?!(?:moved|pushed|deferred|postponed|delayed|scheduled|planned|proposed|suggested|requested|assigned|asked|expected|needed|required|tracked|discussed|blocked|opened|given|chosen|taken)\b)(?:made|done|[\p{L}-]+ed|[\p{L}]+en|set|put|built|sent|run|rewritten|written)\b/iu;
/**
 * "Pool saturation alert added", "Dashboards created for …": a noun phrase, then a participle from the done verbs.
 * Not after "being" / "to be" / "will": "All tokens are being rotated" is work under way.
 */
const NOUN_PARTICIPLE_RE = /^(?:(?!(?:being|be|will|to|not|still)\s)(?:the|a|an|new|[\p{L}\p{N}`'’/.-]+)\s+){1,5}?(?:added|created|deployed|fixed|merged|released|removed|enabled|disabled|updated|rotated|revoked|upgraded|patched|migrated|raised|increased|reduced|restored|documented|implemented|configured|replaced|installed|published|shipped|completed|resolved)\b(?=\s*(?:$|[.,;:(_*]|\s(?:to|in|on|for|and|at|with|across|so)\b))/iu;
/** Words that start an instruction or a condition: what follows is open work or not a statement of fact. */
const OPEN_LEAD_RE =
  /^(?:ensure|make|check|verify|confirm|investigate|determine|find|document|review|if|when|whether|once|until|after|before|should|must|need|needs|consider|evaluate|decide|understand|figure|ask|see|track|monitor|test|validate|audit|assess|look|explore|identify|alert|add|create|write|build|set|we|they|it|this|that|there)\b/i;

const TICKET_FOR_WORK_RE = /^\s+(?:an?\s+|the\s+)?(?:\[)?(?:ticket|issue|story|card|jira|task|follow[- ]?up)s?(?:\]\([^)]*\))?\s+(?:to|for)\s+/i;

/** Length of the leading words that say the item is done ("The team then raised"), or 0 when it reads as open work. */
export function completedPrefix(text: string): number {
  const lead = LEAD_RE.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  const m = DONE_VERB_RE.exec(rest) ?? DONE_TO_RE.exec(rest);
  // "Created a ticket to migrate X": the ticket is done, the work is not
  if (m && TICKET_FOR_WORK_RE.test(rest.slice(m[0].length))) return 0;
  if (m) return lead + m[0].length;
  const plainRest = rest.replace(/[*_]+/g, (s) => ' '.repeat(s.length));
  if (OPEN_LEAD_RE.test(plainRest.trimStart())) return 0;
  const p = PASSIVE_RE.exec(plainRest) ?? NOUN_PARTICIPLE_RE.exec(plainRest);
  return p ? lead + p[0].length : 0;
}

export function looksCompleted(text: string): boolean {
  return completedPrefix(text) > 0;
}
