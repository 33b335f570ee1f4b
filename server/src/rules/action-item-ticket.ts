// action-item-ticket (off by default): the postmortem is not where work gets scheduled. An item without a link
// to the tracker lives only in a document nobody reopens; a link lets a reader see what became of it.
import type { Rule } from '../model/types';
import { headRange, openItems } from './support/util';

const rule: Rule<Record<string, never>> = {
  id: 'action-item-ticket',
  description: 'Open action items link to a ticket (a URL, #123, ABC-123). Off by default.',
  defaultSeverity: 'off',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const item of openItems(model)) {
      if (item.tickets.length) continue;
      ctx.report({
        range: headRange(model, item),
        message: 'No ticket: link the tracker issue (a URL, #123 or ABC-123).',
      });
    }
  },
};

export default rule;
