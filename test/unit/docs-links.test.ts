// Docs and links a user sees: no link to a domain that does not exist, README images that ship in the VSIX, rule
// pages without developer notes, and the words that tell a user snippets need Ctrl+Space in markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { rules as registry } from '../../server/src/rules/index';
import { ruleDocsPath, ruleDocsMarkdown } from '../../server/src/docs';
import { sectionPlacement } from '../../client/src/snippet-file';

const root = path.join(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

test('no user-facing file links to a placeholder domain', () => {
  const files = ['README.md', 'package.json', 'schemas/postmortemrc.schema.json', 'CHANGELOG.md', ...readdirSync(path.join(root, 'docs/rules')).map((f) => `docs/rules/${f}`)];
  for (const f of files) assert.doesNotMatch(read(f), /example\.invalid|\.invalid\//, f);
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  assert.doesNotMatch(pkg.scripts.package, /--base(Content|Images)Url/, 'vsce does not rewrite README links to a placeholder base');
});

test("the README's images exist, and the packaged README carries them inline (the Extensions page resolves no relative path)", async () => {
  const readme = read('README.md');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 4, JSON.stringify(images));
  for (const src of images) {
    assert.doesNotMatch(src, /^[a-z]+:/i, `${src} is relative in the repository`);
    assert.ok(existsSync(path.join(root, src)), `${src} exists`);
  }
  const { packageReadme } = (await import(path.join(root, 'scripts/package-readme.mjs'))) as { packageReadme: (t: string) => string };
  const packed = packageReadme(readme);
  const packedImages = [...packed.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.equal(packedImages.length, images.length);
  for (const src of packedImages) assert.match(src, /^data:image\/png;base64,[A-Za-z0-9+/]{1000,}={0,2}$/);
  const links = [...packed.matchAll(/(?<!!)\[[^\]]+\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(links.filter((h) => !/^(https?|mailto):/.test(h)), [], 'no link the Extensions page cannot open');
  assert.match(packed, /`action-item-owner` \| warning/, 'the rule table keeps its text');
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  assert.match(pkg.scripts.package, /package-readme\.mjs && vsce package .*--readme-path dist\/README\.md/);
});

test('every rule page ships, is found from the bundle or source, and holds no developer notes', () => {
  assert.ok(read('.vscodeignore').split('\n').includes('!docs/rules/**'));
  for (const r of registry) {
    assert.ok(existsSync(ruleDocsPath(r.id)), ruleDocsPath(r.id));
    const md = ruleDocsMarkdown(r.id)!;
    assert.match(md, new RegExp(`^# ${r.id}\\b`));
    assert.doesNotMatch(md, /precision|recall|node --import|scripts\/|test\/fixtures|corpus/i, `${r.id}.md is for users`);
  }
  assert.equal(ruleDocsMarkdown('../../package'), undefined, 'only rule ids become paths');
});

test('the README says snippets come with Ctrl+Space in markdown, and names their prefixes', () => {
  const readme = read('README.md');
  assert.match(readme, /Ctrl\+Space/);
  const snippets = JSON.parse(read('snippets/postmortem.code-snippets')) as Record<string, { prefix: string | string[] }>;
  const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
  for (const p of ['pm-timeline-entry', 'pm-action-row']) {
    assert.ok(prefixes.includes(p), p);
    assert.ok(readme.includes(`\`${p}\``), `README names ${p}`);
  }
});

test('"Insert Section…" keeps a blank line before the heading it inserts', () => {
  // the cursor on the empty line right under a list item: a blank line first
  assert.deepEqual(sectionPlacement('', '- Every key had the same TTL.'), { atLineEnd: false, prefix: '\n' });
  // under a blank line or at the top: nothing to add
  assert.deepEqual(sectionPlacement('', ''), { atLineEnd: false, prefix: '' });
  assert.deepEqual(sectionPlacement('', undefined), { atLineEnd: false, prefix: '' });
  // on a line with text: after it, with a blank line between
  assert.deepEqual(sectionPlacement('- Every key had the same TTL.', '## Contributing causes'), { atLineEnd: true, prefix: '\n\n' });
  assert.deepEqual(sectionPlacement('   ', 'text'), { atLineEnd: false, prefix: '\n' });
});
