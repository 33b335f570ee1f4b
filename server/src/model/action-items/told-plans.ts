// Follow-ups told in the first person in the explanatory sections of a post that has no place for follow-ups ("We're
// also looking at ways of monitoring for corruption issues", "At the next hardware refresh, we will explore using
// ZFS", "A project is also underway to replace the bridges"). Stricter than commitsToWork: outside a follow-up,
// resolution or lessons section a "will" usually describes the system ("The wallet will run code …") or the post
// itself ("We'll be diving into some details"), so only the team's own plan to change something counts. Pure
// functions of the sentence's plain text.
import { commitsToWork, REMARK_RE, SAYING_RE } from './commit-sentence';

/** "we are / we're / I'm (also, still, currently …) <working on a change>": work the team has in hand. */
const DOING_RE =
  /\b(?:we|i)(?:\s+(?:are|am)\s+|['’](?:re|m)\s+)(?:(?:also|still|now|currently|actively|already)\s+)*(?:looking\s+(?:at|into)\s+(?:ways|options|how\s+to|what\s+(?:else\s+)?we\s+can\s+do)|investigating|working\s+on|considering|exploring|evaluating|planning|adding|setting\s+up|rolling\s+out|introducing|replacing|migrating|establishing|extending|switching|double-?checking)\b/i;
/** "we will (also) explore / replace / look at ways …", "we'll be replacing …": a change the team commits to. */
const WILL_RE = /\b(?:we|i)(?:\s+(?:will|shall)|['’]ll)\s+(?:(?:also|now|then|soon|shortly|first)\s+)*(?:be\s+)?([a-z-]+)/i;
/** "we will also look at ways of …": research into a change; "we'll look at how Postgres works" explains the post. */
const LOOK_RE = /\b(?:we|i)(?:\s+(?:will|shall)|['’]ll)\s+(?:also\s+)?(?:be\s+)?look(?:ing)?\s+(?:at\s+ways|into\s+(?:ways|options|how\s+to))\b/i;
/** What a "will" tells that is not a change: keeping on, trying, the post and its updates, how the text goes on. */
const NOT_CHANGE = new Set([
  'not', 'never', 'continue', 'continuing', 'keep', 'keeping', 'try', 'trying', 'share', 'sharing', 'post', 'posting', 'publish',
  'publishing', 'write', 'writing', 'provide', 'providing', 'update', 'updating', 'diving', 'dive', 'going', 'go', 'cover', 'covering',
  'explain', 'explaining', 'describe', 'describing', 'discuss', 'discussing', 'see', 'need', 'have', 'be', 'get', 'happy', 'glad', 'able',
  'start', 'talk', 'talking', 'do', 'doing', 'let', 'look', 'looking', 'notify', 'announce', 'follow', 'reach', 'return', 'hear', 'know', 'learn', 'walk',
]);
/**
 * "we need to work on a shorter recovery time": the team names work still to do; "We also learnt from this that we need
 * a staging environment that mirrors production": a lesson that names what the team needs, i.e. its follow-up.
 */
const NEED_RE = /\b(?:we|i)\s+(?:still\s+)?need\s+to\s+work\s+on\b/i;
const LEARNT_NEED_RE = /\b(?:we|i) (?:also )?(?:learnt|learned|realised|realized) (?:from this )?that we (?:still )?need (?:an?|to) /i;
/** "A project is also underway to replace …": work under way, named as such. */
const UNDER_WAY_RE = /\b(?:project|work|effort|migration|review|rewrite|replacement)\s+(?:is|are)\s+(?:also\s+|now\s+|already\s+)?(?:under\s*way|in\s+progress)\b/i;
/** "The bot's code is being reviewed …": named work in hand, told in the passive. */
const BEING_RE = /\b(?:is|are)\s+(?:(?:also|still|now|currently)\s+)*being\s+(?:reviewed|rotated|replaced|rebuilt|rewritten|redesigned|migrated|hardened|audited|put\s+in\s+place)\b/i;
/** "This is changing in the coming weeks": a change announced with the time it will take. */
const CHANGING_RE = /\b(?:is|are)\s+(?:going\s+to\s+)?chang(?:ing|e)\s+(?:in|over)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months)\b/i;
/** A question, a Q&A line, a clock time (the story of the incident) or the post itself: never a follow-up. */
const NOT_PLAN_RE = /\?|^(?:Q|A)\s*:|\b\d{1,2}:\d{2}\b|\b(?:this|the|next|a future|an upcoming|a follow-up)\s+(?:blog\s+)?(?:post|article|announcement|update|write-?up)\b|\bno\s+plans?\b/i;
const CONDITION_RE = /\b(?:if|unless|whenever|in\s+case|should\s+(?:the|a|an|it|this|we))\b/i;
const HEDGE_RE = /\b(?:likely|may|might|could|would|perhaps|possibly|probably|hopefully|ideally|hoping)\b/i;

/**
 * The sentence (plain text, one line) is a follow-up told by the team outside any follow-up section: the first person
 * planning or doing a change, work named as under way, or a change announced with its horizon. The usual
 * commitments (commitsToWork) count too when told in the first person.
 */
export function toldPlan(plainText: string): boolean {
  if (NOT_PLAN_RE.test(plainText) || REMARK_RE.test(plainText) || SAYING_RE.test(plainText)) return false;
  const at = planAt(plainText);
  if (at < 0) return false;
  // a hedge before the plan, in the same clause ("we would probably look at …")
  const clause = plainText.slice(clauseStart(plainText, at), at + 40);
  // "If the replica lags, we will fail over": a procedure, not a plan; "…, which we will address in the next release":
  // a plan told in passing inside a statement about something else
  const before = plainText.slice(0, at);
  return !HEDGE_RE.test(clause) && !CONDITION_RE.test(before) && !/\b(?:which|that|who|whom|where)\s*$/i.test(before);
}

/** Where the plan's own clause starts ("We apologise for the disruption - we are looking at ways …" → "we are …"). */
export function toldClauseStart(body: string): number {
  const at = planAt(body.replace(/[*_`]/g, ' '));
  return at < 0 ? 0 : clauseStart(body, at);
}

function planAt(s: string): number {
  for (const re of [DOING_RE, LOOK_RE, NEED_RE, LEARNT_NEED_RE, BEING_RE, UNDER_WAY_RE, CHANGING_RE]) {
    const m = re.exec(s);
    if (m) return m.index;
  }
  const w = WILL_RE.exec(s);
  if (w && !NOT_CHANGE.has(w[1].toLowerCase())) return w.index;
  // "we will …" said another way ("We plan to …", "We intend to …"), as commitsToWork reads it, in the first person
  const fp = /\b(?:we|i)\s+(?:(?:also|now)\s+)?(?:plan|intend)\s+to\b/i.exec(s);
  return fp && commitsToWork(s) ? fp.index : -1;
}

/** The start of the clause holding `at`: after the last " - ", ";", ":" or ", but / and / so" before it. */
function clauseStart(s: string, at: number): number {
  let start = 0;
  for (const m of s.slice(0, at).matchAll(/(?:\s[-–—]\s|[;:]\s|,\s+(?=(?:but|and|so|yet|however)\s))/g)) start = m.index + m[0].length;
  return start;
}
