// The markdown parser: remark-parse with GFM and YAML front matter, as `unified().use(remarkParse).use(remarkGfm)
// .use(remarkFrontmatter, ['yaml'])` parses, but each text is parsed with only the GFM extensions that can apply to it,
// by a parser built once for each set of extensions (model/markdown-parser.ts).
//
// Two of the five GFM extensions cost about half of a parse on the corpus whether or not the text uses them: a table is
// tried at the start of every block, and an email autolink at every letter or digit of every paragraph (plus a pass
// over the finished tree for URLs and addresses). They are left out of a parse where they cannot match:
// - a table needs a delimiter row with a `|`, or a `:` next to a `-` (`:--`, `--:`); escapes keep those characters and a
//   character reference never acts as table syntax;
// - an autolink literal needs `www.` or `http:` / `https:` in the text (any case), or an `@` right after an email's
//   local part (`[A-Za-z0-9_+.-]`), both in micromark's constructs and in the mdast transform that reads the decoded
//   text: "HTTP 503" or an `@` after a space ("owner @alice") starts none. A backslash escape keeps letters and `@`, and
//   where it spells the `.`, `:` or `@` (`www\.`, `http\:`, `a\@b`) the backslash itself keeps the extension; only a
//   character reference (`&…;`) can make them appear otherwise, so any `&` keeps the extension too.
// - of the autolink literal's constructs, the email one is tried at every letter and digit of every paragraph (most of
//   the extension's cost): it consumes letters, digits and `+-._`, then needs a literal `@` (a reference or an escape
//   never spells one to micromark's tokenizer), so a text without `[\w+.-]@` is parsed with the `www.` and `http(s)://`
//   constructs only; the mdast transform still reads the decoded text (any `&` keeps it).
// Where neither can apply the tree is the same with or without them: test/unit/markdown-parse.test.ts compares this
// parser with remark-gfm's on every corpus file, fixture and evaluation document, and on generated text.
// The same test keeps the mdast transform for autolink literals (a find-and-replace over every text node, ~5% of a
// lint of the corpus) to the top-level blocks whose own source could hold one: a text node's value comes from its
// block's source, so a block without the hint has nothing for it to find.
import type { Nodes, Root, RootContent } from 'mdast';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { markdownParser } from './markdown-parser';

/**
 * A parser with remark-gfm's extensions in remark-gfm's order, without the table and/or autolink-literal ones when
 * asked, then remark-frontmatter's (as `unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])`).
 */
function parserWith(table: boolean, autolink: boolean, email: boolean, frontMatter: boolean): (text: string) => Root {
  return markdownParser(
    [
      ...(autolink ? [email ? gfmAutolinkLiteral() : urlAutolinkLiteral()] : []),
      gfmFootnote(),
      gfmStrikethrough(),
      ...(table ? [gfmTable()] : []),
      gfmTaskListItem(),
      ...(frontMatter ? [frontmatter(['yaml'])] : []),
    ],
    [
      ...(autolink ? [{ ...gfmAutolinkLiteralFromMarkdown(), transforms: [] }] : []),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      ...(table ? [gfmTableFromMarkdown()] : []),
      gfmTaskListItemFromMarkdown(),
      ...(frontMatter ? [frontmatterFromMarkdown(['yaml'])] : []),
    ],
  );
}

/** Index: 1 = tables, 2 = autolink literals, 4 = front matter, 8 = email autolink literals. Built on first use. */
const parsers: ((text: string) => Root)[] = [];

type TextConstructs = Record<number, { name?: string } | { name?: string }[]>;

/**
 * The autolink-literal extension without its email construct: the `www.` and `http(s)://` constructs, taken from the
 * extension's own table ('h', 'H', 'w', 'W' hold the email construct, then theirs); the whole extension if its table
 * is not laid out so (another version of the package).
 */
function urlAutolinkLiteral(): ReturnType<typeof gfmAutolinkLiteral> {
  const whole = gfmAutolinkLiteral();
  const text = whole.text as TextConstructs | undefined;
  const url: TextConstructs = {};
  for (const [code, name] of [[72, 'protocolAutolink'], [104, 'protocolAutolink'], [87, 'wwwAutolink'], [119, 'wwwAutolink']] as const) {
    const list = text?.[code];
    const construct = Array.isArray(list) ? list.find((c) => c.name === name) : undefined;
    if (!construct || !Array.isArray(list) || list.length !== 2 || list[0]?.name !== 'emailAutolink') return whole;
    url[code] = construct;
  }
  return { text: url } as ReturnType<typeof gfmAutolinkLiteral>;
}

