// Markdown → postmortem model. Parses once with micromark + mdast-util-from-markdown (+ gfm, frontmatter, as remark-parse
// does: model/markdown.ts); every field keeps its source range. Pure: no fs, no LSP.
import { toString } from 'mdast-util-to-string';
import YAML from 'yaml';
import type { Blockquote, Root, Nodes, Heading, List, Paragraph, PhrasingContent } from 'mdast';
import type { FrontMatter, LineIndex, Postmortem, Range, Section } from './types';
import { createLineIndex, rangeOf } from './lines';
import { dateToIsoDay, isIsoDay } from './dates';
import { backOver } from './scan';
import { PROBLEMS_FOUND_RE, TRIED_PATHS_RE, isActionCategory, matchSection, normalizeHeading } from './sections';
import { collectActionItems } from './action-items/index';
import { originOf, parseByUnits, type UnitCache } from './parse-units';
import { endOf, startOf } from './action-items/common';
import { parseMarkdownText as parseOne } from './markdown';
import { collectOpaque } from './opaque';
import { htmlTitleRange, readHtmlBlocks } from './html-blocks';
import { readUnspacedHeadings } from './unspaced-headings';

/**
 * Parse markdown into mdast; never throws (a parser failure yields an empty tree). Parsed section by section
 * (model/parse-units.ts): linear in size, and with a `cache` kept per document an edit re-parses only its section.
 */
export function parseMarkdown(text: string, cache?: UnitCache, whole = false): Root {
  try {
    // micromark drops a leading byte order mark without counting it: every offset would be one short of `text`
    // (ranges one character early, fixes splitting pairs). Parse without it and shift the positions back onto `text`.
    if (text.charCodeAt(0) === 0xfeff) return shiftPositions(parseOne(text.slice(1)), 1);
    return (whole ? undefined : parseByUnits(text, parseOne, cache)) ?? parseOne(text);
  } catch {
    return { type: 'root', children: [] };
  }
}

/** Moves every position of the tree `by` characters to the right on the first line (a prefix the parser did not see). */
function shiftPositions(tree: Root, by: number): Root {
  const seen = new Set<object>();
  const move = (p: { line: number; column: number; offset?: number } | undefined) => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    if (p.offset !== undefined) p.offset += by;
    if (p.line === 1) p.column += by;
  };
  const visit = (n: Nodes) => {
    move(n.position?.start);
    move(n.position?.end);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree);
  return tree;
}

export function parsePostmortem(text: string, parsed: Root = parseMarkdown(text)): Postmortem {
  const lines = createLineIndex(text);
  const R = (s: number, e: number) => rangeOf(lines, s, e);
  const model: Postmortem = {
    text,
    sections: [],
    allSections: [],
    actionItems: [],
    actionItemSections: [],
    actionItemLabels: [],
    labeledKinds: [],
    labeledSections: [],
    directives: [],
    opaqueRanges: [],
    htmlBlocks: [],
    lines,
  };

  // HTML blocks holding headings, lists and paragraphs are read as that structure (model/html-blocks.ts): the tree
  // the model reads has them as markdown nodes; directives and front matter are read from the tree as parsed
  const reading = readHtmlBlocks(parsed, text, lines);
  collectOpaque(parsed, model, R, reading.regions);
  for (const g of reading.regions) model.htmlBlocks.push(R(g.start, g.end));
  readFrontMatter(parsed, model, R);
  // "##Summary" (kramdown, no space after the marks): the heading a reader sees (model/unspaced-headings.ts)
  const tree = readUnspacedHeadings(reading.tree, text);
  buildSections(tree, text, model, lines, R);

  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const fmTitle = model.frontMatter?.data?.title;
  // a front-matter title left as the template's ("title: template") above the document's own H1: the H1 is its title
  const leftAsTemplate = typeof fmTitle === 'string' && /^\s*templates?\s*$/i.test(fmTitle) && !!h1 && !!toString(h1).trim();
  if (typeof fmTitle === 'string' && fmTitle.trim() && model.frontMatter && !leftAsTemplate) {
    model.title = { value: fmTitle.trim(), text: fmTitle, range: model.frontMatter.range };
  } else if (h1) {
    const t = toString(h1, { includeHtml: false }).trim();
    if (t) model.title = { value: t, text: t, range: R(startOf(h1), endOf(h1)) };
  }

  model.intro = introOf(tree, model, R);
  collectActionItems(tree, model, { text, lines, range: R });
  return model;
}

