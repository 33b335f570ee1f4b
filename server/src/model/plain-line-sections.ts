// Section names written as plain lines: a report typed as plain text, with no markdown headings (at most a title),
// names its sections on lines of their own: "Issue Summary", "Timeline", "Root Cause and Resolution", "Corrective and
// Preventative Measures" (the ALX postmortem shape), often inside one paragraph since no blank line separates them. A
// reader sees each as the heading it stands for. Read only when nothing else is a heading and at least two lines name
// different sections: one line "Timeline" in prose is a word, not a heading.
import type { Root } from 'mdast';
import type { LabeledSection, Postmortem, SectionKind } from './types';
import { matchSection } from './sections';
import type { ParseContext } from './action-items/common';

/** A line that could be a heading: one to six words, a capital first, letters, spaces, "&", "/" and "-" only. */
export const NAME_LINE_RE = /^\p{Lu}[\p{L}&/-]*(?:[ \t]+[\p{L}&/-]+){0,5}$/u;
/** The same with a short note in brackets after it, as headings carry one: "Timeline (all time in WAT)". */
const NOTED_NAME_LINE_RE = /^\p{Lu}[\p{L}&/-]*(?:[ \t]+[\p{L}&/-]+){0,5}(?:[ \t]+\([^()\n]{1,40}\))?$/u;

/**
 * The sections named by plain lines of the document's top-level paragraphs, each up to the next such line: none when
 * the document has a heading below its title, or fewer than two kinds are named.
 */
export function plainLineSections(tree: Root, model: Postmortem, ctx: ParseContext): LabeledSection[] {
  if (model.allSections.length > 1 || (model.allSections.length === 1 && model.allSections[0].depth !== 1)) return [];
  const found: { kind: SectionKind; title: string; start: number; end: number }[] = [];
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const from = node.position?.start.offset ?? 0;
    const source = ctx.text.slice(from, node.position?.end.offset ?? from);
    let at = from;
    for (const line of source.split('\n')) {
      const title = line.trim();
      const kind = NOTED_NAME_LINE_RE.test(title) ? matchSection(title) : undefined;
      if (kind) {
        const start = at + line.indexOf(title);
        found.push({ kind, title, start, end: start + title.length });
      }
      at += line.length + 1;
    }
  }
  if (new Set(found.map((f) => f.kind)).size < 2) return [];
  return found.map((f, i) => ({
    kind: f.kind,
    title: f.title,
    titleRange: ctx.range(f.start, f.end),
    bodyRange: ctx.range(f.end, i + 1 < found.length ? found[i + 1].start : ctx.text.length),
  }));
}
