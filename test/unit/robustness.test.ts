// Never crash on any input, and never point outside the document: every CommonMark spec example, alone and inside an
// action items section, plus empty, huge, binary, CRLF, lone-surrogate, broken-front-matter and deeply nested text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/lint/lint';
import type { Range } from '../../server/src/model/types';
import { generatePostmortem } from '../../scripts/bench';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };
const TODAY = '2026-03-01';

/** The spec writes tabs as → ; the examples mean real tabs. */
const examples = spec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));

function inActionItems(example: string): string {
  return [
    '---',
    'type: postmortem',
    'title: Robustness',
    '---',
    '# Robustness',
    '',
    '## Summary',
    '',
    'The checkout API returned 503 for 12 minutes.',
    '',
    '## Action items',
    '',
    '- [ ] Alert when checkout p99 exceeds 1 s for 5 minutes — @alice, due 2026-02-01, P1',
    example,
    '- [ ] Better testing',
    '',
    '## Lessons learned',
    '',
    'We got lucky.',
    '',
  ].join('\n');
}

/** Checks one range against the document as an LSP editor sees it (vscode-languageserver-textdocument). */
function checkRange(doc: TextDocument, text: string, r: Range, what: string): string | undefined {
  for (const [name, p] of [['start', r.start], ['end', r.end]] as const) {
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) return `${what}: ${name} offset ${p.offset} outside 0..${text.length}`;
    const expected = doc.positionAt(p.offset);
    if (expected.line !== p.line || expected.character !== p.character) {
      return `${what}: ${name} offset ${p.offset} is ${expected.line}:${expected.character}, but the range says ${p.line}:${p.character}`;
    }
  }
  if (r.start.offset > r.end.offset) return `${what}: start ${r.start.offset} after end ${r.end.offset}`;
  return undefined;
}

/** Lints with every rule forced on and returns the problems found with ranges (empty when all is well). */
function rangeProblems(text: string): string[] {
  const doc = TextDocument.create('file:///robustness.md', 'markdown', 1, text);
  const result = lint(text, { all: true, today: TODAY, filePath: '/tmp/postmortems/robustness.md' });
  const problems: string[] = [];
  for (const f of result.findings) {
    const p = checkRange(doc, text, f.range, `finding ${f.ruleId}`);
    if (p) problems.push(p);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `finding ${f.ruleId} has a message`);
    for (const fix of f.fixes ?? []) {
      const sorted = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
      sorted.forEach((e, i) => {
        const q = checkRange(doc, text, e.range, `fix "${fix.title}" of ${f.ruleId}`);
        if (q) problems.push(q);
        if (typeof e.newText !== 'string') problems.push(`fix "${fix.title}" of ${f.ruleId}: newText is not a string`);
        // Overlapping edits are rejected by LSP clients: a fix whose edits overlap cannot be applied.
        if (i > 0 && sorted[i - 1].range.end.offset > e.range.start.offset) problems.push(`fix "${fix.title}" of ${f.ruleId}: overlapping edits`);
      });
    }
  }
  // The model's own ranges (sections, items, fields) are what hover, symbols and the reader view point at.
  walkRanges(result.model, (r, where) => {
    const p = checkRange(doc, text, r, `model ${where}`);
    if (p) problems.push(p);
  });
  return problems;
}

function isRange(v: unknown): v is Range {
  const r = v as Range;
  return !!r && typeof r === 'object' && !!r.start && !!r.end && typeof r.start.offset === 'number' && typeof r.end.offset === 'number';
}

function walkRanges(root: unknown, visit: (r: Range, where: string) => void): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string, depth: number) => {
    if (!v || typeof v !== 'object' || seen.has(v) || depth > 50) return;
    seen.add(v);
    if (isRange(v)) {
      visit(v, where);
      return;
    }
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'parent' || k === 'lines' || k === 'text') continue;
      walk(child, `${where}.${k}`, depth + 1);
    }
  };
  walk(root, 'model', 0);
}

