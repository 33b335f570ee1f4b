// action-item-low-priority: low-priority items "stick around long enough to make the backlog feel heavy, but
// never rise high enough to get done". Commit to the item (raise it, give it a date) or let it go on purpose.
import type { Fix, Rule } from '../model/types';
import { canMove, fit, moveToDeferredEdits, openItems } from './support/util';

const rule: Rule<Record<string, never>> = {
  id: 'action-item-low-priority',
  description: 'Low-priority action items (P3, P4, low, nice-to-have) are either committed to or moved to Deferred.',
  defaultSeverity: 'information',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const item of openItems(model)) {
      const p = item.priority;
      if (!p || !p.value.low) continue;
      const fixes = (): Fix[] => {
        const out: Fix[] = [];
        if (canMove(model, [item])) {
          const edits = moveToDeferredEdits(model, [item]);
          if (edits) out.push({ title: "Let it go: move to 'Deferred'", edits, safe: false });
        }
        out.push({ title: 'Commit to it: raise to P2', edits: [{ range: p.range, newText: 'P2' }], safe: false });
        return out;
      };
      ctx.report({
        range: p.range,
        message: fit("'", p.text, "' rarely gets done: raise the priority and date it, or move it to 'Deferred'."),
        fixes,
      });
    }
  },
};

export default rule;
