// The markdown parser: remark-parse with GFM and YAML front matter, as `unified().use(remarkParse).use(remarkGfm)
// .use(remarkFrontmatter, ['yaml'])` parses, but each text is parsed with only the GFM extensions that can apply to it.
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
// Where neither can apply the tree is the same with or without them: test/unit/markdown-parse.test.ts compares this
// parser with remark-gfm's on every corpus file, fixture and evaluation document, and on generated text.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
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

/** remark-gfm's extensions in remark-gfm's order, without the table and/or autolink-literal ones when asked. */
function processorWith(table: boolean, autolink: boolean): Processor<Root> {
  return unified()
    .use(remarkParse)
    .data('micromarkExtensions', [
      ...(autolink ? [gfmAutolinkLiteral()] : []),
      gfmFootnote(),
      gfmStrikethrough(),
      ...(table ? [gfmTable()] : []),
      gfmTaskListItem(),
    ])
    .data('fromMarkdownExtensions', [
      [
        ...(autolink ? [gfmAutolinkLiteralFromMarkdown()] : []),
        gfmFootnoteFromMarkdown(),
        gfmStrikethroughFromMarkdown(),
        ...(table ? [gfmTableFromMarkdown()] : []),
        gfmTaskListItemFromMarkdown(),
      ],
    ])
    .use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
}

/** Index: 1 = tables, 2 = autolink literals. Built on first use. */
const processors: (Processor<Root> | undefined)[] = [];

/** The text may hold a GFM table: a `|`, or a `:` beside a `-` (a one-column delimiter row such as `:--`). */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}

const AUTOLINK_HINT = /[\w+.\\-]@|&|www[.\\]|https?[:\\]/i;

/** The text may hold an autolink literal (`www.…`, `http(s)://…`, an email address), also after decoding escapes and references. */
export function mayHoldAutolinkLiteral(text: string): boolean {
  return AUTOLINK_HINT.test(text);
}

/** Parses markdown to mdast exactly as remark-parse + remark-gfm + remark-frontmatter('yaml') does. May throw. */
export function parseMarkdownText(text: string): Root {
  const key = (mayHoldTable(text) ? 1 : 0) + (mayHoldAutolinkLiteral(text) ? 2 : 0);
  const p = (processors[key] ??= processorWith((key & 1) !== 0, (key & 2) !== 0));
  return p.parse(text);
}
