// outcome-without-context: "We rolled back the deploy" is an outcome. Why that was the right call, what the metrics
// showed, what else was considered: that is the context a reader a year later needs to tell whether their situation
// is the same. The rule looks for a responder's decision (rolled back, restarted, failed over, scaled up, disabled,
// paged) in the summary, timeline or resolution with no reason in the same sentence or the ones either side.
import type { Rule, SectionKind } from '../model/types';
import { rangeOf } from '../model/lines';
import { plainProse } from '../model/facts';
import { byRuns, memoByText } from '../model/memo';

interface Options {
  sections: SectionKind[];
}

/** Decisions, by the verb a message names (past tense: a thing that was done). */
const DECISIONS: [string, string][] = [
  ['rolled back', 'rolled ?back'],
  ['reverted', 'reverted'],
  ['restarted', 'restarted|rebooted|bounced'],
  ['failed over', 'failed over'],
  ['scaled', 'scaled (?:up|out)'],
  ['disabled', 'disabled|turned off|switched off'],
  ['paged', 'paged'],
];

/**
 * Who took the decision: we / I / on-call / the team, a change written in the passive ("the deploy was rolled
 * back"), or a timeline entry that starts with the verb ("10:05 Rolled back the deploy"). Automation restarting
 * pods and an attacker disabling an account are not decisions to explain.
 */
const ADVERBS = '(?:(?:then|quickly|immediately|manually|eventually|finally|also|first|promptly|successfully)\\s+)?';
const SUBJECT = `\\b(?:we|I|on-?call|the (?:on-?call(?: engineer)?|team|responders?|engineers?|SRE team))\\s+${ADVERBS}`;
const PASSIVE_SUBJECT =
  '\\b(?:deploy(?:ment)?s?|releases?|changes?|commits?|PRs?|pull requests?|versions?|upgrades?|updates?|migrations?|config(?:uration)?(?: changes?)?|rollouts?|feature flags?|flags?|servers?|services?|pods?|instances?|nodes?|clusters?|databases?|primary|replicas?)\\s+(?:was|were|got|have been|has been)\\s+' +
  ADVERBS;
const ENTRY_START =
  '(?:^|\\|)\\s*(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:\\*\\*)?(?:\\[?\\d{1,2}[:h.]\\d{2}(?::\\d{2})?\\]?(?:[ \\t]?[A-Z]{2,4})?(?:\\*\\*)?[ \\t]*(?:[-–—:|][ \\t]*)?)?(?:\\*\\*)?';

function decisionRe(verbs: string): RegExp {
  return new RegExp(`(?:${SUBJECT}|${PASSIVE_SUBJECT})(${verbs})\\b|${ENTRY_START}(${verbs.replace(/(^|\|)(\w)/g, (_m, p: string, c: string) => `${p}[${c.toUpperCase()}${c}]`)})\\b`, 'i');
}

/** A reason, what was seen, or an alternative weighed. */
const REASON =
  /\b(?:because|since|as|due to|given|so that|so as to|in order to|in an effort to|to (?:stop|restore|reduce|mitigate|prevent|avoid|recover|limit|fix|resolve|unblock|confirm|test|rule out|relieve|free|clear|drain|get|bring|allow|return|ensure|isolate|buy|contain|speed|lower|handle|address|remove|undo|recover|minimi[sz]e|rule|see|check|verify|determine|find|keep|protect|regain|stabili[sz]e|investigate|work around)|after (?:seeing|noticing|confirming|identifying|determining|finding|observing|verifying|realising|realizing|discovering|spotting|it became|we saw|we found|we noticed|we confirmed|we identified)|which (?:was|were|had) (?:causing|the cause|responsible)|caused|causing|culprit|(?:problematic|faulty|offending|broken|bad|buggy|malicious|bogus|incorrect|wrong|erroneous|defective|misconfigured|failing|suspect(?:ed)?)\b|instead of|rather than|over (?:raising|adding|increasing|waiting|fixing|patching)|considered|decided|chose|opted|option|alternative|trade-?off|safest|fastest|quickest|least risky|root cause|triggered by|introduced (?:by|in|the)|identified (?:as|the)|traced|pinpointed|correlat|coincid|linked (?:it|to|the)|showed|indicated|revealed|suggested|pointed to|we saw|we noticed|we found|was found|were found|confirmed|for (?:(?:a|an|the|its|their) )?(?:[\w-]+ ){0,2}(?:patch(?:es)?|updates?|upgrades?|maintenance|migrations?|hotfix(?:es)?|security reasons?)\b)/i;

