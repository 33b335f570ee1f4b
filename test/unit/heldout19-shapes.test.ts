// Shapes the nineteenth held-out set showed (test/eval/heldout19/FIRST-RUN.md), each read as a reader reads it: a
// post-mortem that opens with "What happened" told in prose, and a checklist that gives each step to a role.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const run = (text: string) => lint(text, { filePath: 'postmortems/x.md', today: '2026-03-01' });
const missing = (text: string) => run(text).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message);

const postMortem = (opening: string, body: string, extra = '') =>
  [
    '# Post-mortem: search results came back empty',
    '',
    '- **Date:** 2026-02-02',
    '- **Status:** Resolved',
    '',
    `## ${opening}`,
    '',
    body,
    '',
    '## Impact',
    '',
    'Every search returned no results for 40 minutes.',
    '',
    '## Root cause',
    '',
    'The index alias pointed at an empty index after a reindex job failed halfway.',
    '',
    '## The fix',
    '',
    '- The alias now moves only after the new index reports its document count.',
    '',
    '## Follow-ups',
    '',
    '- Alert when the live index holds fewer documents than yesterday (@ines, due 2026-03-20).',
    extra,
  ].join('\n');

const PROSE = 'Users typed a query and got an empty page. Support heard about it from customers before any alert fired.';

describe('heldout19: "What happened" that opens a post-mortem in prose is its summary', () => {
  test('no "No Summary" warning when it opens the record and tells what broke', () => {
    assert.ok(!missing(postMortem('What happened', PROSE)).some((m) => m.includes("'Summary'")));
  });

  test('told as time-stamped steps it is the timeline, and the summary is still missing', () => {
    const steps = ['- 09:10 UTC - reindex job started', '- 09:25 UTC - alias moved', '- 10:05 UTC - alias restored'].join('\n');
    assert.ok(missing(postMortem('What happened', steps)).some((m) => m.includes("'Summary'")));
  });

  test('further down, after another section, it does not open the record', () => {
    const doc = postMortem('Detection', 'A customer wrote to support at 09:40 UTC.', `\n## What happened\n\n${PROSE}\n`);
    assert.ok(missing(doc).some((m) => m.includes("'Summary'")));
  });

  test('beside a separate timeline it is still offered as the summary under another name', () => {
    const doc = postMortem('What happened', PROSE, '\n## Timeline\n\n- 2026-02-02 09:10 UTC reindex started\n');
    assert.ok(missing(doc).some((m) => m.includes("'Summary' seems to be here under another name, 'What happened'")));
  });
});

const checklist = (lines: string[]) =>
  ['# Incident: token leaked in a log', '', '## Remediation', '', ...lines, ''].join('\n');

describe('heldout19: a checklist that gives each step to a role in capitals', () => {
  const owners = (lines: string[]) => run(checklist(lines)).model.actionItems.map((i) => i.owners.map((o) => o.value).join(','));

  test('"**USER**:" / "**AGENT**:" leads name who does each step', () => {
    const items = ['- [x] **USER**: revoked the token', '- [x] **AGENT**: removed the token from the config', '- [ ] **USER**: review the access log'];
    assert.deepEqual(owners(items), ['USER', 'AGENT', 'USER']);
    const open = run(checklist(items)).findings.filter((f) => f.ruleId === 'action-item-owner');
    assert.equal(open.length, 0);
  });

  test('a lead used once per item names a topic, not a doer', () => {
    assert.deepEqual(owners(['- [ ] **HTML**: escape the title', '- [ ] **CRLF**: normalise line endings']), ['', '']);
  });

  test('one role alone, or status and priority words in capitals, name nobody', () => {
    assert.deepEqual(owners(['- [ ] **USER**: review the access log', '- [ ] rotate the backup key']), ['', '']);
    assert.deepEqual(owners(['- [ ] **TODO**: review the log', '- [ ] **TODO**: rotate the key', '- [ ] **CRITICAL**: purge caches']), ['', '', '']);
  });
});

const guardrails = (entries: string[]) =>
  [
    '# Dead-process lease blocked the restart',
    '',
    '## Summary',
    '',
    'After the development server was killed, the next start refused to open the database for ten minutes.',
    '',
    '## Root cause',
    '',
    'The lease recorded the owner process, but acquisition ignored it and waited for the lease to expire.',
    '',
    '## Guardrails',
    '',
    ...entries,
    '',
  ].join('\n');

describe('heldout19: a bare "Guardrails" section after the root cause lists the protections now in place', () => {
  const items = (entries: string[]) => run(guardrails(entries)).model.actionItems.map((i) => `${i.status}: ${i.text.slice(0, 24)}`);

  test('its entries, told as what the code, tests and docs now do, are done follow-ups (nothing to warn about)', () => {
    const entries = [
      '- [`local-database.ts`](../src/local-database.ts) checks the recorded PID and reclaims a lease whose process is gone.',
      '- [`lease.test.ts`](../src/lease.test.ts) proves that a live lease remains exclusive.',
      '- 回归测试：`engine.test.ts` 新增 denied_action 端到端用例。',
    ];
    assert.deepEqual(items(entries), ['done: local-database.ts checks', 'done: lease.test.ts proves tha', 'done: 回归测试：engine.test.ts 新增 d']);
    assert.equal(run(guardrails(entries)).findings.filter((f) => f.ruleId.startsWith('action-item')).length, 0);
  });

  test('an entry that asks for work or commits to it is still to do', () => {
    assert.deepEqual(items(['- Add a CI check that restarts the server twice.', '- We will document the lease in the runbook.']), [
      'open: Add a CI check that rest',
      'open: We will document the lea',
    ]);
  });

  test('a pointer to another write-up that guards a different failure is not an item', () => {
    const entries = ['- [Postmortem 0014](0014-lease-leak.md) remains the guardrail for a different lease failure class.', '- The lease test covers a dead owner.'];
    assert.deepEqual(items(entries), ['done: The lease test covers a ']);
  });

  test('"Safeguards in place" may tell the ones there before the incident: its entries are not read as follow-ups', () => {
    const before = guardrails(['- Nightly backups of the database.']).replace('## Guardrails', '## Safeguards in place');
    assert.deepEqual(run(before).model.actionItems, []);
  });
});
