// public-sections: an outside reader of a public postmortem wants three things: what happened, what it meant for
// them, and what you are changing so it does not happen again. A minute-by-minute internal timeline (who was paged,
// who said what in which channel) is noise to them, and it tells an attacker how the team works.
import type { Postmortem, Range, Rule, Section } from '../model/types';
import { rangeOf } from '../model/lines';
import { proseText, sectionsOf } from '../model/facts';
import { alsoShows, normalizeHeading } from '../model/sections';
import { documentAnchor } from './missing-section';

interface Options {
  /** Audiences the rule applies to (front matter `audience`). */
  audiences: string[];
  /** More timeline entries than this is an internal minute-by-minute log, not a public account. */
  maxTimelineEntries: number;
}

type Part = 'what happened' | 'the impact on them' | "what you're changing";

const CHANGES_TITLE =
  /\bprevent|\bimprovements?\b|\bcorrective\b|\bfuture\b|\bnext steps?\b|\bfollow[- ]?ups?\b|\bgoing forward\b|\bwhat (?:we(?:'re| are| will|'ll)?|are we) (?:doing|changing|going to|will)|\bremediations?\b|\blessons?\b|\blearnings?\b|\bchanges? (?:we|made)\b|\bcommitments?\b|\bsafeguards?\b|\blong[- ]term\b|\bsolutions?\b/;