/** The text may hold an email autolink literal for micromark's tokenizer: an `@` right after `[A-Za-z0-9_+.-]`. */
const EMAIL_HINT = /[\w+.-]@/;

/** The text may hold a GFM table: a `|`, or a `:` beside a `-` (a one-column delimiter row such as `:--`). */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}

const AUTOLINK_HINT = /[\w+.\\-]@|&|www[.\\]|https?[:\\]/i;
/** AUTOLINK_HINT, global: where each hint starts. */
const AUTOLINK_HINTS = new RegExp(AUTOLINK_HINT.source, 'gi');
/** mdast-util-gfm-autolink-literal's transform: literal URLs and addresses in text nodes become links. */
const linkLiterals = gfmAutolinkLiteralFromMarkdown().transforms?.[0] as ((tree: Root) => void) | undefined;
/** Blocks whose children are text (phrasing): the autolink transform's text nodes are in these. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Blocks of blocks, looked into; any other node with children is handed to the transform whole. */
const BLOCK_CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition', 'table', 'tableRow']);

/**
 * The autolink-literal transform over the blocks of text in `tree` whose source (in `text`) holds a hint: a text
 * node's value comes from its block's own source, so a block without a hint has nothing for it to find.
 */
function transformAutolinkLiterals(tree: Root, text: string): void {
  const hints: number[] = [];
  AUTOLINK_HINTS.lastIndex = 0;
  for (let m = AUTOLINK_HINTS.exec(text); m; m = AUTOLINK_HINTS.exec(text)) {
    hints.push(m.index);
    AUTOLINK_HINTS.lastIndex = m.index + 1;
  }
  const blocks: Nodes[] = [];
  let h = 0;
  const visit = (nodes: readonly Nodes[]) => {
    for (const n of nodes) {
      if (!('children' in n)) continue;
      if (BLOCK_CONTAINERS.has(n.type)) {
        visit(n.children as Nodes[]);
        continue;
      }
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      if (PHRASING_BLOCKS.has(n.type) && s !== undefined && e !== undefined) {
        // blocks come in source order: the hints before this one are behind every later block too
        while (h < hints.length && hints[h] < s) h++;
        if (h === hints.length || hints[h] >= e) continue;
      }
      blocks.push(n);
    }
  };
  visit(tree.children);
  // a block's ancestors are not read by the transform but to skip text in links, and no link holds a block
  if (blocks.length) linkLiterals?.({ type: 'root', children: blocks as RootContent[] });
}

/** The text may hold an autolink literal (`www.…`, `http(s)://…`, an email address), also after decoding escapes and references. */
export function mayHoldAutolinkLiteral(text: string): boolean {
  return AUTOLINK_HINT.test(text);
}

/** Parses markdown to mdast as remark-parse + remark-gfm + remark-frontmatter('yaml') does (but see opensFrontMatter). May throw. */
export function parseMarkdownText(text: string): Root {
  const autolink = mayHoldAutolinkLiteral(text);
  const key = (mayHoldTable(text) ? 1 : 0) + (autolink ? 2 : 0) + (opensFrontMatter(text) ? 4 : 0) + (autolink && EMAIL_HINT.test(text) ? 8 : 0);
  const parser = (parsers[key] ??= parserWith((key & 1) !== 0, (key & 2) !== 0, (key & 8) !== 0, (key & 4) !== 0));
  const tree = parser(text);
  if (key & 2) transformAutolinkLiterals(tree, text);
  return tree;
}

/**
 * The text opens with a closed YAML front matter: a first line `---` and a later line `---` (trailing blanks allowed),
 * as micromark-extension-frontmatter matches it. Only then is the extension used: after a first line `---` that is
 * never closed, it leaves every later list and block quote a paragraph (micromark-extension-frontmatter#5), where
 * CommonMark reads a thematic break and the lists as lists; elsewhere it cannot match at all.
 */
export function opensFrontMatter(text: string): boolean {
  const open = OPEN_RE.exec(text);
  return open !== null && CLOSE_RE.test(text.slice(open[0].length - 1));
}
const OPEN_RE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE_RE = /[\r\n]---[ \t]*(?:[\r\n]|$)/;
