// HTML blocks in markdown read as the structure a reader sees: a blog post written in HTML (`<h2>What happened?</h2>`,
// `<ul><li>…</li></ul>`, `<p><b>Remediation plan:</b>`) has sections, list items and bold labels like one written in
// markdown. Each HTML block that holds a heading, a list or a paragraph is parsed with parse5 (the WHATWG parser, so
// a browser's reading: `<p>` closed by the next block, a `<ul>` written inside a `<ul>` nested under the item before
// it) and replaced, in the tree the model reads, by markdown nodes (heading, list, listItem, paragraph, strong, link,
// inlineCode, break, text) whose positions point into the source. Tags become `html` nodes (blanked wherever markdown's
// inline HTML is) and opaque ranges; text is prose. Only what a reader clearly sees becomes structure: headings, lists,
// and paragraphs (split where a blank line shows, `<br><br>`). Code, tables, quotations, scripts and comments stay
// opaque, as before. A block whose list is still open at its end (a blank line inside an `<li>` ends the HTML block
// in CommonMark, and the rest of the list is read as indented code) is read together with the blocks that continue it.
// Inline HTML inside a markdown paragraph is left alone. Pure; never throws (a block that fails to read stays as it was).
// The elements become markdown nodes in html-mdast.ts; html-regions.ts answers questions about the regions read.
import type { DefaultTreeAdapterTypes as P5 } from 'parse5';
import type { Heading, Root, RootContent } from 'mdast';
import type { LineIndex } from './types';
import { endOf, startOf } from './action-items/common';
import { isElement, readRegion } from './html-mdast';
import { memoByText } from './memo';
import { opensComment } from './scan';

/** The tree the model reads, and the HTML regions read into it. */
export interface HtmlReading {
  tree: Root;
  /** Source ranges of the HTML read as structure, in order; `opaque`: its tags, comments and code (never prose). */
  regions: { start: number; end: number; opaque: [number, number][] }[];
}

/** An HTML block worth parsing holds one of these (a cheap test before parse5 runs). */
const STRUCTURE_RE = /<(?:h[1-6]|ul|ol|li|p)[\s/>]/i;
/** Elements still open at a block's end that make the next blocks part of it (a list or code written across a blank line). */
const CONTINUED = new Set(['ul', 'ol', 'li', 'pre']);
/** Blocks that can continue an open list: raw HTML, and what CommonMark made of its indented or unmarked lines. */
const CONTINUATION = new Set(['html', 'code', 'paragraph']);
const MAX_JOINED = 16;
const MAX_REGION = 200_000;

/** The HTML title range of a heading read from HTML (its text, inside the tags): buildSections reads it. */
export function htmlTitleRange(h: Heading): [number, number] | undefined {
  return (h.data as { htmlTitle?: [number, number] } | undefined)?.htmlTitle;
}

/**
 * The tree with its HTML blocks read as structure. Costs one pass over the top-level nodes when there is no HTML block
 * (the same tree object comes back).
 */
export function readHtmlBlocks(tree: Root, text: string, lines: LineIndex): HtmlReading {
  const kids = tree.children;
  if (!kids.some((n) => n.type === 'html' && STRUCTURE_RE.test(n.value))) return { tree, regions: [] };
  const children: RootContent[] = [];
  const regions: HtmlReading['regions'] = [];
  // after a comment left open in an HTML block, a browser shows none of what follows: no HTML after it is read
  let hidden = false;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.type !== 'html' || hidden || !STRUCTURE_RE.test(n.value)) {
      if (n.type === 'html' && opensComment(n.value)) hidden = true;
      children.push(n);
      continue;
    }
    const start = startOf(n);
    let end = endOf(n);
    let j = i;
    let frag = parsed(text.slice(start, end));
    // a block that leaves a comment open ends the joining: what comes after it must not close that comment and so
    // change how the text before it reads (a "disable" comment inserted below would otherwise do that)
    while (frag && j + 1 < kids.length && j - i < MAX_JOINED && openAtEnd(frag) && !opensComment(text.slice(start, end)) && CONTINUATION.has(kids[j + 1].type) && endOf(kids[j + 1]) - start <= MAX_REGION) {
      j++;
      end = endOf(kids[j]);
      frag = parsed(text.slice(start, end));
    }
    // a block that leaves a comment open is broken HTML whose end a browser hides with all that follows: not read
    if (opensComment(text.slice(start, end))) hidden = true;
    const read = frag && !hidden ? readRegion(frag, start, end, text, lines) : undefined;
    if (!read) {
      children.push(n);
      continue;
    }
    for (const b of read.blocks) children.push(b);
    regions.push({ start, end, opaque: read.opaque });
    i = j;
  }
  return regions.length ? { tree: { ...tree, children }, regions } : { tree, regions: [] };
}

/**
 * parse5's reading of a block's source, remembered by text (an edit re-parses only the block it touched; the
 * fragments are only read, never changed).
 */
const parsed = memoByText((src: string): P5.DocumentFragment | undefined => {
  try {
    return parse5().parseFragment(src, { sourceCodeLocationInfo: true });
  } catch {
    return undefined;
  }
}, 200);

/**
 * parse5, loaded on the first HTML block: a document without one (nearly all) never pays for loading it (10–30 ms at
 * the start of every CLI run and server, bundled).
 */
let loaded: typeof import('parse5') | undefined;
function parse5(): typeof import('parse5') {
  return (loaded ??= require('parse5') as typeof import('parse5'));
}

/** A list or `<pre>` left open at the end of the block: the elements on its last path that no end tag closed. */
function openAtEnd(frag: P5.DocumentFragment): boolean {
  let node: P5.ParentNode = frag;
  for (;;) {
    const last: P5.ChildNode | undefined = node.childNodes[node.childNodes.length - 1];
    if (!last || !isElement(last) || last.sourceCodeLocation?.endTag) return false;
    if (CONTINUED.has(last.tagName)) return true;
    node = last;
  }
}
