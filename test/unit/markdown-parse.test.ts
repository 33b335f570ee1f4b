// The markdown parser leaves out the GFM table and autolink-literal extensions where a text cannot use them, and the
// email autolink construct where a text has no `@` after an email's characters (model/markdown.ts): the tree must be exactly remark-gfm's, with every extension, on every document we have, on each
// of their sections alone (as the server parses them), and on generated text built from the characters that make or
// almost make tables and autolinks (pipes, colons beside dashes, `@`, `www`, `http`, references, escapes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { mayHoldAutolinkLiteral, mayHoldTable, parseMarkdownText } from '../../server/src/model/markdown';
import { unitStarts } from '../../server/src/model/parse-units';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'postmortems');

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const commonMark = unified().use(remarkParse).use(remarkGfm);
/**
 * remark-gfm's tree, with remark-frontmatter's where it finds front matter. Where it finds none, CommonMark's: after
 * an unclosed first line `---` remark-frontmatter leaves every later list a paragraph (micromark-extension-frontmatter
 * issue 5), which is not how any markdown reader shows the document.
 */
const reference = {
  parse(text: string) {
    const tree = withFrontMatter.parse(text);
    return tree.children[0]?.type === 'yaml' ? tree : commonMark.parse(text);
  },
};

function mdFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return mdFiles(p);
    return f.endsWith('.md') ? [p] : [];
  });
}

const DOCS = [CORPUS, join(ROOT, 'test', 'fixtures'), join(ROOT, 'test', 'eval'), join(ROOT, 'examples'), join(ROOT, 'docs')].flatMap(mdFiles);

function assertSameTree(text: string, where: string): void {
  assert.deepStrictEqual(parseMarkdownText(text), reference.parse(text), `${where}: ${JSON.stringify(text.slice(0, 200))}`);
}

test('every document and each of its sections parse as with all of remark-gfm', () => {
  assert.ok(DOCS.length > 150, `found only ${DOCS.length} documents`);
  let without = 0;
  for (const file of DOCS) {
    const text = readFileSync(file, 'utf8');
    assertSameTree(text, file);
    const starts = [...unitStarts(text), text.length];
    for (let k = 0; k + 1 < starts.length; k++) {
      const unit = text.slice(starts[k], starts[k + 1]);
      assertSameTree(unit, `${file} section ${k}`);
      if (!mayHoldTable(unit) || !mayHoldAutolinkLiteral(unit)) without++;
    }
  }
  // the comparison is only worth something if the shortcut is taken: most sections leave an extension out
  assert.ok(without > 500, `only ${without} sections were parsed without an extension`);
});

/** Pieces that make, or nearly make, a table or an autolink literal, and the markdown around them. */
const PIECES = [
  '|', '| a | b |', '|---|---|', ':--', '--:', ':-:', '-', '---', ':', ' ', '\t', '\n', '\n\n', '\r\n', 'a', 'x y', '1.',
  '@', ' @alice', '+', 'a.b', 'HTTP 503', 'http\\:', 'a@b.co', 'me@example.com', 'www', 'www.', 'WWW.example.com', 'http', 'http://', 'HTTPS://x.org/a_(b)', 'mailto:',
  'xmpp:', '&', '&amp;', '&#64;', '&#x40;', '&commat;', '&#119;ww.', '&#124;', '\\', '\\|', '\\@', 'ww\\w.', '\\.',
  '`', '``', '*', '**', '_', '~', '~~', '[', ']', '(', ')', '[x](y)', '<', '>', '<http://a.b>', '<!--', '-->', '> ',
  '- ', '* ', '1. ', '- [ ] ', '# ', '## ', '    ', '```\n', '[^1]', '[^1]: n\n', '[a]: /u\n', '---\ntitle: t\n---\n',
];

test('generated text parses as with all of remark-gfm', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepStrictEqual(parseMarkdownText(text), reference.parse(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});

test('a table written without pipes, and links spelled with references, are still found', () => {
  // the characters the shortcuts look for, in the least obvious spellings
  for (const text of ['Cause\n:--\nDNS\n', 'a\n--:\nb\n', 'write to alice&#64;example.com\n', 'see ww&#119;.example.com\n', 'see www\\.example.com\n', 'ask alice\\@example.com\n', 'owner @alice, ask a_b+c-d@example.com\n', 'HTTP 503 from http\\://example.com\n', 'see WWW\\.example.com\n',
    // a URL and no email for the tokenizer: the www / http(s) constructs alone, the transform still on the decoded text
    'see https://example.com/a_b_c_ and www.example.org\n', 'ask alice\\@example.com, see https://x.org\n', 'ask alice&#64;example.com at www.x.org\n', 'owner @alice: http://x.org/@bob\n']) {
    assertSameTree(text, 'spelling');
  }
  const table = parseMarkdownText('Cause\n:--\nDNS\n');
  assert.equal(table.children[0]?.type, 'table');
  const email = parseMarkdownText('write to alice&#64;example.com\n');
  assert.ok(JSON.stringify(email).includes('"url":"mailto:alice@example.com"'));
});

test('a first line --- that is never closed is a thematic break, and the lists after it stay lists', () => {
  // a writer who opens front matter and has not closed it yet, or starts the page with a rule
  for (const text of ['---\ntype: postmortem\n# Outage\n## Action items\n- @bob add a retry cap\n- Owner: sam\n', '---\n\n# Outage\n\n> quoted\n\n- a\n']) {
    const types = parseMarkdownText(text).children.map((n) => n.type);
    assert.equal(types[0], 'thematicBreak');
    assert.ok(types.includes('list'), `no list in ${JSON.stringify(types)}`);
  }
  assert.equal(parseMarkdownText('---\ntype: postmortem\n---\n- a\n').children[0]?.type, 'yaml');
});

test('a link definition or footnote in one text does not define it for the next', () => {
  // the parser is built once per extension set and reused: what one postmortem defines must not leak into the next
  // (both texts hold a URL, so both are parsed with the same extensions)
  const defines = '## Timeline\n\nSee [runbook] and the note[^1].\n\n[runbook]: https://wiki.example/runbook\n[^1]: Paged twice.\n';
  const uses = '## Timeline\n\nSee [runbook] (not https://wiki.example) and the note[^1].\n';
  assertSameTree(defines, 'defines');
  assertSameTree(uses, 'uses after defines');
  assert.ok(!JSON.stringify(parseMarkdownText(uses)).includes('Reference'), 'a reference resolved by an earlier text');
  // a text whose lists and fences are left open does not leave its state to the next one either
  assertSameTree('- [ ] a\n  ```\n  b\n', 'open fence in a list');
  assertSameTree('1. first\n\n   second\n', 'after an open fence');
});
