// A blank template that the path globs call a postmortem gets one finding, not one for every blank
// (rules/unfilled-template.ts, model/template-text.ts). A real postmortem with a few blanks left keeps its findings;
// front matter naming a postmortem, or the rule turned off, lints the template as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { parseMarkdown, parsePostmortem } from '../../server/src/model/parse';
import { isUnfilledTemplate } from '../../server/src/model/template-text';
import { describeTemplate } from '../../server/src/rules/unfilled-template';
import type { Config } from '../../server/src/model/types';

const run = (text: string, config?: Config, filePath = '/repo/docs/postmortems/template.md') => lint(text, { filePath, rootDir: '/repo', today: '2026-03-01', config });
const modelOf = (text: string) => parsePostmortem(text, parseMarkdown(text));

/** The SRE book's shape: bare headings, nothing under most of them. */
const BARE_HEADINGS = ['# Title (incident #)', '', '### Date', '', '### Authors', '', '### Summary', '', '### Impact', '', '### Root Causes', '', '### Resolution', '', '## Action Items', '', '| Action Item | Type | Owner | Bug |', '|---|---|---|---|', '', '## Timeline', ''].join('\n');

/** A template with notes to the writer in braces and angle brackets, and a placeholder row. */
const NOTES = [
  '# {Incident Title}',
  '',
  '## Summary',
  '',
  '<Short summary of what broke, for whom and for how long. e.g. On the morning of the',
  'release the API returned errors for 20 minutes.>',
  '',
  '## Impact',
  '',
  '{who was affected, and how many}',
  '',
  '## Root causes',
  '',
  '{list the conditions that made it possible}',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due |',
  '| --- | --- | --- |',
  '| {what we will change} | [Owner] | YYYY-MM-DD |',
  '',
].join('\n');

test('a blank template under postmortems/ gets one finding on its title, and nothing else', () => {
  for (const text of [BARE_HEADINGS, NOTES]) {
    const r = run(text);
    assert.equal(r.detectedBy, 'path');
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range.start.line]),
      [['unfilled-template', 0]],
    );
    assert.ok(r.findings[0].message.length <= 90);
  }
});

test('turned off, the rule gives the template back its findings for every blank', () => {
  const r = run(NOTES, { rules: { 'unfilled-template': 'off' } });
  assert.ok(r.findings.length >= 5, String(r.findings.length));
  assert.ok(!r.findings.some((f) => f.ruleId === 'unfilled-template'));
});

test('front matter naming a postmortem lints it as one: its writer is filling it in', () => {
  const r = run(`---\ntype: postmortem\n---\n${NOTES}`);
  assert.equal(r.detectedBy, 'front-matter');
  assert.ok(!r.findings.some((f) => f.ruleId === 'unfilled-template'));
  assert.ok(r.findings.some((f) => f.ruleId === 'empty-section'));
});

test('a postmortem with a few blanks left keeps its findings', () => {
  const text = [
    '# Search rebuild stalled',
    '',
    '## Summary',
    '',
    'On 2026-02-11 the nightly search rebuild stalled for six hours after a schema migration added a column.',
    '',
    '## Impact',
    '',
    'About 2,300 searches returned stale articles.',
    '',
    '## Detection',
    '',
    'TBD',
    '',
    '## Root causes',
    '',
    'The indexer reads the table with a fixed column list.',
    '',
    '## Where we got lucky',
    '',
    '{anything that helped by chance}',
    '',
    '## Action items',
    '',
    '- Alert when the rebuild has not finished by 06:00 UTC',
    '',
  ].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(text)), false);
  const rules = run(text, undefined, '/repo/postmortems/2026-02-11-search.md').findings.map((f) => f.ruleId);
  assert.ok(rules.includes('empty-section') && rules.includes('action-item-owner'), rules.join());
  assert.ok(!rules.includes('unfilled-template'));
});

