// HTML read into markdown nodes (model/html-blocks.ts decides which blocks): parse5's elements become the mdast nodes
// a reader sees (heading, list, listItem, paragraph, strong, link, inlineCode, break, text), each with positions into
// the source; tags become `html` nodes and, with code, comments and embedded content, opaque ranges (never prose).
import type { DefaultTreeAdapterTypes as P5 } from 'parse5';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { LineIndex } from './types';
import { endOf, startOf } from './action-items/common';
import { NBSP } from './html-regions';

export const isElement = (n: P5.Node): n is P5.Element => 'tagName' in n;
const isText = (n: P5.Node): n is P5.TextNode => n.nodeName === '#text';

/**
 * Blocks whose content is never prose, kept whole as opaque: code, tables, quotations, scripts, and `<details>`, whose
 * content a reader sees only after opening it (an old list kept collapsed there is not the follow-ups).
 */
const OPAQUE_BLOCKS = new Set(['pre', 'table', 'blockquote', 'script', 'style', 'template', 'noscript', 'details', 'summary', 'dl', 'form']);
/** Inline elements whose content is never prose: code, controls and embedded content. */
const OPAQUE = new Set([...OPAQUE_BLOCKS, 'code', 'tt', 'kbd', 'samp', 'var', 'textarea', 'svg', 'math', 'iframe', 'object', 'select', 'video', 'audio', 'canvas', 'button']);
const CODE = new Set(['code', 'tt', 'kbd', 'samp', 'var']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'figure', 'figcaption', 'address', 'fieldset', 'hr']);
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };


interface Reader {
  base: number;
  text: string;
  lines: LineIndex;
  opaque: [number, number][];
}

export function readRegion(frag: P5.DocumentFragment, base: number, end: number, text: string, lines: LineIndex): { blocks: RootContent[]; opaque: [number, number][] } | undefined {
  const r: Reader = { base, text, lines, opaque: [] };
  const blocks: RootContent[] = [];
  readBlocks(frag.childNodes, r, blocks);
  if (!blocks.length) return undefined;
  const opaque = mergeRanges(r.opaque, base, end);
  return { blocks, opaque };
}

/** Ranges sorted, overlaps merged, kept inside [from, to). */
function mergeRanges(ranges: [number, number][], from: number, to: number): [number, number][] {
  const sorted = ranges.map(([s, e]): [number, number] => [Math.max(from, s), Math.min(to, e)]).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const point = (r: Reader, offset: number) => {
  const p = r.lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1, offset };
};
const position = (r: Reader, s: number, e: number) => ({ start: point(r, s), end: point(r, e) });

