// action-item-due-window: a fix for a SEV1 due in four months is a fix nobody is waiting for. Policies such as
// PagerDuty's give each severity a window after the incident (SEV1 15 days, SEV2 30); an item due later needs a
// reason, or a smaller first step that fits the window. Needs the incident date; the severity picks the window.
import type { Rule } from '../model/types';
import { severityName } from '../model/facts';
import { addDays, daysBetween, openItems } from './support/util';

interface Options {
  /** Days after the incident date, per severity name (SEV1, SEV2, P1, CRITICAL…). */
  windows: Record<string, number>;
  /** Days for severities not listed, and for documents without a severity. */
  defaultDays: number;
}

const rule: Rule<Options> = {
  id: 'action-item-due-window',
  description: 'Open action items are due within the policy window for the severity (SEV1 15 days, SEV2 30, others 60).',
  defaultSeverity: 'information',
  defaultOptions: { windows: { SEV1: 15, SEV2: 30 }, defaultDays: 60 },
  optionsSchema: {
    type: 'object',
    properties: {
      windows: {
        type: 'object',
        additionalProperties: { type: 'integer', minimum: 0 },
        description: 'Days after the incident date, per severity name as written in the front matter (SEV1, SEV-1 and sev 1 are SEV1).',
      },
      defaultDays: { type: 'integer', minimum: 0, description: 'Days for severities not listed in windows, and for documents without a severity.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.date || !/^\d{4}-\d{2}-\d{2}$/.test(model.date)) return;
    const sev = severityName(model);
    const windows: Record<string, number> = {};
    for (const [k, v] of Object.entries(ctx.options.windows ?? {})) {
      if (typeof v === 'number' && v >= 0) windows[severityName({ severity: k } as Parameters<typeof severityName>[0]) ?? k] = v;
    }
    const listed = sev !== undefined && sev in windows;
    const days = listed ? windows[sev] : ctx.options.defaultDays;
    if (typeof days !== 'number' || days < 0) return;
    const limit = addDays(model.date, days);
    for (const item of openItems(model)) {
      const due = item.due;
      if (due?.kind !== 'date' || due.ambiguous) continue;
      if (due.iso <= limit) continue;
      const late = daysBetween(model.date, due.iso);
      const who = listed ? `${sev} items` : 'Items';
      ctx.report({
        range: due.range,
        message: `Due ${late} days after the incident: ${who} are due within ${days}; split it or set ${limit}.`,
        fixes: () => [
          {
            title: `Set the due date to ${limit} (${days} days after the incident)`,
            edits: [{ range: due.range, newText: limit }],
            safe: false,
          },
        ],
      });
    }
  },
};

export default rule;