test('a plain-text report whose labels stand alone before their text is written, not blank', () => {
  // "Impact:", a blank line, then the text: the label belongs to what follows
  const text = [
    'Outage report',
    '',
    'Impact:',
    '',
    'The login page was down and about 40% of users could not sign in.',
    '',
    'Root Cause:',
    '',
    'A wrong DNS record for the identity provider, changed during an update.',
    '',
    'Resolution:',
    '',
    'The DNS record was reverted and logins worked again.',
    '',
    'Owner:',
    'Date:',
  ].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(text)), false);
});

test('heldout17: a written post-mortem in another script, with field lines and format placeholders in code, is no template', () => {
  // field lines whose values are Cyrillic ("Цена: …") were read as empty fields, and its sentences counted as nothing
  // written, so a finished Russian post-mortem under postmortems/ got "This looks like an unfilled template"
  const text = [
    '# Ночная выгрузка отчётов удалила вчерашние архивы',
    '',
    '- Дата: третье марта, ночь со вторника на среду.',
    '- Цена: потеряны архивы отчётов за один день, восстановлены из резервной копии за два часа.',
    '- Причина: очистка и выгрузка шли по разным расписаниям.',
    '- Обнаружил: дежурный инженер, утром, по пустому каталогу архивов.',
    '- Статус: закрыто.',
    '',
    '## Что произошло',
    '',
    '1. Задача очистки запустилась раньше выгрузки, потому что расписание сдвинули на час.',
    '2. Очистка сочла вчерашние архивы старыми и удалила их.',
    '',
    '## Почему так вышло',
    '',
    'Имя архива строится по шаблону `отчёт-<дата>.tar.gz`, где `<дата>` записана в местном времени.',
    '',
    '## Что меняем',
    '',
    '- Очистка читает дату из имени архива, а не из времени файла.',
  ].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(text)), false);
  const ids = run(text, undefined, '/repo/docs/postmortems/2026-03-03-archives.md').findings.map((f) => f.ruleId);
  assert.ok(!ids.includes('unfilled-template'), ids.join());
  // the same field lines left blank, in the same script, are still a template's
  const blank = ['# <Название>', '', '- Дата:', '- Цена:', '- Обнаружил:', '- Статус:', '', '## Что произошло', '', '## Почему так вышло', '', '## Что меняем', ''].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(blank)), true);
  // a Chinese template's prompts are phrases, not filled sentences, and a full-width colon ends a label: still a template
  const zh = ['# <一句话标题>', '', '| 字段 | 值 |', '|---|---|', '| 日期 | YYYY-MM-DD |', '| 影响范围 | <受影响模块/命令/用户场景> |', '| 相关 commit | `<sha>` <可选多行> |', '', '## 现象', '', '客观描述可观察到的错误行为：报错信息、错误输出、性能异常等。', '', '## 定位过程', '', '1. **假设 A**：<描述>', '   - 验证手段：<日志/最小用例>', '   - 结论：<证实 / 证伪>', '', '## 根因', '', '最终确认的根本原因。一句话概括，区分触发条件与潜在缺陷。', '', '## 状态变更记录', '', '- YYYY-MM-DD：open → fixed（commit `<sha>`）', ''].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(zh)), true);
});

test('the hover says what the verdict was read from', () => {
  assert.match(describeTemplate(modelOf(BARE_HEADINGS)), /\b8 of 8 sections hold nothing\b/);
});