/** [start, end) of a parse5 node in the document, or undefined when parse5 made it up (an implied element). */
function span(n: P5.Node, r: Reader): [number, number] | undefined {
  const l = (n as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
  return l ? [r.base + l.startOffset, r.base + l.endOffset] : undefined;
}

/** Marks an element's own tags opaque; returns its inner range. */
function tagsOf(el: P5.Element, r: Reader): [number, number] | undefined {
  const l = el.sourceCodeLocation;
  if (!l) return undefined;
  const st = l.startTag;
  const et = l.endTag;
  if (st) r.opaque.push([r.base + st.startOffset, r.base + st.endOffset]);
  if (et) r.opaque.push([r.base + et.startOffset, r.base + et.endOffset]);
  return [r.base + (st ? st.endOffset : l.startOffset), r.base + (et ? et.startOffset : l.endOffset)];
}

function readBlocks(nodes: P5.ChildNode[], r: Reader, out: RootContent[]): void {
  let run: PhrasingContent[] = [];
  const flush = () => {
    for (const p of paragraphs(run, r)) out.push(p);
    run = [];
  };
  for (const n of nodes) {
    if (isText(n)) {
      const t = textNode(n, r);
      if (t) run.push(t);
      continue;
    }
    const s = span(n, r);
    if (!isElement(n)) {
      if (s) r.opaque.push(s);
      continue;
    }
    const tag = n.tagName;
    if (OPAQUE_BLOCKS.has(tag)) {
      flush();
      if (s) r.opaque.push(s);
    } else if (tag in HEADINGS) {
      flush();
      const h = heading(n, HEADINGS[tag], r);
      if (h) out.push(h);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const list = listOf(n, r);
      if (list) out.push(list);
    } else if (tag === 'li') {
      flush();
      const item = listItem(n, r);
      if (item) out.push({ type: 'list', ordered: false, spread: false, start: null, children: [item], position: item.position });
    } else if (BLOCKS.has(tag)) {
      flush();
      tagsOf(n, r);
      readBlocks(n.childNodes, r, out);
    } else {
      for (const c of inline(n, r)) run.push(c);
    }
  }
  flush();
}

/** Text as markdown's text node: the value decoded, the position over the source (entities and all), blanks trimmed later. */
function textNode(n: P5.TextNode, r: Reader): PhrasingContent | undefined {
  const s = span(n, r);
  if (!s || !n.value) return undefined;
  return { type: 'text', value: n.value, position: position(r, s[0], s[1]) };
}

const html = (r: Reader, s: number, e: number): PhrasingContent => ({ type: 'html', value: r.text.slice(s, e), position: position(r, s, e) });

/** The phrasing content of an inline element: strong, links, code, breaks; other tags (span, font, em) as HTML around their text. */
function inline(el: P5.Element, r: Reader): PhrasingContent[] {
  const s = span(el, r);
  if (!s) return [];
  const tag = el.tagName;
  if (OPAQUE.has(tag) || !el.childNodes.length) {
    r.opaque.push(s);
    if (tag === 'br') return [{ type: 'break', position: position(r, s[0], s[1]) }];
    if (CODE.has(tag)) return [{ type: 'inlineCode', value: textContent(el), position: position(r, s[0], s[1]) }];
    return [html(r, s[0], s[1])];
  }
  const inner = tagsOf(el, r)!;
  const kids = phrasing(el.childNodes, r);
  const st = el.sourceCodeLocation?.startTag;
  const et = el.sourceCodeLocation?.endTag;
  const open = st ? [html(r, r.base + st.startOffset, r.base + st.endOffset)] : [];
  const close = et ? [html(r, r.base + et.startOffset, r.base + et.endOffset)] : [];
  if ((tag === 'b' || tag === 'strong') && kids.length) {
    return [...open, { type: 'strong', children: kids, position: position(r, inner[0], inner[1]) } as PhrasingContent, ...close];
  }
  const href = tag === 'a' ? el.attrs.find((a) => a.name === 'href')?.value : undefined;
  if (href !== undefined && kids.length) return [{ type: 'link', url: href, title: null, children: kids, position: position(r, s[0], s[1]) } as PhrasingContent];
  return [...open, ...kids, ...close];
}

function phrasing(nodes: P5.ChildNode[], r: Reader): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (isText(n)) {
      const t = textNode(n, r);
      if (t) out.push(t);
    } else if (isElement(n)) {
      for (const c of inline(n, r)) out.push(c);
    } else {
      const s = span(n, r);
      if (s) r.opaque.push(s);
    }
  }
  return out;
}

function textContent(n: P5.Node): string {
  if (isText(n)) return n.value;
  return 'childNodes' in n ? (n.childNodes as P5.Node[]).map(textContent).join('') : '';
}

/** Whether phrasing content has a letter or digit a reader would read. */
const hasWords = (c: PhrasingContent): boolean =>
  c.type === 'text' ? /[\p{L}\p{N}]/u.test(c.value) : c.type === 'inlineCode' ? true : 'children' in c && c.children.some(hasWords);

/** How many characters of blanks (white space and no-break space references) `raw` starts with, or ends with. */
function blankRun(raw: string, head: boolean): number {
  let n = 0;
  const lower = raw.toLowerCase();
  for (;;) {
    const c = head ? raw[n] : raw[raw.length - 1 - n];
    if (c !== undefined && /\s/.test(c)) {
      n++;
      continue;
    }
    const ref = NBSP.find((r) => (head ? lower.startsWith(r, n) : lower.endsWith(r, raw.length - n)));
    if (!ref || n + ref.length > raw.length) return n;
    n += ref.length;
  }
}

