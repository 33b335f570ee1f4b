// action-item-overdue: an open item whose due date has passed is either done (and the postmortem should say so
// for the next reader) or stalled (and needs a new date and a word with its owner).
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { itemGaps } from '../model/items';
import { dueFix } from './action-item-due-date';

const rule: Rule<Record<string, never>> = {
  id: 'action-item-overdue',
  description: 'Open action items whose due date has passed.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model, today } = ctx;
    for (const item of model.actionItems) {
      const late = itemGaps(item, today).overdueDays;
      if (late === undefined || item.due?.kind !== 'date') continue;
      const fixes = (): Fix[] => {
        const out: Fix[] = [];
        if (item.format === 'checkbox') {
          const head = model.text.slice(item.range.start.offset, item.textRange.start.offset);
          const box = /\[\s?\]/.exec(head);
          if (box) {
            const s = item.range.start.offset + box.index;
            out.push({ title: 'Mark as done', edits: [{ range: rangeOf(model.lines, s, s + box[0].length), newText: '[x]' }], safe: false });
          }
        }
        out.push(dueFix(model, item, today, 'Set a new due date…'));
        return out;
      };
      ctx.report({
        range: item.due.range,
        message: `Overdue by ${late} day${late === 1 ? '' : 's'} (due ${item.due.iso}): mark it done, or agree a new date with its owner.`,
        fixes,
      });
    }
  },
};

export default rule;
