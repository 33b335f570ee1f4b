// timeline-timezone: "14:02" means three different moments to readers in three offices, and logs and dashboards
// are in UTC. A timeline without a time zone can't be lined up against anything else.
import type { Fix, Rule } from '../model/types';
import { rangeOf } from '../model/lines';
import { fit } from './support/util';
import { blankSpans } from '../model/facts';
import { trimEndChars } from '../model/scan';
import type { Range } from '../model/types';

/** A timeline under a heading or a bold label: its title, and the text whose times it lists. */
interface Timeline {
  /** Where the zone goes: the heading, or the bold label standing in for one. */
  where: 'heading' | 'label';
  title: string;
  titleRange: Range;
  body: Range;
}

/**
 * 14:05, 9:30 am, 14h05, 14.05. With a dot only two-digit hours count, and never a version ("upgraded to 1.30",
 * "v10.15", "10.15.2"), so a timeline of releases without clock times is not asked for a time zone.
 */
const TIME_SOURCE = String.raw`(?<![\d:.]|\bv)(?:(?:[01]?\d|2[0-3])[:hH]|(?:[01]\d|2[0-3])\.(?=[0-5]\d(?!\.\d)))[0-5]\d(?::[0-5]\d)?(?:\s*[aApP]\.?[mM]\.?)?(?![\d:])`;
const TIME_RE = new RegExp(TIME_SOURCE, 'g');
/**
 * Zones written as abbreviations, IANA names and offsets: matched with their case, or "just", "most" and "last" would
 * read as zones ([A-Z]{1,2}[SD]T). An offset counts after a time with seconds ("14:05:09+02:00") or on its own
 * ("(+0200)"), never after a time without seconds: "support hours 10:00-17:00" is a range, not an offset.
 */
const ZONE_ABBR =
  String.raw`\b(?:UTC|GMT|Z|[A-Z]{1,2}[SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|AEST|AEDT|AWST|ACST|NZST|NZDT|NZT|SGT|HKT|MSK|GST|SAST|WAT|EAT|CAT|ICT|PHT|PKT|WIB|BRT|ART|ET|PT|CT|MT)\b|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada)\/[A-Z][A-Za-z_+-]+|\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}|(?:(?<=\d:\d\d:\d\d)|(?<![\w:.-]))[+-][01]\d:?[0-5]\d\b|\d{1,2}:\d{2}(?::\d{2})?Z\b`;
/** Zones written in words, in any case: "6:52 PM Eastern", "Pacific time", "local time", "timezone", "utc". */
const ZONE_WORDS = String.raw`\d\s*(?:[ap]\.?m\.?\s+)?(?:eastern|pacific|central|mountain)\b|\b(?:eastern|pacific|central|mountain|local) (?:standard |daylight )?time\b|\btime ?zone\b|\b(?:eastern|pacific|central|mountain|london|berlin|paris|new york|tokyo) time\b|\b(?:utc|gmt)\b`;
const ZONE_ABBR_RE = new RegExp(ZONE_ABBR);
const ZONE_WORDS_RE = new RegExp(ZONE_WORDS, 'i');
const hasZone = (s: string) => ZONE_ABBR_RE.test(s) || ZONE_WORDS_RE.test(s);

/**
 * "All times in US/Pacific", "All times PDT.", "times are CET", "Timezone: UTC+2" anywhere in the document; also a zone in the shape of
 * a region name the list does not know or the writer misspelt ("All times in UC/Pacific"): the writer stated one.
 */
const STATEMENT = String.raw`\b(?:[Aa]ll |[Tt]he )?[Tt]imes?\b(?:[^.\n]{0,30}?\b(?:[Ii]n|[Aa]re|[Ii]s)\b)?[^.\n]{0,12}?`;
const ZONE_STATEMENT_RES = [
  new RegExp(`${STATEMENT}(?:${ZONE_ABBR})|\\b[Aa]ll [Tt]imes?\\b[^.\\n]{0,20}?\\b(?:in|are)\\s+[A-Z][A-Za-z]{1,20}\\/[A-Z][A-Za-z_]{1,30}`),
  new RegExp(`${STATEMENT}(?:${ZONE_WORDS})|\\btime ?zone\\s*[:=]`, 'i'),
];
/** A clock time with its zone right after it, anywhere ("at 6:52 PM Eastern", "14:05 UTC"): the writer gives zones. */
const TIME_ZONE_PAIR_RES = [
  new RegExp(`(?:${TIME_SOURCE})\\s*\\(?(?:${ZONE_ABBR})`),
  new RegExp(`(?:${TIME_SOURCE})\\s*\\(?(?:${ZONE_WORDS}|\\b(?:eastern|pacific|central|mountain)\\b)`, 'i'),
];

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
    const zoneInDoc = ZONE_STATEMENT_RES.some((re) => re.test(withCode)) || TIME_ZONE_PAIR_RES.some((re) => re.test(withCode));
    // timelines under a heading, then timelines given as a bold label ("- **Key events**" over a list of times)
    const timelines: Timeline[] = [];
    for (const s of model.allSections) {
      if (s.kind !== 'timeline' || (s.parent && s.parent.effectiveKind === 'timeline')) continue;
      timelines.push({ where: 'heading', title: s.title, titleRange: s.titleRange, body: s.bodyRange });
    }
    for (const l of model.labeledSections) {
      const inside = (t: Timeline) => l.titleRange.start.offset >= t.body.start.offset && l.titleRange.start.offset < t.body.end.offset;
      if (l.kind === 'timeline' && !timelines.some(inside)) timelines.push({ where: 'label', title: l.title, titleRange: l.titleRange, body: l.bodyRange });
    }
    for (const t of timelines) {
      const body = withCode.slice(t.body.start.offset, t.body.end.offset);
      const times = [...body.matchAll(TIME_RE)].map((m) => m[0]);
      if (times.length === 0) continue;
      if (hasZone(t.title) || hasZone(body) || zoneInDoc) continue;
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
        message: fit('Timeline times (', eg, `${times.length > 2 ? ', …' : ''}) have no time zone: add it to the ${t.where}, e.g. '(UTC)'.`),
        fixes: () => [fix],
      });
    }
  },
};

export default rule;
