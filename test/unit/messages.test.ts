// Messages are one short sentence, what is wrong and what to do (the why is in the hover card and the rule's page):
// the weak example's messages verbatim, and every message over the shared corpus within MESSAGE_MAX characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { MESSAGE_MAX } from '../../server/src/rules/support/util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, '../shared/corpus/postmortems');

test('the weak example: one short sentence per finding, verbatim', () => {
  const text = readFileSync(join(ROOT, 'examples/weak-postmortem.md'), 'utf8');
  const got = lint(text, { filePath: 'examples/weak-postmortem.md', rootDir: ROOT, today: '2026-11-30' }).findings.map(
    (f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`,
  );
  const noDate = "No due date: add an absolute date, e.g. 'due 2026-12-14'.";
  const noOwner = 'No owner: name the one person who will drive it, e.g. @alice.';
  const noPriority = 'No priority: mark it P0–P3 (or high / medium / low), e.g. P1.';
  const vague = (w: string) => `'${w}' is vague: name the change and how you'll know it's done.`;
  assert.deepEqual(got, [
    "5 relative-date: 'yesterday' is relative: write the date as YYYY-MM-DD.",
    "5 outcome-without-context: 'rolled back' says what was done, not why: add what you saw and what else you weighed.",
    '7 impact-without-numbers: The impact gives no numbers: say how many users, requests or orders, and for how long.',
    "13 human-error: 'Human error' is not a cause: name what made the mistake easy and what would catch it.",
    "13 root-cause-vague: 'insufficient testing' names a fix, not a cause: say which test or signal was missing.",
    "13 blame-language: 'should have' judges a person with hindsight: say what made the step easy to miss.",
    "15 timeline-timezone: Timeline times (09:40, 09:55, …) have no time zone: add it to the heading, e.g. '(UTC)'.",
    '17 timeline-starts-at-detection: The timeline starts at detection: add what set it off and when the problem began.',
    "21 action-items-too-many: 9 open action items: keep the 5 that matter most and move the rest to 'Deferred'.",
    `23 action-item-due-date: ${noDate}`,
    `23 action-item-owner: ${noOwner}`,
    `23 action-item-priority: ${noPriority}`,
    `23 action-item-vague: ${vague('Better testing')}`,
    `24 action-item-due-date: ${noDate}`,
    `24 action-item-owner: ${noOwner}`,
    `24 action-item-priority: ${noPriority}`,
    `24 action-item-vague: ${vague('Improve monitoring of the…')}`,
    `25 action-item-due-date: ${noDate}`,
    `25 action-item-owner: ${noOwner}`,
    `25 action-item-priority: ${noPriority}`,
    `25 action-item-vague: ${vague('Look into the alerting')}`,
    `26 action-item-due-date: ${noDate}`,
    `26 action-item-priority: ${noPriority}`,
    `27 action-item-owner: ${noOwner}`,
    `27 action-item-priority: ${noPriority}`,
    `27 action-item-vague: ${vague('Review deploy processes')}`,
    "27 action-item-due-date: 'next sprint' is not a date: write an absolute date, e.g. 2026-12-14.",
    "28 action-item-changes-people: 'Train engineers' asks people to change: change the system so the mistake gets caught.",
    `28 action-item-due-date: ${noDate}`,
    `28 action-item-owner: ${noOwner}`,
    `28 action-item-priority: ${noPriority}`,
    `29 action-item-owner: ${noOwner}`,
    `29 action-item-priority: ${noPriority}`,
    `29 action-item-vague: ${vague('Investigate further')}`,
    "29 action-item-due-date: 'ASAP' is not a date: write an absolute date, e.g. 2026-12-14.",
    `30 action-item-due-date: ${noDate}`,
    `30 action-item-owner: ${noOwner}`,
    "30 action-item-low-priority: 'P4' rarely gets done: raise the priority and date it, or move it to 'Deferred'.",
    `31 action-item-due-date: ${noDate}`,
    `31 action-item-owner: ${noOwner}`,
    `31 action-item-priority: ${noPriority}`,
    `31 action-item-vague: ${vague('Make the search service more…')}`,
  ]);
});

test('every message over the corpus is one line of at most MESSAGE_MAX characters', { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
  const long: string[] = [];
  let n = 0;
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    for (const f of lint(readFileSync(join(CORPUS, file), 'utf8'), { filePath: file, today: '2026-11-30', all: true }).findings) {
      n++;
      if (f.message.length > MESSAGE_MAX || /\n/.test(f.message)) long.push(`${file}: ${f.ruleId}: ${f.message}`);
    }
  }
  assert.ok(n > 500, `only ${n} findings`);
  assert.deepEqual(long, []);
});

test('missing-section names a section written under another name, and its fix renames only the heading text', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/section-another-name.md'), 'utf8');
  const found = lint(text, { today: '2026-11-30' }).findings.filter((f) => f.ruleId === 'missing-section');
  assert.deepEqual(
    found.map((f) => f.message),
    [
      "'Summary' seems to be here under another name, 'Background': rename it.",
      "'Impact' seems to be here under another name, 'Affected merchants': rename it.",
      "'Timeline' seems to be here under another name, 'How did it happen?': rename it.",
    ],
  );
  const impact = found[1];
  const edit = impact.fixes?.[0]?.edits[0];
  assert.ok(edit, 'a rename fix');
  const renamed = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
  assert.ok(renamed.includes('\n## Impact\n\n30 merchants had to update'), 'the heading keeps its level and its body');
  assert.equal(renamed.length, text.length - 'Affected merchants'.length + 'Impact'.length, 'nothing else is dropped');
  assert.ok(!lint(renamed, { today: '2026-11-30' }).findings.some((f) => f.ruleId === 'missing-section' && /Impact/.test(f.message)));
});
