// Where a reader sees each canonical section: under its own heading or label, in the opening prose, or inside a
// section of another name that also holds it ("Resolution" planning against a repeat holds the follow-ups). Read by
// missing-section (is the section there?) and by the hover on a heading (what the engine read there). Pure.
import type { Postmortem, Section, SectionKind } from './types';
import { alsoShows, matchSection, normalizeHeading } from './sections';
import { TICKETS_FILED_RE } from './action-items/link-lists';
import { isMeasureTaken, numbersFixesInSubheadings } from './action-items/measures-taken';
import { impactInFrontMatter } from './front-matter-impact';
import { analysisSaysWhy, saysWhy, conclusionGivesCause, explainsCauses, lessonsExplainCauses, namesTheCauseOnce, ownText, plainConclusionGivesCause, responseTellsPrevention, timeStampedSteps } from './facts';
import { startsImperative } from './verbs';
import { timelineZones } from './timezones';
import { findDates } from './due';

/** Why a section of another name shows a kind, in words for the hover ("it says what will keep it from recurring"). */
export interface AlsoShown {
  kind: SectionKind;
  why: string;
}

/** The kinds a section shows beyond its own, and why; [] when it shows only its own. */
export function alsoShown(model: Postmortem, s: Section): AlsoShown[] {
  const out: AlsoShown[] = [];
  const add = (kind: SectionKind, why: string) => {
    if (kind !== s.kind && !out.some((o) => o.kind === kind)) out.push({ kind, why });
  };
  for (const k of alsoShows(s.title, underLessons(s))) add(k, 'its heading names it');
  const anchor = htmlAnchor(model.text, s);
  const named = anchor ? matchSection(anchor) : undefined;
  if (named) add(named, `its anchor id="${anchor}" names it`);
  const wentWrong = lessonsExplainCauses(model, s) ? TWO_SAY_WHY : wentWrongCauses(model, s);
  if (wentWrong) add('contributing-causes', wentWrong);
  if (listsWhatFailed(model, s)) add('contributing-causes', 'it lists what failed');
  if (opensWithWhatWentWrong(model, s)) add('summary', 'it opens the record by saying what went wrong');
  if (opensWithWhatHappened(model, s)) add('summary', 'it opens the record by telling what broke, in prose');
  if (opensWithCurrentStatus(model, s)) add('summary', 'it opens the record by saying where things stand');
  if (summaryOpensWithSymptom(model, s)) add('impact', 'its first sentence gives the error rate or latency users got');
  if (summaryListsImpactByScope(model, s)) add('impact', 'its list says what each part of the service got');
  if (EXPLANATION_RE.test(normalizeHeading(s.title)) && explainsCauses(model, s)) add('contributing-causes', 'at least two of its paragraphs say why it happened');
  if (EXPLANATION_RE.test(normalizeHeading(s.title)) && pointsAtTheCause(model, s)) add('contributing-causes', 'it says which step is what caused the failure');
  if (conclusionGivesCause(model, s)) add('contributing-causes', 'it says why it happened');
  if (analysisSaysWhy(model, s)) add('contributing-causes', 'it is an analysis that says why it happened');
  if (fixWithoutResolution(model, s)) add('action-items', 'it tells the change that fixed it, and nothing else tells the response');
  if (laterMeasuresToDo(model, s)) add('action-items', 'after the resolution, it says what to do so it does not happen again');
  if (whatHappenedBesideTimeline(model, s)) add('contributing-causes', 'a separate timeline tells the events, so it tells why');
  if (untimedAccount(model, s) && saysWhy(ownText(model, s))) add('contributing-causes', 'it tells what broke and why, with no times');
  if (responseTellsPrevention(model, s)) add('action-items', 'it says what is done or planned so it does not happen again');
  if (listsMeasuresTaken(model, s)) add('action-items', 'it lists the measures taken, each by name');
  if (listsTicketsFiled(model, s)) add('action-items', 'it lists the tickets filed to track the work');
  if (numbersFixesInSubheadings(s)) add('action-items', 'its numbered sub-headings name the fixes made');
  return out;
}