/** `content` without the tags, breaks and blanks at either end (the edges of a text node moved onto its words). */
function trimmed(content: PhrasingContent[], r: Reader): PhrasingContent[] {
  let a = 0;
  let b = content.length;
  const blank = (c: PhrasingContent) => c.type === 'html' || c.type === 'break' || (c.type === 'text' && !c.value.trim());
  while (a < b && blank(content[a])) a++;
  while (b > a && blank(content[b - 1])) b--;
  const out = content.slice(a, b);
  const edge = (i: number, head: boolean) => {
    const c = out[i];
    if (c?.type !== 'text' || !c.position) return;
    const s = startOf(c);
    const e = endOf(c);
    const raw = r.text.slice(s, e);
    const cut = Math.min(raw.length, blankRun(raw, head));
    if (!cut) return;
    const [ns, ne] = head ? [s + cut, e] : [s, e - cut];
    out[i] = { type: 'text', value: head ? c.value.trimStart() : c.value.trimEnd(), position: position(r, ns, ne) };
  };
  edge(0, true);
  edge(out.length - 1, false);
  return out;
}

/** Paragraphs of a run of phrasing content: one, or one per part where two line breaks in a row show a blank line. */
function paragraphs(run: PhrasingContent[], r: Reader): Paragraph[] {
  const parts: PhrasingContent[][] = [[]];
  let breaks = 0;
  for (const c of run) {
    if (c.type === 'break') breaks++;
    else if (c.type !== 'html' && !(c.type === 'text' && !c.value.trim())) {
      if (breaks >= 2) parts.push([]);
      breaks = 0;
    }
    parts[parts.length - 1].push(c);
  }
  const out: Paragraph[] = [];
  for (const part of parts) {
    const kids = trimmed(part, r);
    if (!kids.some(hasWords)) continue;
    out.push({ type: 'paragraph', children: kids, position: position(r, startOf(kids[0]), endOf(kids[kids.length - 1])) });
  }
  return out;
}

function heading(el: P5.Element, depth: Heading['depth'], r: Reader): Heading | undefined {
  const s = span(el, r);
  tagsOf(el, r);
  const kids = trimmed(phrasing(el.childNodes, r), r);
  if (!s || !kids.some(hasWords)) return undefined;
  return { type: 'heading', depth, children: kids, position: position(r, s[0], s[1]), data: { htmlTitle: [startOf(kids[0]), endOf(kids[kids.length - 1])] } as Heading['data'] };
}

function listOf(el: P5.Element, r: Reader): List | undefined {
  const s = span(el, r);
  tagsOf(el, r);
  const items: ListItem[] = [];
  for (const c of el.childNodes) {
    if (!isElement(c)) {
      const cs = span(c, r);
      if (cs && !isText(c)) r.opaque.push(cs);
      continue;
    }
    if (c.tagName === 'li') {
      const item = listItem(c, r);
      if (item) items.push(item);
    } else if (c.tagName === 'ul' || c.tagName === 'ol') {
      // a list written right inside a list shows indented under the item before it: that item's sub-list
      const sub = listOf(c, r);
      const last = items[items.length - 1];
      if (sub && last) {
        last.children.push(sub);
        last.position = position(r, startOf(last), Math.max(endOf(last), endOf(sub)));
      } else if (sub) for (const i of sub.children) items.push(i);
    } else {
      const cs = span(c, r);
      if (cs) r.opaque.push(cs);
    }
  }
  if (!s || !items.length) return undefined;
  const startAttr = Number(el.attrs.find((a) => a.name === 'start')?.value);
  const ordered = el.tagName === 'ol';
  return { type: 'list', ordered, start: ordered ? (Number.isInteger(startAttr) ? startAttr : 1) : null, spread: false, children: items, position: position(r, s[0], s[1]) };
}

function listItem(el: P5.Element, r: Reader): ListItem | undefined {
  const s = span(el, r);
  tagsOf(el, r);
  const children: RootContent[] = [];
  readBlocks(el.childNodes, r, children);
  if (!s || !children.length) return undefined;
  // an item without an end tag ends where its content does (parse5 stretches it over the blanks up to the next tag)
  const end = el.sourceCodeLocation?.endTag ? s[1] : Math.max(endOf(children[children.length - 1]), s[0]);
  return { type: 'listItem', spread: false, checked: null, children: children as ListItem['children'], position: position(r, s[0], end) };
}
