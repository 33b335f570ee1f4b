// empty-section: a heading with nothing under it (or only "TBD") tells the reader the question was never
// answered. Write the section or remove the heading; a template left half-filled reads as finished.
import type { Fix, Postmortem, Rule, Section } from '../model/types';
import { rangeOf } from '../model/lines';
import { eolOf, fit } from './support/util';
import { templatePlaceholders } from './support/placeholders';
import { SECTION_PURPOSE } from './support/sections';
import { memoByText } from '../model/memo';
import { isBracedNote } from '../model/action-items/common';
import { opensComment, trimEndChars } from '../model/scan';

/** A line that is only template filler: TBD, TODO: …, <fill in>, [Describe …], …, table skeleton rows. */
const PLACEHOLDER_LINE_RE =
  /^(?:tbd|tba|tbc|todo|fixme|xxx|wip|coming soon|lorem ipsum|to be (?:written|added|determined|completed|filled in))\b.*$|^<[^<>]*>\.?$|^\[[^\]]*\]\.?$|^\{\{\s*[^\s{}]+(?:\s+[^\s{}]+){0,3}\s*\}\}$|^(?:\.\.\.|…|_+|-+|—|\?+)$|^\(?(?:fill (?:me |this |it )?in|add (?:details|content) here|describe [^.]*here)\)?\.?$/i;

/**
 * What the section holds: its own text and every nested section's text, without headings or HTML comments. Read part
 * by part (own text, then each nested section's, in order) and stopped at the first real line: a section with
 * content costs a look at its own text, not a copy of everything under it.
 */
function contentOf(model: Postmortem, section: Section): 'empty' | 'placeholder' | 'content' {
  const { text } = model;
  const own = (s: Section) => text.slice(s.ownContentRange.start.offset, s.ownContentRange.end.offset);
  const parts: Section[] = [];
  const walk = (s: Section) => s.children.forEach((c) => (parts.push(c), walk(c)));
  let any = false;
  for (let i = -1; i < parts.length; i++) {
    const part = own(i < 0 ? section : parts[i]);
    if (opensWithContent(part)) return 'content';
    // a comment left open hides the parts after it too: read them joined, as one text
    if (opensComment(part)) return stateOf(linesOf([part, ...parts.slice(i + 1).map(own)].join('\n')), any);
    const lines = linesOf(part);
    if (!lines.every(isPlaceholder) && !(lines.length > 0 && isBracedNote(lines.join(' ')))) return 'content';
    any ||= lines.length > 0;
    if (i < 0) walk(section);
  }
  return any ? 'placeholder' : 'empty';
}

/**
 * Whether the first line of a text without comments that is not blank is content: then the text's lines are not all
 * placeholders, and they are no braced note (which opens with a brace), so the text holds content. Most sections are
 * told so by their first line, with no copy of their lines (linesOf) to look up.
 */
function opensWithContent(text: string): boolean {
  if (text.includes('<!--')) return false;
  const at = text.search(/\S/);
  if (at < 0) return false;
  const end = text.slice(at).search(/[\r\n]/);
  const first = text.slice(Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1, end < 0 ? text.length : at + end).trim();
  return !first.startsWith('{') && !isPlaceholder(first);
}

function stateOf(lines: string[], before: boolean): 'empty' | 'placeholder' | 'content' {
  if (!lines.every(isPlaceholder) && !(lines.length > 0 && isBracedNote(lines.join(' ')))) return 'content';
  return before || lines.length ? 'placeholder' : 'empty';
}

/** The non-blank lines of a section's text without comments (a function of the text: remembered between edits). */
const linesOf = memoByText((text: string): string[] =>
  text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '\n')
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean),
);

function isPlaceholder(line: string): boolean {
  const t = line
    .replace(/^(?:>\s*)+/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]?\]\s*)?/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
  if (/^\|?[\s|:-]*\|?$/.test(t)) return true; // table skeleton: "| | |", "|---|---|"
  if (t.startsWith('|')) {
    const cells = t.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (cells.every((c) => !c || PLACEHOLDER_LINE_RE.test(c))) return true;
  }
  return PLACEHOLDER_LINE_RE.test(t);
}

const PROMPT_GENERIC = 'TODO: what a reader who joins next year needs to know here.';

export function promptFix(model: Postmortem, section: Section): Fix {
  const eol = eolOf(model.text);
  const kind = section.kind ?? section.effectiveKind;
  const prompt = kind && section.kind ? SECTION_PURPOSE[kind].prompt : PROMPT_GENERIC;
  const at = section.headingRange.end.offset;
  const nextIsHeading = section.ownContentRange.end.offset === section.ownContentRange.start.offset || !/\S/.test(model.text.slice(at, section.ownContentRange.end.offset));
  return {
    title: `Insert a prompt: what belongs in '${section.title}'`,
    edits: [{ range: rangeOf(model.lines, at, at), newText: `${eol}${eol}${prompt}${nextIsHeading && section.ownContentRange.end.offset < model.text.length && !/^\r?\n\r?\n/.test(model.text.slice(at)) ? eol : ''}` }],
    // Not safe: a prompt line is a question for the writer, not an answer; fix-all would only hide the gap.
    safe: false,
    prompt: { kind: 'text', placeholder: prompt, question: prompt.replace(/^TODO:\s*/, '').replace(/^./, (c) => c.toUpperCase()) },
  };
}

