// missing-section: postmortems are documentation for someone who joins a year later. The sections such a
// reader needs (by default summary, impact, timeline, contributing causes, action items) should be there.
import { inHtmlBlock } from '../model/html-regions';
import type { ActionItem, Fix, LabeledSection, Postmortem, Range, Rule, Section, SectionKind } from '../model/types';
import { CANONICAL_ORDER, SECTION_TITLES } from '../model/sections';
import { rangeOf } from '../model/lines';
import { blockSeparatorBefore, eolOf, fit } from './support/util';
import { readsAsEnglish, sectionUnderAnotherName } from '../model/facts';
import { opensAsSummary, sectionSeen } from '../model/seen';
import { SECTION_PURPOSE } from './support/sections';
import { startsImperative } from '../model/verbs';
import { TOLD_IN_STORY, toldUnderStoryHeadings } from '../model/story-headings';

export interface MissingSectionOptions {
  required: SectionKind[];
}

const DEFAULT_REQUIRED: SectionKind[] = ['summary', 'impact', 'timeline', 'contributing-causes', 'action-items'];

/**
 * Follow-ups the engine read under a lessons-learned heading ("Recovery and Lessons Learned" holding
 * "We will add monitoring for replica lag"): a reader sees them, so no "No 'Action items' section" finding. The
 * heading also holds the recovery story, so it is not renamed either: quiet. So do follow-ups written as to-dos
 * (startsImperative: "Publish a document for …", "File a bug to …" under "Resolution and recovery"), and so do rows of a
 * table of measures whose status says open (trackedRow); prose there ("All secrets are being rotated", "More training
 * will be conducted") is the recovery story, and the finding stays.
 */
function followUpsElsewhere(model: Postmortem): boolean {
  return model.actionItems.some((i) => !i.deferred && i.status === 'open' && (i.section.effectiveKind === 'lessons-learned' || FOLLOW_UP_TITLE_RE.test(i.section.title) || startsImperative(i.text) || trackedRow(i)));
}
/**
 * A row of a table of measures whose status column says it is still to do ("| NotReady alert | tracked as follow-up |"
 * under "Response"): the table tracks the follow-ups, whatever the heading above it is called.
 */
function trackedRow(i: ActionItem): boolean {
  return i.format === 'table-row' && i.statusField?.value === 'open';
}
/** A heading that says it holds what comes next, whatever else it holds. "Resolution and recovery" alone does not. */
const FOLLOW_UP_TITLE_RE = /\b(?:lessons?|follow[- ]?ups?|next steps|going forward|improvements?)\b/i;

/**
 * Sections below the title, or labels standing in for them: without any, there is no structure to judge. Headings
 * and labels written in HTML (a blog post's `<h3>The problem</h3>`, `<b>What didn't work:</b>`) do not count: the
 * reading of a section under another name (time-stamped lines, entries that say why) goes by markdown's lines and
 * paragraphs, which HTML does not have, so a verdict there would be a guess.
 */
function hasStructure(model: Postmortem): boolean {
  const h1s = model.allSections.filter((s) => s.depth === 1);
  // the only heading, on the document's first line, is its title whatever its depth ("## 2025-07-30/31 Hex Outage"
  // over a blog post told in paragraphs)
  const only = model.allSections.length === 1 ? model.allSections[0] : undefined;
  const opening = only && !model.text.slice(model.frontMatter?.range.end.offset ?? 0, only.headingRange.start.offset).trim() ? only : undefined;
  const title = h1s.length === 1 ? h1s[0] : opening;
  if (!model.htmlBlocks.length) return model.allSections.some((s) => s !== title) || model.labeledKinds.length > 0;
  const inMarkdown = (offset: number) => !inHtmlBlock(model, offset);
  return model.allSections.some((s) => s !== title && inMarkdown(s.headingRange.start.offset)) || model.labeledSections.some((l) => inMarkdown(l.titleRange.start.offset));
}

/** Where findings about the whole document point: the title heading, else the first line with text. */
export function documentAnchor(model: Postmortem): Range {
  const h1 = model.allSections.find((s) => s.depth === 1) ?? model.allSections[0];
  if (h1) return h1.titleRange;
  const text = model.text;
  let start = model.frontMatter ? model.frontMatter.range.end.offset : 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  const line = model.lines.positionAt(start).line;
  return rangeOf(model.lines, start, Math.max(start, model.lines.lineEnd(line)));
}

/**
 * Insert `## Title\n\nTODO: …\n` where canonical order puts the section. None where that place is inside a code block,
 * an HTML block or comment (one left open runs to the end of the document): the heading would be swallowed, the
 * finding would stay, and every fix-all would add another copy.
 */
export function skeletonFix(model: Postmortem, kind: SectionKind): Fix | undefined {
  const text = model.text;
  const eol = eolOf(text);
  const order = (k?: SectionKind) => (k ? CANONICAL_ORDER.indexOf(k as (typeof CANONICAL_ORDER)[number]) : -1);
  const want = order(kind);
  const plain = plainLineNames(model);
  if (plain.length) return plainLineFix(model, kind, plain, order, eol);
  // a section standing in for the summary ("Background" first) keeps the summary's place: a section inserted above it
  // would make it stop standing in, and the next fix-all would add a summary (fix-all twice would differ from once); so
  // does a section read as the summary because it opens the record ("What happened" told in prose)
  const standIn = kind === 'summary' ? undefined : (sectionUnderAnotherName(model, 'summary') ?? opensAsSummary(model));
  const kindOf = (s: Section) => (s === standIn ? 'summary' : s.kind);
  // top-most canonical sections: the ones not nested inside another canonical section
  const canon = model.allSections.filter((s) => kindOf(s) && s.kind !== 'deferred' && !s.parent?.effectiveKind && order(kindOf(s)) >= 0);
  const later = canon.find((s) => order(kindOf(s)) > want);
  const earlier = [...canon].reverse().find((s) => order(kindOf(s)) < want);
  const depth = later?.depth ?? earlier?.depth ?? (model.allSections.some((s) => s.depth === 1) ? 2 : 2);
  const block = `${'#'.repeat(depth)} ${SECTION_TITLES[kind]}${eol}${eol}${SECTION_PURPOSE[kind].prompt}${eol}`;
  return insertSection(model, kind, block, later?.headingRange.start.offset, earlier?.bodyRange.end.offset, eol);
}

