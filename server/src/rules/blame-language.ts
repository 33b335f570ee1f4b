// blame-language: a blameless postmortem asks what made the mistake easy, not who made it. Counterfactuals about
// people ("she should have checked", "the engineer failed to"), blame words (careless, sloppy, negligent) and a
// person as the subject of the cause ("@dana broke the build") end the analysis on a person and teach the team to
// hide the next mistake. Only people are checked: "the job should have retried" is a fair systems statement.
import type { Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { plainProse } from '../model/facts';
import { quote } from './support/util';
import { matchesByLine } from '../model/memo';

interface Options {
  /** Extra blame words (regular expression fragments, case-insensitive). */
  words: string[];
}

/** Who: pronouns, roles, @handles. */
const PERSON =
  "(?:\\b(?:he|she|I|you|the (?:engineer|operator|developer|on-?call(?: engineer)?|author|reviewer|admin(?:istrator)?|intern|contractor|employee|person|dev|SRE|DBA)s?)|@[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)";
const COUNTERFACTUAL = `(?:should(?:n't| not)? have|could have|ought to have|failed to|neglected to|forgot(?: to)?|ignored|overlooked|did ?n[o']t bother(?: to)?|messed up|screwed up|made a mistake|carelessly|mistakenly|broke)`;
const BLAME_WORDS = '(?:careless(?:ly|ness)?|sloppy|sloppiness|negligen(?:t|ce|tly)|reckless(?:ly|ness)?|incompeten(?:t|ce)|irresponsibl[ey]|should have known better)';

/**
 * A person, then the hindsight phrase. Read paragraph by paragraph with each paragraph's matches remembered
 * (model/memo.ts matchesByLine): a person ending one paragraph and a word opening the next ("… by @dana⏎⏎Ignored
 * alerts: …") is not one sentence.
 */
const PERSON_RE = new RegExp(`${PERSON}\\s+(?:(?:just|simply|also|then|accidentally|clearly|obviously)\\s+)?(${COUNTERFACTUAL})(?![\\p{L}])`, 'giu');
const personMatches = matchesByLine(PERSON_RE);
/** A match of PERSON_RE read again on its own (sticky at its start: the same match), for its hindsight phrase. */
const PERSON_AGAIN_RE = new RegExp(PERSON_RE.source, 'iuy');
function hindsightPhrase(match: string): string {
  PERSON_AGAIN_RE.lastIndex = 0;
  return PERSON_AGAIN_RE.exec(match)?.[1] ?? match;
}

/** Blame words (with the extra ones of the options), matched line by line: they hold no line break. */
const wordMatchers = new Map<string, ReturnType<typeof matchesByLine>>();
function wordMatches(extra: string[]): ReturnType<typeof matchesByLine> {
  const key = extra.join('\n');
  let matcher = wordMatchers.get(key);
  if (!matcher) {
    let wordsRe: RegExp;
    try {
      wordsRe = new RegExp(`(?<![\\p{L}])(?:${[BLAME_WORDS, ...extra].join('|')})(?![\\p{L}])`, 'giu');
    } catch {
      wordsRe = new RegExp(`(?<![\\p{L}])${BLAME_WORDS}(?![\\p{L}])`, 'giu');
    }
    matcher = matchesByLine(wordsRe);
    if (wordMatchers.size > 20) wordMatchers.clear();
    wordMatchers.set(key, matcher);
  }
  return matcher;
}

const rule: Rule<Options> = {
  id: 'blame-language',
  description: 'Causes are about systems: no "should have" about people, no careless or negligent, no person as the cause.',
  defaultSeverity: 'information',
  defaultOptions: { words: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      words: { type: 'array', items: { type: 'string' }, description: 'Extra blame words or phrases (regular expression fragments).' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const prose = plainProse(model);
    const extra = (ctx.options.words ?? []).filter((w) => typeof w === 'string' && w.trim());
    const hits: { start: number; end: number; phrase: string; kind: 'word' | 'person' }[] = [];
    // the message quotes the hindsight phrase ("should have"), the squiggle covers the person too
    for (const m of wordMatches(extra)(prose)) hits.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], kind: 'word' });
    for (const m of personMatches(prose)) {
      // "we should have" is the team reflecting on itself, not blaming one person: only first-person plural is kept quiet
      hits.push({ start: m.index, end: m.index + m[0].length, phrase: hindsightPhrase(m[0]), kind: 'person' });
    }
    hits.sort((a, b) => a.start - b.start);
    let last = -1;
    for (const h of hits) {
      if (h.start < last) continue;
      last = h.end;
      // negated or discussed: "not careless", "no one was negligent", "without blaming"
      const before = prose.slice(Math.max(0, h.start - 30), h.start);
      if (/\b(?:not|no one|nobody|never|isn't|wasn't|weren't|nor|without)\s+(?:\w+\s+){0,2}$/i.test(before)) continue;
      const quoted = quote(h.phrase, 24);
      ctx.report({
        range: rangeOf(model.lines, h.start, h.end),
        message:
          h.kind === 'word'
            ? `'${quoted}' blames a person: say what the system allowed and what would catch it.`
            : `'${quoted}' judges a person with hindsight: say what made the step easy to miss.`,
      });
    }
  },
};

export default rule;