// ------------------------------------------------------------------------------------------------

type R = (s: number, e: number) => Range;

/** The YAML of a front matter node, read once per node (the index's light reading builds two models on one node). */
const yamlRead = new WeakMap<object, { data?: Record<string, unknown>; error?: string }>();

function readFrontMatter(tree: Root, model: Postmortem, R: R): void {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return;
  const fm: FrontMatter = { range: R(startOf(first), endOf(first)) };
  let read = yamlRead.get(first);
  if (!read) {
    read = {};
    try {
      // logLevel 'error': a warning about the writer's YAML ("Unresolved tag: !binary") is no process warning on stderr
      const doc: unknown = YAML.parse(first.value, { strict: false, uniqueKeys: false, maxAliasCount: 50, logLevel: 'error' });
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) read.data = doc as Record<string, unknown>;
      else if (doc !== null && doc !== undefined) read.error = 'front matter is not a mapping of keys to values';
    } catch (e) {
      read.error = (e as Error).message.split('\n')[0];
    }
    yamlRead.set(first, read);
  }
  if (read.data) fm.data = read.data;
  if (read.error) fm.error = read.error;
  model.frontMatter = fm;
  const d = fm.data;
  if (!d) return;
  const str = (v: unknown) => (v instanceof Date ? dateToIsoDay(v) : typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined);
  const date = str(d.date ?? d.incident_date ?? d['incident-date'] ?? d.incidentDate);
  // an ISO-looking date must name a real day: 2026-13-05 is a typo, not a date (nothing downstream may compute with it)
  if (date) model.date = /^\d{4}-\d{2}-\d{2}/.test(date) ? (isIsoDay(date.slice(0, 10)) ? date.slice(0, 10) : undefined) : date;
  model.severity = str(d.severity ?? d.sev);
  model.status = str(d.status);
  const audience = str(d.audience);
  if (audience) model.audience = audience.toLowerCase();
}

const isBlank = (c: string) => c === ' ' || c === '\t';

/**
 * Where an ATX heading line's title ends: before the closing `#`s (`## Title ##`) and trailing blanks. Read back from
 * the end; the expressions it replaces (`[ \t]+#+[ \t]*$`) were quadratic on a heading with a long run of spaces.
 */
function atxTitleEnd(line: string): number {
  let end = backOver(line, isBlank);
  const hashes = backOver(line, (c) => c === '#', end);
  if (hashes < end && hashes > 0 && isBlank(line[hashes - 1])) end = hashes;
  return backOver(line, isBlank, end);
}

/** Each unit heading's title, remembered by its unit node: its text and nodes stay as they were while the unit's do. */
const titles = new WeakMap<Heading, string>();

/** A heading's text (inline HTML left out), trimmed; remembered by the unit node it was placed from, if any. */
function headingTitle(h: Heading): string {
  const origin = originOf(h)?.node as Heading | undefined;
  let title = origin && titles.get(origin);
  if (title === undefined) {
    title = toString(h, { includeHtml: false }).trim();
    if (origin) titles.set(origin, title);
  }
  return title;
}

