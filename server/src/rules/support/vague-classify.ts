// The vagueness classifier behind action-item-vague: is an item's text something someone could pick up and know when
// it is done? It looks for the shapes of vagueness (deliberating instead of deciding, improving without a finish line,
// an abstract object with nothing concrete attached) and lets concrete anchors outweigh weak signals. A function of
// the text only (the rule remembers answers by text); the hover and scripts/vague-eval.ts call it too.
import { keepsThing, laterNeed, LOT_TO_DO_RE, monitorsSignal, MORE_OF_RE, SOME_OF_RE, undecided, watchesAhead, watchesNoSignal, beforeFields, workedOn, namedCondition, namedTaskWithin, againstNamedEvent, continuesCountedRemainder, improvesToNamedBehaviour, OPTIONS_RE, preciseIssueOf, reportedDiscussion, weighsNamedChange, weighsNamedCandidate, trainingSubject, verblessWayOfWorking } from './vague-shapes';
import { ALL_VERBS, ASPIRATION_RE, COMPARATIVE_ABSTRACT_RE, REGULAR_ACTIVITY_RE, DELIBERATE, GENERIC_MODIFIER, GENERIC_OBJECT_RE, IMPROVE, MEASURABLE_RE, PEOPLE, PRODUCE, RESEARCH, clean, concretePurpose, concreteQuestion, curlyQuoted, firstSentence, hasFinishLine, hasPurpose, isAbstractObject, lemma, mainClause, namedEndpoint, objectAfter, specificAnchors, splitLabel, stripSubject } from './vague-words';
import { startsImperative } from '../../model/verbs';
import { commitsToWork } from '../../model/action-items/commit-sentence';

export type VagueKind = 'deliberation' | 'improvement' | 'abstract' | 'aspiration' | 'people' | 'template';

export interface VagueResult {
  vague: boolean;
  kind?: VagueKind;
  /** The words that made it vague, as found in the text. */
  phrase?: string;
  /** Why, in a few words, for the message. */
  reason?: string;
  /** The sentence judged, when it is not the item's first ("… no log output. We need to write more docs."). */
  sentence?: string;
}

/** "Align the other environment with the same approach": a named thing, then what it is made the same as. */
const ALIGN_THING_RE = /^align (?:the|our|all|every|each|both|this|that) (?:[\w-]+ ){0,2}?[\w-]+ (?:with|to) /i;
/**
 * "Try ‘Prevent destroy’ setting on R53 zone", "Try `maxSurge: 0` on the ingress deployment": a quoted or code-spanned
 * name, an optional setting word, then on / for / in / with and a target.
 */
const TRY_NAMED_RE = /^try\s+(?:the\s+|a\s+)?(?:‘[^‘’\n]{2,40}’|'[^'\n]{2,40}'|"[^"\n]{2,40}"|“[^“”\n]{2,40}”|`[^`\n]{2,40}`)\s+(?:(?:setting|option|flag|parameter|config|configuration|feature|mode)\s+)?(?:on|for|in|with)\s+\S/i;
/**
 * A hedge in place of a decision: "Workload segmentation might be an option to limit blast zones", "Could be worth
 * caching the lookups", "Maybe we should split the queue". A topic of a few words then might / may / could be an
 * option, an idea or worth (something); or the item opening with maybe / perhaps, or "it might be worth …".
 */