describe('robustness: CommonMark spec examples', () => {
  it(`lints all ${examples.length} examples alone without throwing, every range inside the document`, () => {
    const failures: string[] = [];
    for (const ex of examples) {
      try {
        for (const p of rangeProblems(ex.markdown)) failures.push(`example ${ex.number} (${ex.section}) alone: ${p}`);
      } catch (e) {
        failures.push(`example ${ex.number} (${ex.section}) alone threw: ${(e as Error).stack}`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} problems`);
  });
  it(`lints all ${examples.length} examples inside an action items section without throwing, every range inside the document`, () => {
    const failures: string[] = [];
    for (const ex of examples) {
      for (const [variant, text] of [
        ['in action items', inActionItems(ex.markdown)],
        ['in action items, CRLF', inActionItems(ex.markdown).replace(/\r?\n/g, '\r\n')],
      ] as const) {
        try {
          for (const p of rangeProblems(text)) failures.push(`example ${ex.number} (${ex.section}) ${variant}: ${p}`);
        } catch (e) {
          failures.push(`example ${ex.number} (${ex.section}) ${variant} threw: ${(e as Error).stack}`);
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} problems`);
  });
});

describe('robustness: hostile inputs', () => {
  const cases: [string, () => string][] = [
    ['empty string', () => ''],
    ['only whitespace and line breaks', () => ' \n\r\n\r\t\n'],
    ['1 MB postmortem', () => generatePostmortem(1024 * 1024)],
    ['1 MB of one line', () => '- [ ] ' + 'x'.repeat(1024 * 1024)],
    ['random bytes as UTF-8', () => randomBytes(64 * 1024).toString('utf8')],
    ['random bytes as latin1', () => randomBytes(64 * 1024).toString('latin1')],
    ['random bytes inside action items', () => inActionItems(randomBytes(16 * 1024).toString('utf8'))],
    ['NUL bytes', () => inActionItems('- [ ] \u0000\u0000 fix \u0000 — @a\u0000b, due 2026-\u000002-01')],
    ['CRLF postmortem', () => generatePostmortem(8 * 1024).replace(/\n/g, '\r\n')],
    ['lone CR line breaks', () => generatePostmortem(8 * 1024).replace(/\n/g, '\r')],
    ['lone surrogates', () => inActionItems('- [ ] Fix \uD800 the \uDC00 cache — @al\uD83Dice, due 2026-02-01\n- \uDFFF\uD800')],
    ['astral characters and combining marks', () => inActionItems('- [ ] 🔥 Fix é̃ the 山田 cache — @山田太郎, due 2026-02-01, P1 ✅\n| 😀 | @😀 | 2026-02-01 |')],
    ['broken front matter', () => '---\ntitle: [unclosed\ntype: postmortem\n---\n# T\n## Action items\n- [ ] Better testing\n'],
    ['unterminated front matter', () => '---\ntype: postmortem\n## Action items\n- [ ] Better testing\n'],
    ['front matter that is not a mapping', () => '---\n- a\n- b\n---\n## Summary\nx\n## Action items\n- [ ] y\n'],
    ['front matter with YAML aliases', () => '---\na: &a [1,2]\nb: *a\ntype: postmortem\n---\n## Action items\n- [ ] y\n'],
    ['deeply nested lists', () => inActionItems(Array.from({ length: 120 }, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n'))],
    ['deeply nested block quotes', () => inActionItems('>'.repeat(2000) + ' deep')],
    ['deeply nested brackets and emphasis', () => inActionItems('- [ ] ' + '['.repeat(5000) + '*'.repeat(5000) + ' x ' + ']'.repeat(5000))],
    ['many headings', () => Array.from({ length: 1500 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Action items ${i}\n- [ ] Better testing`).join('\n')],
    ['huge table', () => inActionItems('| Action | Owner | Due |\n|---|---|---|\n' + Array.from({ length: 3000 }, (_, i) => `| Do ${i} | @x${i} | 2026-0${(i % 9) + 1}-01 |`).join('\n'))],
    ['a table with ragged rows', () => inActionItems('| Action | Owner | Due | Priority |\n|---|---|\n| a |\n| b | @c | d | e | f | g |\n|\n| | | |')],
    ['suppression comments, broken ones included', () =>
      inActionItems('<!-- postmortem-lint-disable -->\n- [ ] a\n<!-- postmortem-lint-enable nonexistent-rule -->\n<!-- postmortem-lint-configure-file { broken json -->\n<!-- postmortem-lint-configure-file {"rules": {"action-item-owner": ["error", {"x": [1]}]}} -->\n<!-- postmortem-lint-disable-next-line')],
  ];
  for (const [name, make] of cases) {
    it(`${name}: no throw, every range inside the document`, () => {
      const text = make();
      assert.deepEqual(rangeProblems(text).slice(0, 10), []);
    });
  }
  it('a postmortem that is not judged one (no --all) gets no findings and still parses', () => {
    const r = lint('# Project\n\n## Roadmap\n\n- [ ] Better testing\n', { today: TODAY });
    assert.equal(r.isPostmortem, false);
    assert.deepEqual(r.findings, []);
  });
});
