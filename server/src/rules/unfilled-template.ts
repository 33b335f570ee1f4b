// unfilled-template: a blank template saved where the path globs look for postmortems ("postmortems/template.md") is
// no postmortem. Linted as one it gets a finding for every placeholder, prompt and empty heading (15 on Flutter's
// template), a wall of warnings on a file nobody means to fill in there. One finding at the top says what the linter
// read, and the runner (lint/lint.ts) reports nothing else on the document. The verdict is the model's
// (model/template-text.ts); a document that says it is a postmortem in its front matter is never judged a template.
import type { Postmortem, Range, Rule } from '../model/types';
import { isUnfilledTemplate, sectionFill } from '../model/template-text';

export const UNFILLED_TEMPLATE_RULE_ID = 'unfilled-template';

export const UNFILLED_TEMPLATE_MESSAGE = 'This looks like an unfilled template: fill it in or add it to `ignore`.';

/** Where the finding sits: the title, else the first heading, else the start of the document. */
export function templateFindingRange(model: Postmortem): Range {
  const heading = model.allSections[0];
  if (model.title) return model.title.range;
  if (heading) return heading.headingRange;
  const at = model.lines.positionAt(model.frontMatter?.range.end.offset ?? 0);
  return { start: at, end: at };
}

/** What the verdict was read from, for the hover: how many sections hold writing and how many do not. */
export function describeTemplate(model: Postmortem): string {
  const { filled, unfilled } = sectionFill(model);
  return [
    '**Unfilled template**',
    '',
    `${unfilled} of ${filled + unfilled} sections hold nothing, or only placeholders and prompts ("[Owner]", "TBD", "{describe the impact}", "YYYY-MM-DD").`,
    '',
    'The path globs call it a postmortem, so it would get a finding for every blank; they are not reported while it reads as a template.',
    '',
    'Add the file to `ignore` in `.postmortemrc.json`, or fill it in. To lint it as a postmortem anyway, turn `unfilled-template` off for it (or give it `type: postmortem` front matter).',
  ].join('\n');
}

const rule: Rule<Record<string, never>> = {
  id: UNFILLED_TEMPLATE_RULE_ID,
  description: 'A blank template where postmortems are kept gets one finding, not one for every placeholder.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    if (isUnfilledTemplate(ctx.model)) ctx.report({ message: UNFILLED_TEMPLATE_MESSAGE, range: templateFindingRange(ctx.model) });
  },
};

export default rule;