function buildSections(tree: Root, text: string, model: Postmortem, lines: LineIndex, R: R): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const stack: Section[] = [];
  const end = text.length;
  headings.forEach((h, i) => {
    const hs = startOf(h);
    const he = endOf(h);
    const next = headings[i + 1];
    const ownEnd = next ? startOf(next) : end;
    let bodyEnd = end;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        bodyEnd = startOf(headings[j]);
        break;
      }
    }
    // title range: after the #s and spaces (ATX) or the first line (setext)
    const line = lines.positionAt(hs).line;
    const lineText = text.slice(hs, Math.min(he, lines.lineEnd(line)));
    const atx = /^(#{1,6})[ \t]*/.exec(lineText);
    // a heading read from HTML: its text inside the tags
    const inner = htmlTitleRange(h);
    const ts = inner ? inner[0] : atx ? hs + atx[0].length : hs;
    let te = inner ? inner[1] : atx ? hs + atxTitleEnd(lineText) : Math.min(he, lines.lineEnd(line));
    if (te < ts) te = ts;
    const title = headingTitle(h);
    const section: Section = {
      title,
      depth: h.depth,
      kind: matchSection(title),
      headingRange: R(hs, he),
      titleRange: R(ts, te),
      bodyRange: R(he, bodyEnd),
      ownContentRange: R(he, ownEnd),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else {
      model.sections.push(section);
    }
    // "## Action items" › "### Detection" / "### Mitigation" (the Google SRE template's Prevention / Detection /
    // Mitigation / Process / Fixes): a kind of follow-up, not the story of how the incident was detected or mitigated
    if (parent?.effectiveKind === 'action-items' && isActionCategory(title, section.kind)) section.kind = undefined;
    section.effectiveKind = section.kind ?? parent?.effectiveKind;
    // "## Future Work" › "### Identified Problems:": what is wrong, listed before the plan, not follow-ups
    // "### Other avenues investigated": what was tried during the response, not follow-ups
    if (!section.kind && parent?.effectiveKind === 'action-items' && (PROBLEMS_FOUND_RE.test(normalizeHeading(title)) || TRIED_PATHS_RE.test(normalizeHeading(title)))) section.effectiveKind = undefined;
    // A document title (H1) that happens to match a kind must not swallow the whole document.
    if (h.depth === 1 && section.kind && headings.filter((x) => x.depth === 1).length === 1 && headings.some((x) => x.depth > 1)) {
      section.effectiveKind = undefined;
      section.kind = undefined;
    }
    stack.push(section);
    model.allSections.push(section);
  });
  for (const s of model.allSections) {
    if (s.kind === 'action-items' && s.parent?.effectiveKind !== 'action-items') model.actionItemSections.push(s);
  }
}

/**
 * A short opening sentence that tells the incident: a subject, then a verb of failure in the past ("Google's DNS
 * stopped responding … for 35 minutes.", "Our database server crashed …"), ending as a sentence. Not a field line
 * ("Status: draft", "Date: …"), a note in parentheses, or a sentence that starts with its verb ("Written by …").
 */