/**
 * `<h2 id="cause">What's Happening</h2>`: the anchor the author gave an HTML heading names the section it is (the page
 * links to "#cause"). Read from the opening tag right before the title; markdown headings have none.
 */
function htmlAnchor(text: string, s: Section): string | undefined {
  const at = s.titleRange.start.offset;
  const before = text.slice(Math.max(0, at - 120), at);
  const tag = before.slice(before.lastIndexOf('<'));
  if (!HEADING_TAG_RE.test(tag)) return undefined;
  const id = ID_ATTR_RE.exec(tag);
  return id ? id[1].replace(/[-_]+/g, ' ') : undefined;
}
/** The opening tag of an HTML heading, right before its title. */
const HEADING_TAG_RE = /^<h[1-6]\s[^<>]*>\s*$/i;
const ID_ATTR_RE = /\sid\s*=\s*["']?([A-Za-z][\w-]{0,40})/i;

/**
 * A reader can see the section: a heading or label of that kind, a heading that also holds it (alsoShown), or, for
 * the summary, prose between the title and the first section.
 */
export function sectionSeen(model: Postmortem, kind: SectionKind): boolean {
  if (model.allSections.some((s) => s.kind === kind && !(kind === 'timeline' && untimedAccount(model, s))) || model.labeledKinds.includes(kind)) return true;
  if (kind === 'summary' && (model.intro || labelStandsInForSummary(model))) return true;
  // `slo_impact: full control-plane outage (pre-prod)` in the front matter: the impact, stated as a field
  if (kind === 'impact' && impactInFrontMatter(model)) return true;
  // "The main actions post-investigation taken were:" over a list, in the prose before the first heading
  if (kind === 'action-items' && introListsActionsTaken(model)) return true;
  // "Conclusion" on a line of its own, the cause on the next
  if (kind === 'contributing-causes' && plainConclusionGivesCause(model)) return true;
  return alsoShownKinds(model).has(kind);
}

/**
 * "The fix", "Fixing the problem", "Fixes (2026-09-14)", "Fixes applied 2026-09-08", "How did we fix it?", "How am I
 * fixing it?" (asked as a question; not "How did we resolve it?", which tells the response) in a write-up with no
 * other resolution section: a debugging story whose one account
 * of what was changed is that section (the catalogue reads "The fix" as the resolution), told done; a reader sees the
 * follow-up there. A "## Fix" the catalogue reads as
 * the resolution (a report that also asks for follow-ups) is not read so.
 */
function fixWithoutResolution(model: Postmortem, s: Section): boolean {
  return FIX_TITLE_RE.test(normalizeHeading(s.title)) && !model.allSections.some((o) => o !== s && o.kind === 'resolution');
}
const FIX_TITLE_RE = /^(?:the )?fixes$|^the fix$|^fixing (?:the|this|that|it)\b|^what fixed (?:it|this|the (?:bug|problem|issue))\b|^fixes applied\b|^how (?:did|do|will|are|am) (?:we|i) fix(?:ed|ing)? (?:it|this|that|the (?:bug|problem|issue|outage))$/;

/**
 * A second resolution-kind section after the first, written as what to do ("## Resolution" casting the value, then,
 * after "## Impact", "## Mitigation: Add type coercion and a regression test to ensure …"): what comes after the
 * fix, so it does not happen again. A reader sees the follow-ups there. One that tells what was done stays the
 * resolution.
 */
function laterMeasuresToDo(model: Postmortem, s: Section): boolean {
  if (s.kind !== 'resolution' || !model.allSections.some((o) => o.kind === 'resolution' && o.titleRange.start.offset < s.titleRange.start.offset)) return false;
  const body = ownText(model, s).trim();
  return body.length > 0 && startsImperative(body.replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, ''));
}