/** A section holding one placeholder line ("TBD", "TODO: …"): offer to replace that line with the writer's answer. */
function replacePlaceholderFix(model: Postmortem, section: Section): Fix[] {
  const { text, lines } = model;
  const from = section.ownContentRange.start.line + (section.ownContentRange.start.character > 0 ? 1 : 0);
  const to = section.ownContentRange.end.line;
  const found: number[] = [];
  for (let l = from; l <= to && l < lines.lineCount; l++) {
    const s = text.slice(lines.lineStart(l), lines.lineEnd(l));
    if (lines.lineStart(l) >= section.ownContentRange.end.offset) break;
    if (s.trim()) found.push(l);
  }
  if (found.length !== 1) return [];
  const l = found[0];
  const lineText = text.slice(lines.lineStart(l), lines.lineEnd(l));
  const lead = lineText.length - lineText.trimStart().length;
  if (lineText.trimStart().startsWith('|') || lineText.trimStart().startsWith('<!--')) return [];
  const current = lineText.trim();
  const kind = section.kind;
  // the guiding line replaces the placeholder; an editor that can ask replaces it in turn with the writer's answer
  const placeholder = kind ? SECTION_PURPOSE[kind].prompt : PROMPT_GENERIC;
  const question = placeholder.replace(/^TODO:\s*/, '');
  return [
    {
      title: `Replace '${current.slice(0, 30)}' with what belongs here…`,
      edits: [{ range: rangeOf(lines, lines.lineStart(l) + lead, lines.lineEnd(l)), newText: placeholder }],
      safe: false,
      prompt: { kind: 'text', placeholder, question: question.replace(/^./, (c) => c.toUpperCase()) },
    },
  ];
}

/**
 * The text between the front matter and the first heading's title holds nothing but the heading's hashes and whole-line
 * HTML comments ("<!-- postmortem-lint-disable-file … -->", put there by a quick fix).
 */
function onlyCommentsAbove(gap: string): boolean {
  const lines = trimEndChars(gap.trimEnd(), '#', true).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.every((l) => l.startsWith('<!--') && l.endsWith('-->'));
}

const rule: Rule<Record<string, never>> = {
  id: 'empty-section',
  description: 'Headings have content, not nothing or a template placeholder (TBD, TODO, <fill in>).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  check(ctx) {
    const { model } = ctx;
    const sections = model.allSections;
    const singleH1 = sections.filter((s) => s.depth === 1).length === 1;
    const reported: Section[] = [];
    for (const s of sections) {
      // the document title with sections under it is not a section
      if (s.depth === 1 && singleH1 && s.children.length) continue;
      // "# 2024-03-12 Chain Halt due to …" then "# Incident Summary" at the same level: the first heading of the
      // document, naming no section, with only front matter (and comment lines) above it, is the title
      if (s === sections[0] && !s.kind && sections.length >= 3 && sections[1].depth === s.depth && onlyCommentsAbove(model.text.slice(model.frontMatter?.range.end.offset ?? 0, s.titleRange.start.offset))) continue;
      // "## Owner: @ana" is a field written as a heading: the title holds the value
      if (/[:：]\s*\S/.test(s.title)) continue;
      // "# Title:" followed by "### The actual title": the sub-heading is the parent's value
      if (s.parent && /[:：]\s*$/.test(s.parent.title) && s.parent.children[0] === s) continue;
      // a heading with sub-headings is judged through them ("### What went well" empty, not "## Lessons learned")
      if (s.children.length && !/\S/.test(model.text.slice(s.ownContentRange.start.offset, s.ownContentRange.end.offset).replace(/<!--[\s\S]*?(?:-->|$)/g, ''))) continue;
      const held = contentOf(model, s);
      if (held === 'content') continue;
      const placeholder = held === 'placeholder';
      const message = placeholder
        ? fit("'", s.title, `' only holds a placeholder: write it, or remove the heading.`)
        : fit("'", s.title, "' is empty: write it, or remove the heading.");
      ctx.report({ range: s.titleRange, message, fixes: () => (placeholder ? replacePlaceholderFix(model, s) : [promptFix(model, s)]) });
      reported.push(s);
    }
    // Template text the writer has not replaced (New Postmortem, Insert Section…): a filled-in look that says nothing.
    // Inside a section already reported as holding only placeholders, that one finding says it.
    const inReported = (o: number) => reported.some((s) => o >= s.bodyRange.start.offset && o < s.bodyRange.end.offset);
    for (const p of templatePlaceholders(model)) {
      if (inReported(p.range.start.offset)) continue;
      ctx.report({ range: p.range, message: fit('Unfilled template text (', p.text, '): replace it with what happened, or remove it.') });
    }
  },
};

export default rule;
