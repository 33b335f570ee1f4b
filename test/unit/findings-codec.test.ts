// A lint's findings cross from the lint thread as flat arrays (lsp/findings-codec.ts): what arrives must be what
// structured clone of the findings without their fixes would have delivered, for every finding of every document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lint, withoutFixes } from '../../server/src/lint/lint';
import { decodeFindings, encodeFindings } from '../../server/src/lsp/findings-codec';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'postmortems');
const mdFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)) : []);

test('findings cross the lint thread unchanged: rule, severity, message and both positions', () => {
  const files = [...mdFiles(CORPUS), ...mdFiles(join(ROOT, 'test', 'fixtures'))];
  assert.ok(files.length > 0);
  let seen = 0;
  for (const file of files) {
    const { tree: _tree, model: _model, ...rest } = lint(readFileSync(file, 'utf8'), { today: '2026-12-01', all: true });
    const expected = structuredClone({ ...rest, findings: rest.findings.map(withoutFixes) });
    // through a structured clone, as postMessage sends it
    const got = decodeFindings(structuredClone(encodeFindings(rest)));
    assert.deepEqual(got, expected, file);
    seen += got.findings.length;
  }
  assert.ok(seen > 100);
});

test('a document past the size limit keeps its one finding and why it was not linted', () => {
  const { tree: _tree, model: _model, ...rest } = lint(`# Postmortem\n\n## Timeline\n\n## Impact\n\n${'x'.repeat(2_000_001)}`, { all: true });
  const got = decodeFindings(structuredClone(encodeFindings(rest)));
  assert.deepEqual(got, structuredClone({ ...rest, findings: rest.findings.map(withoutFixes) }));
  assert.ok(got.limited);
  assert.equal(got.findings.length, 1);
});