const HAPPENED_TITLE = /^(?:what happened|background|overview|the incident|incident (?:details|overview)|description|how did it happen)\b|\bsummary\b/;
const IMPACT_TITLE = /\b(?:impact|affected|what (?:should|do|can) (?:you|i) do|what this means|customers?|users?)\b/;
/** Words that say what the incident did to the people it reached, in a summary that holds the impact. */
const EFFECT =
  /\b(?:users?|customers?|clients?|people|students?|members?|visitors?|contributors?|developers?|farmers?|outage|unavailable|inaccessible|unreachable|unusable|offline|down(?:time)?|went down|could(?:n't| not)|unable|fail(?:s|ed|ing|ures?)|interrupt\w*|errors?|delayed|slow(?:er|ness)?|lost|affected|impacted|disrupted|exposed|compromised|leaked|stuck|broken|stall\w*|halt\w*)\b/i;

/** The prose before the first section, and the summary sections' prose. */
function summaryProse(model: Postmortem, prose: string): string {
  const parts = sectionsOf(model, 'summary').map((s) => prose.slice(s.bodyRange.start.offset, s.bodyRange.end.offset));
  if (model.intro) parts.push(prose.slice(model.intro.start.offset, model.intro.end.offset));
  for (const s of model.allSections) if (HAPPENED_TITLE.test(normalizeHeading(s.title))) parts.push(prose.slice(s.bodyRange.start.offset, s.bodyRange.end.offset));
  return parts.join('\n');
}

function present(model: Postmortem, part: Part, prose: string): boolean {
  const titles = model.allSections.map((s) => normalizeHeading(s.title));
  const kinds = (k: 'summary' | 'impact' | 'action-items' | 'lessons-learned' | 'resolution' | 'timeline') =>
    model.allSections.some((s) => s.kind === k || alsoShows(s.title, false).includes(k)) || model.labeledKinds.includes(k);
  switch (part) {
    case 'what happened':
      // a summary, the prose under the title, or a timeline (an account of what happened, if not a summary)
      return !!model.intro || kinds('summary') || kinds('timeline') || titles.some((t) => HAPPENED_TITLE.test(t));
    case 'the impact on them':
      // an impact section, or a summary that says what the incident did to its readers
      return kinds('impact') || titles.some((t) => IMPACT_TITLE.test(t)) || EFFECT.test(summaryProse(model, prose));
    case "what you're changing":
      return (
        kinds('action-items') ||
        kinds('lessons-learned') ||
        // "the bug was fixed in 2.2.0": for an outside reader the fix is what changed
        kinds('resolution') ||
        titles.some((t) => CHANGES_TITLE.test(t)) ||
        model.actionItems.some((i) => !i.deferred) ||
        model.actionItemLabels.length > 0
      );
  }
}

/** Entries of a timeline section: lines (list items, table rows, paragraphs) that start with a time of day. */
function timelineEntries(model: Postmortem, s: Section, prose: string): { count: number; internal: number[] } {
  let count = 0;
  const internal: number[] = [];
  const first = model.lines.positionAt(s.bodyRange.start.offset).line;
  for (let l = first; l < model.lines.lineCount; l++) {
    const start = model.lines.lineStart(l);
    if (start >= s.bodyRange.end.offset) break;
    const line = prose.slice(start, model.lines.lineEnd(l));
    // a time near the start of the entry: "- 09:12", "| 2026-11-17 09:12 |", "**09:35**", "[9:05 AM]"
    if (/^\s{0,8}(?:[-*+]\s+|\d+[.)]\s+|\|\s*)?(?:\*\*|__)?(?:\[?(?:\w{3},?\s+)?(?:\d{4}-\d{2}-\d{2}[ T]+|\w{3,9}\.?\s+\d{1,2},?\s+)?)?\d{1,2}[:.h]\d{2}\b/.test(line)) {
      count++;
      // an @handle, a person's chat line ("alice [9:05 AM]", "> bob: …") or a chat channel (#incident-42)
      if (/(?<![\w@])@[A-Za-z][\w.-]*[A-Za-z0-9]|(?<![\w&#])#[a-z][a-z0-9]*-[a-z0-9-]+\b|\[\d{1,2}:\d{2}\s?(?:AM|PM)\]/i.test(line)) internal.push(l);
    }
  }
  return { count, internal };
}

const rule: Rule<Options> = {
  id: 'public-sections',
  description: "A public postmortem says what happened, the impact on readers and what you're changing; no internal log.",
  defaultSeverity: 'warning',
  defaultOptions: { audiences: ['public'], maxTimelineEntries: 20 },
  optionsSchema: {
    type: 'object',
    properties: {
      audiences: { type: 'array', items: { type: 'string' }, description: 'Audiences (front matter `audience`) the rule applies to.' },
      maxTimelineEntries: {
        type: 'integer',
        minimum: 1,
        description: 'More timeline entries than this reads as an internal minute-by-minute log, not a public account.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const audiences = (ctx.options.audiences ?? []).map((a) => String(a).toLowerCase());
    if (!model.audience || !audiences.includes(model.audience)) return;
    // a document without sections is a note, not a report: which part is which is the reader's call
    if (!model.allSections.some((s) => s.depth > 1 || s.kind)) return;

    const parts: Part[] = ['what happened', 'the impact on them', "what you're changing"];
    const prose = proseText(model);
    const missing = parts.filter((p) => !present(model, p, prose));
    if (missing.length) {
      const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      const message = missing.length === 1 ? `A public reader needs ${list}: add a section that says it.` : `For the public, add ${list}.`;
      ctx.report({ range: documentAnchor(model), message });
    }

    const max = Number.isFinite(ctx.options.maxTimelineEntries) && ctx.options.maxTimelineEntries > 0 ? ctx.options.maxTimelineEntries : 20;
    for (const s of sectionsOf(model, 'timeline')) {
      const { count, internal } = timelineEntries(model, s, prose);
      const range: Range = s.titleRange;
      if (internal.length >= 2) {
        const at = internal[0];
        ctx.report({
          range: rangeOf(model.lines, model.lines.lineStart(at), model.lines.lineEnd(at)),
          message: `The public timeline names people or channels in ${internal.length} entries: keep what customers saw.`,
        });
      } else if (count > max) {
        ctx.report({ range, message: `The public timeline has ${count} entries: keep the few moments customers noticed.` });
      }
    }
  },
};

export default rule;
