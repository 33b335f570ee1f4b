// Markdown (mdast) → sanitised HTML for the reader view and the HTML export. Pure.
// remark-rehype drops raw HTML (no allowDangerousHtml), rehype-sanitize (GitHub's schema) removes scripts, event
// handlers and javascript: URLs, then our own pass adds heading anchors that work and `data-line` attributes so the
// webview can reveal a block in the editor, and `<mark>`s around ranges the caller names (what would leak to a public
// reader). Nothing the document writes can add attributes or elements after the sanitiser.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdRoot, RootContent } from 'mdast';
import type { Root as HastRoot, Element, ElementContent, RootContent as HastContent } from 'hast';

const CLOBBER = 'user-content-';
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'tr', 'pre', 'blockquote', 'table']);
const SAFE_HREF = /^(?:https?:|mailto:|#|[^:]*$)/i;

interface RenderOptions {
  /** 0-based line of the fragment's first line in the document (for data-line). */
  lineOffset?: number;
  /** Keep images from other hosts (http, https, //host). Default: a placeholder names the host instead. */
  remoteImages?: boolean;
  /** Source ranges to highlight with `<mark>` (added after the sanitiser: the class and title are ours). */
  marks?: Mark[];
  /** The document's text, so a mark can cut a text node exactly where the range starts and ends. */
  source?: string;
}

export interface Mark {
  start: number;
  end: number;
  className: string;
  title: string;
}

function markElement(m: Mark, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'mark', properties: { className: [m.className], title: m.title }, children };
}

/**
 * Wraps the marked source ranges in `<mark>`: inside a text node that is its source verbatim, exactly; otherwise
 * (escapes, code spans) the whole text node; a link or code span whose source holds a mark (a URL) as a whole.
 */
function applyMarks(tree: HastRoot, marks: Mark[], source: string | undefined): void {
  if (!marks.length) return;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const overlapping = (s: number, e: number) => sorted.filter((m) => m.start < e && m.end > s);
  let added = 0;
  const visit = (parent: HastRoot | Element) => {
    const out: (ElementContent | HastContent)[] = [];
    for (const child of parent.children) {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      const ms = s !== undefined && e !== undefined ? overlapping(s, e) : [];
      if (child.type === 'text' && ms.length && s !== undefined && e !== undefined) {
        added++;
        if (source === undefined || source.slice(s, e) !== child.value) {
          out.push(markElement(ms[0], [child]));
          continue;
        }
        let pos = s;
        for (const m of ms) {
          const a = Math.max(m.start, pos);
          const b = Math.min(m.end, e);
          if (b <= a) continue;
          if (a > pos) out.push({ type: 'text', value: source.slice(pos, a) });
          out.push(markElement(m, [{ type: 'text', value: source.slice(a, b) }]));
          pos = b;
        }
        if (pos < e) out.push({ type: 'text', value: source.slice(pos, e) });
        continue;
      }
      if (child.type === 'element') {
        const before = added;
        visit(child);
        if (added === before && ms.length && (child.tagName === 'a' || child.tagName === 'code')) {
          added++;
          out.push(markElement(ms[0], [child]));
          continue;
        }
      }
      out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  visit(tree);
}

/** An image source that would be fetched from another host (a tracking pixel phones home when it loads). */
const REMOTE_SRC = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

/** A remote image becomes a visible placeholder naming where it would come from; it is never fetched. */
function remotePlaceholder(el: Element, src: string): void {
  const alt = typeof el.properties.alt === 'string' && el.properties.alt.trim() ? el.properties.alt.trim() : 'image';
  let where = src;
  try {
    where = new URL(src, 'https://x.invalid/').host || src;
  } catch {
    // keep the text as written
  }
  el.tagName = 'span';
  el.properties = { className: ['remote-image'], title: `Remote image not loaded: ${src}` };
  el.children = [{ type: 'text', value: `[remote image not loaded: ${alt} (${where})]` }];
}

/** Heading ids like GitHub's: lower case, spaces to dashes, punctuation dropped, duplicates numbered. */
function slugger() {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s+/g, '-') || 'section';
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  };
}

function textOf(node: ElementContent | HastContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function walk(node: HastRoot | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child);
      walk(child, fn);
    }
  }
}

/** Before sanitising: heading ids (the sanitiser prefixes them with user-content-). */
function addHeadingIds() {
  return (tree: HastRoot) => {
    const slug = slugger();
    walk(tree, (el) => {
      if (/^h[1-6]$/.test(el.tagName) && !el.properties.id) el.properties.id = slug(textOf(el));
    });
  };
}

/** After sanitising: in-page links point at the prefixed ids, blocks carry their source line. */
function afterSanitize(options: RenderOptions) {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    walk(tree, (el) => {
      if (typeof el.properties.id === 'string') ids.add(el.properties.id);
    });
    walk(tree, (el) => {
      if (el.tagName === 'a' && typeof el.properties.href === 'string') {
        const href = el.properties.href;
        // Belt and braces: the sanitiser already dropped unsafe protocols.
        if (!SAFE_HREF.test(href.trim())) delete el.properties.href;
        else if (href.startsWith('#') && !ids.has(href.slice(1)) && ids.has(CLOBBER + href.slice(1))) el.properties.href = '#' + CLOBBER + href.slice(1);
      }
      if (el.tagName === 'img' && !options.remoteImages) {
        const src = typeof el.properties.src === 'string' ? el.properties.src : '';
        if (REMOTE_SRC.test(src) && !/^\s*data:/i.test(src)) remotePlaceholder(el, src);
      }
      if (BLOCKS.has(el.tagName) && el.position) el.properties.dataLine = el.position.start.line - 1 + (options.lineOffset ?? 0);
    });
    applyMarks(tree, options.marks ?? [], options.source);
  };
}

/** Render an mdast root (or a slice of one) to sanitised HTML. Never throws: a failure renders as an empty string. */
export function mdastToSafeHtml(tree: MdRoot, options: RenderOptions = {}): string {
  try {
    const processor = unified()
      .use(remarkRehype, { allowDangerousHtml: false })
      .use(addHeadingIds)
      .use(rehypeSanitize, defaultSchema)
      .use(afterSanitize, options)
      .use(rehypeStringify);
    const hast = processor.runSync(tree as never) as HastRoot;
    return String(processor.stringify(hast as never));
  } catch {
    return '';
  }
}

/**
 * A root holding `children` plus every link/footnote definition of `full` (so reference links in a slice still
 * resolve).
 */
export function sliceRoot(full: MdRoot, children: RootContent[]): MdRoot {
  const defs = full.children.filter((n) => (n.type === 'definition' || n.type === 'footnoteDefinition') && !children.includes(n));
  return { type: 'root', children: [...children, ...defs] };
}
