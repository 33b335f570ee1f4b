// Whether one sentence of prose commits the team to future work: "A new process will be created …", "We and AWS are
// still investigating …", "Chia plans to have …". Hedges, explanations, predictions, pledges about behaviour,
// descriptions ("will be PyPI") and conditional "will" do not. Pure functions of the sentence's plain text.
import { startsImperative } from '../verbs';

/**
 * A sentence that commits to future work: "A new process will be created …", "Chia plans to have …", "We are
 * actively working on …", "All secrets are being rotated.", "… remains a priority", "… is also under way.", "Another
 * thing to work on moving forward.", "We have begun retooling …" (begun, not finished; "have begun monitoring" is a
 * watch already running). Hedged
 * sentences ("This will likely involve …", "It may be that …") and sentences about what the text itself says ("This
 * means …") explain; they are not follow-ups.
 */
const COMMIT_RE =
  /\b(?:will|shall|(?:is|are|am) (?:(?:also|still|now) )?going to|(?<!\b(?:my|our|the|a|their|his|her|its|this|that) )plans? to|planning to|intends? to|(?:is|are) (?:(?:actively|currently|now|also|still) )*(?:working on|working to|investigating|looking into|exploring|evaluating|discussing|hiring|being (?:rotated|replaced|rebuilt|reviewed|updated|added|created|implemented|migrated|moved|rewritten|redesigned|investigated|planned)|planned|scheduled|under way|underway)|remains? a (?:top )?priority|(?:have|has|'ve|’ve)\s+(?:(?:also|now|already)\s+)?(?:begun|started)\s+(?:the\s+process\s+of\s+)?(?:\w+ly\s+)?(?!monitoring|watching|tracking|alerting)\w+ing|(?:another|one more) (?:thing|area) to (?:work on|improve|fix|address)|(?:we are|we're) prioriti[sz]ing|(?:we are|we're) (?:(?:actively|currently|now|also|still) )*(?:building|writing|developing|implementing|setting up|rolling out|introducing)(?= (?:an?|the|new|more|tests?|checks?|alerts?|monitoring|tooling|automation|safeguards?)\b)|changes (?:are )?coming|(?:is|are) (?:also )?under way)\b/i;
/**
 * "SRE team to have encoded URLs as part of their sanity test …", "The infra team to add an alert …": a named team handed
 * the work, as meeting notes write it (not "the team to …", "our team to …": nobody named).
 */
const TEAM_TO_RE = /^(?:[Tt]he\s+)?(?!(?:[Tt]he|[Oo]ur|[Ee]very|[Ee]ach|[Ww]hole|[Ee]ntire|[Tt]his|[Tt]hat|[Aa]ny)\b)(?:[A-Z]{2,6}|[A-Z][a-z]+|[a-z]{3,})(?:\s+[a-z]+)?\s+team\s+to\s+(?!be\b)[a-z]+/;
const HEDGE_RE = /\b(?:likely|may|might|could|would|perhaps|possibly|probably|hopefully|ideally)\b/i;
// where a clause that the commitment governs starts: a hedge after it belongs to that clause ("we will review and
// determine if future reports could be made …", "looking into disallowing usernames that could be impersonating …")
const SUBORDINATE_RE = /\b(?:that|which|who|whom|whose|if|whether|how|why|what|where)\b/gi;

/**
 * The sentence hedges its commitment: a hedge word before the commitment or in the clause that carries it. One inside
 * a clause the commitment governs (a question to answer, a relative clause) asks or describes; it does not hedge.
 */
function hedged(s: string): boolean {
  return HEDGE_RE.test(committingClause(s));
}

/** The sentence up to the first subordinate clause after its commitment (all of it without a commitment). */
function committingClause(s: string): string {
  const c = COMMIT_RE.exec(s);
  if (!c) return s;
  SUBORDINATE_RE.lastIndex = c.index + c[0].length;
  const sub = SUBORDINATE_RE.exec(s);
  return sub ? s.slice(0, sub.index) : s;
}
// a pronoun subject ("This will likely …", "It means …"); "This exclusion will be removed …" names its object
const EXPLAINS_RE = /^(?:(?:this|that|it|these|those|which)\s+(?:will|would|is|are|was|were|means?|meant|may|might|can|could|should|has|have|had)\b|there is\b|here\b)/i;
// "will" after these is about the incident or the world, not a commitment ("users will see", "the job will fail"),
// ("users will see", "Python will silently fail"), and "will prevent / ensure / help …" predicts an effect
// "will still be displayed" describes how the product keeps behaving, and "this post mortem will be updated" is about
// the document itself: neither is work for the team. "it will always validate blocks first" tells how the fixed
// system behaves. "will avoid / refrain from / try to …" is a pledge about how
// someone will behave, not work that can be finished ("I have revoked the token, and will avoid creating one …").
// "will take time", "will turn into enforcement", "will become" predict or describe; "the team will be working
// diligently to ensure that such incidents do not reoccur" pledges an outcome, names no change
// Read in the clause that commits (as hedges are: "We will add rate limiting, which will prevent abuse" commits; the
// prediction is about the work's effect).
const NOT_COMMIT_RE =
  /\bwill (?:\w+ly )?(?:not|never|still|always|be able|have to|need to|see|fail|break|crash|happen|occur|continue to (?:see|fail|work)|prevent|ensure|help|reduce|allow|enable|mean|result|give|provide|avoid|refrain from|try to|take|turn into|become|(?:be )?work(?:ing)? (?:\w+ly |hard |closely )?to (?:ensure|make sure|prevent|avoid))\b/i;
/**
 * "… and we will continue to extend the surface area of these checks into the future": carrying on with no end named
 * is a pledge about how the team keeps working (a lesson), not work that can be finished.
 */
const CONTINUES_OPEN_ENDED_RE = /\bwill (?:\w+ly )?continue to [^.;]{0,160}?\b(?:into the future|going forward|moving forward|indefinitely)\b/i;
export const continuesOpenEnded = (plainText: string): boolean => CONTINUES_OPEN_ENDED_RE.test(plainText);
/**
 * "Finally, though not relevant to this specific attack, we should further restrict access for production systems.":
 * the paragraph that closes a follow-up list by proposing one more change, in the first person. Not a hedge or a
 * deliberation ("we should consider …", "we should look into …").
 */
const CLOSING_PROPOSAL_RE = /^(?:finally|lastly), (?:[^,;.]{1,80}, )?we (?:should|must|need to) (?:(?:also|further|\w+ly) )?(?!consider\b|think\b|look\b|explore\b|investigate\b|evaluate\b|discuss\b|try\b|be\b)[a-z]+ \w/i;
/** Read on the text with single spaces, so that the expression is linear. */
export const closingProposal = (plainText: string): boolean => {
  const one = plainText.replace(/\s+/g, ' ').trim();
  return CLOSING_PROPOSAL_RE.test(one) && !hedged(one);
};
// anywhere in the sentence: it is about the document, or dated by its writing
const ABOUT_WRITING_RE = /\b(?:at (?:the )?time of writing|as of writing)\b|\b(?:post[- ]?mortem|document|report|write[- ]?up|page|post|rca) will be (?:updated|amended|revised|extended|expanded|edited)\b/i;
/** "I'll add for further memory that …", "I should note that …": the writer adding a remark, saying, not work. */
export const REMARK_RE = /\b(?:I|we)(?:'ll|’ll| will| should| would| must| can)\s+(?:also\s+)?(?:add|note|mention|say|point out|admit|stress)(?:\s+(?:here|also|too|for [^.!?,\n]{1,30}?|as [^.!?,\n]{1,20}?))?\s+that\b(?!\s+(?:[\w-]+\s+)?(?:in|into|to|on|at|for)\b(?! addition\b))/i;
/**
 * "I'll take a grumpy server over a silent server any day.": a preference, not work; "And with that, I'll prepare to
 * launch the redesign later this week": the sign-off turning to the writer's next thing.
 */
export const SAYING_RE = /\b(?:I|we)(?:'ll|’ll| will| would|'d|’d)\s+take\s+(?:[^\s.!?]+\s+){1,8}?over\s+(?:[^\s.!?]+\s+){1,8}?(?:any ?day|every time|any ?time)\b|^(?:and\s+)?with\s+that(?:\s+said)?,\s/i;
/**
 * "In this section, I'll break down the different steps of our incident response process.": the writer announcing what
 * the text goes on to tell, not work to be done (as "we'll walk through each issue below").
 */
const OPENS_ABOUT_TEXT_RE = /^(?:in|throughout|with) (?:this|the (?:following|next)) (?:section|post|blog(?: post)?|article|document|write[- ]?up|report|piece|part|page)\b/i;
const TELLS_RE = /\b(?:I|we)(?:'ll|\u2019ll| will) (?:now |briefly |first )?(?:talk about|break down|walk (?:you )?through|go (?:over|through)|explain|describe|outline|summari[sz]e|recap|dive into)\b/i;
const IN_THIS_TEXT_RE = /\bbelow\b|\bin this (?:section|post|blog|article|document|write[- ]?up|report)\b/i;
export const aboutThisText = (plainText: string): boolean => OPENS_ABOUT_TEXT_RE.test(plainText) || (TELLS_RE.test(plainText) && IN_THIS_TEXT_RE.test(plainText));

/**
 * "will be" before a name states what something is ("Part of their remit will be PyPI"): a description, not work
 * being committed to ("will be replaced", "will be working on"). Case-sensitive: the name is capitalised. An article
 * is not enough ("anyone who will be an admin" sits in a real follow-up).
 */
const WILL_BE_NAME_RE = /\bwill be [A-Z][\w-]*\b/;
const willOnlyDescribe = (s: string) => WILL_BE_NAME_RE.test(s) && !COMMIT_RE.test(s.replace(/\bwill be\b/g, ''));

/**
 * "There are plenty of users out there who will have been affected by the problem": a "will" whose subject is "who"
 * tells about the people the sentence names (what they will see, or, future-perfect, what they will have gone
 * through), not work the team takes on. Only when no other commitment is left once that clause's "will" is set aside
 * ("We will write to everyone who will be affected" still commits), and not in a sentence that opens as an imperative
 * ("Share the rules with anyone who will be an admin": a to-do, kept as before).
 */
const WHO_WILL_RE = /\bwho\s+(?:\w+ly\s+)?will\b/gi;
const willOnlyAboutPeople = (s: string) => {
  WHO_WILL_RE.lastIndex = 0;
  return WHO_WILL_RE.test(s) && !COMMIT_RE.test(s.replace(WHO_WILL_RE, 'who'));
};

const CONDITION_RE = /\b(?:if|when|once|until|unless|otherwise|whether)\b/gi;
const WILL_RE = /\bwill\b/gi;
/**
 * "If the job fails, we will …" is not a commitment: a condition word, then "will" before the next , . or ;. Read
 * clause by clause from the first condition word (`\bif\b[^,.;]*\bwill\b` rescanned the clause from every "if").
 */
function conditionalWill(s: string): boolean {
  for (const clause of s.split(/[,.;]/)) {
    CONDITION_RE.lastIndex = 0;
    const m = CONDITION_RE.exec(clause);
    if (!m) continue;
    WILL_RE.lastIndex = m.index + m[0].length;
    if (WILL_RE.test(clause)) return true;
  }
  return false;
}

/**
 * Under an action-items heading, a practice named as the subject and said to help recommends doing it: "Continuous
 * training of all employees will help to strengthen …", "Regular reminders about VPN use will help …". Elsewhere
 * "will help" predicts the effect of work told before it.
 */
const RECOMMENDED_RE =
  /^(?:(?:more|additional|further|regular|continuous|continued|ongoing|periodic|frequent|mandatory|annual)\s+)+(?:[\w'-]+\s+){0,2}?(?:training|trainings|reminders|reviews|audits|drills|exercises|education)\b[^.;]{0,80}?\bwill (?:\w+ly )?help\b/i;

/**
 * "We have not been able to migrate to either option due to time pressures to migrate to the new cloud, which will go
 * down in 7 days": a sentence that opens by saying what could not be done reports status; a "will" later in it
 * describes the world. "…, but we will keep investigating" commits in its own clause (see commitmentClauseStart).
 */
const CANNOT_RE =
  /^(?:[\w'’-]+\s+){1,3}?(?:(?:have|has|had)(?:n't|n’t|\s+not)\s+(?:yet\s+)?(?:been\s+(?:able|possible)|managed)\s+to|(?:were|was)(?:n't|n’t|\s+not)\s+(?:yet\s+)?able\s+to|(?:were|was)\s+unable\s+to|could(?:n't|n’t|\s+not)(?:\s+yet)?)\s/i;
/**
 * "We have begun monitoring the states of workflows and will receive an alert whenever …": "will" followed by what the
 * team will be told (receive an alert, be notified) predicts what finished work does; it is not work to do.
 */
const TOLD_AFTER_WILL_RE = /^\s*(?:\w+ly\s+)?(?:receive|get\s+(?:an?\s+)?(?:alert|notification|page|e-?mail|message)|be\s+(?:alerted|notified|paged|warned|informed))\b/i;
function willOnlyTold(s: string): boolean {
  const c = COMMIT_RE.exec(s);
  return !!c && /^will$/i.test(c[0]) && TOLD_AFTER_WILL_RE.test(s.slice(c.index + c[0].length));
}

/**
 * "We have begun monitoring the states of workflows and will receive an alert whenever …": work set up already, told
 * with what it will tell the team. A finished follow-up, not a commitment. The offsets of the opening that says it is
 * done ("We have begun monitoring"), in the text given, or undefined.
 */
const SET_UP_RE = /^(?:we|i)(?:\s+have|'ve|’ve)\s+(?:(?:now|also|already)\s+)?(?:begun|started|set\s+up|added|enabled|configured|deployed|put\s+in\s+place)(?:\s+(?:to\s+)?[\w-]+)?/i;
export function finishedSetup(text: string): [number, number] | undefined {
  const plain = text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ');
  if (!willOnlyTold(plain) || !SET_UP_RE.test(plain)) return undefined;
  const m = SET_UP_RE.exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/**
 * Under an action-items heading, a thing named as the subject and said to need a change asks for that change: "The
 * staging configuration needs to more closely mirror production", "Log parsing needs to be more resilient." Only a
 * named subject (not "this needs to …", see EXPLAINS_RE) and "needs to" in the sentence's own clause, before any
 * comma.
 */
const NEEDED_RE = /^(?!(?:we|i|you|they|it|this|that|there)\b)[^,;:]{3,120}\bneeds? to\s+(?:be\s+)?\w/i;

/**
 * Anywhere: a named thing said to need doing to it, in the passive ("More time needs to be allocated to resilience
 * projects", "The staging cluster needs to be rebuilt from the new image"). Not people told what to do ("Users need
 * to upgrade"): a thing, and "be" with a participle.
 */
const NEEDED_DONE_RE = /^(?!(?:we|i|you|they|it|this|that|there|users?|customers?|operators?|everyone|anyone)\b)[^,;:]{3,120}\bneeds? to be (?:\w+ly )?\w+(?:ed|en|wn|ne|un|t)\b/i;

/**
 * The sentence (plain text, one line) commits to future work. With `toDos` (prose under an action-items heading), a
 * sentence written as a to-do counts too.
 */
export function commitsToWork(plainText: string, toDos = false): boolean {
  if (toDos && RECOMMENDED_RE.test(plainText)) return true;
  if ((toDos ? NEEDED_RE : NEEDED_DONE_RE).test(plainText)) return !(hedged(plainText) || EXPLAINS_RE.test(plainText));
  if (!(COMMIT_RE.test(plainText) || TEAM_TO_RE.test(plainText) || (toDos && startsImperative(plainText)))) return false;
  if (CANNOT_RE.test(plainText) && !commitmentClauseStart(plainText)) return false;
  return !(hedged(plainText) || EXPLAINS_RE.test(plainText) || NOT_COMMIT_RE.test(committingClause(plainText)) || CONTINUES_OPEN_ENDED_RE.test(plainText) || ABOUT_WRITING_RE.test(plainText) || REMARK_RE.test(plainText) || SAYING_RE.test(plainText) || willOnlyDescribe(plainText) || willOnlyTold(plainText) || conditionalWill(plainText) || (!startsImperative(plainText) && willOnlyAboutPeople(plainText)));
}

/**
 * Where the commitment of a sentence starts when a clause that states or explains comes first: "We don't have
 * visibility into why …, but we will review …" → the offset of "but we will review …"; "We agree that we should …" →
 * "we should …". 0 when the sentence commits from its start.
 */
export function commitmentClauseStart(body: string): number {
  const c = COMMIT_RE.exec(body);
  if (!c) return 0;
  let at = 0;
  // the conjunction stays with the follow-up ("but we will review …"): the item reads as the source does
  for (const m of body.slice(0, c.index).matchAll(/[,;]\s+(?=(?:but|yet|so|and so|however,?)\s)/gi)) at = (m.index ?? 0) + m[0].length;
  // "We agree that we should improve …": the lead-in states a view, the clause after it is the follow-up
  const view = /^(?:we|i)\s+(?:\w+\s+)?(?:agree|believe|think|feel|recogni[sz]e|acknowledge|understand)\s+that\s+/i.exec(body);
  if (!at && view && view[0].length <= c.index) return view[0].length;
  return at && !COMMIT_RE.test(body.slice(0, at)) ? at : 0;
}

/**
 * "I've opened a support ticket with Fastly about the range handling.": a ticket filed with someone else is work still
 * open (as "Created a ticket to migrate X"), told in the present perfect by the one who filed it. Not when the same
 * sentence says how it ended ("…, who confirmed and fixed it"), nor "Raised an issue with AWS at 10:29" in a log.
 */
const FILED_TICKET_RE = /^(?:I|we)(?:'ve|\u2019ve| have)\s+(?:(?:also|now|already)\s+)?(?:opened|filed|raised|submitted|created)\s+(?:a|an)\s+(?:support\s+)?(?:ticket|case|bug(?:\s+report)?|issue)\s+(?:with|to|against|for|on|in)\s+\S/i;
const TICKET_ENDED_RE = /\b(?:fixed|resolved|closed|confirmed|answered|replied|responded|rejected|declined)\b/i;
/**
 * The same told in the passive, after what is still unknown: "It's not clear why the API did this, but a ticket has
 * been opened to see if …". The ticket is the sentence's own subject (or that of its clause after ", but").
 */
const TICKET_OPENED_RE = /^((?:[^,;]{0,120},\s+(?:but|and|so)\s+)?)(?:a|an)\s+(?:support\s+)?(?:ticket|case|bug(?:\s+report)?|issue)\s+(?:has|have)\s+(?:also\s+|now\s+|already\s+)?been\s+(?:opened|filed|raised|submitted)\s+(?:with|to|against|for|on|in)\s+\S/i;
export const filedTicket = (plainText: string): boolean => (FILED_TICKET_RE.test(plainText) || TICKET_OPENED_RE.test(plainText)) && !TICKET_ENDED_RE.test(plainText);

/** Where the ticket's own clause starts: after "It's not clear why …, but " (0 when the sentence opens with it). */
export function ticketClauseStart(body: string): number {
  const m = TICKET_OPENED_RE.exec(body);
  return m && !FILED_TICKET_RE.test(body) ? m[1].length : 0;
}
