// human-error: "human error" is where an analysis stops, not where it ends. People make mistakes all the time; the
// useful question is why the system let this one through and what would have caught it.
import type { Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { fit, proseText } from './support/util';
import { matchesByLine } from '../model/memo';

const RE = /(?<![\p{L}])(?:human|operator|user|pilot|engineer(?:ing)?|manual|personal) (?:error|mistake|failure)s?(?![\p{L}])/giu;
/** Read line by line (model/memo.ts): the words are joined by single spaces, and a line break is no letter. */
const matches = matchesByLine(RE);
/**
 * "While it can be attributed to human error, it is incorrect to focus on the individual, and instead consider how to
 * improve the tooling …": the words are granted only to be set aside, in the same sentence. Read in the 120
 * characters after the match, up to the sentence's end.
 */
const SET_ASIDE_AFTER =
  /^[^.!?]{0,100}?\b(?:(?:(?:incorrect|wrong|unhelpful|unfair|misleading|pointless|not (?:useful|helpful|right|fair|enough)) to|(?:we )?(?:don't|do not|shouldn't|should not|won't|will not)) (?:focus on|blame) (?:the |an? |any )?(?:individuals?|persons?|people|operators?|engineers?|humans?|them|him|her|anyone|someone)\b|\b(?:incorrect|wrong|unhelpful|pointless|not (?:useful|helpful|right|enough)) to stop (?:at|there)\b)/i;
/**
 * "Human error is not the cause of our troubles; instead, human error is a consequence of the design …": the words are
 * the subject of a sentence that denies they are the cause, or calls them what follows from a cause. Read right after
 * the match.
 */
const DENIED_AS_CAUSE = /^\s*(?:is|was|are|were)(?:n't|\s+not|\s+never)\s+(?:(?:the|a|an|our|its|their)\s+)?(?:(?:root|real|actual|underlying)\s+)?(?:cause|explanation)|^\s*(?:is|was|are|were)\s+(?:(?:only|just|merely|always|usually|often)\s+)?(?:(?:a|an|the)\s+)?(?:consequence|symptom|result|effect|product)\s+of\b/i;
const NEGATED = /\b(?:not|no|isn't|wasn't|never|rather than|instead of|beyond|than|blame(?:less)?|avoid|call(?:ing)? it)\s+(?:(?:a|an|the|just|simply|only|as)\s+)*$/i;

const rule: Rule<Record<string, never>> = {
  id: 'human-error',
  description: '"Human error" is not a root cause: find the systemic cause that let the mistake through.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const prose = proseText(model);
    for (const m of matches(prose, model.lines)) {
      // "manual error" in a log message or "user error" (a 4xx) in an API sense are rarer than this, but
      // "not human error" and "rather than blaming human error" are the point being made correctly
      if (NEGATED.test(prose.slice(Math.max(0, m.index - 40), m.index))) continue;
      const after = prose.slice(m.index + m[0].length, m.index + m[0].length + 120);
      if (SET_ASIDE_AFTER.test(after) || DENIED_AS_CAUSE.test(after)) continue;
      if (/^user errors?$/i.test(m[0]) && !/\b(?:cause|because|due to|was|root)\b/i.test(prose.slice(Math.max(0, m.index - 40), m.index))) continue;
      ctx.report({
        range: rangeOf(model.lines, m.index, m.index + m[0].length),
        message: fit("'", m[0], "' is not a cause: name what made the mistake easy and what would catch it."),
      });
    }
  },
};

export default rule;
