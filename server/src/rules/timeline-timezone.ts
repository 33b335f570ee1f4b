// timeline-timezone: "14:02" means three different moments to readers in three offices, and logs and dashboards
// are in UTC. A timeline without a time zone can't be lined up against anything else.
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { fit } from './support/util';
import { trimEndChars } from '../model/scan';
import { timelineZones } from '../model/timezones';

const rule: Rule<Record<string, never>> = {
  id: 'timeline-timezone',
  description: 'Timeline times come with a time zone (stated in the heading, the entries or the front matter).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    for (const t of timelineZones(model)) {
      if (t.timeCount === 0 || t.zone) continue;
      const times = t.times;
      const eg = times.slice(0, 2).join(', ');
      // "(UTC)" goes after the title, before a label's colon ("**Timeline (UTC):**")
      const titleText = model.text.slice(t.titleRange.start.offset, t.titleRange.end.offset);
      const at = t.titleRange.start.offset + trimEndChars(titleText, ':：', true).length;
      const fix: Fix = {
        title: `State the time zone in the ${t.where}…`,
        edits: [{ range: rangeOf(model.lines, at, at), newText: ' (UTC)' }],
        safe: false,
        prompt: {
          kind: 'text',
          placeholder: 'UTC',
          question: 'Which time zone are the timeline times in?',
          choices: ['UTC', 'CET', 'ET', 'PT'].map((z) => ({ label: z, value: z, title: `State the time zone: ${z}` })),
        },
      };
      ctx.report({
        range: t.titleRange,
        message: fit('Timeline times (', eg, `${t.timeCount > 2 ? ', …' : ''}) have no time zone: add it to the ${t.where}, e.g. '(UTC)'.`),
        fixes: () => [fix],
      });
    }
  },
};

export default rule;
