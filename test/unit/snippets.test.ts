// The snippets: valid VS Code snippet syntax, stable names (the client reads them for "New Postmortem" and
// "Insert Section…"), and a full template that the engine reads as a complete postmortem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../server/src/lint/lint';

type Snippet = { prefix: string | string[]; body: string[]; description: string };
const snippets = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../snippets/postmortem.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** Expands a snippet body the way VS Code does when every placeholder is left at its default. */
function expand(body: string[], vars: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '02' }): string {
  let s = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of s.matchAll(/\$\{(\d+):([^${}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '') // a mirror takes its placeholder's text
      .replace(/\$\{(\d+):([^${}]*)\}/g, '$2')
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{([A-Z_]+)\}/g, (_, v: string) => vars[v] ?? '')
      .replace(/\$\d+/g, '');
  }
  return s;
}

const SECTIONS = ['Summary', 'Impact', 'Timeline', 'Contributing causes', 'Detection', 'Resolution', 'Action items', 'Lessons learned', 'Glossary'];

test('snippet names the client relies on are present', () => {
  for (const name of ['Postmortem: full template', ...SECTIONS.map((s) => `Postmortem section: ${s}`), 'Postmortem: action item row',
    'Postmortem: action item bullet', 'Postmortem: timeline entry', 'Postmortem: contributing cause', 'Postmortem: five whys',
    'Postmortem: disable rule for next line', 'Postmortem: disable rule', 'Postmortem: disable rule for file']) {
    assert.ok(snippets[name], `snippet "${name}"`);
    assert.ok(snippets[name].description.length > 10);
  }
});

test('every snippet expands completely: no stray $ or unbalanced placeholders', () => {
  for (const [name, s] of Object.entries(snippets)) {
    const text = expand(s.body);
    assert.doesNotMatch(text, /\$\{|\$\d/, `${name} leaves no placeholder syntax behind`);
    assert.ok(!text.includes('\\'), `${name} has no escapes left`);
  }
});

test('the action item bullet has an owner, an absolute date slot and a priority choice', () => {
  assert.deepEqual(snippets['Postmortem: action item bullet'].body, ['- [ ] ${1:action} — @${2:owner}, due ${3:YYYY-MM-DD}, ${4|P1,P2,P3|}$0']);
  assert.equal(expand(snippets['Postmortem: action item row'].body),
    '| Alert when <metric> exceeds <threshold> for <duration> | @owner | YYYY-MM-DD | P1 | ABC-123 |');
});

test('the full template has front matter, every section in canonical order and a timezone', () => {
  const text = expand(snippets['Postmortem: full template'].body);
  assert.match(text, /^---\ntitle: ".+"\ndate: YYYY-MM-DD\ntype: postmortem\nseverity: SEV1\nstatus: draft\naudience: internal\n---\n/);
  let at = 0;
  for (const s of SECTIONS) {
    const i = text.indexOf(`\n## ${s}\n`, at);
    assert.ok(i > at, `## ${s} after the previous section`);
    at = i;
  }
  for (const h of ['What went well', 'What went wrong', 'Where we got lucky']) assert.ok(text.includes(`\n### ${h}\n`));
  assert.ok(text.includes('\n# Checkout errors after payments config push\n'), 'the H1 mirrors the title');
  assert.match(text, /All times UTC\./);
  assert.ok(text.includes('| Action | Owner | Due | Priority | Ticket |'));
});

test('the engine reads the full template as a postmortem with no missing section', () => {
  const text = expand(snippets['Postmortem: full template'].body);
  const result = lint(text, { filePath: 'new.md', today: '2026-03-02' });
  assert.equal(result.isPostmortem, true);
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message), []);
  assert.equal(result.model.actionItems.length, 2);
  // the template's placeholders are not an owner or a date: the writer is told to fill them in
  assert.ok(result.findings.some((f) => f.ruleId === 'action-item-due-date'), 'YYYY-MM-DD is not accepted as a date');
});

test('one snippet per section, each starting with its heading', () => {
  for (const s of SECTIONS) assert.equal(snippets[`Postmortem section: ${s}`].body[0], `## ${s}`);
});