/**
 * "What happened?" next to a section titled "Timeline" (beside it or inside it), after opening prose or another
 * section: the timeline tells the events and the opening the summary, so "What happened" is the account of what went
 * wrong (the vulnerable version, the chain of failures), i.e. the causes. First, with no opening prose, it is the
 * summary under another name (facts.ts sectionUnderAnotherName), and says nothing of why.
 */
function whatHappenedBesideTimeline(model: Postmortem, s: Section): boolean {
  if (!/^what happened$/.test(normalizeHeading(s.title))) return false;
  if (!model.intro && model.allSections.find((o) => o.depth > 1) === s) return false;
  return model.allSections.some((o) => o !== s && o.kind === 'timeline' && /\btime[- ]?line\b/.test(normalizeHeading(o.title)));
}

/**
 * "## What happened" told in prose with no time in it: no clock time (the timeline's times, timezones.ts), no date, no
 * weekday or "the next day", no list of steps ("Ran a 1,152-cell sweep … Three of four hypotheses were refuted."). It
 * tells what broke, not when: a reader looking for the timeline finds none there, so the heading's name does not stand
 * in for it. Told with times ("At 09:41 we deployed …"), dates or as a list of steps, it stays the timeline; so does a
 * heading that says more than "What happened" ("What happened (timeline, UTC)").
 */
export function untimedAccount(model: Postmortem, s: Section): boolean {
  if (s.title.includes('(') || normalizeHeading(s.title) !== 'what happened') return false;
  const body = model.text.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
  if (!body.trim() || LIST_LINE_RE.test(body) || WHEN_WORDS_RE.test(body) || findDates(body).length) return false;
  const read = timelineZones(model).find((t) => t.titleRange.start.offset === s.titleRange.start.offset);
  return read !== undefined && read.timeCount === 0;
}
const LIST_LINE_RE = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]/m;
/** A time of day without minutes, a weekday, a month's day, or a step of time between events. */
const WHEN_WORDS_RE =
  /\b\d{1,2}\s?[ap]\.?m\b|\b(?:noon|midnight|overnight|yesterday|tonight|this morning|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:the )?(?:next|following) (?:day|morning|evening|week)|(?:minutes|hours|days) later|later that (?:day|night|evening|morning))\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/**
 * A bold label "Background" (or "Context") before the labels of the impact, causes and follow-ups, in a report with no
 * opening prose: the story's opening a reader reads as the summary (a list of labels: "- **Background**: On the morning …").
 */
function labelStandsInForSummary(model: Postmortem): boolean {
  const at = model.labeledSections.findIndex((l) => /^(?:background|context)$/.test(normalizeHeading(l.title)));
  return at >= 0 && !model.labeledSections.slice(0, at).some((l) => LATER_KINDS.has(l.kind));
}
const LATER_KINDS: ReadonlySet<SectionKind> = new Set(['impact', 'contributing-causes', 'resolution', 'action-items', 'lessons-learned']);

/** The kinds some section shows beyond its own, worked out once per model (sectionSeen is asked once per kind). */
function alsoShownKinds(model: Postmortem): ReadonlySet<SectionKind> {
  let kinds = ALSO_SHOWN.get(model);
  if (!kinds) {
    kinds = new Set(model.allSections.flatMap((s) => alsoShown(model, s).map((a) => a.kind)));
    ALSO_SHOWN.set(model, kinds);
  }
  return kinds;
}
const ALSO_SHOWN = new WeakMap<Postmortem, ReadonlySet<SectionKind>>();

/**
 * "What went wrong" / "What didn't work" under Lessons learned: the causes when its entries say why (see
 * explainsCauses), or when one of them names the cause of the incident plainly (namesTheCauseOnce). Why, for the hover.
 */
