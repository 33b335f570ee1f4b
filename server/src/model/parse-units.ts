// Parse a document in independent units, so that parsing is linear in size and an edit re-parses only what it touches.
//
// A unit starts at an ATX heading written at column 0 (`# …` to `###### …`). CommonMark makes that line start a new
// top-level block whatever came before it, except inside a fenced code block or an HTML block that is still open. So:
// 1. candidates: column-0 ATX lines, skipping those inside a top-level fence or an HTML comment as a quick pre-pass;
// 2. each unit is parsed alone (from its cache when its text was parsed before), and a unit whose last top-level block
//    could still be open (an HTML block, a fence without its closing line) is joined with the next one: the parse
//    decides, not the pre-pass;
// 3. link reference and footnote definitions apply across the whole document, so a document with any is parsed whole.
// The trees are read with positions relative to their unit and copied onto the document with positions shifted
// (model/shift.ts); a cache that allows it moves the last copies of a unit that moved in place instead.
// test/unit/incremental-parse.test.ts checks that the result equals a whole parse, over random edits of every corpus
// file and fixture, both ways.
import type { Root, RootContent } from 'mdast';
import { lineEndAt, pushAll } from './scan';
import { moveInPlace, shifted, shiftInPlace } from './shift';
import { commonEnds } from './memo';

/** A parse of unit text, positions relative to its start. Cached by text. */
export type ParseOne = (text: string) => Root;

/**
 * Unit trees of a document's last parse, by unit text. Hand the same cache to each parse of one document (the language
 * server keeps one per open document): units whose text did not change are not parsed again.
 */
export class UnitCache {
  private units = new Map<string, Root>();
  /** Units parsed and reused by the last parse (tests and the trace read these). */
  parsed = 0;
  reused = 0;

  /**
   * `movesInPlace`: a unit that moved (every section after an edit) keeps the nodes the last parse placed, their
   * positions changed in place, instead of a new copy of its whole tree each keystroke. The tree a parse returns is
   * then valid only until the next parse with this cache: for a holder that keeps only each document's last result
   * (the lint thread). Otherwise every parse's tree stays as it was returned.
   */
  constructor(readonly movesInPlace = false) {}

  /**
   * The last parse's text and its units (after joining), by start: a unit of the next parse that lies wholly in the
   * part both texts share at the start or the end has the text of the unit at the same place (moved by the edit's
   * change in length) when that one had the same length, so it is found there without reading (hashing) its text.
   */
  private lastText: string | undefined;
  private lastUnits = new Map<number, { end: number; tree: Root }>();
  private nextUnits = new Map<number, { end: number; tree: Root }>();
  /** The part of `lastText` the current parse's text shares at each end, and the change in length. */
  private same = { prefix: 0, suffix: 0, delta: 0 };

  /** Starts a parse of `text`: finds what it shares with the last one. */
  begin(text: string): void {
    this.nextUnits = new Map();
    if (this.lastText === undefined) return;
    const { prefix, suffix } = commonEnds(this.lastText, text);
    this.same = { prefix, suffix, delta: text.length - this.lastText.length };
  }

  /**
   * The tree of `text`'s unit `[start, end)`: the last parse's unit at the same place when the edit left its text as
   * it was, else looked up by its text, parsing it on a miss; the cache keeps only what the current parse uses (see
   * `settle`).
   */
  take(text: string, start: number, end: number, parseOne: ParseOne, keep: Map<string, Root>): Root {
    let tree: Root | undefined;
    if (this.lastText !== undefined) {
      const { prefix, suffix, delta } = this.same;
      const from = end <= prefix ? start : start >= text.length - suffix ? start - delta : -1;
      const last = from >= 0 ? this.lastUnits.get(from) : undefined;
      if (last && last.end === end - start + from) tree = last.tree;
    }
    if (tree) this.reused++;
    else {
      const unit = text.slice(start, end);
      tree = this.units.get(unit) ?? keep.get(unit);
      if (tree) this.reused++;
      else {
        tree = parseOne(unit);
        this.parsed++;
      }
      keep.set(unit, tree);
    }
    this.nextUnits.set(start, { end, tree });
    return tree;
  }

