// The index's light reading (archive/light.ts via archive/entry.ts readArchive) must give exactly the record the whole
// parse gives: over the corpus, the fixtures and a generated archive, read as postmortems by their path (so the light
// reading is tried on every one of them) and as they are.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readArchive, readArchiveEntry } from '../../server/src/archive/entry';
import { lightRead, passOneNodes } from '../../server/src/archive/light';
import { generateArchive } from '../../scripts/archive-gen';

const CORPUS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'postmortems');
const FIXTURES = join(__dirname, '..', 'fixtures');
const TODAY = '2026-11-30';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.md$/i.test(d.name) && !join(d.parentPath, d.name).includes('node_modules'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Compares light and whole readings of every file, both as it is and placed in a postmortems/ folder. */
function compare(files: string[], root: string): { light: number; total: number } {
  let light = 0;
  let total = 0;
  for (const abs of files) {
    const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    const rel = relative(root, abs);
    for (const filePath of [abs, join(root, 'postmortems', rel)]) {
      const o = { file: rel, filePath, rootDir: root, today: TODAY };
      total++;
      if (lightRead(text, o)) light++;
      const read = readArchive(text, o);
      assert.deepEqual(read.entry, readArchiveEntry(text, o), `${rel} read from ${filePath}`);
      // the owners offered across the workspace: the same as a whole lint's model names
      assert.deepEqual(read.owners, readArchive(text, { ...o, findings: true }).owners, `${rel}'s owners read from ${filePath}`);
    }
  }
  return { light, total };
}

describe('light reading for the workspace index', () => {
  test('the corpus: the same records as the whole parse', { skip: !existsSync(CORPUS_DIR) && 'no ../shared/corpus beside the repository' }, () => {
    const r = compare(markdownFiles(CORPUS_DIR), CORPUS_DIR);
    // most corpus documents are read lightly once their path makes them postmortems
    assert.ok(r.light >= r.total / 4, `light readings: ${r.light} of ${r.total}`);
  });

  test('the fixtures: the same records as the whole parse', () => {
    compare(markdownFiles(FIXTURES), FIXTURES);
  });

  test('a generated archive: the same records, nearly all read lightly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pml-light-'));
    try {
      generateArchive(dir, 150, 5);
      const r = compare(markdownFiles(dir), dir);
      assert.ok(r.light >= r.total * 0.45, `light readings: ${r.light} of ${r.total}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("front matter and headings built from the lines are the parser's nodes, or are parsed", () => {
    const dir = mkdtempSync(join(tmpdir(), 'pml-light-'));
    try {
      generateArchive(dir, 150, 5);
      const texts = [...(existsSync(CORPUS_DIR) ? markdownFiles(CORPUS_DIR) : []), ...markdownFiles(FIXTURES), ...markdownFiles(dir)].map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
      const odd = ['---\ntitle: x\n---\n# Hello  world  ##  \n## a #b\n###   x   #\n## Foo #\n#### 5. Tasks: all of them (2026)\n', '# Tab\there\n', '# *Em*\n', '# www.example.com\n', '# a@b.co\n', '#\n', '## ##\n', '---\n---\n# x\n', '---  \na: 1\n---\n# x\n'];
      let built = 0;
      let total = 0;
      for (const text of [...texts, ...odd]) {
        const r = passOneNodes(text);
        if (!r) continue;
        total++;
        if (!r.built) continue;
        built++;
        assert.deepEqual(r.built, r.parsed, JSON.stringify(text.slice(0, 80)));
      }
      assert.ok(built >= total * 0.6, `built from lines: ${built} of ${total}`);
      assert.ok(passOneNodes(odd[0])?.built, 'closing #s, inner spaces and punctuation are built from the lines');
      // anything inline, or a tab, goes to the parser
      for (const t of odd.slice(1)) assert.equal(passOneNodes(t)?.built, undefined, JSON.stringify(t));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('what could reach across blanked lines sends the document to the whole parse', () => {
    const fm = '---\ntype: postmortem\n---\n# Outage\n\n';
    const o = { filePath: '/x/a.md', rootDir: '/x' };
    assert.ok(lightRead(`${fm}## Summary\n\nText.\n\n## Action items\n\n- [ ] Fix it — @a, due 2026-01-01\n`, o));
    for (const risky of ['[ref]: https://example.com\n', '<div>\n# not a heading\n</div>\n', 'Title\n=====\n', '  ```\ncode\n  ```\n', '| Action | Owner |\n|---|---|\n| Fix | @a |\n', '**TODO**: rotate keys\n', '**Action items**:\n\n- fix\n']) {
      assert.equal(lightRead(`${fm}## Summary\n\n${risky}\n## Action items\n\n- [ ] Fix it\n`, o), undefined, JSON.stringify(risky));
    }
  });
});
