// Fixture harness: every markdown file in test/fixtures/ carries its expected findings inline, in a trailing
// comment the engine ignores:
//   <!-- expected
//   LINE rule-id [severity]
//   -->
// Lines are 1-based. The harness compares the exact set of (line, rule) pairs (and the severity where given),
// linting with a fixed "today" so that overdue findings don't change with the calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { rules } from '../../server/src/rules/index';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const TODAY = '2026-03-01';

export interface Expectation {
  line: number;
  rule: string;
  severity?: string;
}

export function expectations(text: string): Expectation[] | undefined {
  const m = /<!--\s*expected\s*\r?\n([\s\S]*?)-->/.exec(text);
  if (!m) return undefined;
  return m[1]
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [line, rule, severity] = l.split(/\s+/);
      return { line: Number(line), rule, severity };
    });
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort();
}

export function lintFixture(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')) {
  return lint(text, { filePath: `test/fixtures/${name}`, rootDir: ROOT, today: TODAY });
}

const key = (e: Expectation) => `${String(e.line).padStart(4)} ${e.rule}`;

for (const name of fixtureFiles()) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = expectations(text);
    assert.ok(expected, `${name} has no <!-- expected … --> block`);
    const { findings } = lintFixture(name, text);
    const got = findings.map((f) => ({ line: f.range.start.line + 1, rule: f.ruleId, severity: f.severity }));
    assert.deepEqual(got.map(key).sort(), expected.map(key).sort(), `${name}: findings (line rule) differ`);
    for (const e of expected.filter((x) => x.severity)) {
      const f = got.find((g) => g.line === e.line && g.rule === e.rule && g.severity === e.severity);
      assert.ok(f, `${name}:${e.line} ${e.rule} should have severity ${e.severity}`);
    }
  });
}

test('every rule has a fixture that expects it, and a docs page', () => {
  const all = fixtureFiles().map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  for (const r of rules) {
    assert.ok(all.some((t) => expectations(t)?.some((e) => e.rule === r.id)), `no fixture expects ${r.id}`);
    assert.ok(readdirSync(join(ROOT, 'docs/rules')).includes(`${r.id}.md`), `docs/rules/${r.id}.md is missing`);
  }
});

test('the CRLF fixture really has CRLF line endings', () => {
  const bytes = readFileSync(join(FIXTURES, 'crlf.md'), 'latin1');
  assert.ok(bytes.includes('\r\n'));
  assert.ok(!/[^\r]\n/.test(bytes), 'every line break is CRLF');
});