  /**
   * The units of this parse replace the previous ones (memory stays one version's worth): those found by their
   * place keep their entry by text (its key read once, when it was parsed). `units` are this parse's final units.
   */
  settle(text: string, keep: Map<string, Root>, units: readonly { tree: Root }[]): void {
    const used = new Set<Root>();
    for (const u of units) used.add(u.tree);
    for (const [unit, tree] of this.units) if (used.has(tree) && !keep.has(unit)) keep.set(unit, tree);
    this.units = keep;
    this.lastText = text;
    this.lastUnits = this.nextUnits;
    this.nextUnits = new Map();
  }
}

/** Documents shorter than this are parsed in one piece when there is no cache. */
const ALONE_BELOW = 64 * 1024;
/** Without a cache, sections are parsed in runs of at least this many characters. */
const CHUNK = 16 * 1024;

/** Unit starts at least `size` characters apart (the first kept). */
function coarse(starts: number[], size: number): number[] {
  const kept = [starts[0]];
  for (const s of starts) if (s - kept[kept.length - 1] >= size) kept.push(s);
  return kept;
}

/** Offsets of the lines that may start a unit: column-0 ATX headings outside a top-level fence and HTML comment. */
export function unitStarts(text: string): number[] {
  const starts: number[] = [0];
  let fence: { char: string; size: number } | undefined;
  let comment = false;
  let nextOpen = text.indexOf('<!--');
  const n = text.length;
  let i = 0;
  // skip a front matter block: its `# comments` are YAML
  if (/^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.test(text.slice(0, 8))) {
    const marker = text.slice(0, 3);
    i = lineEndAt(text, 0);
    for (;;) {
      if (i >= n) return starts;
      const e = lineEndAt(text, i);
      const line = text.slice(i, e).trimEnd();
      i = e;
      if (line === marker || (marker === '---' && line === '...')) break;
    }
  }
  while (i < n) {
    const e = lineEndAt(text, i);
    if (comment) {
      if (text.slice(i, e).includes('-->')) comment = false;
    } else if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*[\r\n]*$/.exec(text.slice(i, e));
      if (m && m[1][0] === fence.char && m[1].length >= fence.size) fence = undefined;
    } else {
      const line = text.slice(i, Math.min(e, i + 400));
      if (i > 0 && text[i] === '#' && /^#{1,6}(?:[ \t\r\n]|$)/.test(line)) starts.push(i);
      // an opening fence needs three backticks or tildes in a row: most lines have none, and no expression runs on them
      const open = line.includes('```') || line.includes('~~~') ? /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})/.exec(line) : null;
      if (open && !(open[1][0] === '`' && line.slice(open.index + open[0].length).includes('`'))) fence = { char: open[1][0], size: open[1].length };
      else {
        // the next `<!--` of the text, looked for again once passed (one forward search over the whole text): on a
        // line that holds one, the last one, and a `-->` after it on the line
        if (nextOpen >= 0 && nextOpen < i) nextOpen = text.indexOf('<!--', i);
        if (nextOpen >= 0 && nextOpen + 4 <= e) {
          const at = text.lastIndexOf('<!--', e - 4);
          if (!text.slice(at + 4, e).includes('-->')) comment = true;
        }
      }
    }
    i = e;
  }
  return starts;
}

/** The answers read from a unit tree's own text, by tree (a tree is its text's: `UnitCache`), each read once. */
const runsOn = new WeakMap<Root, boolean>();
const breaksIn = new WeakMap<Root, number>();

/** Whether the unit `[start, end)` of `text` ends in a block that might still be open (see `runsOnFrom`). */
function mayRunOn(unit: Root, text: string, start: number, end: number): boolean {
  let known = runsOn.get(unit);
  if (known === undefined) runsOn.set(unit, (known = runsOnFrom(unit, text.slice(start, end))));
  return known;
}

