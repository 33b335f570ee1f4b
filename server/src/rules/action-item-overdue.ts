// action-item-overdue: an open item whose due date has passed is either done (and the postmortem should say so
// for the next reader) or stalled (and needs a new date and a word with its owner).
import type { Fix, Rule } from '../engine/types';
import { rangeOf } from '../engine/lines';
import { itemGaps } from '../engine/items';
import { quote, words } from './support/util';
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
      const fixes: Fix[] = [];
      if (item.format === 'checkbox') {
        const head = model.text.slice(item.range.start.offset, item.textRange.start.offset);
        const box = /\[\s?\]/.exec(head);
        if (box) {
          const s = item.range.start.offset + box.index;
          fixes.push({ title: 'Mark as done', edits: [{ range: rangeOf(model.lines, s, s + box[0].length), newText: '[x]' }], safe: false });
        }
      }
      fixes.push(dueFix(model, item, today, 'Set a new due date…'));
      ctx.report({
        range: item.due.range,
        message: `'${quote(words(model, item), 50)}' was due ${item.due.iso}, ${late} day${late === 1 ? '' : 's'} ago, and is not marked done. If it's done, mark it done for the next reader; if not, agree a new date with its owner.`,
        fixes,
      });
    }
  },
};

export default rule;
