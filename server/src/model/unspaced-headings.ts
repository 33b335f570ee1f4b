// "##Summary", "###And why is this a separate module?": an ATX heading written without the space after its marks.
// CommonMark reads the line as a paragraph, but kramdown (Jekyll sites such as bitcoin.org's alerts) and many
// writers mean a heading, and a reader of the page sees one. Read as a heading so that its section counts.
import type { Heading, Root, RootContent } from 'mdast';
import { endOf, startOf } from './action-items/common';

/**
 * The tree with each top-level one-line paragraph `##Title` (two to six marks, then a letter, at most 80 characters)
 * read as a heading of that depth. A single `#` is not read ("#1 was merged", "#hashtag"). The same tree object comes
 * back when there is none (the parsed tree may be cached: never changed in place).
 */
export function readUnspacedHeadings(tree: Root, text: string): Root {
  let children: RootContent[] | undefined;
  tree.children.forEach((n, i) => {
    if (n.type !== 'paragraph' || n.children.length !== 1 || n.children[0].type !== 'text') return;
    const s = startOf(n);
    // every parse asks (every keystroke): a paragraph not opening with "##" is not sliced
    if (text.charCodeAt(s) !== HASH || text.charCodeAt(s + 1) !== HASH) return;
    const m = UNSPACED_RE.exec(text.slice(s, endOf(n)));
    if (!m) return;
    const marks = m[1].length as Heading['depth'];
    const textNode = n.children[0];
    if (textNode.value.slice(marks) !== m[2]) return; // an escape or entity in the title: leave the line as written
    const heading: Heading = {
      type: 'heading',
      depth: marks,
      children: [{ type: 'text', value: m[2], position: { start: { ...n.position!.start, column: n.position!.start.column + marks, offset: s + marks }, end: { ...n.position!.end } } }],
      position: n.position,
    };
    (children ??= [...tree.children])[i] = heading;
  });
  return children ? { ...tree, children } : tree;
}
const HASH = 0x23;
const UNSPACED_RE = /^(#{2,6})(\p{L}[^\n#]{0,79})$/u;
