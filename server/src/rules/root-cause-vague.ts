// root-cause-vague: "lack of testing" and "insufficient monitoring" are action items in disguise, not causes. They
// don't say which test would have caught the change or which signal stayed silent, so the action item that follows
// is "better testing" and nothing changes. A cause names the missing check: "no test exercised a mapping with
// more than 1,000 fields", "replica lag had no alert".
import type { Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { plainProse, sectionsOf } from '../model/facts';
import { quote } from './support/util';

const GAP = '(?:lack of|lacking|insufficient|inadequate|not enough|poor|limited|missing|absence of|no|weak)';
const AREA =
  '(?:(?:automated |unit |integration |load |end-to-end |e2e )?(?:testing|tests?|test coverage)|monitoring|alerting|alerts?|observability|visibility|validation|checks|code reviews?|reviews?|documentation|docs|communication|process(?:es)?|training|oversight|coverage|safeguards?|guardrails?|quality assurance|QA)';

/** After the phrase: nothing, or only words that don't say which. */
const GENERIC_REST =
  /^\s*(?:(?:and|or|\/)\s+(?:\w+\s+){0,2}?\w+\s*)?(?:(?:in place|in general|overall|around (?:this|it|that)|at the time|(?:of|for|on|in|around|across) (?:the |our |this |that )?(?:system|systems|services?|platform|code|codebase|infrastructure|process|processes|area|change|changes|release|releases|deploy(?:ment)?s?|this|it|general|production|prod)))?\s*[.,;!)*_]*\s*$/i;

const rule: Rule<Record<string, never>> = {
  id: 'root-cause-vague',
  description: 'Causes name the missing check ("no test covered X", "Y had no alert"), not "lack of testing".',
  defaultSeverity: 'information',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const prose = plainProse(model);
    const re = new RegExp(`(?<![\\p{L}])${GAP}\\s+${AREA}(?![\\p{L}])`, 'giu');
    for (const s of sectionsOf(model, 'contributing-causes')) {
      const start = s.bodyRange.start.offset;
      const body = prose.slice(start, s.bodyRange.end.offset);
      for (const m of body.matchAll(re)) {
        const at = start + m.index;
        const end = at + m[0].length;
        // the rest of the sentence (or list item): an explanation after a label or a colon is specific enough
        const lineEnd = model.lines.lineEnd(model.lines.positionAt(end).line);
        const restOfLine = prose.slice(end, lineEnd);
        const sentenceRest = /^[^.!?]*/.exec(restOfLine)![0];
        // past 160 characters the rest says more than 'lack of testing' (and GENERIC_REST runs on bounded text)
        if (sentenceRest.length > 160 || !GENERIC_REST.test(sentenceRest.replace(/\*\*[\s:]*$/, '').replace(/\s+/g, ' '))) continue;
        // a label whose explanation follows on the next lines ("**Insufficient monitoring**" then a paragraph)
        const next = prose.slice(lineEnd, Math.min(prose.length, lineEnd + 200));
        if (/\*\*[\s:]*$/.test(restOfLine) && /^\s*\n\s*(?![-*+#]|\d+[.)])\S/.test(next)) continue;
        // the sentence before names the specific thing ("Nothing checked replica lag. In short, poor monitoring.")
        const lineStart = model.lines.lineStart(model.lines.positionAt(at).line);
        const before = prose.slice(lineStart, at);
        if (/\b(?:which|that|namely|i\.e\.|e\.g\.|such as|specifically)\b/i.test(sentenceRest + before.slice(-40))) continue;
        // a code span or a number on the same line names the thing
        const raw = model.text.slice(lineStart, lineEnd);
        if (/`[^`]+`|\d/.test(raw)) continue;
        ctx.report({
          range: rangeOf(model.lines, at, end),
          message: `'${quote(model.text.slice(at, end), 24)}' names a fix, not a cause: say which test or signal was missing.`,
        });
      }
    }
  },
};

export default rule;