/**
 * The fix adding `block` before the next section in canonical order (`before`), else after the previous one's body
 * (`after`), else at the end; none where that place is inside a code block, an HTML block or comment.
 */
function insertSection(model: Postmortem, kind: SectionKind, block: string, before: number | undefined, after: number | undefined, eol: string): Fix | undefined {
  const text = model.text;
  const at = before ?? after ?? text.length;
  const newText = before !== undefined ? block + eol : blockSeparatorBefore(text, at, eol) + block + (at < text.length ? eol : '');
  if (model.opaqueRanges.some((r) => r.start.offset < at && at <= r.end.offset)) return undefined;
  const title = SECTION_TITLES[kind];
  return { title: `Add ${article(title)} '${title}' section`, edits: [{ range: rangeOf(model.lines, at, at), newText }], safe: true };
}

/**
 * A report typed as plain text names its sections on lines of their own ("Issue Summary", "Timeline"): the labelled
 * sections whose title is its whole line, in a document with no heading below its title. A markdown heading added
 * there would stop those lines from being read as sections (a heading makes them prose), so the fix writes the name
 * on a line of its own too.
 */
function plainLineNames(model: Postmortem): LabeledSection[] {
  if (model.allSections.some((s) => s.depth > 1) || model.allSections.length > 1) return [];
  const whole = (l: LabeledSection) => {
    const line = model.lines.positionAt(l.titleRange.start.offset).line;
    return model.text.slice(model.lines.lineStart(line), model.lines.lineEnd(line)).trim() === l.title;
  };
  const named = model.labeledSections.filter((l) => CANONICAL_ORDER.includes(l.kind as (typeof CANONICAL_ORDER)[number]) && whole(l));
  return named.length >= 2 ? named : [];
}

/** The section's name on a line of its own, with its prompt below, where canonical order puts it among the named lines. */
function plainLineFix(model: Postmortem, kind: SectionKind, named: LabeledSection[], order: (k?: SectionKind) => number, eol: string): Fix | undefined {
  const want = order(kind);
  const later = named.find((l) => order(l.kind) > want);
  const earlier = [...named].reverse().find((l) => order(l.kind) < want);
  const block = `${SECTION_TITLES[kind]}${eol}${SECTION_PURPOSE[kind].prompt}${eol}`;
  const before = later && model.lines.lineStart(model.lines.positionAt(later.titleRange.start.offset).line);
  return insertSection(model, kind, block, before, earlier?.bodyRange.end.offset, eol);
}

const rule: Rule<MissingSectionOptions> = {
  id: 'missing-section',
  description: 'The sections a future reader needs are present (default: summary, impact, timeline, contributing causes, action items).',
  defaultSeverity: 'warning',
  defaultOptions: { required: DEFAULT_REQUIRED },
  optionsSchema: {
    type: 'object',
    properties: {
      required: {
        type: 'array',
        items: { enum: CANONICAL_ORDER },
        uniqueItems: true,
        default: DEFAULT_REQUIRED,
        description: 'Canonical sections every postmortem must have.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const { model } = ctx;
    const required = Array.isArray(ctx.options.required) ? ctx.options.required : DEFAULT_REQUIRED;
    const anchor = documentAnchor(model);
    const wanted = CANONICAL_ORDER.filter((k) => required.includes(k));
    // a report written as prose without headings: which part is "the impact" is the reader's call, not ours
    if (!hasStructure(model)) return;
    // written in another language: its headings are there under names the linter cannot read, so any verdict is a guess
    if (!readsAsEnglish(model)) return;
    for (const kind of wanted) {
      if (sectionSeen(model, kind)) continue;
      // a story under chapter headings of its own: the reader finds the impact, timeline and causes in its chapters
      if (TOLD_IN_STORY.includes(kind) && toldUnderStoryHeadings(model)) continue;
      if (kind === 'action-items' && followUpsElsewhere(model)) continue;
      const title = SECTION_TITLES[kind];
      // there, under a name the linter does not know: say so, and offer the rename rather than a second section
      const other = sectionUnderAnotherName(model, kind);
      if (other) {
        ctx.report({
          range: other.titleRange,
          message: fit(`'${title}' seems to be here under another name, '`, other.title, "': rename it."),
          fixes: () => [{ title: `Rename to '${title}'`, edits: [{ range: other.titleRange, newText: title }], safe: false }],
        });
        continue;
      }
      ctx.report({
        range: anchor,
        message: `No '${title}' section: add ${article(title)} '## ${title}' section.`,
        fixes: () => [skeletonFix(model, kind)].filter((f): f is Fix => f !== undefined),
      });
    }
  },
};

export default rule;

/** 'an' before a vowel ("an 'Impact' section"), 'a' otherwise. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
