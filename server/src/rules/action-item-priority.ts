// action-item-priority: "without owners and without priority, items compete against feature work". A priority
// says how this item ranks against everything else the owner could do this week.
import type { ActionItem, Fix, Postmortem, Rule } from '../model/types';
import { headRange, openItems, quote, writeFieldEdit, words } from './support/util';

export const PRIORITY_PLACEHOLDER = 'P?';

/** P0–P3, most urgent first; a picker focuses P2 (a quick Enter must not make an item drop-everything urgent). */
export const PRIORITY_CHOICES = [
  { label: 'P0', value: 'P0', description: 'drop other work for this' },
  { label: 'P1', value: 'P1', description: 'this sprint' },
  { label: 'P2', value: 'P2', description: 'this quarter', default: true },
  { label: 'P3', value: 'P3', description: 'when there is room' },
];

export function priorityFix(model: Postmortem, item: ActionItem): Fix {
  return {
    title: 'Set priority…',
    edits: [writeFieldEdit(model, item, 'priority', PRIORITY_PLACEHOLDER, (v) => `, ${v}`, 'Priority')],
    safe: false,
    prompt: {
      kind: 'text',
      placeholder: PRIORITY_PLACEHOLDER,
      question: `How does "${quote(words(model, item), 50)}" rank against feature work?`,
      choices: PRIORITY_CHOICES.map((c) => ({ ...c, title: `Set priority: ${c.value}` })),
    },
  };
}

const rule: Rule<Record<string, never>> = {
  id: 'action-item-priority',
  description: 'Every open action item states a priority (P0–P4, high / medium / low).',
  defaultSeverity: 'information',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const item of openItems(model)) {
      if (item.priority) continue;
      ctx.report({
        range: headRange(model, item),
        message: 'No priority: mark it P0–P3 (or high / medium / low), e.g. P1.',
        fixes: () => [priorityFix(model, item)],
      });
    }
  },
};

export default rule;
