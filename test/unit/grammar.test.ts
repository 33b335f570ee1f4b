// The injection grammar's regexes, checked with JS RegExp (the patterns are written to mean the same in Oniguruma and
// in JS with the `u` flag: \p{L}, lookbehind, no possessive or atomic groups). The colours themselves are checked in
// the real-VS-Code UI test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Pattern { match?: string; begin?: string; end?: string; name?: string; patterns?: Pattern[] }
const file = path.join(import.meta.dirname, '../../syntaxes/postmortem.injection.tmLanguage.json');
const grammar = JSON.parse(readFileSync(file, 'utf8')) as {
  scopeName: string; injectionSelector: string; patterns: { include: string }[]; repository: Record<string, Pattern>;
};

function matches(key: string, text: string): string[] {
  const re = new RegExp(grammar.repository[key].match!, 'gu');
  return [...text.matchAll(re)].map((m) => m[0]);
}

test('grammar is injected into markdown but not into code', () => {
  assert.equal(grammar.scopeName, 'postmortem.injection');
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
  assert.match(grammar.injectionSelector, /-markup\.inline\.raw/);
  for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], `${p.include} is defined`);
  const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'));
  const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
  assert.deepEqual(contributed.injectTo, ['text.html.markdown']);
});

test('scopes are ones the default themes colour', () => {
  assert.match(grammar.repository.owner.name!, /^variable\.other\./);
  assert.match(grammar.repository.date.name!, /^constant\.numeric\./);
  assert.match(grammar.repository.priority.name!, /^keyword\./);
  assert.match(grammar.repository.ticket.name!, /^string\./);
  assert.match(grammar.repository.directive.name!, /^comment\./);
});

test('owner handles: Unicode letters, dots and dashes; not e-mail addresses, no trailing dot', () => {
  assert.deepEqual(matches('owner', 'Fix it — @alice, due 2026-02-01'), ['@alice']);
  assert.deepEqual(matches('owner', 'owners @josé.garcía and @山田太郎 and @sre-team.'), ['@josé.garcía', '@山田太郎', '@sre-team']);
  assert.deepEqual(matches('owner', 'mail alice@example.com or see https://x.io/@bob'), []);
  assert.deepEqual(matches('owner', '(@maria.silva)'), ['@maria.silva']);
  assert.deepEqual(matches('owner', '@ alone'), []);
});

test('ISO dates only, whole tokens', () => {
  assert.deepEqual(matches('date', 'due 2026-02-01, and 2026-12-31.'), ['2026-02-01', '2026-12-31']);
  assert.deepEqual(matches('date', '2026-13-01 2026-02-32 12026-02-01 2026-02-011 v2026-02-01'), []);
  assert.deepEqual(matches('date', '| 2099-01-05 |'), ['2099-01-05']);
});

test('priorities P0–P4', () => {
  assert.deepEqual(matches('priority', 'P0 P1, P2; (P3) P4'), ['P0', 'P1', 'P2', 'P3', 'P4']);
  assert.deepEqual(matches('priority', 'P5 PP1 P10 AP1 P1a SEV-P1'), []);
});

test('ticket references: #123 and ABC-123, not UTF-8 or SHA-256', () => {
  assert.deepEqual(matches('ticket', 'see #123, PAY-881 and OBS-212.'), ['#123', 'PAY-881', 'OBS-212']);
  assert.deepEqual(matches('ticket', 'UTF-8 SHA-256 ISO-8601 SEV-1 CVE-2024-1234 a#1 &#123; Pay-881 A-1'), []);
  assert.deepEqual(matches('ticket', 'https://x.io/issues/#12'), []);
});

test('postmortem-lint directives, with the directive and the rule ids picked out', () => {
  const d = grammar.repository.directive;
  const begin = new RegExp(d.begin!, 'u');
  for (const kind of ['disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file', 'configure-file']) {
    const m = begin.exec(`<!-- postmortem-lint-${kind} action-item-owner -->`);
    assert.equal(m?.[2], `postmortem-lint-${kind}`);
  }
  assert.equal(begin.exec('<!-- postmortem-lint-disabled -->'), null);
  assert.equal(begin.exec('<!-- a normal comment -->'), null);
  const ruleId = new RegExp(d.patterns![0].match!, 'gu');
  assert.deepEqual([...' action-item-owner, missing-section '.matchAll(ruleId)].map((m) => m[0]), ['action-item-owner', 'missing-section']);
});