/** A purpose clause: "scaled the nodes to increase capacity" (not "rolled back to the previous version"). */
const PURPOSE =
  /\bto (?!(?:the|a|an|its|their|our|his|her|this|that|these|those|previous|prior|old|older|last|earlier|original|normal|stable|known|version|release|be|v?\d)\b)[a-z]{3,}\b/;

const hasReason = (t: string) => REASON.test(t) || PURPOSE.test(t);

/** Not a decision taken: negated, conditional, planned, or an item. */
const NOT_TAKEN = /\b(?:not|n't|never|no|without|unable to|could not|couldn't|would|would have|if|had we|unless|will|should|need(?:s|ed)? to|plan(?:s|ned)? to|must|can|cannot|could|whether|before|failed to|tried to|attempt(?:ed)? to|automatically|automation|auto-?)\s+(?:\w+\s+){0,3}$/i;

/**
 * "consumers ignored changes until the consumer pods were restarted": the restart closes a clause that says what was
 * wrong until then, which is the reason; a state told, not a bare decision.
 */
const UNTIL = /\b(?:until|till)\s+(?:[\w'-]+\s+){0,5}$/i;

const BOUNDARY = /(?<=[.!?])\s+(?=[A-Z0-9"“(*])|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]|\|)\s)/g;

interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** The sentences (or list items, table rows) of one paragraph-ish block of prose. */
function sentencesOf(prose: string, start: number, end: number): Sentence[] {
  const body = prose.slice(start, end);
  const out: Sentence[] = [];
  let pos = 0;
  for (const m of body.matchAll(BOUNDARY)) {
    out.push({ start: start + pos, end: start + m.index, text: body.slice(pos, m.index) });
    pos = m.index + m[0].length;
  }
  out.push({ start: start + pos, end, text: body.slice(pos) });
  // table rows: each row is a sentence of its own
  return out.flatMap((s) =>
    s.text.includes('\n') && /^[ \t]*\|/m.test(s.text)
      ? s.text.split('\n').reduce<Sentence[]>((acc, line) => {
          const at = acc.length ? acc[acc.length - 1].end + 1 : s.start;
          acc.push({ start: at, end: at + line.length, text: line });
          return acc;
        }, [])
      : [s],
  );
}

/** The decisions a sentence both takes and explains (a function of its text: remembered between edits). */
const DECISION_RES = DECISIONS.map(([verb, re]) => [verb, decisionRe(re)] as const);
/**
 * Some decision verb, anywhere: every decision expression needs one of these words (case-insensitively), so a
 * sentence without any is read once by this instead of by each of the decision expressions.
 */
const ANY_VERB = new RegExp(DECISIONS.map(([, re]) => re).join('|'), 'i');
const explainedIn = memoByText((text: string): string[] => {
  const verbs: string[] = [];
  if (!ANY_VERB.test(text)) return verbs;
  for (const [verb, re] of DECISION_RES) if (re.test(text) && hasReason(text)) verbs.push(verb);
  return verbs;
});

/**
 * "On-call paged." / "On-call paged at SEV-1" under an alert that fires: the on-call is who was paged (a headline
 * passive, the alert's own action), not a responder who chose to page someone; "On-call paged the DBA team" is.
 */
const ON_CALL_WAS_PAGED = /on-?call\s+$/i;
const NO_OBJECT = /^\s*(?:$|[.,;:|()—–-]|(?:at|via|by|through|automatically|on|within|after)\b)/i;

/**
 * The decisions a sentence says were taken, as [verb, start of the verb, end of the match] in the sentence: not
 * negated or planned ("we did not roll back", "we will restart"). A function of the text: remembered between edits.
 */
const takenIn = memoByText((text: string): [string, number, number][] => {
  const out: [string, number, number][] = [];
  if (!ANY_VERB.test(text)) return out;
  for (const [verb, re] of DECISION_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const at = m.index + m[0].length - (m[1] ?? m[2]).length;
    const before = text.slice(Math.max(0, at - 80), at);
    if (NOT_TAKEN.test(before) || UNTIL.test(before)) continue;
    if (verb === 'paged' && ON_CALL_WAS_PAGED.test(text.slice(m.index, at)) && NO_OBJECT.test(text.slice(m.index + m[0].length))) continue;
    out.push([verb, at, m.index + m[0].length]);
  }
  return out;
});

/**
 * The decisions one section's prose says were taken with no reason in the sentence or the ones either side of it
 * (in the section), as [verb, start, end] in that text. A function of the text: remembered between edits.
 */
const unexplainedIn = memoByText((body: string): { verb: string; start: number; end: number }[] => {
  const sentences = sentencesOf(body, 0, body.length).filter((x) => /\p{L}/u.test(x.text));
  const out: { verb: string; start: number; end: number }[] = [];
  sentences.forEach((s, i) => {
    for (const [verb, at, end] of takenIn(s.text)) {
      // the sentence, and the ones either side (a next list item or table row is about its own decision)
      const next = sentences[i + 1] && !/^\s*(?:[-*+]|\d+[.)]|\|)\s/.test(sentences[i + 1].text) ? sentences[i + 1] : undefined;
      const near = [sentences[i - 1], s, next].filter((x): x is Sentence => !!x && x.end - x.start < 2000);
      if (near.some((x) => hasReason(x.text))) continue;
      out.push({ verb, start: s.start + at, end: s.start + end });
    }
  });
  return out;
});

/**
 * The decisions explained anywhere in the prose: read paragraph by paragraph (runsOf, cut between the two line breaks
 * of a blank line), each remembered by its text, and the paragraphs an edit left alone taken from the last version's
 * answer (memo.ts byRuns). Two line breaks in a row are a sentence boundary (BOUNDARY's `\n\s*\n`), so cutting
 * between them gives the same sentences up to a line break at their edges (and an empty sentence where blank lines
 * follow each other), which no expression of explainedIn reads (its `^` is followed by `\s*`, its `\b`s see a line
 * break as they see an end).
 */
function explainedInProse(prose: string): Set<string> {
  return new Set(explainedByRuns(prose).map((v) => v[0]));
}
const explainedByRuns = byRuns(
  memoByText((run: string): [number, string][] => {
    const verbs = new Set<string>();
    for (const s of sentencesOf(run, 0, run.length)) for (const verb of explainedIn(s.text)) verbs.add(verb);
    return [...verbs].map((verb) => [0, verb]);
  }),
);

const rule: Rule<Options> = {
  id: 'outcome-without-context',
  description: 'Decisions (rolled back, restarted, failed over) come with why: what was seen, what else was considered.',
  defaultSeverity: 'information',
  defaultOptions: { sections: ['summary', 'timeline', 'resolution'] },
  optionsSchema: {
    type: 'object',
    properties: {
      sections: {
        type: 'array',
        items: { type: 'string', enum: ['summary', 'impact', 'timeline', 'contributing-causes', 'detection', 'resolution', 'lessons-learned'] },
        description: 'Section kinds whose decisions are checked.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const wanted = new Set(ctx.options.sections);
    const prose = plainProse(model);
    // a decision explained anywhere in the document (the resolution often says why the summary's rollback was right)
    const explained = explainedInProse(prose);
    // the unexplained decisions of the wanted sections, in order (each section's read from its own text)
    const found: { verb: string; start: number; end: number }[] = [];
    for (const s of model.allSections) {
      if (!s.effectiveKind || !wanted.has(s.effectiveKind)) continue;
      const at = s.ownContentRange.start.offset;
      for (const d of unexplainedIn(prose.slice(at, s.ownContentRange.end.offset))) {
        if (!explained.has(d.verb)) found.push({ verb: d.verb, start: at + d.start, end: at + d.end });
      }
    }
    // one finding per decision verb: the first place it is written
    const seen = new Set<string>();
    for (const f of found) {
      if (seen.has(f.verb)) continue;
      seen.add(f.verb);
      ctx.report({
        range: rangeOf(model.lines, f.start, f.end),
        message: `'${model.text.slice(f.start, f.end)}' says what was done, not why: add what you saw and what else you weighed.`,
      });
    }
  },
};

export default rule;