function wentWrongCauses(model: Postmortem, s: Section): string | undefined {
  if (!underLessons(s) || !/^what (?:went wrong|didn't work|did not work)\b/.test(normalizeHeading(s.title))) return undefined;
  if (explainsCauses(model, s)) return TWO_SAY_WHY;
  return namesTheCauseOnce(model, s) ? 'it names what caused the incident' : undefined;
}
const TWO_SAY_WHY = 'at least two of its entries say why it happened';

/**
 * "## What went wrong" as the first section of a short write-up (then "Root cause", "Impact", "Actions to take"), or
 * "## Problem" opening an RCA (the two dated CI failures, then "Expected Behavior", "Root Cause", "Fix"): it opens
 * the record by telling what broke, i.e. the summary a reader looks for (so does "What was the problem?" opening a
 * short write-up, before "Why did it happen?" and "How did we fix it?"). Not when the document also has "What
 * went well": then the two are its lessons.
 */
function opensWithWhatWentWrong(model: Postmortem, s: Section): boolean {
  return !underLessons(s) && WRONG_OR_PROBLEM_RE.test(normalizeHeading(s.title)) && opensRecord(model, s);
}

/**
 * "## What happened" as the first section, told in prose (no time-stamped steps), in a report with a section of the
 * impact or of what went wrong and no other timeline: it says what broke and for whom, the summary a reader looks for
 * ("What happened" → "Impact" → "Root cause" → "The fix"; an experiment's "What happened" → "What went well" → "What
 * went wrong"). Told as timed steps it is the timeline, and says nothing in summary.
 */
function opensWithWhatHappened(model: Postmortem, s: Section): boolean {
  if (underLessons(s) || !/^what happened$/.test(normalizeHeading(s.title)) || !opensRecord(model, s, true)) return false;
  // beside a separate timeline it is the summary under another name (facts.ts sectionUnderAnotherName: rename it)
  if (!model.allSections.some((o) => o.kind === 'impact' || WHAT_WENT_WRONG_RE.test(normalizeHeading(o.title))) || model.allSections.some((o) => o !== s && o.kind === 'timeline')) return false;
  return timeStampedSteps(ownText(model, s)) === 0;
}

/**
 * A report whose opening prose lists what was done about it ("The main actions post-investigation taken were:" over
 * "* affected accounts were frozen …", "* email re-verification was required …"): a reader has the actions there, two
 * entries or more right under a line that introduces them as the actions or measures taken.
 */
function introListsActionsTaken(model: Postmortem): boolean {
  const intro = model.intro;
  if (!intro) return false;
  // the opening prose runs to the first section (the intro's range ends at its last long paragraph)
  const end = model.allSections.find((s) => s.headingRange.start.offset >= intro.end.offset)?.headingRange.start.offset ?? model.text.length;
  const lines = model.text.slice(intro.start.offset, end).split(/\r?\n/);
  const lead = lines.findIndex(actionsTakenLead);
  if (lead < 0) return false;
  let i = lead + 1;
  while (i < lines.length && !lines[i].trim()) i++;
  let n = 0;
  while (i < lines.length && /^ {0,3}(?:[-*+]|\d{1,2}[.)]) +\S/.test(lines[i])) {
    n++;
    i++;
  }
  return n >= 2;
}
/** "The main actions post-investigation taken were:", "We have taken the following steps:": a short line ending in a colon. */
function actionsTakenLead(line: string): boolean {
  return line.length <= 120 && /:\s*$/.test(line) && /\b(?:actions?|measures|steps)\b/i.test(line) && /\b(?:taken|took)\b/i.test(line);
}

/**
 * "Current Status" / "Current Status and Next Steps" opening the record of an incident still being worked on ("Status:
 * Active"): where things stand is what a reader of the summary looks for first. Told in prose, not as time-stamped steps.
 */
function opensWithCurrentStatus(model: Postmortem, s: Section): boolean {
  if (!/^current status(?: and next steps)?$/.test(normalizeHeading(s.title)) || !opensRecord(model, s, true)) return false;
  const body = ownText(model, s);
  return /\p{L}{3}/u.test(body) && /[.!?](?:\s|$)/.test(body) && timeStampedSteps(body) === 0;
}

/** The section read as the summary because it opens the record ("What went wrong", "What happened" told in prose), if any. */
export function opensAsSummary(model: Postmortem): Section | undefined {
  return model.allSections.find((s) => opensWithWhatWentWrong(model, s) || opensWithWhatHappened(model, s));
}

/**
 * A Summary whose first sentence gives the measured symptom users got: "… when the service's gRPC error ratio exceeded
 * 5%", "p99 latency rose above 2 s for checkout". A reader has the impact there, stated as a number; a summary that only
 * names a failure ("the deploy broke the cache") does not say what users got, and the Impact section is still asked for.
 */
function summaryOpensWithSymptom(model: Postmortem, s: Section): boolean {
  if (s.kind !== 'summary') return false;
  const body = model.text.slice(s.ownContentRange.start.offset, Math.min(s.ownContentRange.end.offset, s.ownContentRange.start.offset + 600)).replace(/[`*_]/g, '');
  const first = /^\s*([^\n]+)/.exec(body)?.[1].split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? '';
  return SYMPTOM_RE.test(first);
}
const SYMPTOM_RE =
  /\b(?:error|failure|timeout|5xx)[ -](?:rate|ratio|percentage)s?\b[^.]{0,40}?\b(?:exceed(?:ed|s)|rose|spiked|reached|climbed|jumped|went above|above|over)\b[^.]{0,20}?\d+(?:\.\d+)?\s?%|\blatency\b[^.]{0,40}?\b(?:exceed(?:ed|s)|rose|spiked|reached|climbed|jumped|went above|above|over)\b[^.]{0,20}?\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds)\b/i;

/**
 * A Summary with a list of what each part of the service got, each entry led by a bold label: "- **LLM calls:** All
 * requests to new models were blocked", "- **Other providers:** No impact". Two entries or more that tell an effect
 * (impact, affected, blocked, failed, unavailable …) are the impact section a reader looks for, told in the summary.
 */
function summaryListsImpactByScope(model: Postmortem, s: Section): boolean {
  if (s.kind !== 'summary') return false;
  const body = ownText(model, s);
  let n = 0;
  for (const line of body.split(/\r?\n/)) {
    const m = SCOPED_EFFECT_RE.exec(line);
    if (m && EFFECT_RE.test(m[1]) && ++n >= 2) return true;
  }
  return false;
}
/** "- **Cost tracking:** Impacted for newer models …": a bullet led by a bold label ending in a colon; the rest. */
const SCOPED_EFFECT_RE = /^ {0,3}[-*+] +\*\*[^*\n]{2,60}?:?\*\*:? +(\S[^\n]*)$/;
const EFFECT_RE = /\b(?:no impact|impacted|unaffected|affected|blocked|rejected|(?:complete |partial )?failures?|failed|unavailable|degraded|outage|down|errors?|lost|delayed|dropped)\b/i;

/**
 * Whether `s` is the section that opens the record (the first below the title), with no "What went well" beside it
 * (unless `besideWentWell`: an opening told as events is not one half of the lessons, as "What went wrong" is).
 */
function opensRecord(model: Postmortem, s: Section, besideWentWell = false): boolean {
  // the title heading holds the document's sections, and so does a heading that is only the entry's date ("# Postmortems"
  // over "## 2026-02-09" over "### Problem"); the first of those opens it
  const all = model.allSections;
  const t = model.title?.range;
  let at = t && all[0] && all[0].titleRange.start.offset >= t.start.offset && all[0].titleRange.start.offset <= t.end.offset ? 1 : 0;
  while (at < all.length && BARE_DATE_TITLE_RE.test(all[at].title.trim())) at++;
  const opening = all[at];
  return opening === s && (besideWentWell || !model.allSections.some((x) => /^what went (?:well|right)\b/.test(normalizeHeading(x.title))));
}
const WHAT_WENT_WRONG_RE = /^what went wrong$/;
/** A heading that is only a date ("## 2026-02-09"): an entry's title in a file of postmortems. */
const BARE_DATE_TITLE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** "What went wrong", or "Problem" / "Problem statement" (an RCA's first section, the failure told with its dates). */
const WRONG_OR_PROBLEM_RE = /^what went wrong$|^(?:the )?problem(?: statement)?$|^what was the (?:problem|issue)$/;

function underLessons(s: Section): boolean {
  for (let p = s.parent; p; p = p.parent) if (p.kind === 'lessons-learned') return true;
  return false;
}

/**
 * "Detailed explanation", "Technical explanation", "Details": the story told to explain, which says why when its
 * entries do, or when it points at the step that did ("… and this is what causes a problem", "That was what caused the
 * split"): one such sentence is the cause named, where "due to load" alone may be a detail of the response.
 */
function pointsAtTheCause(model: Postmortem, s: Section): boolean {
  return WHAT_CAUSED_RE.test(ownText(model, s));
}
const WHAT_CAUSED_RE = /\b(?:this|that|which|it) (?:is|was) (?:exactly |precisely )?what (?:causes|caused)\b/i;
const EXPLANATION_RE = /^(?:(?:detailed|technical|full|in-depth) )?explanation$|^(?:(?:the|technical|incident|more|further) )?details$/;

/**
 * A list announced as the things that failed or contributed ("Three parts of the system failed (…):", "The outage
 * resulted from three compounding factors:") in the section's own text: a reader sees the causes there.
 */
function listsWhatFailed(model: Postmortem, s: Section): boolean {
  const lines = ownText(model, s).split(/\r?\n/);
  return lines.some((line, i) => {
    if (!/:\s*$/.test(line) || line.length > 200 || !COUNTED_RE.test(line) || !CAUSES_RE.test(line)) return false;
    const next = lines.slice(i + 1).find((l) => l.trim());
    return next !== undefined && /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s/.test(next);
  });
}
const COUNTED_RE = /\b(?:two|three|four|five|six|several|multiple|[2-9]) (?:[a-z-]+ )?(?:factors|parts|things|components|causes|issues|problems|mistakes|failures)\b/i;
/** Words that announce causes ("… resulted from three factors:"); not parse.ts's failure verbs of an opening sentence. */
const CAUSES_RE = /\b(?:failed|went\s+wrong|contributed|resulted\s+from|(?:was|were)\s+caused|occurred\s+due\s+to|factors|causes)\b/i;

/**
 * A list announced as the tickets filed to track the work left ("We have created tickets in the nodejs/build repository
 * to track the work needed to fill those gaps:", "We've opened the following issues to follow up:"), in the section's
 * own text: the follow-ups are there for a reader, each a ticket, whatever the heading is called.
 */
function listsTicketsFiled(model: Postmortem, s: Section): boolean {
  const lines = ownText(model, s).split(/\r?\n/);
  return lines.some((line, i) => {
    if (!/:\s*$/.test(line)) return false;
    const last = line.split(/(?<=[.!?])\s+/).pop() ?? '';
    if (last.length > 200 || !TICKETS_FILED_RE.test(last)) return false;
    // a disable comment put above the list ("<!-- postmortem-lint-disable-next-line … -->") does not break the hand-over
    const next = lines.slice(i + 1).find((l) => l.trim() && !/^\s*<!--.*-->\s*$/.test(l));
    return next !== undefined && /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s/.test(next);
  });
}

/**
 * "## Resolution" listing the measures taken, each named ("1. **Source cleanup:** materialized …", "| RA fix | PR #358:
 * added … |"): the follow-ups, all done, are there for a reader (model/action-items/measures-taken.ts).
 */
function listsMeasuresTaken(model: Postmortem, s: Section): boolean {
  return model.actionItems.filter((i) => i.section === s && isMeasureTaken(i)).length >= 2;
}
