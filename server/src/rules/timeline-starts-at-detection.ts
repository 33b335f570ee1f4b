// timeline-starts-at-detection: a timeline that starts when the alert fired leaves out the part a reader most needs:
// the change that set things off, and how long the problem ran before anyone knew. "09:40 alerts fired" as the first
// entry hides the 09:12 deploy and its 28 minutes of silent failure.
import type { Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { plainProse, sectionsOf } from '../model/facts';

const DETECTION =
  /\b(?:alerts?|alerted|alerting|alarms?|paged|pages|pager(?:duty)?|on-?call (?:was |is )?(?:paged|notified|alerted)|(?:was|were) (?:detected|noticed|reported)|detected|noticed|notified|monitoring (?:showed|fired|flagged|detected)|fired|(?:customers?|users?) (?:report(?:ed|s)?|complain(?:ed|s)?)|support tickets?|first reports?|incident (?:declared|opened|raised))\b/i;
/** The first entry already names the trigger ("09:12 deploy started; 09:40 alerts fired"). */
const TRIGGER =
  /\b(?:deploy(?:ed|ment|s)?|releas(?:e|ed)|merged?|push(?:ed)?|roll(?:ed)? ?out|upgrad(?:e|ed)|migrat(?:e|ed|ion)|config(?:uration)? change|chang(?:e|ed)|started|began|introduced|applied|ran|run|script|cron|job|maintenance|expired|outage at|provider|vendor|upstream|third[- ]party|attack|ddos|traffic (?:spike|surge))\b/i;

/** The first entry of a timeline: a list item, a table row (not header or delimiter), or a line starting with a time. */
function firstEntry(prose: string, start: number, end: number): { start: number; end: number; text: string } | undefined {
  const body = prose.slice(start, end);
  let tableHeaderSeen = false;
  // lines end at \n, \r\n or a lone \r, as in the model's line table (an end offset between \r and \n is no position)
  for (const m of body.matchAll(/[^\r\n]+/g)) {
    const line = m[0];
    const lineStart = start + m.index;
    const t = line.trim();
    if (!t) continue;
    if (/^\|?\s*:?-{2,}/.test(t)) continue; // delimiter row
    if (t.startsWith('|')) {
      if (!tableHeaderSeen) {
        tableHeaderSeen = true;
        continue; // header row
      }
      return { start: lineStart, end: lineStart + line.length, text: t };
    }
    if (/^(?:[-*+]|\d+[.)])\s+\S/.test(t) || /^(?:\*\*)?\[?\d{1,2}[:h.]\d{2}/.test(t)) {
      return { start: lineStart + line.indexOf(t), end: lineStart + line.length, text: t };
    }
  }
  return undefined;
}

const rule: Rule<Record<string, never>> = {
  id: 'timeline-starts-at-detection',
  description: 'The timeline starts with the change that triggered the incident, not with the alert.',
  defaultSeverity: 'hint',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const prose = plainProse(model);
    for (const s of sectionsOf(model, 'timeline')) {
      const entry = firstEntry(prose, s.bodyRange.start.offset, s.bodyRange.end.offset);
      if (!entry) continue;
      // "Drove errors at api-service; the alert went active within ~75s": the entry opens with what came before the alert
      const opening = entry.text.split(/;\s|\.\s+(?=[A-Z])/)[0];
      if (!DETECTION.test(opening) || TRIGGER.test(entry.text)) continue;
      ctx.report({
        range: rangeOf(model.lines, entry.start, entry.end),
        message: 'The timeline starts at detection: add what set it off and when the problem began.',
      });
    }
  },
};

export default rule;
