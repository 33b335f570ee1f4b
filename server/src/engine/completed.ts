// Items written as already done, in the past tense: "Reverted the change and released 1.270.1", "Sent communications
// to all 305 affected teams", "Re-worked our secrets management", "The team then raised a support ticket". Postmortems
// often list completed actions next to planned ones; the model marks them done, so every view (findings, hover, code
// lens, outline, status bar, reader view) agrees that they need no owner or date.

const DONE_VERB_RE =
  /^(?:re-?)?(?:reverted|rolled back|re-?worked|worked around|rewrote|rewritten|issued|sent|fixed|switched|retagged|moved|deployed|released|merged|removed|deleted|disabled|enabled|restarted|raised|rotated|revoked|upgraded|downgraded|patched|migrated|increased|decreased|reduced|adjusted|implemented|configured|added|created|updated|replaced|installed|resolved|refunded|notified|contacted|published|scaled|restored|cleaned up|purged|rescoped|extended|introduced|shipped|completed|finished|tightened|hardened|got|received|escalated|filed|documented|wrote|held|posted|paged|drained|cordoned)\b(?!\s+(?:to|by|when|if)\b)/i;
/** "Switched to pnpm 10", "Upgraded to 1.30": done, where "Moved to next quarter" is not. */
const DONE_TO_RE = /^(?:re-?)?(?:switched|migrated|upgraded|downgraded)\s+to\b/i;
/** What may come before the verb: a checkbox, a bold label, "We've", "The team then", "We significantly". */
const LEAD_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:\*\*[^*]{1,80}\*\*\s*[:：]?\s*)?(?:(?:we(?:'ve| have)?|the team(?: has| have)?)\s+(?:(?:then|also|\p{L}+ly)\s+)?)?/iu;

/** Length of the leading words that say the item is done ("The team then raised"), or 0 when it reads as open work. */
export function completedPrefix(text: string): number {
  const lead = LEAD_RE.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  const m = DONE_VERB_RE.exec(rest) ?? DONE_TO_RE.exec(rest);
  return m ? lead + m[0].length : 0;
}

export function looksCompleted(text: string): boolean {
  return completedPrefix(text) > 0;
}
