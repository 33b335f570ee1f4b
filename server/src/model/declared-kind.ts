// A page that says in its own words which kind of document it is, and names another kind than a postmortem: a title
// that opens "Runbook:", "Milestone report —", "Verification report:", "Pitch —", "Architecture decision …" or ends "… Process", a "Type: Architecture
// Decision" line above its first section, front matter `type: adr`, an opening that says it was a drill, not real, or that it is investment research,
// or the disclosure of work the operator chose to do (a pause for a migration: lookalike.ts). Used only to keep a postmortem folder's path from
// deciding on its own (issue 8): the content then decides, so such a page that tells an incident is still linted.
import type { Postmortem } from './types';
import { disclosesPlannedWork, headerBlock, opensAsMarketResearch, opensAsRehearsal } from './lookalike';

/** A title that opens with the name of another kind of document. */
const KIND_TITLE_START_RE =
  /^(?:run ?book|play ?book|check ?list|milestone (?:report|review|summary)|verification (?:report|run)|(?:status|progress|weekly|monthly|quarterly) (?:report|update)|architecture decision|decision record|adr\b|rfc\b|design (?:doc|document|proposal)\b|how ?to\b|meeting (?:notes|minutes)|agenda\b|(?:pitch|proposal)[ \t]*[:—–|-])/i;
/**
 * A title that ends with the name of another kind of document ("Incident Response Process", "On-call handbook"); a
 * process only as the way incidents are handled: "… degraded the process" tells an incident.
 */
const KIND_TITLE_END_RE =
  /\b(?:(?:incident|response|handling|management|reporting|review|escalation|disclosure|triage|on-?call|post-?mortem) (?:process|procedures?)|polic(?:y|ies)|handbook|guidelines?|play ?book|run ?book|check ?list)[\s.:)]*$/i;
/** A "Type:" or "Kind:" line (a list item, bold or not) naming another kind of document. */
const KIND_FIELD_RE =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:document |doc |record )?(?:type|kind)(?:\*\*|__)?:(?:\*\*|__)?[ \t]*(?:architecture|decision|adr\b|rfc\b|design|proposal|run ?book|play ?book|milestone|spec\b|specification|guide|how ?to|meeting)/im;
/** Front matter `type`, `kind` or `category` naming another kind of document. */
const KIND_VALUE_RE =
  /^(?:adr|architecture[- _]decision(?:[- _]record)?|decision(?:[- _]record)?|rfc|design(?:[- _]doc)?|proposal|pitch|runbook|playbook|guide|how-?to|meeting(?:[- _]notes)?|milestone(?:[- _]report)?|spec(?:ification)?)$/i;

/**
 * The page calls itself another kind of document than a postmortem, by its title, a "Type:" line or front matter, or
 * its opening says it tells a rehearsal ("> **Drill — not real production drift.**").
 */
export function declaresOtherKind(model: Postmortem): boolean {
  const title = (model.title?.value ?? model.allSections[0]?.title ?? '').trim();
  if (KIND_TITLE_START_RE.test(title) || KIND_TITLE_END_RE.test(title)) return true;
  const fm = model.frontMatter?.data;
  if (fm && [fm.type, fm.kind, fm.category].some((v) => typeof v === 'string' && KIND_VALUE_RE.test(v.trim()))) return true;
  return KIND_FIELD_RE.test(headerBlock(model)) || opensAsRehearsal(model) || opensAsMarketResearch(model) || disclosesPlannedWork(model);
}
