// Canonical postmortem sections and the loose heading matcher (rules.md: case-insensitive, ignoring
// numbering, emoji and trailing punctuation).
import type { SectionKind } from './types';
import { trimEndChars } from './scan';
import { memoByText } from './memo';
import { localSectionKind } from './section-words';

/** Canonical order, used by missing-section fixes and completion. */
export const CANONICAL_ORDER: Exclude<SectionKind, 'deferred'>[] = [
  'summary',
  'impact',
  'timeline',
  'contributing-causes',
  'detection',
  'resolution',
  'action-items',
  'lessons-learned',
  'glossary',
];

/** The heading text a fix or completion writes for each kind. */
export const SECTION_TITLES: Record<SectionKind, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'contributing-causes': 'Contributing causes',
  detection: 'Detection',
  resolution: 'Resolution',
  'action-items': 'Action items',
  'lessons-learned': 'Lessons learned',
  glossary: 'Glossary',
  deferred: 'Deferred',
};

/**
 * A "why" heading asked of the failure: something that did not happen or was not seen ("Why it was not committed", "Why
 * nothing caught it"), or what the thing did wrong ("Why the verification cleared it", "Why this keeps happening"),
 * or why the outage lasted ("Why it stayed dead for nine days", "Why it took so long").
 */
const WHY_FAILED_RE =
  /^why (?:nothing|no (?:[\w-]+ ){0,2}?(?:test|check|alert|one|gate|review)s?) (?:caught|noticed|flagged|detected|stopped|prevented) (?:it|this|that|them)$|^why (?:it|this|that|the (?:[\w-]+ ){0,2}?[\w-]+) (?:was(?:n't| not)|were(?:n't| not)|did(?:n't| not)|(?:keeps|kept) (?:happening|failing|breaking)|went wrong|failed|broke|cleared it|passed|missed it|escaped|slipped through|stayed (?:dead|down|broken|offline|unnoticed)|never (?:recovered|came back|restarted|fired|alerted|noticed|caught (?:it|this))|went unnoticed|(?:lasted|took) so long)\b/;

// Ordered: the first match wins ("Deferred action items" is deferred; "Root cause and resolution" is causes).
// "TODOs" names the follow-ups; Spanish "(✅ TODOS OK)" after a checklist's title ("all OK") does not.
const MATCHERS: [SectionKind, RegExp][] = [
  ['deferred', /^(deferred|not doing|won'?t do|wont do|will not do|parking lot|out of scope|let go)\b/],
  [
    'action-items',
    /\baction items?\b|\bactions? (planned|plan)\b|^follow[- ]?ups?$|^follow[- ]?up (actions?|items?|improvements?|tasks?)\b|\bcorrective\b|\bprevent(ive|ative) (actions?|measures?)\b|^remediations?\b|^(?!.*\band\b)(?:[\w-]+ ){1,3}remediations?$|^(?:our )?next steps?\b|^action plan\b|^(?:short|medium|long)[- ]term (?:fix(?:es)?|solutions?|improvements?|actions?|remediation)\b|^how (?:are|will|do|can|could|should) we (?:going to )?(?:prevent|stop|avoid|make sure|do better|improve)|^how we(?:'ll| will|'re| are)(?: going to)? (?:improv(?:e|ing)|prevent|avoid|stop)\b|^(?:preventing|prevention of) (?:recurrence|it happening again|(?:future|similar|further) (?:incidents?|outages?|occurrences?|failures?)|(?:this|that) (?:type|kind|class|sort) of (?:incidents?|outages?|failures?|issues?|problems?))\b|^prevention\b|^review actions\b|^(?:todos?|to ?dos?)\b(?! (?:ok|los|las|bien|correct[oa]s)\b)|^actions?\b|^recommendations?\b|^recommended actions?\b|^future (?:improvements?|actions?|works?|steps?|plans?|measures?)\b|^what we(?:'re| are) doing (?:to (?:fix|prevent|avoid|stop)|differently|about it|next)\b|^what (?:are|will) we (?:be )?(?:doing|going to do|do) (?:to (?:fix|prevent|avoid|stop)|differently|about it)\b|^what (?:are|will) we (?:be )?chang(?:ing|e)\b|^what (?:could|can|should) be done to (?:avoid|prevent|stop)\b|^(?:some )?(?:possible|potential) (?:future )?(?:actions?|follow[- ]?ups?)(?: (?:for|in) the future)?$|\band future (?:improvements?|actions?|work)\b|^(?:moving|going|looking) forward\b|^looking ahead\b/,
  ],
  // "Still open", "Open items", "Remaining work": the work not yet done, listed at the end of a write-up
  ['action-items', /^(?:still open|open (?:action )?items|remaining (?:work|items|tasks))$/],
  // "Further Mitigations and Learnings", "Additional measures": what else will be done so it does not recur
  ['action-items', /^(?:further|additional|long[- ]term) (?:mitigations?|remediations?|measures?)\b/],
  // "Guardrails added", "Safeguards put in place": the follow-ups made so it cannot recur, named for what they are; a
  // bare "Guardrails" or "Preventive Control" heading after the root cause and the fix lists the same (status.ts reads
  // its entries as in place). Not
  // "Safeguards in place", which as often tells the ones there before the incident
  ['action-items', /^(?:(?:new|added) )?(?:guardrails?|safeguards?)(?: (?:added|introduced|implemented|put in place))?$|^(?:preventive|preventative) controls?$/],
  // "Fix list (ranked by leverage)": the fixes still to make, one after another; "Follow-ups to file": the work not yet
  // tracked; "Fixes already landed": the follow-ups made since (status.ts reads them as done). Not "Fix applied" or
  // "Fixes applied", which as often record the fix of the incident itself (its resolution)
  ['action-items', /^fix(?:es)? list$|^follow[- ]?ups? to (?:file|open|track|do)$|^(?:fix(?:es)?|changes) already (?:landed|shipped|merged)$/],
  // "Follow-up hardening", "Follow-ups this incident drove": named for the follow-ups they hold (not "Follow-ups for
  // operator consideration", questions for readers, nor a "Follow-up timeline")
  // "Recommended follow-up", "Recommended next steps": the follow-ups an RCA proposes, as "Recommended actions" is
  ['action-items', /^recommended (?:follow[- ]?ups?|next steps?|fixes|changes)\b/],
  ['action-items', /^follow[- ]?up (?:hardening|fixes|work|changes|measures)$|^follow[- ]?ups (?:this|the) (?:incident|outage|event) (?:drove|prompted|triggered|led to|produced)$/],
  // "What was done", "What has been done": the changes made about the incident, listed as finished (status.ts reads
  // its items as done, like "Actions taken"); not "What we did", which as often tells the response
  ['action-items', /^what (?:was|has been|we(?:'ve| have)) done$/],
  // "Future Prevention & Automated Failover", "Future mitigations and product improvements": what comes next
  ['action-items', /^future (?:prevention|mitigations?)\b/],
  // "Agreed actions", "Identified actions": the follow-ups a review agreed on (not "Resulting Action" over sub-headings
  // naming finished fixes: shown only, below)
  ['action-items', /^(?:agreed|identified) actions?$/],
  // "Action points" (a common name for them), also as a label line "Action point: create a mailing list …"
  ['action-items', /^action points?\b/],
  // "Improvement plan", "Improvement actions": the follow-ups an incident review plans (its sub-headings, Prevention /
  // Detection / Mitigation, are kinds of follow-up: isActionCategory)
  ['action-items', /^improvement (?:plan|actions|items)$/],
  // "Improving Recovery Procedures", "Improving our monitoring": the follow-ups of an outage report, named for what they
  // improve; "Changes we're making", "Planned improvements": the same, named for what they are (not a bare
  // "Improvements", which release notes use)
  ['action-items', /^improving (?:our |the )?(?:[\w-]+ ){0,2}?(?:procedures?|process(?:es)?|recovery|reliability|resilience|monitoring|alerting|backups?|incident response|response|deploy(?:ment)?s?|tooling|runbooks?|operations)$|^(?:the )?changes we(?:'re| are| will be|'ll be) making\b|^planned (?:improvements?|changes|fixes|follow[- ]?ups?)$/],
  // "What are we changing?", "What changes we are making now?": the question a blog post answers with its follow-ups
  // "What we are changing beyond the patch", "What we're changing after the fix": the same answer told as a statement,
  // the follow-ups past the fix itself (a bare public "What we are changing" keeps its reader's-name reading)
  ['action-items', /^what are we changing\b|^what changes (?:are we|we(?:'re| are)) making\b|^what we(?:'re| are) changing (?:beyond|after|besides|since|following|in response to)\b/],
  // "What we'll change", "What we will do differently": the follow-ups, promised in the future tense; "What changed as a
  // result", "What we changed afterwards": the same follow-ups told once they are made (their entries are done)
  ['action-items', /^what we(?:'ll| will) (?:change|be changing|do differently|do next|do about it)\b|^what (?:has )?changed (?:as a result|since|afterwards|after the (?:incident|outage))\b|^what we changed (?:as a result|since|afterwards|after the (?:incident|outage))\b/],
  ['lessons-learned', /^(?:key )?lessons?\b|^(?:key )?learnings?\b|^key takeaways?\b|^what went (well|wrong|poorly|badly)\b|^where we got lucky\b|^takeaways?\b|^things that went|^what (?:did|do|can|could|should|have) (?:we|i) learn(?:ed|t)?\b|^what (?:we|i)(?:'ve| have)? learn(?:ed|t)\b/],
  [
    'contributing-causes',
    /^(contributing|root|underlying|technical) (causes?|factors?)\b|^root causes?\b|^(?:exact|actual|real|true|probable|likely|primary|main|immediate|final) root causes?\b|^causes?\b|^why (it|this|did it) happen|^why did all (?:of )?(?:this|it|that) happen|^(five|5) whys\b|^whys\b|^trigger\b|^lead[- ]?up\b|^fault\b|^rca\b|^causal|^(?:(?:but|so|and) )?(?:how|why) (?:did|could) (?:this|it|that) (?:happen|occur)\b|^(?:assessing|finding|investigating|identifying|determining|understanding|analy[sz]ing|establishing) (?:the |a )?root causes?\b|^what caused\b|^(?:the )?underlying (?:issue|problem)\b|^the (?:root )?causes?$/,
  ],
  // "What was actually happening", "What actually broke": the reveal after "Why it looked right" / "The assumption" in a
  // debugging write-up, i.e. the cause (not "What actually happened", which tells the events)
  ['contributing-causes', /^what (?:was )?(?:actually|really) (?:happening|going on|broke|went wrong)\b/],
  // "Three Root Causes", "Two contributing factors": the causes, counted in the heading
  ['contributing-causes', /^(?:the )?(?:two|three|four|five|six|several|multiple|[2-9]) (?:(?:root|contributing|underlying) )?(?:causes|factors)$/],
  // "Why it was not committed", "Why nothing caught it", "Why the verification cleared it", "Why this keeps happening": a
  // question about the failure, answered with why it happened or escaped (not "Why it matters", "Why we publish these")
  ['contributing-causes', WHY_FAILED_RE],
  // "What it probably was", "What the fault most likely was": the diagnosis of the failure (not "What it was not")
  ['contributing-causes', /^what (?:it|this|the (?:[\w-]+ ){0,2}?[\w-]+) (?:probably|likely|most likely|actually|really) was$/],
  ['timeline', /\btime[- ]?line\b|^key events\b|^what happened\b|^sequence of events\b|^chronology\b|^play[- ]by[- ]play\b/],
  ['impact', /\bimpact\b(?! of\b)|^(?:user|customer|client)[- ](?:visible|facing) (?:symptoms?|effects?)\b|\bimpact of (?:the |this )?(?:incident|outage|issue|event|attack|breach|downtime)\b|^blast radius\b|^(?:window of )?exposure(?: window)?$|^affected (users|customers|services)\b|^(?:users?|customers?|clients?) (?:impacted|affected)$|^(?:http )?(?:[1-5]xx|[1-5]\d\d|errors?|failures?) (?:volume|rates?|counts?)\b|^(?:errors?|failures?|bug|problem|issue) manifestations?$|^how (?:does|did|will|might|could) (?:this|it|the (?:incident|outage|breach|issue|attack)) affect (?:me|you|us|users|customers)\b|^who (?:is|was|are|were) (?:affected|impacted)\b|^what (?:is|was|are|were) (?:affected|impacted)\b|^(?:the )?fallout\b|^(?:no )?data loss(?: scope)?\b/],
  ['detection', /^detection\b|^how (was it|we|it was) detected\b|^discovery\b|^alerting and detection\b/],
  ['resolution', /^resolution\b(?!.{0,40}\b(?:algorithm|specification)s?\b)|^mitigation\b|^recovery\b|^(?:incident |our )?response$|^response and (?:recovery|mitigation)\b|^(?:the )?(fix|how (we|it was) (fixed|resolved))\b|^resolving\b/],
  // "Incident" alone over the opening account of what happened (an RCA's first section) is its summary
  ['summary', /^(?:the )?incident$/],
  ['summary', /^(incident |issue |executive |short |problem )?summary\b|^overview\b|^tl;? ?dr\b|^abstract\b|^(?:incident |issue |problem )?description\b|^introduction\b|^(?:incident|issue|outage|event|problem) overview\b/],
  ['glossary', /^glossary\b|^background\b|^terminology\b|^definitions\b/],
];

/**
 * Lower-cased heading text without numbering, emoji, emphasis marks, parentheticals and trailing punctuation. A function
 * of the title, asked for every heading by several faces on every lint: remembered.
 */
export const normalizeHeading = memoByText(normalizedHeading);

function normalizedHeading(title: string): string {
  // linear on any title: innermost parentheticals only ("(" × n made `\([^)]*\)` quadratic), trailing punctuation
  // trimmed by a walk back from the end
  const t = title
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, ' ')
    // GitHub's emoji shortcodes, written before the words (":memo:  Issue summary")
    .replace(/:[a-z0-9_+-]{1,40}:/g, ' ')
    .replace(/[*_`~]/g, '')
    // a permalink sign before the words ("[#](…#description)Description", "¶ Impact") names nothing
    .replace(/^[\s#¶§]+/, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)])\s+/, '');
  return trimEndChars(t, ':;.,!?-–—', true)
    .replace(/\s+/g, ' ')
    .trim();
}

export const matchSection = memoByText((title: string): SectionKind | undefined => {
  const n = normalizeHeading(title);
  // "Issue Summary … must contain:", "Timeline should include:": an assignment's spec of the section, not the section
  if (!n || SPEC_HEADING_RE.test(n)) return undefined;
  const kind = matchNormalized(n);
  if (kind) return kind;
  // "Phase 3: Improvement plan", "Part two — Root cause": a review in phases, each named after its number
  const phase = PHASE_PREFIX_RE.exec(n);
  if (phase) {
    const named = matchNormalized(n.slice(phase[0].length));
    if (named) return named;
  }
  if (!title.includes('(')) return undefined;
  // "Phase 1: Facts (timeline)", "Part two (root cause)": a heading of the writer's own that names its section only in
  // parentheses (a short name, up to three words: not "Notes (what we saw while the pager fired)")
  for (const m of title.matchAll(/\(([^()]{1,40})\)/g)) {
    const inner = normalizeHeading(m[1]);
    if (inner && inner.split(' ').length <= 3) {
      const named = matchNormalized(inner);
      if (named) return named;
    }
  }
  return undefined;
});

const SPEC_HEADING_RE = /\b(?:must|should) (?:contain|include|cover)$/;

const PHASE_PREFIX_RE = /^(?:phase|part) (?:\d+|one|two|three|four|five|[ivx]+)\s*[:—–-]\s*/;

function matchNormalized(n: string): SectionKind | undefined {
  for (const [kind, re] of MATCHERS) if (re.test(n)) return kind === 'action-items' && RULES_TITLE_RE.test(n) && !/\baction items?\b/.test(n) ? undefined : kind;
  // the same names in another language ("Tidslinje", "Хронология", "根因", "재발 방지")
  return localSectionKind(n);
}

/**
 * "Going Forward: Shadcn-First Policy", "Moving forward: new deploy rules": a heading that names a policy or rules holds
 * the standing rules of how to work from now on ("**Check shadcn before building.** …"), not work someone finishes, so
 * no owner or date is asked of its entries (a heading that also names the actions, "Action items and rules", keeps them).
 * "Incident and corrective-action index": an index page's title, over the table of every incident, not follow-ups.
 */
const RULES_TITLE_RE = /\b(?:polic(?:y|ies)|rules|principles|guidelines|conventions|index)$/;

/** "Identified Problems", "Problems found", "Issues identified": a list of what is wrong, not of what to do. */
/**
 * "### Other avenues investigated", "Solutions tried", "Things we tried": what was tried during the response, under the
 * follow-ups ("Changing the GRUB value … did not work."), not work to do.
 */
export const TRIED_PATHS_RE =
  /^(?:(?:other|alternative|additional) )?(?:avenues|approaches|options|solutions|things|ideas|fixes|workarounds|paths) (?:(?:we|i) )?(?:investigated|tried|explored|attempted|ruled out)$|^(?:explored|investigated|attempted|tried) (?:avenues|approaches|options|solutions|fixes|workarounds)$|^what (?:we|i) tried$/;
export const PROBLEMS_FOUND_RE = /^(?:identified|observed) (?:problems|issues|gaps|weaknesses)$|^(?:problems|issues|gaps|weaknesses) (?:identified|found|discovered|uncovered)$/;
/**
 * "Detection", "Mitigations", "Recovery" as a sub-heading of the action items: a kind of follow-up (the Google SRE
 * template's Prevention / Detection / Mitigation / Process / Fixes), not the story of how the incident was handled.
 */
export function isActionCategory(title: string, kind: SectionKind | undefined): boolean {
  return (kind === 'detection' || kind === 'resolution') && normalizeHeading(title).split(' ').length <= 2;
}

/**
 * Kinds a heading also shows a reader beyond its own kind: "What went wrong" on its own (not under Lessons learned)
 * is where many teams put the causes; "Root cause and impact" covers both. Used where a missing section is judged.
 */
export function alsoShows(title: string, underLessons: boolean): SectionKind[] {
  const n = normalizeHeading(title);
  const out = new Set<SectionKind>();
  if (!underLessons && /^what went wrong\b|^what happened and why\b/.test(n)) out.add('contributing-causes');
  // "How this happened" after "What happened" in a blog post; "Problem" beside "Timeline" and "Mitigation" in a bug
  // disclosure: the section that explains the failure, i.e. its causes
  if (/^how (?:this|it|that) (?:all )?happened$|^(?:the )?problem$/.test(n)) out.add('contributing-causes');
  // "Bug 1 — Invisible hair spaces in the title → TitleHashMismatch": a write-up of several defects, one section each,
  // each saying what was wrong and why
  if (/^bug #?\d+\b/.test(n)) out.add('contributing-causes');
  // "What broke": the section of a write-up that explains how the failure came about (the mechanism), i.e. its causes
  if (/^what broke$/.test(n)) out.add('contributing-causes');
  // names a report uses for its parts without the words of a postmortem template: "Details" (what happened, told in
  // full), "Risks and Hazards" and "Who did it affect and how?" (the impact), "Remedial Measures" and "Further actions"
  // (the follow-ups), "Details of vulnerability" (what the bug was, i.e. the cause). Shown only, not kinds of their
  // own: "Details" or "Further actions" in a README does not make it a postmortem
  if (/^(?:incident |issue )?details$/.test(n)) out.add('summary');
  if (/^risks? and hazards?$|^who (?:did|does) (?:it|this) affect\b|^who was affected(?: and how)?$/.test(n)) out.add('impact');
  if (/^remedial (?:measures|actions?|steps)$|^further (?:actions?|steps)$/.test(n)) out.add('action-items');
  if (/^details of (?:the )?(?:vulnerability|bug|exploit|flaw|issue)$/.test(n)) out.add('contributing-causes');
  // "What is being done about this?" in a post to the service's users: told in prose as much as listed ("we spent
  // significant time improving monitoring … We will continue to invest …"), so it shows the follow-ups without its
  // paragraphs being read as items
  if (/^what(?: is|'s| are) being done (?:about (?:it|this|that)|to (?:fix|prevent|avoid|stop))\b/.test(n)) out.add('action-items');
  // "What was the issue?", "What was the problem?": the question a status post answers with the cause; "Reason", "The
  // Smoking Gun": the same answer under a one-line name
  if (/^what was the (?:issue|problem|cause)$|^(?:the )?reasons?$|^the smoking gun$/.test(n)) out.add('contributing-causes');
  // "How it affected us?": the impact, asked as the reader would; "The Effects" (missing files, lost data): the same
  if (/^how (?:it|this|the (?:incident|outage|issue)) affected (?:us|you|me|users|customers)$|^(?:the )?effects$/.test(n)) out.add('impact');
  // "What We Changed", "Proactive measures", "Moving Foward" (sic): the follow-ups, made or to come
  if (/^what we(?:'ve| have)? changed$|^proactive (?:measures|actions|steps)$|^moving foward$/.test(n)) out.add('action-items');
  // "What happens now" closing an outage post, "Next time" closing a game's post-mortem: what comes next
  if (/^what happens (?:now|next)$|^(?:for |what we(?:'ll| will) do )?next time$/.test(n)) out.add('action-items');
  // "Mitigations" after the lessons (a template's name for what will keep it from recurring), as much as the steps
  // that stopped it: shown, its entries not read as open work
  if (/^mitigations$/.test(n)) out.add('action-items');
  // "Identified Problems", "Issues found": what was found wrong (under "Future Work", before the plan), i.e. the causes a
  // reader looks for; shown only, not a kind ("Known Issues" in release notes, "Issues Identified" in a docs clean-up)
  if (PROBLEMS_FOUND_RE.test(n)) out.add('contributing-causes');
  // "Diagnosis and confidence", "Diagnosis": what the fault was found to be, with how sure the writer is, i.e. the causes
  if (/^(?:the |final )?diagnosis\b/.test(n)) out.add('contributing-causes');
  // the same in Spanish: "Diagnóstico" alone (not "Diagnóstico detallado", the checks of a case still open)
  if (/^diagn[oó]stico$/.test(n)) out.add('contributing-causes');
  // "Possible Causes" (a table of causes with their likelihood): a reader sees the causes, weighed; judged here only,
  // not as the heading's kind (a runbook's "Possible cause" per scenario does not make it a postmortem)
  if (/^(?:possible|potential|suspected|likely|probable) (?:root )?causes$/.test(n)) out.add('contributing-causes');
  // "Symptom" at the head of a bug write-up (then "Root cause", "Fix"): what went wrong and what the user saw — the
  // summary and the impact a reader looks for, told as the symptom
  if (SYMPTOM_HEADING_RE.test(n)) {
    out.add('summary');
    out.add('impact');
  }
  // "What can we learn from this incident and improve?", "How can we improve?": the heading says what comes next is there
  if (/^(?:what|how) (?:can|could|should|will|do) we\b.*\bimprove$/.test(n)) out.add('action-items');
  // "What the surface should do differently", "What we would do differently next time": what is to change, though
  // told as a lesson (not "What users should do differently": advice to the readers)
  if (/^what (?!you\b|users?\b|customers?\b|operators?\b)(?:[\w'’-]+ ){1,3}(?:should|would|could|must) do differently\b/.test(n)) out.add('action-items');
  // "Recommended fix (next session: …)", "Proposed fix", "Suggested fixes": the fix still to make, set out for whoever
  // picks it up (often as options to choose from), i.e. what comes next. Judged here only: its body (options, code,
  // parameters) is not read as items
  if (/^(?:recommended|proposed|suggested) fix(?:es)?$/.test(n)) out.add('action-items');
  // "Root Cause Remediations", "Further Mitigations and Learnings": the changes made or planned so it does not recur
  if (/\bremediations$|^(?:further|additional|long[- ]term|future) (?:mitigations?|remediations?|measures?)\b/.test(n)) out.add('action-items');
  // "Guardrails added", "Follow-ups this incident drove", "Follow-up hardening": named for the follow-ups they hold
  // (done or planned), though not "Action items"; a "Follow-up timeline" is still a timeline
  if (/^(?:(?:new|added) )?(?:guardrails?|safeguards?)(?: (?:added|introduced|put in place|in place))?$|^follow[- ]?ups?\b(?!.*\btime[- ]?line\b)/.test(n)) out.add('action-items');
  // "Permanent diagnostics added", "Remaining same-class hardening candidate": the follow-ups of a bug write-up, one
  // finished, one still to do, named for what they are
  if (/^(?:(?:permanent|new) )?(?:diagnostics|monitoring|alerting|alerts) added$|^remaining\b.{0,40}\b(?:hardening|follow[- ]?ups?|fixes|work)\b/.test(n)) out.add('action-items');
  // a run of blanks is tried from its start only (from every blank of it, the split was quadratic in its length)
  for (const part of n.split(/(?<!\s)\s+(?:and|&)\s+|(?:(?<!\s)\s+)?[,/+]\s*/)) {
    const k = matchSection(part);
    if (k) out.add(k);
  }
  return [...out];
}

/** "Symptom", "Síntoma": what went wrong as the user saw it, at the head of a bug or incident write-up (normalised). */
export const SYMPTOM_HEADING_RE = /^(?:the )?symptoms?$|^s[ií]ntomas?$/;

/** Kinds that make a document look like a postmortem when paired with another canonical section. */
export const DISTINCTIVE_KINDS: ReadonlySet<SectionKind> = new Set([
  'impact',
  'timeline',
  'contributing-causes',
  'detection',
  'lessons-learned',
  'resolution',
]);