/** The line breaks in the unit `[start, end)` of `text`. */
function breaksOf(unit: Root, text: string, start: number, end: number): number {
  let known = breaksIn.get(unit);
  if (known === undefined) breaksIn.set(unit, (known = lineBreaks(text, start, end)));
  return known;
}

/** Whether the unit's last top-level block might still be open at its end (and so swallow the next heading). */
function runsOnFrom(unit: Root, text: string): boolean {
  let last: RootContent | undefined = unit.children[unit.children.length - 1];
  // the last block of a list item or a quote that ends the unit runs on the same way (a fence left open in the last
  // item: where it ends depends on what follows)
  let nested = false;
  while (last && (last.type === 'list' || last.type === 'listItem' || last.type === 'blockquote' || last.type === 'footnoteDefinition')) {
    last = last.children[last.children.length - 1] as RootContent | undefined;
    nested = true;
  }
  if (!last) return false;
  if (last.type === 'html') return true;
  if (last.type !== 'code' || !last.position) return false;
  const src = text.slice(last.position.start.offset, last.position.end.offset);
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(src);
  if (!open) return false; // indented code
  const lines = src.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  // inside a container the closing line carries the container's indent or quote marks before its own 0-3 spaces
  const indent = nested ? last.position.start.column - 1 : 0;
  const close = /^([ \t>]*)(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]);
  if (!close || (nested ? close[1].length > indent + 3 : !/^ {0,3}$/.test(close[1]))) return true;
  return !(close[2][0] === open[1][0] && close[2].length >= open[1].length);
}

const defined = new WeakMap<Root, boolean>();

function hasDefinitions(unit: Root): boolean {
  let known = defined.get(unit);
  if (known === undefined) defined.set(unit, (known = findDefinitions(unit)));
  return known;
}

function findDefinitions(unit: Root): boolean {
  let found = false;
  const visit = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (found) return;
      if (n.type === 'definition' || n.type === 'footnoteDefinition') found = true;
      else if ('children' in n) visit(n.children as RootContent[]);
    }
  };
  visit(unit.children);
  return found;
}

/** Where a top-level node of a tree parsed by units came from: its unit tree's own node, and the shift applied. */
export interface Origin {
  node: RootContent;
  offset: number;
  line: number;
}

const origins = new WeakMap<RootContent, Origin>();
/**
 * The copies of each unit tree's nodes last placed in a document, and where: one placement per unit of that text, in
 * document order (a text repeated, "## Lessons learned" over nothing, has one tree and a copy for each place).
 */
type Placed = { offset: number; line: number; children: RootContent[] };
const placed = new WeakMap<Root, Placed[]>();

/**
 * The unit tree node a top-level node was copied from: the same object for every parse in which its unit's text did
 * not change, so answers read from it can be reused (moved by the difference in shift). Undefined for a whole parse.
 */
export function originOf(node: RootContent): Origin | undefined {
  return origins.get(node);
}