const HEDGE_RE =
  /^(?:[\p{L}\p{N}‘’'`._/-]+\s+){0,6}?(?:might|may|could)\s+(?:also\s+)?be\s+(?:an?\s+)?(?:option|idea|worth|possibility|avenue|good idea|useful|helpful|nice)\b|^(?:it\s+)?(?:might|may|could|would)\s+be\s+(?:worth|nice|good|useful|helpful)\b|^(?:maybe|perhaps)\b/iu;

const POSSIBILITY_RE = /^(?:investigate|explore|evaluate|assess|examine|look into|check)\s+(?:the\s+)?(?:possibility|feasibility|option)\s+(?:to|of)\s+(?!\s)(.+)$/i;

/** "… should be improved", "… needs to be streamlined": a modal passive whose participle is the action. */
/**
 * "Minimize the number of different data structures used": a count to bring down with no number to reach. "Reduce
 * the number of replicas to 3" has one.
 */
/** "Database optimization remains a priority": a topic of one to three words said to stay a priority (blanks collapsed by clean()). */
const PRIORITY_TOPIC_RE = /^([\w-]+(?: [\w-]+){0,2}) (?:remains?|is still|stays?) a (?:(?:top|high|key) )?priority\b/i;
/** "More time needs to be allocated …", "Additional effort should be spent on …": a resource given, in no amount. */
const MORE_RESOURCE_RE = /^(?:more|additional|extra)\s+(?:time|effort|resources|attention|focus|capacity|budget|people|headcount)\s+(?:needs?\s+to|should|must|has\s+to|will)\s+be\s+(?:allocated|spent|devoted|dedicated|given|invested|put|assigned)\b/i;
const FEWER_TARGET_RE = /\b(?:to|below|under|at most)\s+(?:\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|a single|a handful|half|none)\b/i;
const FEWER_OF_RE = /^(?:minimi[sz]e|reduce|lower|cut(?: down)?)\s+(?:the\s+)?(?:number|amount|count)\s+of\s/i;

/** "flutter/flutter#27258 - " before the item's words: the ticket it is tracked in. */
const TICKET_LEAD_RE = /^[\w./-]*#\d+\s+[-–—:]\s+/;
const PASSIVE_RE = /\s(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:also\s+|really\s+)?be\s+([a-z]+ed)\b/i;

/** The verb each noun of a change stands for: "the transfer of X" is "transfer X". */
const CHANGE_VERBS: Record<string, string> = {
  transfer: 'transfer', migration: 'migrate', replacement: 'replace', removal: 'remove', adoption: 'adopt', deprecation: 'deprecate',
  rotation: 'rotate', move: 'move', upgrade: 'upgrade', split: 'split', consolidation: 'consolidate', retirement: 'retire',
};
const CHANGE_OF_RE =
  /^(?:explor|investigat|evaluat|consider|assess)(?:e|es|ed|ing)?\s+(?:the\s+)?(transfer|migration|replacement|removal|adoption|deprecation|rotation|move|upgrade|split|consolidation|retirement)\s+of\s+(?!\s)(.+)$/i;

/** "… in a way that avoids similar limits in the future": the finish line is that it does not happen again. */
const AVOIDS_SIMILAR_RE = /\bin a way that (?:avoids|prevents|will avoid|will prevent)\s+(?:(?:any|all)\s+)?(?:similar|such|future)\b/i;

const TEMPLATE_RE = /<(?:specific|component|metric|threshold|duration|failure|stage|owner|date|change|verb|outcome|question|ticket|check|test|decision|steps?|signal|fill)[^<>\n]{0,40}>/i;


function classifyClause(s: string): VagueResult {
  const text = stripSubject(s.trim());
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length) return { vague: false };
  const measurable = MEASURABLE_RE.test(text) || curlyQuoted(text) || namedEndpoint(text);
  const anchors = specificAnchors(text);
  const concrete = measurable || anchors.length >= 2;

  // "Ask the datacenters to apply monitoring": judge what they are asked to do
  const ask = /^(?:ask|get|have|tell|request)\s+(?:[\w'’-]+\s+){1,4}?to\s+(?!\s)(.*)$/i.exec(text);
  if (ask) return classifyClause(ask[1]);
  // "try to auto-detect likely unhealthy Hub state and restart the Hub without manual intervention": an attempt at a
  // named change is judged on the change; "Try to reduce flakiness" names nothing and stays a deliberation
  const attempt = /^(?:try|attempt)\s+to\s+(?!\s)(.*)$/i.exec(text);
  if (attempt && (MEASURABLE_RE.test(attempt[1]) || specificAnchors(attempt[1]).length >= 2)) return classifyClause(attempt[1]);

  // "Creation of an upgrade process", "Implementation of better alerting": judge the verb the noun stands for
  const nominal = /^(creation|implementation|introduction|development|establishment|definition|improvement|addition) of\s+(?!\s)(.*)$/i.exec(text);
  if (nominal) {
    const verb = { creation: 'create', implementation: 'implement', introduction: 'introduce', development: 'develop', establishment: 'establish', definition: 'define', improvement: 'improve', addition: 'add' }[nominal[1].toLowerCase()];
    return classifyClause(`${verb} ${nominal[2]}`);
  }
  // "The plugins releasing process should be improved to help detect regressions": an improvement told in the passive
  // is judged as the same item told as a to-do ("Improve the plugins releasing process to help …")
  const told = s.trim().replace(TICKET_LEAD_RE, '');
  const passive = PASSIVE_RE.exec(told);
  if (passive && IMPROVE.has(lemma(passive[1]))) {
    const subject = told.slice(0, passive.index);
    const r = subject.split(/\s+/).length <= 8 ? classifyClause(`${lemma(passive[1])} ${subject}${told.slice(passive.index + passive[0].length)}`) : undefined;
    // the words quoted are the ones written ("should be improved"), not the to-do it was read as
    if (r) return r.vague && r.kind === 'improvement' ? { ...r, phrase: passive[0].trim() } : r;
  }
  // "Team discussed about having closer inspection …": a discussion reported, nothing decided ("… and agreed to
  // move the job" is judged on what was agreed)
  const discussed = reportedDiscussion(text);
  if (discussed) {
    if (discussed.agreed) return classifyClause(discussed.agreed);
    return { vague: true, kind: 'deliberation', phrase: discussed.phrase, reason: 'a discussion is reported, not what was decided' };
  }
  // "More training will be conducted in the future …": training nobody in particular, on nothing in particular
  // "Database optimization remains a priority to fix": a topic ranked, not a change named
  const ranked = PRIORITY_TOPIC_RE.exec(s.trim());
  if (ranked && !measurable && !specificAnchors(ranked[1]).length) return { vague: true, kind: 'abstract', phrase: ranked[0], reason: 'it ranks a topic instead of naming a change' };
  // "More time needs to be allocated to resilience projects": more of a resource, and no amount
  const moreOf = MORE_RESOURCE_RE.exec(s.trim());
  if (moreOf && !measurable) return { vague: true, kind: 'improvement', phrase: moreOf[0], reason: '"more" has no finish line: how much, spent on what' };
  const training = trainingSubject(text) ?? trainingSubject(s.trim());
  if (training) return { vague: true, kind: 'people', phrase: training, reason: 'changing how people behave is less reliable than changing the system' };
  // "Investigate the possibility to trigger a backup before any database change": a yes-or-no question about a named
  // change is done when answered; judge the change ("… the possibility of better alerting" stays vague)
  const possible = POSSIBILITY_RE.exec(text);
  if (possible) {
    const [verb, ...rest] = possible[1].split(/\s+/);
    const inner = classifyClause([lemma(verb), ...rest].join(' '));
    if (!inner.vague && rest.length >= 2) return inner;
  }
  // "Exploring the transfer of the domain names used in this attack to our registrar": research into one named change
  // is done when that change is decided; judge the change ("… the migration of things" stays vague)
  const change = CHANGE_OF_RE.exec(text);
  if (change) {
    const rest = change[2].split(/\s+/);
    const inner = classifyClause([CHANGE_VERBS[change[1].toLowerCase()], ...rest].join(' '));
    if (!inner.vague && rest.length >= 2) return inner;
  }
  // "Investigate setting up canaries across …", "Strengthen X by establishing Y": judge the named task inside
  const within = namedTaskWithin(text);
  if (within) {
    const inner = classifyClause(`${lemma(within.verb)} ${within.rest}`);
    if (!inner.vague && within.rest.split(/\s+/).length >= 2) return inner;
  }
  const hedge = HEDGE_RE.exec(text) ?? HEDGE_RE.exec(s.trim());
  if (hedge) {
    return { vague: true, kind: 'deliberation', phrase: hedge[0].trim(), reason: 'a hedge is not a decision: nobody is asked to do anything' };
  }
  // "This is changing in the coming weeks, though the specific details are not yet decided": open by its own words
  const open = undecided(text);
  if (open && !measurable && anchors.length < 2) return { vague: true, kind: 'deliberation', phrase: open, reason: 'it says itself that what will be done is not decided' };
  const lot = LOT_TO_DO_RE.exec(text);
  if (lot) return { vague: true, kind: 'abstract', phrase: lot[0], reason: 'it says there is work, not what it is' };
  // "Work on moving to a more fault-tolerant architecture", "We need to work on a shorter Recovery Time Objective"
  const worked = workedOn(text);
  if (worked?.phrase && !measurable) return { vague: true, kind: 'improvement', phrase: worked.phrase, reason: 'working on it has no finish line: what changes, and by how much' };
  if (worked?.gerund) {
    const [gerund, ...rest] = worked.gerund.split(/\s+/);
    const inner = classifyClause([lemma(gerund), ...rest].join(' '));
    if (inner.vague) return inner;
  }
  const ahead = watchesAhead(text);
  if (ahead && !measurable) return { vague: true, kind: 'deliberation', phrase: ahead, reason: 'watching what comes next has no finish line: alert on a named signal instead' };
  // "Disable alerts for some monitoring checks": "some" in place of the ones meant
  const some = SOME_OF_RE.exec(text);
  if (some && PRODUCE.has(lemma(words[0])) && !measurable && !specificAnchors(beforeFields(text)).length) return { vague: true, kind: 'abstract', phrase: some[0], reason: '"some" does not say which: name them' };
  // "Another thing to work on moving forward." names that there is work, not what it is
  if (/^something (?:about|around|for|with|regarding|on)\b|^(?:some|a) (?:kind|sort) of\b/i.test(text) || (/^(?:another|one more) (?:thing|area) to (?:work on|improve|fix|address)\b/i.test(text) && !concrete)) {
    return { vague: true, kind: 'abstract', phrase: words.slice(0, 2).join(' '), reason: 'it names a topic, not an action' };
  }
  if (OPTIONS_RE.test(text)) {
    return { vague: true, kind: 'deliberation', phrase: words.slice(0, 3).join(' '), reason: 'it looks for options instead of choosing one' };
  }
  if (/^(?:suggest|recommend|propose)(?:s|ed)?\s+(?:that|to)\b/i.test(text)) {
    return { vague: true, kind: 'deliberation', phrase: words.slice(0, 2).join(' '), reason: 'a suggestion is not a decision: nobody is asked to do anything' };
  }
  // "… and ensure that this particular error doesn't happen again" after another verb too
  const notAgain = NOT_AGAIN_RE.exec(text);
  // after another verb only when nothing else in it is a change to make ("… and ensure it never expires silently by
  // adding an alert at 14 days" names one)
  if (notAgain && (notAgain.index === 0 || (!measurable && !/\bby\s+\w+ing\b/i.test(text) && !specificAnchors(text).length))) {
    const phrase = notAgain.index === 0 ? words.slice(0, 3).join(' ') : notAgain[0].replace(/^and\s+/i, '').split(/\s+/).slice(0, 3).join(' ');
    return { vague: true, kind: 'aspiration', phrase, reason: '"make sure it cannot happen again" names a wish, not a change' };
  }
  // "Manually test important features before promoting": "important features" in place of the ones meant (the verb
  // may follow an adverb)
  const which = UNNAMED_SET_RE.exec(text);
  if (which && ALL_VERBS.has(lemma(/ly$/i.test(words[0]) ? (words[1] ?? '') : words[0])) && !measurable && !specificAnchors(beforeFields(text)).length) return { vague: true, kind: 'abstract', phrase: which[0], reason: `"${which[0]}" does not say which: name them` };
  if (MORE_OF_RE.test(text) && !measurable) {
    return { vague: true, kind: 'improvement', phrase: words.slice(0, 3).join(' '), reason: '"more" has no finish line: by how much, measured how' };
  }
  // the words before the inline owner / due date ("— @lea, due 2026-04-15"): a date is not the number to reach
  const fewer = FEWER_OF_RE.test(text) ? beforeFields(text) : '';
  if (fewer && !measurable && !FEWER_TARGET_RE.test(fewer) && !specificAnchors(fewer).length && !/\bby\s+\w+ing\b/i.test(fewer)) {
    return { vague: true, kind: 'improvement', phrase: words.slice(0, 3).join(' '), reason: 'no number says how many is few enough' };
  }
  const v0 = lemma(words[0]);
  // "Investigate and fix memory leak in kubespawner": the research leads to a fix, judge the fix (unless it fixes "issues")
  const andDo = /^(\S+)\s+and\s+(\S+)\s+(?!\s)(.*)$/.exec(text);
  if (andDo && RESEARCH.has(v0) && PRODUCE.has(lemma(andDo[2])) && !GENERIC_OBJECT_RE.test(andDo[3])) return classifyClause(`${andDo[2]} ${andDo[3]}`);
  // "Review and determine if future reports could be made more actionable": the second verb says what is looked for
  if (andDo && RESEARCH.has(v0) && RESEARCH.has(lemma(andDo[2]))) return classifyClause(`${andDo[2]} ${andDo[3]}`);
  const two = `${v0} ${(words[1] ?? '').toLowerCase()}`;
  const verbPhrase = words.slice(0, 3).join(' ');

  if (/^(?:schedule|hold|set up|organi[sz]e|have)\s+(?:a\s+|an\s+)?(?:discussion|meeting|conversation|session|workshop|brainstorm)/i.test(text)) {
    return { vague: true, kind: 'deliberation', phrase: verbPhrase, reason: 'a meeting is not an outcome' };
  }
  if (/^(?:make sure|ensure)\s+(?:that\s+)?(?:all|every|everything|we are|we're)\b/i.test(text) || /^(?:make sure|ensure)\b.*\b(?:durability|reliability|resilience|robustness|stability|readiness|quality|a plan)\b/i.test(text)) {
    if (!measurable) return { vague: true, kind: 'aspiration', phrase: words.slice(0, 4).join(' '), reason: '"make sure" names a wish, not a change' };
  }
  if (PEOPLE.has(v0) || /^raise awareness\b/i.test(text) || /^be more (?:careful|vigilant|mindful|diligent|thorough)\b/i.test(text)) {
    return { vague: true, kind: 'people', phrase: words.slice(0, 3).join(' '), reason: 'changing how people behave is less reliable than changing the system' };
  }
  // "Revisit the on-call rotation to make sure everyone on it has the permissions …": a named thing re-examined
  // against a stated condition is a task; "Revisit alerting" or "Discuss the rotation" is not
  const reexamine = /^(?:revisit|rethink|re-?evaluate)$/.test(v0) && hasPurpose(text) && !isAbstractObject(objectAfter(words, 1).object) && !GENERIC_OBJECT_RE.test(objectAfter(words, 1).object);
  // "Try ‘Prevent destroy’ setting on R53 zone": a named setting tried on a named target is an experiment, done when tried
  const experiment = v0 === 'try' && TRY_NAMED_RE.test(text);
  // "Align the other environment with the same approach": a named thing made the same as another is a change ("Align
  // with the data team" is a conversation)
  const alignsThing = v0 === 'align' && ALIGN_THING_RE.test(text);
  if (DELIBERATE.has(v0) && !((v0 === 'keep' || v0 === 'aim') && concrete) && !reexamine && !experiment && !alignsThing && !keepsThing(text) && !continuesCountedRemainder(text)) {
    return { vague: true, kind: 'deliberation', phrase: words.slice(0, 2).join(' '), reason: 'it deliberates instead of deciding: nothing is produced' };
  }
  if (RESEARCH.has(v0)) {
    const further = /^(?:investigate|look into|look at|review|evaluate)\s+(?:it\s+|this\s+)?(?:further|more)\b|^look into (?:the |our )?\w+$/i.test(text);
    if (v0 === 'check' && !/^check (?:whether|if|how)\b/i.test(text)) {
      // "Check every subdomain … before switching nameservers" is a concrete step
    } else if (v0 === 'review' && !isAbstractObject(objectAfter(words, 1).object) && !/^review (?:(?:our|the|all|existing|current)\s+)?(?:processes|process|practices|procedures|approach|everything|it|this)\b/i.test(text)) {
      // "Review who has access to the Immunefi channel" names what to review
    } else if (v0 === 'identify' && !/^identify (?:ways|options|improvements|opportunities|areas|gaps|bottlenecks|risks|weaknesses|root causes?|(?:a |the )?(?:way|path|approach))\b/i.test(text)) {
      // "Identify the pods that …" is fine
    } else if (concreteQuestion(words) || preciseIssueOf(text) || weighsNamedChange(text) || weighsNamedCandidate(text) || sweepsAndFixes(text)) {
      // "Look into if this is also an issue in Traefik 2.x": done when the question is answered
    } else if (further || !concrete) {
      return { vague: true, kind: 'deliberation', phrase: two === `${v0} into` ? verbPhrase : words.slice(0, 2).join(' '), reason: 'it researches without a question or an outcome' };
    }
  }
  const regular = REGULAR_ACTIVITY_RE.exec(text);
  const comparative = COMPARATIVE_ABSTRACT_RE.exec(text) ?? regular;
  // "Improve the deploy script so it stops when the health check fails twice": the finish line is written down
  const finish = hasFinishLine(text);
  // "Improve coverage of readiness/liveness probes": coverage of a named thing is done when all of it is covered
  const coverageOf = /^(?:improve|increase|expand|extend)\s+(?:the\s+|our\s+)?(?:test\s+)?coverage\s+(?:of|for)\s+(?!\s)(.+)$/i.exec(text);
  const namedCoverage = !!coverageOf && !GENERIC_OBJECT_RE.test(coverageOf[1]) && !isAbstractObject(coverageOf[1]);
  const signal = monitorsSignal(text);
  if (IMPROVE.has(v0) && !measurable && !finish && !namedCoverage && !signal && !improvesToNamedBehaviour(text)) {
    return { vague: true, kind: 'improvement', phrase: words.slice(0, Math.min(3, words.length)).join(' '), reason: `"${words[0].toLowerCase()}" has no finish line: by how much, measured how` };
  }
  // "Bug bounty in order to get more visibility …", "… so the team is aware": the purpose is not the task; and a
  // purpose that names what to check ("load testing to validate connection pool behaviour") is a finish line
  const main = mainClause(text);
  const purposeNamed = concretePurpose(text);
  if (comparative && !measurable && !(anchors.length >= 2 && PRODUCE.has(v0)) && main.length < text.length && !(comparative === regular ? REGULAR_ACTIVITY_RE : COMPARATIVE_ABSTRACT_RE).test(main)) {
    // the comparative sits in the purpose clause only
  } else if (comparative && !measurable && !signal && !(anchors.length >= 2 && PRODUCE.has(v0)) && !purposeNamed && !namedCondition(text.slice(comparative.index + comparative[0].length))) {
    const reason = comparative === regular ? `"${comparative[0]}" has no bar: how often or how strict, and checked how` : `"${comparative[0]}" has no finish line: more of what, and how much is enough`;
    return { vague: true, kind: 'improvement', phrase: comparative[0], reason };
  }
  // "Proactively designing Person-like tables in a way that avoids similar limits in the future": no change is named,
  // only that the next one should go better ("Partition the events table by month in a way that …" names its change)
  const wish = AVOIDS_SIMILAR_RE.exec(text);
  if (wish && !measurable && !PRODUCE.has(v0)) return { vague: true, kind: 'aspiration', phrase: wish[0], reason: 'it describes a wish, not a change anyone can make' };
  const aspiration = ASPIRATION_RE.exec(main);
  if (aspiration && !measurable && !againstNamedEvent(main.slice(aspiration.index + aspiration[0].length)) && !thanNamedThing(main.slice(aspiration.index + aspiration[0].length))) {
    return { vague: true, kind: 'aspiration', phrase: aspiration[0].trim(), reason: 'it describes a wish, not a change anyone can make' };
  }
  // A producing verb on an abstract object with nothing concrete attached: "Add monitoring", "Define a Redis strategy"
  const bareWatch = watchesNoSignal(text);
  if (bareWatch && !measurable) return { vague: true, kind: 'abstract', phrase: bareWatch, reason: 'it names what is watched, not the signal or the threshold' };
  if (PRODUCE.has(v0) || v0 === 'set') {
    const start = v0 === 'set' && /^up$/i.test(words[1] ?? '') ? 2 : /^(?:and|&)$/i.test(words[1] ?? '') ? 3 : 1;
    const { object, qualifier } = objectAfter(words, start);
    if (isAbstractObject(object) && !measurable) {
      const q = qualifier.trim();
      const qualifierAnchors = specificAnchors(q).length;
      const generic = !q || GENERIC_OBJECT_RE.test(q);
      const strategic =
        /\b(?:strategy|approach|approaches|plan|culture|practices|awareness|posture|improvements|measures|hygiene|maturity|techniques)$/i.test(object) ||
        (/^(?:create|define|establish|develop|implement|introduce|build)$/.test(v0) && /\b(?:process|processes|procedures?|framework|policy|guidelines)$/i.test(object) && !q);
      // "Document the rollover process" names which process; "Add monitoring", "Apply better alerting" do not
      const mods = object.toLowerCase().split(/\s+/).slice(0, -1).filter((w) => !GENERIC_MODIFIER.has(w));
      // "Require rollback plan": requiring a named kind of plan is a gate someone adds, done when it is enforced
      // ("Require a plan", "Define a rollback plan" stay vague)
      const gate = v0 === 'require' && mods.length > 0 && /\bplans?$/i.test(object);
      const quantity = /^(?:increase|reduce|decrease|raise|lower)$/.test(v0);
      if ((generic && qualifierAnchors === 0 && (mods.length === 0 || quantity)) || (strategic && !gate && anchors.length < 2)) {
        return { vague: true, kind: 'abstract', phrase: `${words.slice(0, start).join(' ')} ${object}`.trim(), reason: `"${object}" of what: no component, signal or threshold is named` };
      }
    }
  }
  // No verb at all: a noun phrase like "Better testing" / "More alerts" / "Improved monitoring", or a way of working
  // with a condition after it ("Clear communication if merges break …")
  // "planning against release-candidate documentation" is a verb the lists lack, not a topic
  const gerundVerb = /^\p{L}+ing\s+(?:against|on|for|to|with|around|about|into|from)\b/iu.test(text);
  if (!ALL_VERBS.has(v0) && !gerundVerb && words.length <= 4 && isAbstractObject(words.join(' ')) && !concrete) {
    return { vague: true, kind: 'abstract', phrase: text, reason: 'it names a topic, not an action' };
  }
  // "Incident Management Tool / Known issues / Status Page / Alerts": topics joined by slashes, no change named in any
  if (!measurable && topicList(text)) return { vague: true, kind: 'abstract', phrase: text, reason: 'it lists topics, not an action' };
  if (!ALL_VERBS.has(v0) && !concrete && verblessWayOfWorking(words)) {
    return { vague: true, kind: 'abstract', phrase: objectAfter(words, 0).object, reason: 'it names a topic, not an action' };
  }
  return { vague: false };
}

/**
 * Whether an action item's text (markdown) is too vague to be done. Pure: a function of the text only.
 * Weighs the words after a bold label ("**Monitoring**: Alert on …" is judged on "Alert on …").
 */
/**
 * "… somewhere more stable than its server pod": the comparison is with a named thing, so the change is done when it
 * no longer lives there. "than before", "than now", "than it is today" name no baseline.
 */
function thanNamedThing(rest: string): boolean {
  const m = /^\s+than\s+(?:(?:the|its|our|their|a|an|this|that)\s+)?([\p{L}\p{N}'’_-]+)/iu.exec(rest);
  return !!m && !/^(?:before|now|today|currently|it|they|we|ever|usual|expected|needed|necessary|necessarily|possible|average|others?|them|this|that)$/i.test(m[1]);
}

/**
 * Three or more short noun phrases joined by " / ", none opening with a verb (a lone word such as "Alerts" after the
 * first is read as the noun): a list of topics for a meeting, "Runbook / Dashboards / Status page / Alerts".
 */
function topicList(text: string): boolean {
  const parts = text.split(' / ');
  if (parts.length < 3) return false;
  return parts.every((p, i) => {
    const w = p.trim().split(' ');
    const verb = ALL_VERBS.has(lemma(w[0])) && (i === 0 || w.length > 1);
    return w.length <= 4 && w[0] !== '' && !verb && !/\d/.test(p);
  });
}

/** "Make sure this cannot recur", "… and ensure that this particular error doesn't happen again": a wish, not a change. */
const NOT_AGAIN_RE =
  /(?:^|\band\s+)(?:make sure|ensure)\s+(?:that\s+)?(?:this|it|that|the (?:issue|problem|incident|outage|same thing)|(?:this|that|the) (?:[*_]?(?:particular|specific|same|exact)[*_]? )?(?:error|issue|problem|incident|outage|failure|mistake|bug))\s+(?:doesn'?t|does not|cannot|can'?t|won'?t|will not|never|is not|isn'?t)\b/i;

export function classifyVague(markdown: string): VagueResult {
  const raw = clean(markdown);
  if (!raw) return { vague: false };
  const template = TEMPLATE_RE.exec(raw);
  if (template) return { vague: true, kind: 'template', phrase: template[0], reason: 'template placeholders are still unfilled' };
  const { label, rest } = splitLabel(raw);
  if (label) {
    const lw = label.split(/\s+/);
    const lv = lemma(lw[0]);
    if (DELIBERATE.has(lv) || PEOPLE.has(lv) || (RESEARCH.has(lv) && lv !== 'check' && lv !== 'review') || /^(?:make sure|ensure)\b/i.test(label)) {
      const r = classifyClause(label);
      if (r.vague) return r;
    }
    if (PRODUCE.has(lv) && lw.length >= 3) {
      // a label that is itself a concrete action ("Run `terraform plan` in CI") settles it
      const byLabel = classifyClause(firstSentence(label));
      if (!byLabel.vague || rest.split(/\s+/).length < 3) return byLabel;
    }
    if (rest.split(/\s+/).length >= 3) return classifyClause(firstSentence(rest.replace(/^\*\*|\*\*$/g, '')));
    return classifyClause(label);
  }
  const body = raw.replace(/\*\*|__/g, '');
  const first = firstSentence(body);
  const r = classifyClause(first);
  // "As this was happening … no log output. We need to write more documentation …": judge the sentence of need
  const need = r.vague ? undefined : laterNeed(body, first, startsImperative(first) || commitsToWork(first, true));
  if (need) {
    const n = classifyClause(need);
    if (n.vague) return { ...n, sentence: need };
  }
  // "Add more thorough testing. In particular, have negative tests in all overflow directions": the next sentence
  // says what was meant
  const elaboration = /^\s*(?:in particular|specifically|namely|for example|for instance|e\.g\.),?\s+(?!\s)(.+?)(?:[.!?](?:\s|$)|$)/i.exec(body.slice(first.length));
  if (r.vague && r.kind !== 'people' && r.kind !== 'deliberation' && elaboration) {
    const e = elaboration[1].replace(/^(?:have|add|write)\b/i, 'add');
    if (!classifyClause(e).vague && e.split(/\s+/).length >= 4) return { vague: false };
  }
  // "A more robust testing strategy for the SDK - we should test extensions with all past versions": what was meant
  if (r.vague && r.kind !== 'people' && r.kind !== 'deliberation' && dashSaysWhat(first)) return { vague: false };
  // "… will also change, becoming a much more automated process. We hope to have switched over to a SvnSubPub based
  // system within the next few weeks.": the next sentence names what it changes to
  if (r.vague && r.kind === 'improvement' && switchesToNamed(body.slice(first.length))) return { vague: false };
  return r;
}

/**
 * After a spaced dash (not "re-run", "2-3"), up to the next, a concrete clause of four words or more; not the item's
 * fields ("— @ana, due 2026-04-01, P1").
 */
function dashSaysWhat(sentence: string): boolean {
  const [, after = ''] = sentence.split(/\s[-–—]\s/, 3);
  return /^\p{L}/u.test(after) && !/@|\bdue\b|\d{4}-\d{2}/i.test(after) && after.split(/\s+/).length >= 4 && !classifyClause(after).vague;
}

/** The next sentence says the change ends in a named system: "We hope to have switched over to a SvnSubPub based system …". */
function switchesToNamed(rest: string): boolean {
  const m = /^\s*we\s+(?:hope|plan|expect|intend|aim)\s+to\s+(?:have\s+)?(?:switch(?:ed)?|mov(?:e|ed)|migrat(?:e|ed))\s+(?:over\s+)?to\s+(?!\s)([^.!?\n]{3,120})/i.exec(rest);
  return !!m && specificAnchors(m[1]).length > 0;
}

/**
 * "Audit all clusters for orphaned secrets without owning Certificate resources and resolve.": a sweep for a named
 * kind of thing that fixes what it finds is done when none is left (not "Audit our systems for issues and fix them").
 * Read in steps (the verb, the last " and ", the first " for " before it), each a linear test.
 */
function sweepsAndFixes(text: string): boolean {
  if (!SWEEP_VERB_RE.test(text)) return false;
  const and = text.lastIndexOf(' and ');
  if (and < 0 || !FIX_TAIL_RE.test(text.slice(and + 5).trim())) return false;
  const fr = text.indexOf(' for ');
  if (fr < 0 || fr > 90 || fr > and) return false;
  const sought = text.slice(fr + 5, and).trim();
  return sought.length >= 3 && !/[.;]/.test(sought) && !GENERIC_OBJECT_RE.test(sought) && !isAbstractObject(sought);
}
const SWEEP_VERB_RE = /^(?:audit|check|review|scan|search)\s/i;
/** What follows the last " and ": the fix of what the sweep finds ("resolve", "fix them", "remove any found"). */
const FIX_TAIL_RE = /^(?:resolve|fix|remove|delete|clean ?up|rotate|revoke)(?: (?:them|it|any|all|those|each)(?: (?:found|left))?)?\.?$/i;

/** "important features", "critical systems", "key services": a set named by how much it matters, not by its members. */
const UNNAMED_SET_RE = /\b(?:important|critical|key|main|major|relevant|essential|core) (?:features|functionality|things|parts|areas|systems|services|components|flows|paths|pieces|bits)\b(?! of\b)/i;
