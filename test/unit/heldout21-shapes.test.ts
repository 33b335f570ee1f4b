// Shapes the twenty-first held-out set showed (test/eval/heldout21/FIRST-RUN.md), each read as a reader reads it: a
// blog story of one outage under chapter headings of its own with a diary of bold "**Monday, 8am PST**" lines; a
// Chinese "still not done (kept on record)" list of the follow-ups left open; a timeline typed as a plain-text block; a
// Chinese fix table "| 任务 | 改了什么 | 判据 |" (task, what was changed, criterion).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { timeStampedSteps } from '../../server/src/model/facts';
import { matchSection } from '../../server/src/model/sections';
import { parsePostmortem } from '../../server/src/model/parse';
import { timelineZones } from '../../server/src/model/timezones';
import { describeSection } from '../../server/src/lsp/features/hover';

const missing = (text: string) =>
  lint(text, { today: '2026-11-30' })
    .findings.filter((f) => f.ruleId === 'missing-section')
    .map((f) => f.message.slice(0, f.message.indexOf(' section')));

describe('heldout21: a story told under chapter headings of its own', () => {
  const diary = [
    '**Friday, 7am EST**, the nightly export has not finished.  ',
    '**Friday, 8:15am EST**, I restart the export workers and they crash again.  ',
    '**Friday, 10am EST**, we find the schema change that broke the export.  ',
    '**Friday, 1:30pm EST**, the change is reverted and the export completes.',
  ].join('\n');
  const story = (times: string) =>
    [
      '---',
      'title: "How One Column Broke Payroll"',
      'date: 2025-03-02',
      'type: postmortem',
      '---',
      '',
      'Let me tell you about the week our payroll export died and took the accountants with it.',
      '',
      '## Where It All Began',
      '',
      'The export had run every night for six years. Nobody had touched its code since the person who wrote it left.',
      '',
      '## A Column Too Far',
      '',
      'On Thursday a migration renamed a column in the employee table. The export read it by name and crashed, because',
      'nobody had told the migration review that the export existed. Two thousand people were not paid on time.',
      '',
      times,
      '',
      '## The Long Weekend',
      '',
      'We paid everyone by hand on Saturday. The bank charged us for every manual transfer.',
    ].join('\n');

  test('the impact, timeline and causes are left to the reader; the missing follow-ups are still reported', () => {
    assert.deepEqual(missing(story(diary)), ["No 'Action items'"]);
  });

  test('the hover on a chapter heading says why the sections are left to the reader', () => {
    const m = parsePostmortem(story(diary));
    const chapter = m.allSections.find((x) => x.title === 'A Column Too Far');
    assert.ok(chapter);
    assert.match(describeSection(m, chapter) ?? '', /chapter of a story[\s\S]*still asks for action items/);
  });

  test('a follow-up section added to the story (by hand or by the fix) leaves it a story: nothing else is asked for', () => {
    assert.deepEqual(missing(`${story(diary)}\n\n## Action items\n\n- Alert on export failures — @kim, due 2026-12-20, P2\n`), []);
  });

  test('the same chapters without time-stamped lines are not clearly a story with times: the findings stay', () => {
    assert.deepEqual(missing(story('The next day we reverted it.')), ["No 'Impact'", "No 'Timeline'", "No 'Contributing causes'", "No 'Action items'"]);
  });

  test('a report with a heading the catalogue knows is judged by its sections; the diary is its timeline, renamed', () => {
    const withImpact = story(diary).replace('## The Long Weekend', '## Impact');
    assert.deepEqual(missing(withImpact).sort(), ["'Timeline' seems to be here under another name, 'A Column Too Far': rename it", "No 'Action items'", "No 'Contributing causes'"]);
  });

  test('bold "weekday, time" lines open with a time; a weekday without a time does not', () => {
    assert.equal(timeStampedSteps(diary), 4);
    assert.equal(timeStampedSteps('**Monday, 10:30** the pager fired\nTuesday 9:05 we rolled back\nMonday, we met'), 2);
    assert.equal(timeStampedSteps('**Monday**, we met\nOn Monday morning we met'), 0);
  });
});

