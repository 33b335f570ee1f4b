// Items written as already done, in the past tense: "Reverted the change and released 1.270.1", "Sent communications
// to all 305 affected teams", "Re-worked our secrets management", "The team then raised a support ticket". Postmortems
// often list completed actions next to planned ones; the model marks them done, so every view (findings, hover, code
// lens, outline, status bar, reader view) agrees that they need no owner or date.

import { ALL_VERBS, lemma } from './verbs';

const DONE_VERB_RE =
  /^(?:re-?)?(?:reverted|rolled back|re-?worked|worked around|rewrote|rewritten|issued|sent|fixed|switched|retagged|moved|deployed|released|merged|removed|deleted|disabled|enabled|restarted|raised|rotated|revoked|upgraded|downgraded|patched|migrated|increased|decreased|reduced|adjusted|implemented|configured|added|created|updated|replaced|installed|resolved|refunded|notified|contacted|published|scaled|restored|cleaned up|purged|rescoped|extended|introduced|shipped|completed|finished|tightened|hardened|got|received|escalated|filed|documented|drafted|wrote|held|posted|paged|drained|cordoned|established|built)\b(?!\s+(?:to|by|when|if)\b)/i;
/** "Switched to pnpm 10", "Upgraded to 1.30", "Transitioned to a multi-ISP architecture": done, where "Moved to next quarter" is not. */
const DONE_TO_RE = /^(?:re-?)?(?:switched|migrated|upgraded|downgraded|transitioned|moved over)\s+to\b/i;
/**
 * What may come before the verb: a checkbox, a bold label or a plain one of up to three words ("Test guard: …",
 * "External probe: …"), an opening "As a first step" / "Since then", "We've", "I have", "The team then", "We
 * significantly", "We have for several years".
 */
const LEAD_RE = /^\s*(?:\[[ xX]?\]\s*)?(?:\*\*[^*]{1,80}\*\*\s*[:：]?\s*|\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}:\s+)?(?:(?:as a first step|as an immediate (?:step|measure|fix)|first(?:ly)?|since then|in the meantime|meanwhile),?\s+)?(?:(?:we(?:'ve| have)?|i(?:'ve| have)|the team(?: has| have)?)\s+(?:(?:then|also|\p{L}+ly|for (?:(?:several|many|a few|some|two|three|\d+) )?(?:years|months|weeks))\s+)?)?/iu;

/**
 * Finished work told in the passive: "Changes have been made to the pool limits", "Delayed payments were replayed and
 * settled", "The runbook has been updated", "Pool alert added". The subject is a short noun phrase (no instruction
 * verb before it: "Ensure the job was retried" is open), then has/have been, was/were, is/are now, or the participle
 * straight after the noun.
 */