const FAILURE_VERB_RE = /\s(?:stopped|failed|crashed|broke|went\s+(?:down|offline)|(?:was|were)\s+(?:down|unavailable|unreachable|offline|degraded|lost)|became\s+(?:unavailable|unresponsive|unreachable)|could\s+not|couldn't|returned\s+errors|leaked|exposed|deleted|corrupted)\b/u;
const tellsEvent = (sentence: string) =>
  sentence.length <= 200 && /^[\p{L}\d'’"“]/u.test(sentence) && !/^[^\s:]+(?:\s[^\s:]+)?:/.test(sentence) && !/[()]/.test(sentence) && /[.!]$/.test(sentence) && (FAILURE_VERB_RE.test(sentence) || EVENT_NOUN_RE.test(sentence));
/** The incident named as a noun in the opening words: "Password compromise of an employee's Okta account." */
const EVENT_NOUN_RE = /^(?:[\p{L}'’-]+\s+){0,3}(?:compromise|outage|breach|leak|exposure|corruption|loss|deletion|takeover|downtime)\s+(?:of|in|on|affecting)\s/iu;

/**
 * "## Downtime on the afternoon of 3rd of August" opening a page with no H1 (a blog post whose title is in the front
 * matter, or a copy without it), then a paragraph telling the incident: the heading is the title, and the prose
 * under it the summary. Only the first thing in the document, a heading that names no section and asks nothing.
 */
function titleLikeFirst(tree: Root, model: Postmortem): Section | undefined {
  const first = model.allSections[0];
  if (!first || first.kind || first.depth === 1 || /\?$/.test(first.title)) return undefined;
  const blocks = tree.children.filter((n) => n.type !== 'yaml' && !(n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value)));
  return blocks[0]?.type === 'heading' && startOf(blocks[0]) === first.headingRange.start.offset && blocks[1]?.type === 'paragraph' ? first : undefined;
}

/**
 * A quotation block opening the document that says what happened, as a lede: its paragraphs together run to 12 words or
 * more, or tell an event. Not a note or an alert ("> **Note:** draft", "> [!WARNING]"): those are about the page.
 */
function ledeQuote(q: Blockquote): boolean {
  const paragraphs = q.children.filter((c): c is Paragraph => c.type === 'paragraph');
  if (paragraphs.length !== q.children.length || !paragraphs.length) return false;
  const words = paragraphs.flatMap(wordsOf);
  if (!words.length || NOTE_LEAD_RE.test(words.slice(0, 2).join(' '))) return false;
  return words.length >= 12 || (words.length >= 6 && tellsEvent(words.join(' ')));
}
const NOTE_LEAD_RE = /^(?:\[!|(?:\*\*)?(?:note|notes|warning|caution|important|tip|disclaimer|draft|update|updated|edit|edited|nb)\b)/i;

/**
 * A list of two or more fields, each opening with a bold label ("**Severity**: high"), one of which runs to 25 words or
 * more: the header block of a postmortem that tells what happened in that field, where others write a summary.
 */
function storyField(list: List): boolean {
  if (list.ordered || list.children.length < 2) return false;
  let long = false;
  for (const li of list.children) {
    const p = li.children[0];
    if (li.checked != null || p?.type !== 'paragraph' || p.children[0]?.type !== 'strong') return false;
    const words = wordsOf(p);
    if (!/:$/.test(toString(p.children[0])) && !/^\s*:/.test(toString(p.children[1] ?? { type: 'text', value: '' }))) return false;
    if (words.length >= 25) long = true;
  }
  return long;
}

/**
 * A list of two to six short "Key: value" fields with a plain key ("Detected: 2026-07-14", "Status: resolved on …"),
 * no checkbox, no sub-list: a record's header, which the summary below it follows.
 */
function headerFields(list: List): boolean {
  if (list.ordered || list.children.length < 2 || list.children.length > 6) return false;
  return list.children.every((li) => {
    const p = li.children[0];
    if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph') return false;
    const words = wordsOf(p);
    return words.length <= 10 && HEADER_FIELD_RE.test(toString(p));
  });
}
const HEADER_FIELD_RE = /^\p{L}[\p{L} ]{0,29}:\s+\S/u;

/** The words of a paragraph: HTML (a disable comment) left out, a hard line break between two words as a space. */
function wordsOf(n: Paragraph): string[] {
  const parts: string[] = [];
  const visit = (x: PhrasingContent) => {
    if (x.type === 'break') parts.push(' ');
    else if (x.type === 'image') parts.push(x.alt ?? '');
    else if ('children' in x) for (const c of x.children) visit(c);
    else if (x.type !== 'html' && 'value' in x) parts.push(x.value);
  };
  for (const c of n.children) visit(c);
  return parts.join('').split(/\s+/).filter(Boolean);
}

/**
 * Prose at the top: paragraphs before the first heading below the title and before any list or table, when one of
 * them says something: 12 words or more, or one shorter sentence that tells what happened (tellsEvent). Also a block
 * of fields first under the title ("- **Date of incident**: …", "- **Severity**: high", "- **Impact**: `api…` returned
 * a TLS alert to every external client for thirty days. …") where one field tells the story at length (storyField).
 */
function introOf(tree: Root, model: Postmortem, R: R): Range | undefined {
  // the first heading that opens a section: any heading but a lone H1 title at the top
  const h1s = model.allSections.filter((s) => s.depth === 1);
  const title = h1s.length === 1 && model.allSections[0] === h1s[0] ? h1s[0] : titleLikeFirst(tree, model);
  const end = model.allSections.find((s) => s !== title)?.headingRange.start.offset ?? Infinity;
  let start: number | undefined;
  let last = 0;
  for (const n of tree.children) {
    if (start === undefined && startOf(n) < end && n.type === 'list' && storyField(n)) return R(startOf(n), endOf(n));
    // "> One malformed content block. Frontend crashes. Backend stuck forever. …" first under the title: the lede
    if (start === undefined && startOf(n) < end && n.type === 'blockquote') {
      if (!ledeQuote(n)) break;
      start = startOf(n);
      last = endOf(n);
      continue;
    }
    // "- Detected: 2026-07-14" / "- Status: resolved on 2026-07-16" above the prose: the record's fields, not its story
    if (start === undefined && startOf(n) < end && n.type === 'list' && headerFields(n)) continue;
    if (startOf(n) >= end || (start === undefined && n.type !== 'paragraph' && n.type !== 'html' && n.type !== 'yaml' && n.type !== 'heading')) break;
    if (n.type !== 'paragraph') continue;
    // words of the text: a disable comment at the end of a line is not part of it, a hard line break parts two words
    const words = wordsOf(n);
    if (words.length < 12 && !(words.length >= 6 && tellsEvent(words.join(' ')))) continue;
    start ??= startOf(n);
    last = endOf(n);
  }
  return start === undefined ? undefined : R(start, last);
}
