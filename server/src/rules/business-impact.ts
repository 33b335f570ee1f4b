// business-impact: a postmortem shared with the business (or the public) explains the impact in its readers' terms:
// customers, orders, revenue, support tickets, contractual SLAs. "5xx rate 38%, 12 pods crash-looping" is the
// engineers' view; "12,400 customers could not check out for 47 minutes" is the one the business acts on.
import type { Rule } from '../model/types';
import { plainProse, sectionsOf } from '../model/facts';
import { hasThreeWords } from '../model/scan';

interface Options {
  /** Audiences the rule applies to (front matter `audience`). */
  audiences: string[];
}

/** Words a business reader measures impact in. */
const BUSINESS =
  /\b(?:customers?|clients?|users?|people|members?|subscribers?|merchants?|partners?|tenants?|accounts?|patients?|players?|visitors?|shoppers?|buyers?|sellers?|drivers?|riders?|students?|teams?|organi[sz]ations?|businesses|companies|orders?|checkouts?|purchases?|bookings?|reservations?|payments?|transactions?|sales|revenue|income|refunds?|credits?|invoices?|billing|charged?|money|cost|costs|\$|€|£|dollars?|euros?|pounds?|support (?:tickets?|requests?|cases?|calls?)|tickets?|complaints?|SLAs?|contract(?:s|ual)?|sign-?ups?|log-?ins?|sign-?ins?|deliver(?:y|ies)|shipments?|emails?|messages?|notifications?|confirmations?|reputation|trust|brand|PRs?|pull requests?|contributors?|developers?|maintainers?|downloads?|websites?|sites?|pages?|apps?|uploads?|reports?|data loss|lost data)\b|[$€£]\s?\d/i;

const rule: Rule<Options> = {
  id: 'business-impact',
  description: 'For a business or public audience, the impact is stated in business terms: customers, orders, revenue, tickets.',
  defaultSeverity: 'warning',
  defaultOptions: { audiences: ['business', 'public'] },
  optionsSchema: {
    type: 'object',
    properties: {
      audiences: { type: 'array', items: { type: 'string' }, description: 'Audiences (front matter `audience`) the rule applies to.' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const audiences = (ctx.options.audiences ?? []).map((a) => String(a).toLowerCase());
    if (!model.audience || !audiences.includes(model.audience)) return;
    const prose = plainProse(model);
    for (const s of sectionsOf(model, 'impact')) {
      // a "Stats" block (category, time to detect) is metadata, not the impact statement
      if (/^\W*(?:stats|statistics|metrics|key metrics)\W*$/i.test(s.title)) continue;
      const body = prose.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
      // empty or placeholder sections are empty-section's finding
      if (!hasThreeWords(body)) continue;
      if (BUSINESS.test(body)) continue;
      ctx.report({
        range: s.titleRange,
        message: `A ${model.audience} reader needs the impact in their terms: customers, orders, revenue or tickets.`,
      });
    }
  },
};

export default rule;
