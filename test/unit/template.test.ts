// A fresh "New Postmortem" must not pass: every blank and prompt the product writes is reported until it is replaced,
// and the incident date is a tab stop the writer fills, not today's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SNIPPETS = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<string, { body: string | string[] }>;
const body = (name: string) => {
  const b = SNIPPETS[name].body;
  return Array.isArray(b) ? b.join('\n') : b;
};

/** The snippet as VS Code inserts it when the writer only presses Tab: defaults, first choices, mirrors. */
function expand(snippet: string): string {
  const defaults = new Map<string, string>();
  let out = snippet.replace(/\$\{(\d+):([^{}]*)\}/g, (_, n: string, d: string) => (defaults.set(n, d), d));
  out = out.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, c: string) => c.split(',')[0]);
  out = out.replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '');
  return out.replace(/\$\{CURRENT_YEAR\}/g, '2026').replace(/\$\{CURRENT_MONTH\}/g, '11').replace(/\$\{CURRENT_DATE\}/g, '30').replace(/\$0/g, '');
}

const TEMPLATE = expand(body('Postmortem: full template'));
const lintIt = (text: string) => lint(text, { filePath: 'postmortems/new.md', today: '2026-11-30' }).findings;

test('the template writes no date of its own: date: is a tab stop', () => {
  assert.match(body('Postmortem: full template'), /^date: \$\{\d+:YYYY-MM-DD\}$/m);
  assert.doesNotMatch(body('Postmortem: full template'), /CURRENT_(YEAR|MONTH|DATE)/);
});

test('a fresh New Postmortem with only the action rows filled does not pass: each prompt is reported', () => {
  const filled = TEMPLATE.replace(/^\|(?! Action| ---).*\|$/gm, '| Alert when checkout p99 exceeds 1 s for 5 minutes | @dana | 2026-12-14 | P1 | OPS-12 |');
  const findings = lintIt(filled);
  const unfilled = findings.filter((f) => f.ruleId === 'empty-section' && f.message.startsWith('Unfilled template text'));
  const lines = new Set(unfilled.map((f) => f.range.start.line));
  const text = (l: number) => filled.split('\n')[l];
  // the incident date, the timeline's date and time blanks, the summary, impact, causes, detection, resolution, lessons and glossary prompts
  for (const needle of ['date: YYYY-MM-DD', 'In 2–4 sentences', 'Who was affected', 'For how long', 'Business cost', '**YYYY-MM-DD HH:MM**', 'Write these before the meeting', 'A condition in a system', 'How we found out', 'What restored service', 'Something that limited', 'Something in how we work', 'Something that helped by chance', '**ACRONYM**']) {
    const l = filled.split('\n').findIndex((x) => x.includes(needle));
    assert.ok(l >= 0, needle);
    assert.ok(lines.has(l), `not reported: ${text(l)}`);
  }
  assert.ok(unfilled.every((f) => f.message.length <= 90));
});

test('every prompt sentence any snippet writes is recognised (Insert Section… included)', () => {
  for (const name of Object.keys(SNIPPETS)) {
    if (/disable|five whys|contributing cause|action item|timeline entry/i.test(name)) continue;
    const text = `---\ntype: postmortem\n---\n# Outage\n\n${expand(body(name))}\n`;
    const reported = lintIt(text).filter((f) => f.ruleId === 'empty-section');
    const prompts = expand(body(name)).split('\n').filter((l) => /\w{4,} \w+ \w+/.test(l) && !/^#|^\||^All times|^<!--/.test(l.trim()));
    for (const p of prompts) {
      const l = text.split('\n').indexOf(p);
      assert.ok(reported.some((f) => f.range.start.line === l || (f.message.includes('only holds a placeholder') || f.message.includes('is empty'))), `${name}: "${p}" is not reported`);
    }
  }
});

test('replaced text is quiet: a filled timeline row and a real date are not reported', () => {
  const text = `---\ntype: postmortem\ndate: 2026-11-27\n---\n# Outage\n\n## Timeline (UTC)\n\n- **2026-11-27 14:05** Alerts fired for checkout 5xx.\n`;
  assert.deepEqual(lintIt(text).filter((f) => f.message.startsWith('Unfilled template text')), []);
});

test('a section is judged with the sections under it: placeholders all the way down are reported, real text below is not', () => {
  const text = '---\ntype: postmortem\n---\n# Outage\n\n## Impact\n\nTBD\n\n### Customers\n\nTBD\n\n## Root cause\n\nTBD\n\n### Trigger\n\nThe deploy removed the index.\n\n## Lessons\n\n<!-- what we learned -->\n';
  const reported = lintIt(text).filter((f) => f.ruleId === 'empty-section').map((f) => [f.range.start.line, f.message]);
  assert.deepEqual(reported, [
    [5, "'Impact' only holds a placeholder: write it, or remove the heading."],
    [9, "'Customers' only holds a placeholder: write it, or remove the heading."],
    [21, "'Lessons' is empty: write it, or remove the heading."],
  ]);
});
