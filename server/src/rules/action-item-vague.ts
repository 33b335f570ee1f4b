// action-item-vague: an action item is doable when someone could pick it up and know when it is done: a verb that
// produces or changes something, applied to a concrete object (a component, a metric and threshold, a file, a
// command, a number). "We need better testing" names neither; "Alert when checkout p99 exceeds 1 s for 5 minutes"
// names both. The classifier (support/vague-classify.ts) reads the text; this file reports and offers the fixes.
import { readableSource } from '../model/html-regions';
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { peopleChange } from './action-item-changes-people';
import { classifyVague, type VagueKind } from './support/vague-classify';
import { memoByText } from '../model/memo';
import { blankComments } from '../model/scan';
import { finishConditionCell } from '../model/action-items/tables';
import { actionWordsRange, activeItems, isOpen, canMove, fit, headRange, moveToDeferredEdits, words as itemWords } from './support/util';

export { classifyVague, type VagueKind, type VagueResult } from './support/vague-classify';
export { lemma } from './support/vague-words';

// ------------------------------------------------------------------------------------------------
// The rule

/** A template that keeps the original words visible, shaped by what the item was about. */
export function rewriteTemplate(original: string, kind?: VagueKind): string {
  const o = original.replace(/\s+/g, ' ').trim();
  const t = o.toLowerCase();
  let tpl: string;
  if (/\b(?:monitor|alert|alarm|observab|dashboard|page|paging|detect)/.test(t)) tpl = 'Alert when <metric> on <component> exceeds <threshold> for <duration>';
  else if (/\btest/.test(t)) tpl = 'Add <specific check> for <component> so that <failure> is caught before <stage>';
  else if (/\b(?:document|runbook|playbook|docs?\b|guide)/.test(t)) tpl = 'Write a runbook for <failure> in <component> that covers <steps>';
  else if (kind === 'deliberation') tpl = 'Decide whether to <change> and record the decision in <ticket>';
  else if (kind === 'people') tpl = 'Change <component> so that <failure> cannot happen without <check>';
  else tpl = '<Verb> <specific component or setting> so that <outcome you can check>';
  return `${tpl} (was: "${o.replace(/"/g, "'")}")`;
}

/** An item's first line is a name of a few words ("Observability improvements"), not a sentence or a lead-in. */
function isGroupName(src: string): boolean {
  const head = blankComments(src.split('\n', 1)[0]).replace(/[*_`]/g, '').trim();
  return !/[:.]$/.test(head) && head.split(/\s+/).length <= 4;
}

/**
 * The concrete work under a name: two sub-items or more, none vague, or the one "**Description:** Implement deeper route
 * and latency monitoring …" that says what the name means ("**Enhance Monitoring Suite**" above it).
 */
function namedConcretely(sources: string[]): boolean {
  // each part's own words: without its list marker or box ("- [ ] ") and a "**Description:**" label
  const parts = sources.map((p) => p.replace(MARKER_RE, ''));
  const described = parts.length === 1 && DESCRIPTION_LABEL_RE.test(parts[0]);
  if (parts.some((p) => vagueOf(p.replace(DESCRIPTION_LABEL_RE, '')).vague)) return false;
  return parts.length >= 2 || described;
}
const MARKER_RE = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
const DESCRIPTION_LABEL_RE = /^(?:\*\*|__)?(?:description|details?|what|scope)(?:\*\*|__)?\s*:\s*|^(?:\*\*|__)(?:description|details?|what|scope):(?:\*\*|__)\s*/i;

/** classifyVague is a function of the text only: an edit elsewhere leaves each item's answer as it was. */
const vagueOf = memoByText(classifyVague);

const rule: Rule<Record<string, never>> = {
  id: 'action-item-vague',
  description: 'Action items name a concrete change someone could pick up and finish, not "better testing".',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const item of activeItems(model)) {
      if (!isOpen(item)) continue;
      const src = readableSource(model, item.textRange.start.offset, item.textRange.end.offset);
      const r = vagueOf(src);
      if (!r.vague) continue;
      // "Observability improvements" over "- Add a count of ERROR log lines", "- Add an alert for this metric": the
      // name of a group (a few words, no sentence), with the concrete work listed under it
      if (isGroupName(src) && namedConcretely(item.subItems.map((s) => readableSource(model, s.start.offset, s.end.offset)))) continue;
      // asking people to change is action-item-changes-people's finding; one finding per problem
      if (r.kind === 'people' && peopleChange(src)) continue;
      const range = headRange(model, item);
      if (r.kind === 'template') {
        ctx.report({
          range,
          message: fit('Unfilled template placeholder (', r.phrase ?? '<…>', '): replace each <…> with the real thing.'),
        });
        continue;
      }
      // an "Acceptance criterion" cell in its row says how the work will be judged done: the reader has the finish line
      if (finishConditionCell(model.text, item)) continue;
      const kind = r.kind;
      const fixes = (): Fix[] => {
        const words = actionWordsRange(model, item);
        const original = model.text.slice(words.start, words.end);
        const out: Fix[] = [];
        if (!/[|\n\r]/.test(original) || item.format !== 'table-row') {
          out.push({
            title: 'Rewrite as a specific action',
            edits: [{ range: rangeOf(model.lines, words.start, words.end), newText: rewriteTemplate(original.replace(/[\r\n]+\s*/g, ' '), kind) }],
            safe: false,
            preferred: true,
            template: true,
          });
        }
        if (canMove(model, [item])) {
          const edits = moveToDeferredEdits(model, [item]);
          if (edits) out.push({ title: "Move to 'Deferred'", edits, safe: false });
        }
        return out;
      };
      ctx.report({
        range,
        message: fit("'", r.sentence ?? itemWords(model, item), "' is vague: name the change and how you'll know it's done."),
        fixes,
      });
    }
  },
};

export default rule;
