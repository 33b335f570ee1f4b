// A light reading of a postmortem, for the workspace index: it needs the title, date, severity and action items,
// not the prose. Pass 1: front matter and headings (which sections hold action items), built straight from the lines
// when they are plain text, else parsed. Pass 2: the item sections (heading and body) parsed in one go, each block
// placed back where it sits (so every range is the full parse's). The parser never sees the rest of the document.
// Only where that gives exactly what parsePostmortem on the whole text gives: a document whose blanked lines could
// reach into the kept ones (link definitions, HTML blocks, setext headings, indented fences or headings) or hold items
// by their own shape (an action table, an "**Action items**:" or "**TODO**:" label) is not read lightly (undefined),
// and neither is one that only its sections make a postmortem (detection reads the prose). Pure: no fs, no LSP.
import type { Nodes, RootContent } from 'mdast';
import type { Point } from 'unist';
import type { Postmortem, SectionKind } from '../model/types';
import { startOf } from '../model/action-items/common';
import { parseMarkdown, parsePostmortem } from '../model/parse';
import type { LintOptions } from '../lint/lint';
import { detectPostmortem } from '../lint/detect';
import { matchSection } from '../model/sections';
import { COMPLETED_HEADING_RE } from '../model/action-items/status';

interface Line {
  start: number;
  /** End of the line's content (before its line ending). */
  end: number;
  /** Start of the next line. */
  next: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = i;
    while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    const next = j >= n ? n + 1 : text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    out.push({ start: i, end: j, next });
    if (j >= n) break;
    i = next;
  }
  return out;
}