const PASSIVE_RE =
  /^(?:(?!(?:if|should|would|could|will|must|may|might|we|to|that|when|whether|have|has|not|can|need|needs)\b)[\p{L}\p{N}`'’/.-]+\s+){0,10}?(?:(?:has|have) (?:now |already |also )?been|(?:was|were)(?: now| already| also)?|(?:is|are) now)\s+(?:\p{L}+ly\s+)?(?!(?:moved|pushed|deferred|postponed|delayed|scheduled|planned|proposed|suggested|requested|assigned|asked|expected|needed|required|tracked|discussed|blocked|opened|given|chosen|taken)\b)(?:made|done|[\p{L}-]+ed|[\p{L}]+en|set|put|built|sent|run|rewritten|written|found)\b/iu;
/** The participles of finished work that may follow a short noun phrase ("Pool alert added", "**Both nodes upgraded**"). */
const DONE_PARTICIPLES =
  'added|created|deployed|fixed|merged|released|removed|enabled|disabled|updated|rotated|revoked|upgraded|patched|migrated|raised|increased|reduced|restored|documented|implemented|configured|replaced|installed|published|shipped|completed|resolved|halted|paused|suspended|stopped|notified|informed|contacted|offered|switched|reverted|rolled back|restarted|rebooted|rebuilt|renewed|recovered|repaired|replayed|backfilled|reindexed|cleared|flushed|drained|isolated|quarantined|terminated|refunded|reimbursed|reconciled|verified|pinned|improved|wired';
/** What may follow such a participle: the end, a stop, or a place or manner ("… to 1.30", "… by hand"); not "by <date>". */
const DONE_AFTER = String.raw`(?=\s*(?:$|[.,;:(_*]|\s(?:to|in|into|on|for|and|at|with|across|so|by hand|manually)\b))`;
/**
 * "Pool saturation alert added", "Dashboards created for …", "KHYPE-USDC pool halted.", "Deposits paused on every
 * market": a noun phrase, then a participle from the done verbs (a report's telegraphic "what we did").
 * Not after "being" / "to be" / "will": "All tokens are being rotated" is work under way.
 */
const NOUN_PARTICIPLE_RE = new RegExp(
  `^(?:(?!(?:being|be|will|to|not|still)\\s)(?:the|a|an|new|[\\p{L}\\p{N}\`'’/.-]+)\\s+){1,5}?(?:${DONE_PARTICIPLES})\\b${DONE_AFTER}`,
  'iu',
);
/**
 * "- **QDevice NSS database** rebuilt by hand: …", "- **PveGuestDown alert** improved (PR #117)": a bold name, then the participle
 * after it, as above.
 */
const LABEL_THEN_PARTICIPLE_RE = new RegExp(
  `^\\s*(?:\\[[ xX]?\\]\\s*)?\\*\\*[^*\\n]{1,80}\\*\\*\\s+(?:${DONE_PARTICIPLES})\\b${DONE_AFTER}`,
  'iu',
);
/** Words that start an instruction or a condition: what follows is open work or not a statement of fact. */
const OPEN_LEAD_RE =
  /^(?:ensure|make|check|verify|confirm|investigate|determine|find|document|review|if|when|whether|once|until|after|before|should|must|need|needs|consider|evaluate|decide|understand|figure|ask|see|track|monitor|test|validate|audit|assess|look|explore|identify|alert|add|create|write|build|set|we|they|it|this|that|there)\b/i;

/**
 * Finished work told by its doer with a verb outside the list above: "We tweaked/adjusted the pull limit", "We've
 * advised the teams to adjust their deployments", "The team has re-tagged every image". A first-person or team subject,
 * then a past tense or a participle after has/have; decided here by the form of the verb (an -ed word or a common
 * irregular past), not word by word. Quiet where the clause reads as intention, deliberation or work under way ("We
 * decided to …", "We discussed …", "We started …", "We've been working on …") or where a future or modal marker
 * follows in the same sentence ("We added a flag and will remove it when …").
 */
// "I've modified the release procedure …": a blog post's writer telling their own finished change, as "We've" does
const SUBJECT_RE = /\b(?:we|team)\b|\bi(?:['’]ve| have)\s/i;
const PERFECT_RE = /\b(?:have|has)\b|['’]ve\b/i;
/** One word, or two joined by a slash ("tweaked/adjusted"). */
const VERB_WORD_RE = /^[\p{L}’'-]+(?:\/[\p{L}’'-]+)?/u;
const IRREGULAR_PAST = new Set(['made', 'built', 'rebuilt', 'wrote', 'rewrote', 'sent', 'ran', 'reran', 'took', 'gave', 'found', 'kept', 'told', 'brought', 'spent', 'got', 'held', 'led', 'paid', 'bought', 'did', 'undid', 'redid', 'taught', 'threw', 'drew', 'froze', 'chose', 'swapped']);
/** Participles after has/have that are not -ed: "We've written", "The team has taken". */
const IRREGULAR_PARTICIPLE = new Set(['written', 'rewritten', 'taken', 'given', 'done', 'redone', 'undone', 'drawn', 'frozen', 'chosen', 'shown', 'put', 'set', 'cut', 'shut', 'split', 'rolled']);
/** Past forms that report intention, deliberation, a finding or a start, not finished work. */
const NOT_FINISHED = new Set(['needed', 'wanted', 'planned', 'intended', 'decided', 'agreed', 'proposed', 'suggested', 'discussed', 'considered', 'noted', 'noticed', 'learned', 'learnt', 'realised', 'realized', 'expected', 'hoped', 'tried', 'attempted', 'started', 'began', 'begun', 'asked', 'requested', 'scheduled', 'missed', 'failed', 'lacked', 'struggled', 'assumed', 'believed', 'wondered', 'talked', 'aimed', 'used', 'been', 'identified', 'observed', 'seen', 'determined', 'concluded', 'committed', 'pledged', 'promised', 'prioritised', 'prioritized']);
const NOT_PAST_ED = new Set(['need', 'feed', 'seed', 'speed', 'proceed', 'exceed', 'succeed', 'embed', 'bleed', 'breed', 'heed', 'shed', 'bed', 'red', 'wed', 'shred']);
/** A marker of work still to come, later in the same sentence. */
const FUTURE_RE = /\b(?:will|shall|going to|plans? to|need(?:s|ed)? to|should|must|would|to be done|next (?:week|sprint|quarter|month|release)|follow[- ]up)\b|['’]ll\b/i;

function pastForm(word: string, perfect: boolean): boolean {
  const w = word.toLowerCase().replace(/[’']/g, "'");
  if (NOT_FINISHED.has(w) || NOT_PAST_ED.has(w)) return false;
  if (IRREGULAR_PAST.has(w) || (perfect && IRREGULAR_PARTICIPLE.has(w))) return true;
  return w.length >= 4 && w.endsWith('ed') && !w.endsWith('eed');
}

/** Length of "We tweaked/adjusted" (lead and verb) when the subject tells finished work, else 0. */
function pastTenseBySubject(lead: string, rest: string): number {
  if (!SUBJECT_RE.test(lead)) return 0;
  const m = VERB_WORD_RE.exec(rest);
  if (!m) return 0;
  const perfect = PERFECT_RE.test(lead);
  // every word of "tweaked/adjusted" must be a finished form
  if (!m[0].split('/').every((w) => pastForm(w, perfect))) return 0;
  const after = rest.slice(m[0].length);
  if (/^\s+(?:to|by|when|if|on|about|whether)\b/i.test(after) && !perfect) return 0;
  if (TICKET_FOR_WORK_RE.test(after)) return 0;
  const sentenceEnd = after.search(/[.!?](?:\s|$)|\n\s*\n/);
  if (FUTURE_RE.test(sentenceEnd < 0 ? after : after.slice(0, sentenceEnd))) return 0;
  return lead.length + m[0].length;
}

/**
 * "a ticket to …", "a backlog task to …", "a Jira issue for …": a tracker entry for the work, not the work; "a support
 * ticket with the CDN vendor": a question put to another party, open until they answer.
 */
const TICKET_FOR_WORK_RE = /^\s+(?:an?\s+|the\s+)?(?:\[)?(?:(?:backlog|jira|github|gitlab|linear|tracking|follow[- ]?up|separate|support)\s+)?(?:ticket|issue|story|card|jira|task|follow[- ]?up|case)s?(?:\]\([^)]*\))?\s+(?:to|for|with)\s+/i;

/**
 * A bold label that is itself the finished work, a noun phrase then a participle: "- **Rule encoded** in […]: …",
 * "- **Baseline coverage added** in `tests/…`: …".
 */
const LABEL_DONE_RE = new RegExp(
  `^\\s*(?:\\[[ xX]?\\]\\s*)?\\*\\*((?:(?!(?:to|be|will|not|being|should|must|needs?)\\s)[\\p{L}\\p{N}-]+,?\\s+){1,4}(?:${DONE_PARTICIPLES}|encoded|codified))\\*\\*`,
  'iu',
);
/**
 * A rule written down: "The generalized rule — … — is encoded in [`….instructions.md`]", "This is now codified in
 * the runbook", "`….instructions.md` scoped to … encodes the rule: …". Only encoded / codified: the words say the
 * knowledge now lives in the named place.
 */
const CODIFIED_RE = /^(?:[^.\n]|\.(?=\S)){0,250}?\s(?:(?:is|are|has been|have been|was|were)\s+(?:now\s+|already\s+)?(?:encoded|codified)\s+(?:in|into)|(?:now\s+)?(?:encodes|codifies)\s+(?:the|this|that|these|those|a)\s+(?:rules?|contract|invariant|constraint|lesson))\b/i;

/**
 * "For the time being we are running JIRA behind a proxy with these rules:", "For now we're using the old mirror": a
 * stopgap told as in place (the lasting fix, if any, is another item). Not where the sentence says what will come.
 */
const STOPGAP_RE = /^\s*(?:for the time being|for now|in the meantime),?\s+we(?:'re|’re|\s+are)\s+(?:now\s+)?(?:running|using|serving|routing|blocking|redirecting|proxying)\b/i;

/**
 * "A proposal has been made to introduce centralized logging", "An RFC was written to …": the proposal is made, the
 * work it proposes is still to come (as with "a ticket to …").
 */
const PROPOSAL_RE = /^\s*(?:an?|the|our)\s+(?:proposal|suggestion|request|recommendation|rfc|plan)\s+(?:has|have|was|were)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:made|submitted|raised|filed|sent|drafted|written|put\s+forward)\s+(?:to|for)\b/i;

/**
 * "Already run the script to restore all the test accounts.", "Already added the fix …": "already" and then a
 * participle is work told as finished, whatever the verb (the bare "Run the script" would be an instruction). Not
 * where the participle says the work is only arranged ("Already planned", "Already filed a ticket to …").
 */
const ALREADY_DONE_RE =
  /^already\s+(?:been\s+)?(?!(?:planned|scheduled|proposed|requested|discussed|tracked|filed|opened|assigned|asked|started|begun)\b)(?:[\p{L}-]+ed|run|rerun|re-run|done|made|built|rebuilt|sent|set|put|written|rewritten|taken|given|shut|cut|split|rolled out)\b/iu;

/**
 * Finished prevention told as what now is, in the present: "ADR [0004-….md] defines the multi-tenant Caddy pattern",
 * "`api/tests/test_infra.py` asserts the snippet file exists …", "The deploy now runs a smoke test". A short noun
 * phrase (not an instruction: its first word is no verb), then one of a few verbs that say what a rule, test, check
 * or document does, with its object. A state, not work to assign. Not where the same sentence says what will come
 * ("… and will cover the staging proxy too").
 */
const PRESENT_STATE_RE =
  /^\s*((?:\[[^\]\n]{1,120}\]\([^()\s]{1,200}\)|[\p{L}\p{N}`'’/._-]+)(?:\s+(?:\[[^\]\n]{1,120}\]\([^()\s]{1,200}\)|[\p{L}\p{N}`'’/._-]+)){0,3}?)\s+(?:now\s+)?(?:defines|asserts|enforces|covers|contains|validates|verifies|rejects|catches|forbids|exposes|prevents|protects|ensures|guarantees)\s+(?:the|a|an|every|each|all|any|that|whether|which|what|how|its|their|this|these|those|it|them)\b/iu;
function presentState(text: string): RegExpExecArray | null {
  const m = PRESENT_STATE_RE.exec(text);
  if (!m) return null;
  const first = m[1].split(/\s+/)[0].replace(/[`'’]/g, '');
  if (ALL_VERBS.has(lemma(first)) || /^(?:we|i|you|they|it|this|that|these|those|there|what|which|who|how|if|when)$/i.test(first)) return null;
  const sentenceEnd = text.search(/[.!?](?:\s|$)/);
  return STILL_TO_COME_RE.test(sentenceEnd < 0 ? text : text.slice(0, sentenceEnd)) ? null : m;
}
/** Work still to come in the same sentence ("… and will cover …"); not "must" / "should", which a rule stated says. */
const STILL_TO_COME_RE = /\b(?:will|shall|going to|plans? to|next (?:week|sprint|quarter|month|release)|to be done)\b|['’]ll\b/i;

/** Length of the leading words that say the item is done ("The team then raised"), or 0 when it reads as open work. */
export function completedPrefix(text: string): number {
  if (negatedOpening(text)) return 0;
  const label = LABEL_DONE_RE.exec(text) ?? LABEL_THEN_PARTICIPLE_RE.exec(text);
  if (label) return label[0].length;
  const stopgap = STOPGAP_RE.exec(text);
  if (stopgap && !FUTURE_RE.test(text.split(/[.!?](?:\s|$)/)[0])) return stopgap[0].length;
  const codified = CODIFIED_RE.exec(text);
  if (codified) return codified[0].length;
  const lead = LEAD_RE.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  const already = ALREADY_DONE_RE.exec(rest);
  if (already && !TICKET_FOR_WORK_RE.test(rest.slice(already[0].length))) return lead + already[0].length;
  const m = DONE_VERB_RE.exec(rest) ?? DONE_TO_RE.exec(rest);
  // "Created a ticket to migrate X": the ticket is done, the work is not
  if (m && TICKET_FOR_WORK_RE.test(rest.slice(m[0].length))) return 0;
  if (m) return lead + m[0].length;
  const told = pastTenseBySubject(text.slice(0, lead), rest);
  if (told) return told;
  const plainRest = rest.replace(/[*_]+/g, (s) => ' '.repeat(s.length));
  if (OPEN_LEAD_RE.test(plainRest.trimStart()) || PROPOSAL_RE.test(plainRest)) return 0;
  const p = PASSIVE_RE.exec(plainRest) ?? NOUN_PARTICIPLE_RE.exec(plainRest) ?? bySubject(plainRest) ?? presentState(plainRest);
  return p ? lead + p[0].length : 0;
}

/**
 * "We did not test the migration", "We have not yet deployed the fix", "We never rolled it out": a negation among the
 * first five words says the work was not done, whatever verb follows.
 */
function negatedOpening(text: string): boolean {
  const words = text.trimStart().slice(0, 80).split(/\s+/, 5);
  return words.some((w) => NEGATION_RE.test(w));
}
const NEGATION_RE = /^(?:not|never|nor)$|n['’]t$/i;

/**
 * "Execution clients implemented a fix for …", "Geth merged the patch": a named doer, a verb of finished work and its
 * object. Not where the first word is an instruction ("Test suites added …" stays open: it may be "test").
 */
function bySubject(text: string): RegExpExecArray | null {
  const m = SUBJECT_DONE_RE.exec(text);
  return m && !ALL_VERBS.has(lemma(m[1])) ? m : null;
}
const SUBJECT_DONE_RE =
  /^\s*([\p{L}][\p{L}\p{N}.-]*)(?:\s+[\p{L}\p{N}][\p{L}\p{N}.-]*){0,3}?\s+(?:implemented|merged|deployed|released|shipped|fixed|patched|added|updated|removed|published|rolled out)(?=\s+(?:an?|the|new|its|their|support)\b)/iu;

/**
 * A later sentence of the same item that commits to work on it: "The --x option is implemented to skip the check. It
 * will be turned off to allow …": the first sentence describes what is, the item is the change still to come. Or a
 * later clause that weighs a change still to come: "We have historically chosen the default CDN but we may consider
 * establishing a policy …": the past tense tells the habit, the hedge about the future is the proposal.
 */
export function laterCommitment(text: string, from: number): boolean {
  return LATER_COMMITMENT_RE.test(text.slice(from));
}
const LATER_COMMITMENT_RE = /[.!?]\s+(?:it|this|that|they|these|those|we)\s+(?:\p{L}+ly\s+)?(?:will|shall) (?!not\b|(?:give|provide|allow|enable|help|let|mean|make|ensure|reduce|improve|prevent|protect|simplify|save|lower) (?:us|them|you|the|our|their|it|a|an)\b)|\bbut\s+(?:we|the team)\s+(?:may|might|could|should|would like to)\s+(?:also\s+|still\s+|now\s+)?(?:consider|look|explore|evaluate|revisit|investigate|want)\b/iu;

export function looksCompleted(text: string): boolean {
  return completedPrefix(text) > 0;
}

/**
 * Done-ness said after the item, in a trailing clause: "Use our PSPs instead of eks-privilege - this has already been
 * done.", "Pin the chart version, now done", "Add the lag alert (completed in #123)", "… _done in grafana_." The clause
 * follows a dash, comma, semicolon, opening parenthesis or full stop and runs to the end of the item. Not "- to be
 * done", "(not done)", "- done by Friday" (a due date), "- partially done" or "once this is done": only "done" /
 * "completed" / "implemented" / "fixed" / "resolved", optionally after "this has (already) been", "already" or "now",
 * and optionally followed by where or when ("in #123", "via the runbook", "in grafana", "as of 2021-10-29"); an exclamation inside the parenthesis
 * ("(Done!)") is the same status. A closing sentence saying the team did it ("… as the right user. We already
 * implemented that now.") is the same clause.
 */
const DONE_TAIL_RE =
  /^(?:(?:this|it) (?:has (?:now |already )?been|was(?: already)?|is (?:now|already)) |already |now )?[_*]{0,2}(?:done|completed|implemented|fixed|resolved)(?: (?:in|via|with|on|as of) [^()\n]{1,40})?[_*]{0,2}[.!]?\)?[.!]?$/i;
const ALREADY_IN_PLACE_RE =
  /^(?:(?:this|it) is )?(?:already|now) in place[.!]?$|^we(?: have| had)? (?:already |now )?(?:implemented|done|did|fixed|shipped|deployed|added|completed|changed) (?:that|this|it)(?: already| now)?[.!]?$/i;
/** The separators a trailing clause follows: " - ", " – ", " — ", ", ", "; ", "(", ". ". */
const TAIL_SEPARATOR_RE = /\s[-–—]\s|[,;]\s|\(|\.\s/g;

/** Where a trailing "- this has already been done" clause starts in the item's text, or -1. */
export function completedSuffix(text: string): number {
  const end = text.trimEnd().length;
  // the clause is short: look at the last 100 characters only
  const from = Math.max(0, end - 100);
  const tail = text.slice(from, end);
  for (const m of tail.matchAll(TAIL_SEPARATOR_RE)) {
    const start = m.index + m[0].length;
    const clause = tail.slice(start).replace(/\s+/g, ' ').trim();
    // the status is the clause itself ("this has already been done"), with its parenthesis when it has one
    if (DONE_TAIL_RE.test(clause) || ALREADY_IN_PLACE_RE.test(clause)) return from + (m[0] === '(' ? m.index : start);
  }
  return -1;
}
