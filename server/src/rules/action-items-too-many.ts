// action-items-too-many: "more than 3–5 items means you're not prioritizing". Twelve items compete with each
// other and with feature work; the few that matter get lost. Keep the ones that matter and let the rest go, on
// purpose, into a Deferred section where they are neither counted nor checked.
import type { ActionItem, Fix, Rule } from '../model/types';
import { canMove, moveToDeferredEdits, openItems } from './support/util';
import { followUpsAnchor } from '../model/items';

export interface TooManyOptions {
  max: number;
}

/** Priority rank for keeping: P0 first; items without a priority rank after P2 and before low priorities. */
const rank = (i: ActionItem) => (i.priority ? i.priority.value.level : 2.5);

/** The items to keep: the `max` highest-priority ones, document order breaking ties. */
export function itemsToKeep(items: ActionItem[], max: number): ActionItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .slice(0, max)
    .map((x) => x.item);
}

const rule: Rule<TooManyOptions> = {
  id: 'action-items-too-many',
  description: 'A postmortem commits to a few action items (default at most 5 open), not a wish list.',
  defaultSeverity: 'warning',
  defaultOptions: { max: 5 },
  optionsSchema: {
    type: 'object',
    properties: {
      max: { type: 'integer', minimum: 1, default: 5, description: 'Most open action items before the list counts as unprioritised.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const max = Number.isInteger(ctx.options.max) && ctx.options.max > 0 ? ctx.options.max : 5;
    const items = openItems(model);
    if (items.length <= max) return;
    // the action items heading, or the bold label that stands in for one (`- **Review actions**:`)
    const at = followUpsAnchor(model, items, items[0].section.titleRange);
    const keep = new Set(itemsToKeep(items, max));
    const move = items.filter((i) => !keep.has(i));
    const fixes = (): Fix[] => {
      if (!canMove(model, move)) return [];
      const edits = moveToDeferredEdits(model, move);
      return edits ? [{ title: `Keep the top ${max}, move the rest to 'Deferred'`, edits, safe: false, preferred: true }] : [];
    };
    ctx.report({
      range: at,
      message: `${items.length} open action items: keep the ${max} that matter most and move the rest to 'Deferred'.`,
      fixes,
    });
  },
};

export default rule;