const FM_FENCE_RE = /^\uFEFF?---[ \t]*$/;
const ATX_RE = /^#{1,6}(?:[ \t]|$)/;
// the info string runs to the end of the line (a CR included): `(.*)$` backtracked over a long run of backticks
const FENCE_RE = /^(`{3,}|~{3,})([\s\S]*)$/;
/** Lines whose effect can reach past themselves, or that the scan could misread: read the whole document instead. */
const UNSAFE_RE = /^(?: {1,3}(?:`{3,}|~{3,}|#{1,6}(?:[ \t]|$))| {0,3}<| {0,3}\[[^\]]*\]:)/;
const SETEXT_RE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLANK_RE = /^[ \t]*$/;

/** Heads of action tables (tables.ts isActionTable's first column test). */
const ACTION_CELL_RE = /^(?:action(?: items?)?|actions|tasks?|todos?|to ?dos?|follow[- ]?ups?|remediation(?: items?)?|corrective actions?)$/;
const STATUS_WORD_RE = /^(?:todo|to do|doing|done|in progress|wip|blocked|open|ongoing|won'?t do|not doing|completed?|fixed)$/i;
const ITEM_KINDS: ReadonlySet<SectionKind | undefined> = new Set<SectionKind | undefined>(['action-items', 'deferred']);

/**
 * A blanked line that could hold action items by its own shape (a label or an action table's head): if so, the
 * document is read whole. Errs on the side of reading whole.
 */
function mayHoldItems(line: string): boolean {
  if (line.includes('|')) {
    for (const cell of line.split('|')) if (ACTION_CELL_RE.test(cell.replace(/[*_`]/g, '').trim().toLowerCase())) return true;
  }
  const s = line.replace(/^[\s>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]?\][ \t]*)?/, '');
  const bold = s.startsWith('**') || s.startsWith('__');
  const plain = s.replace(/[*_`]/g, '');
  const colon = plain.search(/[:：]/);
  const label = (colon >= 0 ? plain.slice(0, colon) : plain.length <= 60 ? plain : '').trim();
  if (!label || label.length > 60) return false;
  if (ITEM_KINDS.has(matchSection(label)) || COMPLETED_HEADING_RE.test(label)) return true;
  return bold && STATUS_WORD_RE.test(label);
}

interface Scan {
  lines: Line[];
  /** Front matter lines (0..fmEnd inclusive), -1 when none. */
  fmEnd: number;
  /** Indices of ATX heading lines at column 0, outside fences. */
  headings: number[];
  /** Lines inside (or fencing) column-0 fenced code blocks. */
  fenced: Set<number>;
}

function scan(text: string): Scan | undefined {
  const lines = splitLines(text);
  const line = (i: number) => text.slice(lines[i].start, lines[i].end);
  let fmEnd = -1;
  if (FM_FENCE_RE.test(line(0))) {
    for (let i = 1; i < lines.length; i++) {
      if (FM_FENCE_RE.test(line(i))) {
        fmEnd = i;
        break;
      }
    }
    if (fmEnd < 0) return undefined;
  }
  const headings: number[] = [];
  const fenced = new Set<number>();
  let fence: { char: string; len: number } | undefined;
  let prevBlank = true;
  for (let i = fmEnd + 1; i < lines.length; i++) {
    const l = line(i);
    if (fence) {
      fenced.add(i);
      const m = /^(`{3,}|~{3,})[ \t]*$/.exec(l);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
      prevBlank = false;
      continue;
    }
    const f = FENCE_RE.exec(l);
    if (f) {
      if (f[1][0] === '`' && f[2].includes('`')) return undefined;
      fence = { char: f[1][0], len: f[1].length };
      fenced.add(i);
      prevBlank = false;
      continue;
    }
    if (UNSAFE_RE.test(l)) return undefined;
    if (!prevBlank && SETEXT_RE.test(l)) return undefined;
    if (ATX_RE.test(l)) headings.push(i);
    prevBlank = BLANK_RE.test(l);
  }
  return { lines, fmEnd, headings, fenced };
}

/** Moves every position of a tree parsed from a slice of `text` to where the slice sits in `text`. */
function place(nodes: RootContent[], offset: number, line: number): void {
  const seen = new Set<object>();
  const move = (p: Point | undefined) => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    if (p.offset !== undefined) p.offset += offset;
    p.line += line;
  };
  const visit = (n: Nodes) => {
    move(n.position?.start);
    move(n.position?.end);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  for (const n of nodes) visit(n);
}

/**
 * The top-level blocks of the kept lines, in one parse: the kept lines are joined (the others left out) and each block
 * is placed back where its lines sit in `text`. A run of kept lines starts at a block boundary (front matter, a
 * heading, the line after a heading) and the next run starts with a heading, which ends any block before it (fences,
 * HTML blocks and setext headings, which could reach past it, never get here: see scan), so the blocks are the ones
 * each run makes on its own, and the ones the whole parse makes there.
 */
function parseKept(text: string, lines: Line[], keep: (i: number) => boolean): RootContent[] {
  const parts: string[] = [];
  /** Runs of kept lines: where each starts in the joined text and in `text` (offset and line). */
  const runs: { at: number; offset: number; line: number }[] = [];
  let length = 0;
  let joinedLine = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!keep(i)) continue;
    if (i === 0 || !keep(i - 1)) runs.push({ at: length, offset: lines[i].start - length, line: i - joinedLine });
    const piece = text.slice(lines[i].start, Math.min(lines[i].next, text.length));
    parts.push(piece);
    length += piece.length;
    joinedLine++;
  }
  if (!runs.length) return [];
  const tree = parseMarkdown(parts.join(''));
  let r = 0;
  for (const node of tree.children) {
    const at = startOf(node);
    while (r + 1 < runs.length && runs[r + 1].at <= at) r++;
    place([node], runs[r].offset, runs[r].line);
  }
  return tree.children;
}

/** Heading text the parser reads as one plain text node: nothing inline (emphasis, code, links, autolinks, escapes, references, HTML), no tabs. */
const PLAIN_HEADING_RE = /^[^\\`*_[\]<>!&~|{}\t@]*$/;
const LITERAL_LINK_RE = /www\.|:\/\/|mailto:|xmpp:/i;

/**
 * The front matter and heading nodes of the kept lines as the parser makes them, from the line scan alone (no parse):
 * undefined when a line is not plain enough to be sure (the caller parses them). The light-read test checks these
 * nodes against the parser's over the corpus.
 */
function lineNodes(text: string, lines: Line[], fmEnd: number, headings: readonly number[]): RootContent[] | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const at = (i: number, offset: number): Point => ({ line: i + 1, column: offset - lines[i].start + 1, offset });
  const out: RootContent[] = [];
  if (fmEnd >= 0) {
    // exactly `---` fences around at least one line
    if (fmEnd < 2 || lines[0].end !== 3 || lines[fmEnd].end - lines[fmEnd].start !== 3) return undefined;
    out.push({ type: 'yaml', value: text.slice(lines[1].start, lines[fmEnd - 1].end), position: { start: at(0, 0), end: at(fmEnd, lines[fmEnd].end) } });
  }
  for (const i of headings) {
    const { start, end } = lines[i];
    let depth = 0;
    while (depth < 6 && text.charCodeAt(start + depth) === 35 /* # */) depth++;
    let a = start + depth;
    while (a < end && text.charCodeAt(a) === 32) a++;
    let b = end;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    // a closing sequence: #s after a space, at the end
    let c = b;
    while (c > a && text.charCodeAt(c - 1) === 35) c--;
    if (c < b && (c === a || text.charCodeAt(c - 1) === 32)) {
      b = c;
      while (b > a && text.charCodeAt(b - 1) === 32) b--;
    }
    const content = text.slice(a, b);
    if (!content || !PLAIN_HEADING_RE.test(content) || LITERAL_LINK_RE.test(content)) return undefined;
    out.push({
      type: 'heading',
      depth: depth as 1 | 2 | 3 | 4 | 5 | 6,
      children: [{ type: 'text', value: content, position: { start: at(i, a), end: at(i, b) } }],
      position: { start: at(i, start), end: at(i, end) },
    });
  }
  return out;
}

/**
 * A line that could be a label standing in for a heading ("**Impact**:", "- **Review actions**:", "Root cause:"): such
 * labels count toward detection by sections (collectLabels). Errs on the side of yes.
 */
function mayBeLabel(line: string): boolean {
  const s = line.replace(/^[\s>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?/, '');
  const bold = s.startsWith('**') || s.startsWith('__');
  const plain = s.replace(/[*_`]/g, '');
  const colon = plain.search(/[:：]/);
  const label = (colon >= 0 ? plain.slice(0, colon) : bold ? plain : '').trim();
  return !!label && label.length <= 60 && (matchSection(label) !== undefined || /^context$/i.test(label));
}

/**
 * The light reading: `{ model }` with the same title, front matter, sections and action items as parsePostmortem on
 * the whole text, for a postmortem by front matter or path; `{}` for a document that is no postmortem (no front
 * matter or path says so, its headings do not, and no line could be a label that would); undefined when the light
 * reading cannot tell exactly (the caller then reads it whole). Callers check `ignore` first.
 */
export function lightRead(text: string, options: Pick<LintOptions, 'filePath' | 'rootDir' | 'config'>): { model?: Postmortem } | undefined {
  const s = scan(text);
  if (!s) return undefined;
  const { lines, fmEnd, headings, fenced } = s;
  const isHead = new Set(headings);
  // front matter and headings: built from the lines when they are plain, else parsed
  const heads = lineNodes(text, lines, fmEnd, headings) ?? parseKept(text, lines, (i) => i <= fmEnd || isHead.has(i));
  const head = parsePostmortem(text, { type: 'root', children: heads });
  const by = detectPostmortem(head, options);
  if (by === undefined) {
    // Not by front matter, path or headings: only labels in the prose could still make it one.
    for (let i = fmEnd + 1; i < lines.length; i++) {
      if (!isHead.has(i) && !fenced.has(i) && mayBeLabel(text.slice(lines[i].start, lines[i].end))) return undefined;
    }
    return {};
  }
  if (by !== 'front-matter' && by !== 'path') return undefined;
  // the lines of the sections that hold items (from the end of their heading to the next heading)
  const itemSections = head.allSections.filter((sec) => ITEM_KINDS.has(sec.effectiveKind));
  const spans = itemSections.map((sec) => [sec.ownContentRange.start.offset, sec.ownContentRange.end.offset]);
  const inSpan = (i: number) => spans.some(([a, b]) => lines[i].start >= a && lines[i].start < b);
  const body = new Array<boolean>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    if (i <= fmEnd || isHead.has(i)) continue;
    body[i] = inSpan(i);
    if (!body[i] && !fenced.has(i) && mayHoldItems(text.slice(lines[i].start, lines[i].end))) return undefined;
  }
  if (!spans.length) return { model: head };
  // Pass 2 parses only the item sections (each heading with its own lines: every run starts with a heading, and a
  // heading follows it in the text, so its blocks are the whole parse's); the other headings and the front matter are
  // pass 1's nodes.
  const headingAt = new Map(headings.map((i) => [lines[i].start, i]));
  const itemHeads = new Set<number>();
  for (const sec of itemSections) {
    const h = headingAt.get(sec.headingRange.start.offset);
    if (h === undefined) return undefined;
    itemHeads.add(h);
  }
  const items = parseKept(text, lines, (i) => itemHeads.has(i) || body[i] === true);
  const children = heads.filter((n) => !(n.type === 'heading' && itemHeads.has((n.position?.start.line ?? 0) - 1))).concat(items);
  children.sort((a, b) => startOf(a) - startOf(b));
  return { model: parsePostmortem(text, { type: 'root', children }) };
}

/** Pass 1's front matter and heading nodes as built from the lines (undefined when they are not plain) and as parsed. */
export function passOneNodes(text: string): { built?: RootContent[]; parsed: RootContent[] } | undefined {
  const s = scan(text);
  if (!s) return undefined;
  const isHead = new Set(s.headings);
  return { built: lineNodes(text, s.lines, s.fmEnd, s.headings), parsed: parseKept(text, s.lines, (i) => i <= s.fmEnd || isHead.has(i)) };
}