/** The copies placed for a unit tree, and their origins, moved to a new place (`movesInPlace`). */
function moveTo(last: Placed, offset: number, line: number): void {
  moveInPlace(last.children, { offset: offset - last.offset, line: line - last.line });
  for (const c of last.children) {
    const origin = origins.get(c);
    if (origin) {
      origin.offset = offset;
      origin.line = line;
    }
  }
  last.offset = offset;
  last.line = line;
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

/**
 * The document's tree, parsed unit by unit (see the top of this file); `undefined` when it must be parsed whole
 * (definitions, or a single unit: nothing to gain).
 */
export function parseByUnits(text: string, parseOne: ParseOne, given?: UnitCache): Root | undefined {
  // Without a cache to reuse, splitting only pays on long documents (the parser is superlinear in length, and each
  // parse has a fixed cost: on the corpus, one parse per section was 18% slower than one per document).
  if (!given && text.length < ALONE_BELOW) return undefined;
  const starts = given ? unitStarts(text) : coarse(unitStarts(text), CHUNK);
  if (starts.length < 2 && !given) return undefined;
  const cache = given ?? new UnitCache();
  cache.parsed = 0;
  cache.reused = 0;
  cache.begin(text);
  const keep = new Map<string, Root>();
  const units: { start: number; end: number; tree: Root }[] = [];
  // a definition is written `[label]: …` (a footnote's `[^label]: …`): where `]:` never occurs no tree is walked for one
  const mayDefine = text.includes(']:');
  let k = 0;
  while (k < starts.length) {
    const start = starts[k];
    let end = k + 1 < starts.length ? starts[k + 1] : text.length;
    let tree = cache.take(text, start, end, parseOne, keep);
    // joined with the next unit while its last block may run on (an HTML block, an unclosed fence)
    while (k + 1 < starts.length && mayRunOn(tree, text, start, end)) {
      k++;
      end = k + 1 < starts.length ? starts[k + 1] : text.length;
      tree = cache.take(text, start, end, parseOne, keep);
    }
    if (mayDefine && hasDefinitions(tree)) return undefined;
    units.push({ start, end, tree });
    k++;
  }
  cache.settle(text, keep, units);
  const children: RootContent[] = [];
  let line = 0;
  /** Line breaks in the last unit's text (units follow each other, each from a line start). */
  let breaks = 0;
  // without a cache each unit tree is this parse's alone (but for units of the same text: one tree, copied for each)
  const seen = new Set<Root>();
  const repeated = new Set<Root>();
  /** How many of each unit tree's placements this parse has handed out (the k-th unit of a text takes the k-th). */
  const handed = new Map<Root, number>();
  if (!given) for (const u of units) (seen.has(u.tree) ? repeated : seen).add(u.tree);
  for (const u of units) {
    line += breaks;
    breaks = breaksOf(u.tree, text, u.start, u.end);
    // such a tree is moved in place, with no origins (nothing will ask for it again), not copied node by node
    if (!given && !repeated.has(u.tree)) {
      shiftInPlace(u.tree.children, { offset: u.start, line });
      pushAll(children, u.tree.children);
      continue;
    }
    // a unit at the same place as in the last parse hands out the same copies; one that moved, with a cache that
    // allows it, the same copies moved in place (each placement once per parse: a repeated text has one tree, a
    // copy per place)
    const k = handed.get(u.tree) ?? 0;
    handed.set(u.tree, k + 1);
    let all = placed.get(u.tree);
    const last = all?.[k];
    if (last && ((last.offset === u.start && last.line === line) || cache.movesInPlace)) {
      if (last.offset !== u.start || last.line !== line) moveTo(last, u.start, line);
      pushAll(children, last.children);
      continue;
    }
    const copies = u.tree.children.map((c) => {
      const copy = shifted(c, { offset: u.start, line });
      origins.set(copy, { node: c, offset: u.start, line });
      return copy;
    });
    if (!all) placed.set(u.tree, (all = []));
    all[k] = { offset: u.start, line, children: copies };
    pushAll(children, copies);
  }
  // a text now repeated fewer times keeps as many placements
  for (const [tree, count] of handed) {
    const all = placed.get(tree);
    if (all && all.length > count) all.length = count;
  }
  const lastLine = line + breaks;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lastLine + 1, column: text.length - lastBreak, offset: text.length } },
  };
}

/** One UnitCache per document, for the few documents edited last (a host keeps one of these). */
export class UnitCaches {
  private readonly byDoc = new Map<string, UnitCache>();

  /** `movesInPlace`: see UnitCache (for a host that keeps only each document's last result). */
  constructor(
    private readonly max = 8,
    private readonly movesInPlace = false,
  ) {}

  for(doc: string): UnitCache {
    let c = this.byDoc.get(doc);
    if (c) this.byDoc.delete(doc);
    else c = new UnitCache(this.movesInPlace);
    this.byDoc.set(doc, c);
    // the least recently linted documents give theirs up
    for (const old of this.byDoc.keys()) {
      if (this.byDoc.size <= this.max) break;
      this.byDoc.delete(old);
    }
    return c;
  }

  forget(doc: string): void {
    this.byDoc.delete(doc);
  }
}
