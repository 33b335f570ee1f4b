// timeline-timezone: "14:02" means three different moments to readers in three offices, and logs and dashboards
// are in UTC. A timeline without a time zone can't be lined up against anything else.
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { fit } from './support/util';
import { blankSpans } from '../model/facts';

/**
 * 14:05, 9:30 am, 14h05, 14.05. With a dot only two-digit hours count, and never a version ("upgraded to 1.30",
 * "v10.15", "10.15.2"), so a timeline of releases without clock times is not asked for a time zone.
 */
const TIME_RE = /(?<![\d:.]|\bv)(?:(?:[01]?\d|2[0-3])[:h]|(?:[01]\d|2[0-3])\.(?=[0-5]\d(?!\.\d)))[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?![\d:])/gi;
const ZONE_RE =
  /\b(?:UTC|GMT|Z|[A-Z]{1,2}[SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|AEST|AEDT|AWST|ACST|NZST|NZDT|NZT|SGT|HKT|MSK|GST|SAST|WAT|EAT|CAT|ICT|PHT|PKT|WIB|BRT|ART|ET|PT|CT|MT)\b|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada)\/[A-Z][A-Za-z_+-]+|\d\s*(?:[ap]\.?m\.?\s+)?(?:eastern|pacific|central|mountain)\b|\b(?:eastern|pacific|central|mountain|local) (?:standard |daylight )?time\b|\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}|[+-][01]\d:?[0-5]\d\b|\d{1,2}:\d{2}(?::\d{2})?Z\b|\btime ?zone\b|\b(?:eastern|pacific|central|mountain|london|berlin|paris|new york|tokyo) time\b/i;

/** "All times in US/Pacific", "times are CET", "Timezone: UTC+2" anywhere in the document. */
const ZONE_STATEMENT_RE = new RegExp(`\\b(?:all |the )?times?\\b[^.\\n]{0,30}?\\b(?:in|are|is)\\b[^.\\n]{0,12}?(?:${ZONE_RE.source})|\\btime ?zone\\s*[:=]`, 'i');
/** A clock time with its zone right after it, anywhere ("at 6:52 PM Eastern", "14:05 UTC"): the writer gives zones. */
const TIME_ZONE_PAIR_RE = new RegExp(`(?:${TIME_RE.source})\\s*\\(?(?:${ZONE_RE.source}|\\b(?:eastern|pacific|central|mountain)\\b)`, 'gi');

/** The document with code blocks, HTML and front matter blanked, but inline code kept (its text, without backticks). */
function withInlineCode(model: Parameters<Rule['check']>[0]['model']): string {
  const spans: [number, number][] = model.opaqueRanges.map((r) => [r.start.offset, r.end.offset]);
  if (model.frontMatter) spans.push([model.frontMatter.range.start.offset, model.frontMatter.range.end.offset]);
  // one pass over the text (blanking span by span copied the whole text once per code block: quadratic)
  return blankSpans(model.text, spans).replace(/`/g, ' ');
}

const rule: Rule<Record<string, never>> = {
  id: 'timeline-timezone',
  description: 'Timeline times come with a time zone (stated in the heading, the entries or the front matter).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const fmZone = model.frontMatter?.data && Object.keys(model.frontMatter.data).some((k) => /^(?:time_?zone|tz)$/i.test(k));
    if (fmZone) return;
    // times written in backticks count as times; code blocks and HTML stay out
    const withCode = withInlineCode(model);
    const zoneInDoc = ZONE_STATEMENT_RE.test(withCode) || [...withCode.matchAll(TIME_ZONE_PAIR_RE)].length > 0;
    for (const s of model.allSections) {
      if (s.kind !== 'timeline' || (s.parent && s.parent.effectiveKind === 'timeline')) continue;
      const body = withCode.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
      const times = [...body.matchAll(TIME_RE)].map((m) => m[0]);
      if (times.length === 0) continue;
      if (ZONE_RE.test(s.title) || ZONE_RE.test(body) || zoneInDoc) continue;
      const eg = times.slice(0, 2).join(', ');
      const at = s.titleRange.end.offset;
      const fix: Fix = {
        title: 'State the time zone in the heading…',
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
        range: s.titleRange,
        message: fit('Timeline times (', eg, `${times.length > 2 ? ', …' : ''}) have no time zone: add it to the heading, e.g. '(UTC)'.`),
        fixes: [fix],
      });
    }
  },
};

export default rule;
