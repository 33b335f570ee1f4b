// The VS Code prompts' pure parts: a typed date is read (ISO or words), a template becomes a snippet with tab stops,
// and the owner choices offered are names people wrote (no handles made up from team cells).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, rowsWithTyped, templateSnippet } from '../../client/src/answers';
import { ownerChoices } from '../../server/src/rules/action-item-owner';
import { PRIORITY_CHOICES } from '../../server/src/rules/action-item-priority';
import { rewriteTemplate } from '../../server/src/rules/action-item-vague';

test('a typed date: ISO as written, words read forward from today, nonsense refused', () => {
  const monday = new Date(2026, 10, 30, 9, 0); // Monday 30 November 2026, local time
  assert.equal(parseDate('2026-12-20', monday), '2026-12-20');
  assert.equal(parseDate('next friday', monday), '2026-12-11');
  assert.equal(parseDate('friday', monday), '2026-12-04');
  assert.equal(parseDate('in 2 weeks', monday), '2026-12-14');
  assert.equal(parseDate('Dec 4', monday), '2026-12-04');
  assert.equal(parseDate('soonish', monday), undefined);
  assert.equal(parseDate('  ', monday), undefined);
});

test('"Rewrite as a specific action" as a snippet: each <…> a tab stop, the (was: …) note last', () => {
  const text = rewriteTemplate('Better testing');
  assert.equal(
    templateSnippet(text),
    'Add ${1:specific check} for ${2:component} so that ${3:failure} is caught before ${4:stage}${5: (was: "Better testing")}$0',
  );
  assert.equal(templateSnippet('Cost $5 {x} <a>'), 'Cost \\$5 {x\\} ${1:a}$0');
});

test('owner choices: people as written; teams and multi-word cells never become handles', () => {
  const owners = ['@dana', 'Email platform team', 'kenji', '@sre-team', 'Maria Silva', 'TBD'];
  assert.deepEqual(ownerChoices(owners, 'handle', 'd').map((c) => c.title), ['Assign to @dana', 'Assign to @kenji']);
  assert.deepEqual(ownerChoices(owners, 'name', 'd').map((c) => c.value), ['@dana', 'kenji', 'Maria Silva']);
});

test('the priority picker focuses P2, not P0', () => {
  assert.deepEqual(PRIORITY_CHOICES.map((c) => c.value), ['P0', 'P1', 'P2', 'P3']);
  assert.deepEqual(PRIORITY_CHOICES.filter((c) => c.default).map((c) => c.value), ['P2']);
});

test('a typed date that equals a suggestion shows as the first row, in place of that suggestion (next friday, typed on a Friday)', () => {
  const friday = new Date(2026, 11, 4, 9, 0); // Friday 4 December 2026, local time
  const inOneWeek = parseDate('in 1 week', friday)!;
  const typed = { label: parseDate('next friday', friday)!, value: parseDate('next friday', friday), description: '"next friday"' };
  assert.equal(typed.value, inOneWeek, 'on a Friday, next friday is in one week');
  const base: { label: string; value?: string; description?: string }[] = [
    { label: 'in 1 week', value: inOneWeek },
    { label: 'in 2 weeks', value: parseDate('in 2 weeks', friday) },
    { label: '$(edit) Type a date…' },
  ];
  const rows = rowsWithTyped(typed, base);
  assert.deepEqual(rows.map((r) => r.label), [typed.label, 'in 2 weeks', '$(edit) Type a date…']);
  assert.equal(rows[0].description, '"next friday"', 'the row says what was typed');
  // nothing typed (or nothing read): the suggestions as they were
  assert.deepEqual(rowsWithTyped(undefined, base), base);
});
