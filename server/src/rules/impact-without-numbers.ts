// impact-without-numbers: "some users couldn't search" doesn't tell a reader whether this was a blip or a crisis,
// and can't be compared with the next incident. The impact section says how much: users, requests, orders,
// minutes, money, tickets, a percentage. Any number counts (the rule can't tell a good number from a bad one), and
// so do "all" and "none", which are exact.
import type { Rule } from '../model/types';
import { plainProse, readsAsEnglish, sectionsOf } from '../model/facts';

/** A number a reader can weigh: digits (not a bare date or year), number words, all/none. */
const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|a third|single|double|twice|all|every|entire|whole|none|no one|nobody|zero|majority|minority|most)\b|\bno (?:\w+ ){0,2}(?:impact|users?|customers?|clients?|data|loss|cases?|reports?|downtime|outage|effect)\b|\bnot aware (?:of )?any\b/i;

/** A label list with placeholder values ("- Time to recovery: ?"): a template, empty-section's business. */
function placeholderList(body: string): boolean {
  const lines = body.split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) return false;
  // any unfilled field ("- Time to recovery: ?") makes it a form still to fill in
  return lines.some((l) => {
    // "<label of 1–60 characters, after an optional bullet>: <value>"
    const colon = l.indexOf(':');
    const label = l.slice(/^\s*(?:[-*+]\s+)?/.exec(l)![0].length, Math.max(colon, 0));
    if (colon < 1 || label.length > 60) return false;
    return /^(?:\?+|n\/?a|tbd|tba|todo|unknown|none|x{2,}|y{2,}|z{2,}|-+|…|\.\.\.|<[^>]*>|\[[^\]]*\])?$/i.test(l.slice(colon + 1).trim());
  });
}

/** Dates and years say when, not how much. */
const NOT_QUANTITY = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\b|\b(?:19|20)\d{2}\b/g;

const rule: Rule<Record<string, never>> = {
  id: 'impact-without-numbers',
  description: 'The impact section says how much: users, requests, orders, minutes, money, tickets or a percentage.',
  defaultSeverity: 'information',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    // the quantities it knows are English words and digits: "pendant trois heures" would read as no number
    if (!readsAsEnglish(model)) return;
    const prose = plainProse(model);
    for (const s of sectionsOf(model, 'impact')) {
      const body = prose.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
      // an empty or placeholder section is empty-section's finding; a table or code-only section can't be read
      if (!/\p{L}{3,}/u.test(body) || /^\s*(?:tbd|todo|n\/a|none|<[^>]*>|\.\.\.|…)\s*$/i.test(body) || placeholderList(body)) continue;
      if (QUANTITY.test(body.replace(NOT_QUANTITY, ' '))) continue;
      ctx.report({
        range: s.titleRange,
        message: 'The impact gives no numbers: say how many users, requests or orders, and for how long.',
      });
    }
  },
};

export default rule;