test('templates left with masked values, example entries, placeholder headings and long angled notes are unfilled', () => {
  // "Category: XXX" stats, a "20xx-MM-DD" mask, "@foo, @bar" authors, "Draft | Final" to choose from
  const stats = ['# Incident title', '', '## Summary', '', '## Timeline', '', 'All times in UTC.', '', '| Time | Event |', '| --- | --- |', '| 20xx-MM-DD HH:mm | What happened then |', '', '## Causes', '', '-', '', '## Action items', '', '-', '', '## Authors', '', '@foo, @bar', '', '## Status', '', 'Draft | Final', '', '## Stats', '', '- Category: XXX', '- Time to recovery: ZZZ', ''].join('\n');
  assert.ok(isUnfilledTemplate(modelOf(stats)));
  // example entries under headings that are only placeholders
  const headings = ['# Reports', '', '## {{ incident date }}, {{ incident name }}', '', '## Summary', '', '## Timeline', '', '### {{ hh:mm }}', '', 'Start of incident.', '', '### {{ hh:mm }}', '', 'Investigation starts.', '', '## Action items', '', '### {{ project }}', '', 'Steps for future.', ''].join('\n');
  assert.ok(isUnfilledTemplate(modelOf(headings)));
  // a note in angle brackets whose example runs over a blank line is one note, not a written paragraph
  const angled = ['# Overview', '', '<One or two sentences on what broke and for how long. e.g.', '', 'On Tuesday the API was down for an hour after a bad deploy.>', '', '# Causes', '', '<The conditions that made it possible.>', '', '# Resolution', '', '<What stopped the damage.>', '', '# Follow-ups', '', '<What we will change.>', ''].join('\n');
  assert.ok(isUnfilledTemplate(modelOf(angled)));
});

test('a written postmortem with a status, clock times, an "XXX" in a sentence and a link in angle brackets is not a template', () => {
  const text = [
    '# Checkout errors on 2026-02-03',
    '',
    '## Status',
    '',
    'Final',
    '',
    '## Summary',
    '',
    'Checkout failed for 40 minutes after a config push removed the payment provider key; card XXX-1234 was the test card.',
    '',
    '## Timeline',
    '',
    '- 14:05 config pushed',
    '- 14:45 key restored',
    '',
    '## Root causes',
    '',
    '<https://example.org/runbook> was out of date, and the push skipped review.',
    '',
    '## Action items',
    '',
    '- Require review for config pushes — @ana, due 2026-03-01',
    '',
  ].join('\n');
  assert.equal(isUnfilledTemplate(modelOf(text)), false);
});

test('a title of placeholders over prompts written as prose is a template; a title that names the incident is not', () => {
  const prompts = [
    '<!-- Copy this file, name it for the day the incident began, and replace every prompt below. -->',
    '',
    '## Summary',
    '',
    'Three sentences at most: what stopped working, for which customers, for how long, and what brought it back.',
    '',
    '## Timeline',
    '',
    '| Time | Event |',
    '|---|---|',
    '| YYYY-MM-DD HH:MM | The change that carried the fault went out to production |',
    '| YYYY-MM-DD HH:MM | Service restored for every customer |',
    '',
    '## Cause',
    '',
    'The fault, the change that brought it in, and why review and the canary let it through without a warning.',
    '',
    '## Follow-ups',
    '',
    '| Action | Link |',
    '|---|---|',
    '| <the work, as one sentence> | ticket link |',
    '| <the check that would have caught it> | ticket link |',
    '',
  ].join('\n');
  for (const title of ['# YYYY-MM-DD: <what customers noticed>', '# Incident title - DD/MM/YYYY', '# Incident report: [short title]']) {
    assert.equal(isUnfilledTemplate(modelOf(`${title}\n\n${prompts}`)), true, title);
  }
  for (const title of ['# [Resolved] Checkout outage on YYYY-MM-DD', '# Incident 2026-02-03: <draft>', '# Postmortem: payments [draft]']) {
    assert.equal(isUnfilledTemplate(modelOf(`${title}\n\n${prompts}`)), false, title);
  }
  // a placeholder title over a written postmortem (the title left to fill last) keeps every finding
  const written = '# YYYY-MM-DD: <title>\n\n## Summary\n\nCheckout failed for 40 minutes on 2026-02-03 after a pool change.\n\n## Action items\n\n- Add a pool-size alert\n';
  assert.equal(isUnfilledTemplate(modelOf(written)), false);
  assert.ok(run(written).findings.some((f) => f.ruleId === 'action-item-owner'));
});
