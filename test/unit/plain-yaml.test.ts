// Front matter of `key: value` lines is read without the yaml package (model/plain-yaml.ts): wherever that reading
// answers, it must be exactly what `YAML.parse` returns (same keys, values and types), on the front matter of every
// document we have and on generated lines built from the characters YAML treats specially; where YAML would fail or
// read something else (floats, comments, escapes, lists), it must leave the text to the yaml package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { readPlainYaml } from '../../server/src/model/plain-yaml';

const ROOT = join(__dirname, '..', '..');
/** The front matter's lines (a first line `---` to the next line `---`). */
const FRONT_MATTER_RE = /^---[ \t]*\r?\n([^]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const OPTIONS = { strict: false, uniqueKeys: false, maxAliasCount: 50 };

function mdFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return mdFiles(p);
    return f.endsWith('.md') ? [p] : [];
  });
}

/** YAML.parse's answer, or 'throws'. */
function reference(text: string): unknown {
  try {
    return YAML.parse(text, OPTIONS) as unknown;
  } catch {
    return 'throws';
  }
}

function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return true;
  assert.deepEqual(fast, reference(text), JSON.stringify(text));
  return false;
}

test('every front matter we have reads as the yaml package reads it', () => {
  const files = [join(ROOT, '..', 'shared', 'corpus', 'postmortems'), join(ROOT, 'test', 'fixtures'), join(ROOT, 'test', 'eval'), join(ROOT, 'examples')].flatMap(mdFiles);
  let frontMatters = 0;
  let read = 0;
  for (const f of files) {
    const m = FRONT_MATTER_RE.exec(readFileSync(f, 'utf8'));
    if (!m) continue;
    frontMatters++;
    if (!agrees(m[1])) read++;
  }
  assert.ok(frontMatters > 10, `${frontMatters} front matters`);
  // most are plain `key: value` lines: the fast reading is used, not only checked against nothing
  assert.ok(read > frontMatters / 3, `${read} of ${frontMatters} read without the yaml package`);
});

test('the shapes front matter is written in', () => {
  const plain = ['title: Checkout outage, part 2', 'date: 2026-01-12', 'severity: SEV2', 'status:', 'published: true', 'draft: False', 'owner: ~', 'url: https://example.com/a?b=c', 'time: 10:30', 'tags: a [b] {c}', "summary: it's down", 'a: x%y@z&w*v!u|t>s', 'a:    spaced', 'weight: 40', 'nav_order: 007', "date: '2026-01-12'", 'title: "Post-mortem: Downtime on May 9"', "a: ''", 'a: ""', 'a: \u00a0b'];
  for (const line of plain) assert.equal(agrees(line), false, line);
  const left = ['a: 1.5', 'a: 1234567890123456', 'a: "x\\"y"', 'a: "x" y', "a: 'it''s'", 'a: .5', 'a: 0x1F', 'a: 1e3', 'a: -1', 'a: b # note', 'a: b ', 'tags: [a, b]', 'a: `x`', 'a: &x y', 'a: *x', 'a: !tag y', 'a: |', 'a: >', 'a: - b', 'a: b: c', '  a: b', 'a:\tb', 'a : b', 'null: x', 'True: x', '__proto__: x', '- a', '# comment', 'a: b\r', 'a: x\u0085y'];
  for (const line of left) assert.equal(readPlainYaml(line), undefined, line);
  assert.equal(readPlainYaml(''), undefined);
  assert.deepEqual(readPlainYaml('a: 1x\na: 2y'), { a: '2y' });
});

test('generated front matter: wherever it answers, the yaml package agrees', () => {
  const piece = fc.constantFrom('a', '\\', '""', "''", 'Z', '_', '-', ' ', '  ', ':', ': ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '~', '?', '.', '+', '0', '1', '9', 'e', 'x', 'o', 'true', 'True', 'null', 'NULL', '.inf', '2026-01-12', '\t', '\u00a0', '\u2028', 'é', '😀', '<<', '=');
  const word = fc.array(piece, { minLength: 0, maxLength: 6 }).map((p) => p.join(''));
  const line = fc.tuple(word, fc.constantFrom(':', ': ', ':  ', ' :'), word).map(([k, sep, v]) => `${k}${sep}${v}`);
  const doc = fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n'));
  fc.assert(
    fc.property(doc, (text) => {
      agrees(text);
    }),
    { numRuns: 6000, seed: 9 },
  );
});
