// Shapes the twentieth held-out set showed (test/eval/heldout20/FIRST-RUN.md), each read as a reader reads it: a status
// cell that opens with a plain check mark, a corrective-action list in a tenseless language that a later verification
// section proves finished.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { statusOfWord } from '../../server/src/model/fields';
import { lint } from '../../server/src/lint/lint';
import { matchSection } from '../../server/src/model/sections';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe thumbnail cache was flushed.\n\n${body}\n`;

describe('heldout20: a plain check mark in a status cell', () => {
  test('"✓ Done (commit …)", "✓ Done — …" and a bare "✓" read as done', () => {
    assert.equal(statusOfWord('✓ Done (commit 4be91c0)'), 'done');
    assert.equal(statusOfWord('✓ Done — runs in the deploy hook'), 'done');
    assert.equal(statusOfWord('✓'), 'done');
  });

  test('"proposed" in a status cell is work not yet started: open, so a missing date is asked for', () => {
    assert.equal(statusOfWord('proposed'), 'open');
  });

  test('a table row whose Status is "✓ Done — …" is done, the "open" row beside it stays open', () => {
    const m = parsePostmortem(
      doc('## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Scope the flush | @mira | 2026-05-13 | ✓ Done — merged |\n| Move the store | @olu | | open |'),
    );
    assert.deepEqual(m.actionItems.map((i) => [i.text.slice(0, 9), i.status]), [
      ['Scope the', 'done'],
      ['Move the ', 'open'],
    ]);
    assert.equal(m.actionItems[0].statusField?.text, '✓ Done — merged');
  });
});

describe('heldout20: corrective actions in a tenseless script, proved done by a later verification section', () => {
  const body = (verification: string) =>
    [
      '## Corrective Action',
      '',
      '- 新增 `warmup/lock.py`：基于数据库行锁实现预热互斥。',
      '- Scheduler（`deploy/scheduler.yaml`）：预热只在主节点触发。',
      '- Add an alert on connection count',
      '',
      verification,
      '',
      '## Action Items',
      '',
      '- [ ] 为预热任务补充连接数告警。',
    ].join('\n');
  const statuses = (text: string) => parsePostmortem(doc(text)).actionItems.map((i) => [i.text.slice(0, 9), i.status, i.statusField?.text]);

  test('"新增 …" and a "Name（path）：" item are done when the Verification section reports "6 passed"', () => {
    assert.deepEqual(statuses(body('## Verification\n\n- `pytest tests/warmup -q` → `6 passed`。')), [
      ['新增 warmup', 'done', 'Verification'],
      ['Scheduler', 'done', 'Verification'],
      // an English instruction keeps its tense: still open
      ['Add an al', 'open', undefined],
      // the unchecked box under Action Items stays open
      ['为预热任务补充连接', 'open', undefined],
    ]);
  });

  test('without a verification that reports passing, the same items stay open', () => {
    for (const v of ['## Verification\n\n- 待补充。', '## Notes\n\n- `pytest` → `6 passed`。']) {
      assert.deepEqual(statuses(body(v)).map((s) => s[1]), ['open', 'open', 'open', 'open'], v);
    }
  });
});

describe('heldout20: a severity line that bounds the impact', () => {
  const missing = (severity: string) =>
    lint(
      [
        '# Postmortem: search index emptied by a restart',
        '',
        '**Date:** 2026-05-02',
        '**Type:** Planned chaos test',
        `**Severity:** ${severity}`,
        '**Status:** Closed',
        '',
        '## Summary',
        '',
        'A restart left the search index empty while the service reported itself healthy.',
        '',
        '## Timeline',
        '',
        '- 10:02 UTC: the search service restarted.',
        '',
        '## Root Cause',
        '',
        'The index is rebuilt only on deploy, not on restart.',
        '',
        '## Action Items',
        '',
        '- Rebuild the index on start (@ana, due 2026-06-01).',
      ].join('\n'),
      { filePath: 'postmortems/x.md', today: '2026-05-10' },
    )
      .findings.filter((f) => f.ruleId === 'missing-section')
      .map((f) => f.message);

  test('"SEV-2 (search unavailable, checkout unaffected)" tells the impact: no Impact section is asked for', () => {
    assert.deepEqual(missing('SEV-2 (search unavailable, checkout unaffected)'), []);
  });

  test('a level with a parenthetical that only names what broke still asks for one', () => {
    assert.deepEqual(missing('SEV-2 (search unavailable)'), ["No 'Impact' section: add an '## Impact' section."]);
  });
});

describe('heldout20: a "Still open" section lists the work not yet done', () => {
  test('its bullets are open items, and no Action items section is asked for', () => {
    const text = doc('## Still open\n\n- Build duration has no alert.\n- The cleanup job is still manual — @tomas, due 2026-03-20.');
    assert.deepEqual(parsePostmortem(text).actionItems.map((i) => [i.text.slice(0, 14), i.status]), [
      ['Build duration', 'open'],
      ['The cleanup jo', 'open'],
    ]);
    const findings = lint(text, { filePath: 'postmortems/x.md', today: '2026-03-01' }).findings;
    assert.ok(!findings.some((f) => f.ruleId === 'missing-section' && f.message.includes('Action items')));
  });
});

describe('heldout20: causes under the headings of a story', () => {
  test('"Why it stayed dead for nine days" and "What it probably was" are the contributing causes', () => {
    for (const t of ['Why it stayed dead for nine days', 'Why the alert took so long', 'What it probably was', 'What the fault most likely was']) {
      assert.equal(matchSection(t), 'contributing-causes', t);
    }
    // what was ruled out is not the cause
    assert.equal(matchSection('What it was not'), undefined);
  });
});

describe('heldout20: a "Preventive Control" section after the corrective action lists the controls now in place', () => {
  const body = (entries: string[]) =>
    doc(`## Root Cause\n\nTwo workers raced on the same target.\n\n## Corrective Action\n\n- Added a per-target lease before execution.\n\n## Preventive Control\n\n${entries.map((e) => `- ${e}`).join('\n')}\n\n## Action Items\n\n- [ ] Review the lease timeout with the platform team.`);

  test('its entries, told as what now holds, are done follow-ups', () => {
    assert.equal(matchSection('Preventive Controls'), 'action-items');
    const m = parsePostmortem(body(['执行前 Acquire + 每次资源写入前 `AssertHeld`（fencing），旧 holder 不能覆盖新 holder。', 'Holder 使用 Incident UID 而非 name。', 'The default lease is 60s and is renewed while the work runs.']));
    const preventive = m.actionItems.filter((i) => i.section.title === 'Preventive Control');
    assert.deepEqual(preventive.map((i) => i.status), ['done', 'done', 'done']);
  });

  test('an entry there that asks for work is still open, and the checklist below keeps its box', () => {
    const found = lint(body(['Add a lease-expiry alert to the dashboard.']), { filePath: 'postmortems/x.md', today: '2026-03-01' }).findings.filter((f) => f.ruleId === 'action-item-owner');
    assert.equal(found.length, 2);
  });
});
