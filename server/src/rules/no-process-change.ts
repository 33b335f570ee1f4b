// no-process-change: "A postmortem that says 'we need better alerting' is easy. One that says 'our deploy process
// doesn't have adequate guardrails' requires changing how an entire team operates." When every open action item
// changes code or infrastructure and none changes how the team works (review, rollout, on-call, ownership, game
// days), the incident taught the systems something and the organisation nothing. A hint: sometimes that is right.
import type { Rule } from '../model/types';
import { openItems } from './support/util';
import { hasThreeWords } from '../model/scan';
import { followUpsAnchor } from '../model/items';

interface Options {
  /** Only documents with at least this many open items are checked. */
  minItems: number;
}

/** Words that mark a change to how people work: process, review, rollout, on-call, ownership, cadence, policy. */
const PROCESS =
  /\b(?:process(?:es)?|procedures?|polic(?:y|ies)|reviews?|reviewed|reviewers?|checklists?|on-?call|rota|rotations?|escalat\w*|runbooks?|playbooks?|game ?days?|drills?|chaos|tabletop|owners?|ownership|DRI|approv\w*|sign-?off|change management|change advisory|freeze|freezes|roll-?outs?|rolling out|canary|canaries|staged|gradual(?:ly)?|phased|release (?:train|checklist|process|manager)|deploy(?:ment)? (?:process|practice|window|policy|gate|checklist)|post-?mortems?|retro(?:spective)?s?|incident (?:response|commander|process|review|management)|handovers?|hand-offs?|guidelines?|standards?|templates?|conventions?|require[sd]?|requirements?|mandatory|must|always|every (?:deploy|release|change|incident|quarter|week|month|sprint)|weekly|monthly|quarterly|regular(?:ly)?|cadence|communicat\w*|status page|stakeholders?|training|onboarding|workflow|practices?|culture|team agreement|working agreement|pairing|four[- ]eyes|prioriti[sz]\w*|release notes|action plan|plan for|upgrade (?:process|procedure|plan|path)|before (?:switching|upgrading|deploying|merging|releasing|rolling|migrating|changing)|gitops|security operations?|SOC|hire|hiring|staff\w*|headcount|wiki|how-?to|guides?|align\w*|ban(?:s|ned|ning)?|do not|don't|never|automate \w+ (?:deploys?|releases?|rollouts?|upgrades?)|incident reports?|learning path|learning|knowledge|share|sharing|discuss\w*|meetings?|sync|together with|with (?:the )?(?:business|support|operations|product))\b/i;

const rule: Rule<Options> = {
  id: 'no-process-change',
  description: 'At least one open action item changes how the team works (review, rollout, on-call, ownership). Off by default.',
  // off by default: on the corpus a careful reader disagreed with 13 of its first 19 findings (whether an item
  // changes how a team works is a judgement a word list can't make); turn it on as a hint where the team wants it
  defaultSeverity: 'off',
  defaultOptions: { minItems: 2 },
  optionsSchema: {
    type: 'object',
    properties: { minItems: { type: 'integer', minimum: 1, description: 'Only documents with at least this many open action items are checked.' } },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const items = openItems(model);
    if (items.length < Math.max(1, ctx.options.minItems ?? 2)) return;
    // items that are only a ticket or a link ("#2127") can't be read: stay quiet
    if (items.some((i) => !hasThreeWords(i.text.replace(/https?:\/\/\S+|#\d+|\b[A-Z][A-Z0-9]+-\d+\b/g, ' ')))) return;
    // the whole item counts, sub-bullets and table cells included ("Owner: release manager")
    const words = (t: string) => t.replace(/\b(?:owners?|assignee|dri|status|due|priority)\s*[:=]/gi, ' ');
    if (items.some((i) => PROCESS.test(words(model.text.slice(i.range.start.offset, i.range.end.offset))))) return;
    // done items that changed a process count too: the change was made
    if (model.actionItems.some((i) => !i.deferred && i.status === 'done' && PROCESS.test(words(i.text)))) return;
    const heading = followUpsAnchor(model, items, items[0].textRange);
    ctx.report({
      range: heading,
      message: 'No action item changes how the team works: add one for review, rollout or on-call.',
    });
  },
};

export default rule;