describe('heldout21: a Chinese "still not done" list holds the open follow-ups', () => {
  test('"仍未做的（留档）", "10. 仍未做", "尚未完成", "遗留问题" name the action items; "已修" and "修法" do not', () => {
    for (const h of ['仍未做的（留档）', '10. 仍未做（留档）', '尚未完成的事项', '遗留问题', '遺留問題']) assert.equal(matchSection(h), 'action-items', h);
    for (const h of ['6.1 `503` 不留痕（已修）', '修法', '现场（判据，非推断）']) assert.notEqual(matchSection(h), 'action-items', h);
  });

  test('its bold-led entries are open items, each missing an owner and a date', () => {
    const m = parsePostmortem(
      ['# 2026-08-11 · 索引重建卡死', '', '## 根因', '', '写锁没有释放。', '', '## 9. 仍未做的（留档）', '', '1. **重建任务没有超时告警**：卡住两小时才被发现。', '2. **重试逻辑没有单元测试**，仍可能再犯。'].join('\n'),
    );
    assert.deepEqual(
      m.actionItems.map((i) => [i.text.slice(0, 10), i.status, i.section.kind]),
      [
        ['重建任务没有超时告警', 'open', 'action-items'],
        ['重试逻辑没有单元测试', 'open', 'action-items'],
      ],
    );
  });
});

describe('heldout21: a timeline typed as a fenced block of time-stamped rows', () => {
  const doc = (block: string, title = 'Timeline') => parsePostmortem(['# Outage', '', '## Summary', '', 'The queue stalled.', '', `## ${title}`, '', block, ''].join('\n'));
  const rows = ['09-20 14:54    gateway restarted', '09-20 15:31:49 state machine switches tier', '09-20 15:34:49 back to the free tier', '09-20 16:16    fix deployed'];

  test('its rows are the timeline entries: their clock times are read, with no zone', () => {
    const [t] = timelineZones(doc(['```', ...rows, '```'].join('\n')));
    assert.deepEqual(t.times.slice(0, 2), ['14:54', '15:31:49']);
    assert.equal(t.zone, undefined);
  });

  test('a zone written in its rows is read as the timeline\'s zone', () => {
    const [t] = timelineZones(doc(['```text', ...rows.map((r) => r.replace(/^09-20 (\S+)/, '09-20 $1 UTC')), '```'].join('\n')));
    assert.equal(t.zone?.name, 'UTC');
  });

  test('a code block (a language named, or rows that do not open with a time) is not a timeline', () => {
    assert.deepEqual(timelineZones(doc(['```go', ...rows, '```'].join('\n')))[0].times, []);
    assert.deepEqual(timelineZones(doc(['```', 'retry(ctx, 10*time.Second)', 'log.Printf("at %s", "10:02")', 'return nil', 'x := 1', '```'].join('\n')))[0].times, []);
  });

  test('times written outside the block are read as before, the block is not added to them', () => {
    const [t] = timelineZones(doc(['- 08:00 paged', '', '```', ...rows, '```'].join('\n')));
    assert.deepEqual(t.times, ['08:00']);
  });
});

describe('heldout21: a Chinese fix table of task, what was changed, and how it was checked', () => {
  const table = (rows: string[], section = '修法') =>
    parsePostmortem(['# 2026-06-02 · 缩略图失效', '', '## 根因', '', '旧桶权限被收回。', '', `## ${section}`, '', '| 任务 | 改了什么 | 判据 |', '|---|---|---|', ...rows, ''].join('\n')).actionItems;
  const done = ['| **T-101** | 存储桶地址改回配置项 | 回滚演练通过 |', '| **T-102** | 权限变更与升级拆成两次发布 | 发布清单两步分开 |'];

  test('"修法" (the fix) is the resolution, and its rows are the measures taken: done, nothing asked of them', () => {
    assert.equal(matchSection('4. 修法（`8f94ad3`）'), 'resolution');
    const items = table(done);
    assert.deepEqual(items.map((i) => [i.text, i.status]), [
      ['T-101', 'done'],
      ['T-102', 'done'],
    ]);
    assert.equal(items[0].statusField?.text, '修法');
  });

  test('a row that says the change is still to come (待办, 尚未, 计划) leaves the table unread as measures', () => {
    assert.deepEqual(table([...done, '| **T-103** | 计划新增空白率告警 | 告警触发 |']).filter((i) => i.status === 'done'), []);
  });

  test('the same table under a follow-up heading is a list of open work, not measures taken', () => {
    assert.ok(table(done, '后续行动').every((i) => i.status !== 'done'));
  });
});
