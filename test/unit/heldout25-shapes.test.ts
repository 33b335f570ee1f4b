// Shapes the twenty-fifth held-out set showed (test/eval/heldout25/FIRST-RUN.md), each read as a reader reads it: a
// standing rule kept in an action table is not work, maxims in a Prevention list are not tasks, sections named for
// their fixes or follow-ups hold items, a review told in phases keeps its improvement plan, and a severity or scope
// field written out in words states the impact.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint/lint';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe billing export stalled for an hour on a full queue.\n\n${body}\n`;
const texts = (md: string) => parsePostmortem(doc(md)).actionItems.map((i) => i.text);

describe('heldout25: a standing rule in an action table', () => {
  const table = (status: string) =>
    `## Follow-ups\n\n| Action | Owner | Status |\n|---|---|---|\n| Replay the stuck invoices one by one | Mira | TODO |\n| Never mark a batch handled without reading it | Mira | ${status} |`;

  test('a POLICY, Rule or Standing status marks a rule in force, not an item', () => {
    for (const status of ['POLICY', 'Rule', 'Standing', '**Standing rule**']) assert.deepEqual(texts(table(status)), ['Replay the stuck invoices one by one'], status);
  });

  test('any other status keeps the row an item', () => {
    assert.equal(texts(table('Ongoing')).length, 2);
  });
});

describe('heldout25: lessons written as maxims in a Prevention list', () => {
  test('rules, comparisons and general truths are set aside; the tasks beside them stay items', () => {
    const md =
      '## Prevention\n\n1. Watchdog pattern: always give a background job a deadline\n2. Fail fast + retry > hang forever\n3. Record how old the oldest queued job is on the dashboard\n4. Page when the queue grows for ten minutes while the worker reports busy';
    assert.deepEqual(texts(md), ['Record how old the oldest queued job is on the dashboard', 'Page when the queue grows for ten minutes while the worker reports busy']);
  });

  test('a list of maxims only holds no item, a habit tied to an occasion among them included', () => {
    const md = '## Prevention\n\n1. Try the whole path end-to-end before releasing\n2. Never trust a green badge — check the side effect happened\n3. Quiet failures are the worst failures';
    assert.deepEqual(texts(md), []);
  });

  test('one maxim beside tasks is not enough: the list stays items', () => {
    const md = '## Prevention\n\n1. Always set a spending alert on new accounts\n2. Move the export job to its own worker pool';
    assert.equal(texts(md).length, 2);
  });

  test('a maxim written as tracked work (a box, an owner) stays an item, and does not count towards the two', () => {
    const md = '## Prevention\n\n- [ ] Always give a background job a deadline\n- Quiet failures are the worst failures (owner: @kai)\n- Retry > hang';
    assert.equal(texts(md).length, 3);
  });
});

describe('heldout25: a review told in phases', () => {
  test('"Phase 3: Improvement plan" is the action items, and its Detection / Mitigation / Process tables are follow-ups', () => {
    const table = (item: string) => `| Item | Owner | Target |\n|---|---|---|\n| ${item} | operator | next |`;
    const md = [
      '## Phase 3: Improvement plan',
      `### Prevention (would have stopped this happening)\n\n${table('Cap the export worker at one job')}`,
      `### Detection (would have surfaced the problem sooner)\n\n${table('Alert when the queue holds jobs for ten minutes')}`,
      `### Mitigation (would have reduced impact / recovery time)\n\n${table('Add a remote power switch to the worker box')}`,
      `### Process\n\n${table('Write the recovery steps into the runbook')}`,
    ].join('\n\n');
    assert.equal(texts(md).length, 4);
  });

  test('a phase that names no section stays unnamed', () => {
    assert.equal(parsePostmortem(doc('## Phase 2: Cleanup\n\nWe removed the old images.')).allSections.find((s) => s.title.startsWith('Phase'))?.kind, undefined);
  });
});

describe('heldout25: the impact stated in a Field | Value header table', () => {
  const header = (severity: string) =>
    `# Why the merge queue stalls\n\n| Field | Value |\n|---|---|\n| Scope | 12 open pull requests, none merged since noon |\n| Severity | ${severity} |\n| Reviewed | 2026-09-17 |\n\n## Summary\n\nMerges stopped at 13:40.\n\n## Timeline\n\n- 13:40 UTC last merge\n\n## Root cause\n\nThe main branch was red.\n\n## Action items\n\n- Make the main branch checks pass again (owner: @ana, due 2026-10-01)\n`;
  const missing = (md: string) => lint(md, { today: '2026-09-18' }).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message);

  test('a severity or scope written out in words is the impact: no "No \'Impact\' section"', () => {
    assert.deepEqual(missing(header('medium — throughput stall, no data lost, work still produced')), []);
  });

  test('a bare severity level and a short scope do not state it', () => {
    const md = header('SEV2').replace('12 open pull requests, none merged since noon', 'merge queue');
    assert.equal(missing(md).length, 1);
    assert.match(missing(md)[0], /Impact/);
  });
});

describe('heldout25: action sections named for their fixes and follow-ups', () => {
  const items = (md: string) => parsePostmortem(doc(md)).actionItems.map((i) => [i.text.slice(0, 12), i.status, i.owners.map((o) => o.value).join(',')]);

  test('"Fix list (ranked by leverage)": bold numbered fixes are open items; a file path or "whichever …" after Owner: is nobody', () => {
    const md =
      '## Fix list (ranked by leverage)\n\n1. **Make the nightly checks pass on main.** Owner: `ci/nightly.sh`. Acceptance check: the job exits 0.\n2. **Close the stale draft PR #88** so it stops counting as open. Owner: whichever lane owns issue #80. Acceptance check: the PR is closed.';
    assert.deepEqual(items(md), [
      ['Make the nig', 'open', ''],
      ['Close the st', 'open', ''],
    ]);
    const item = parsePostmortem(doc(md)).actionItems[1];
    assert.equal(item.ownerPlaceholder?.value, 'whichever lane owns issue #80');
  });

  test('"Fixes already landed" (a Commit | Fix table) holds done items; "Follow-ups to file" open ones', () => {
    const md =
      '## Fixes already landed\n\n| Commit | Fix |\n|---|---|\n| `a1b2c3d` | The rebuild step reads the stats before it deletes anything |\n\n## Follow-ups to file\n\n- The importer skips every record once the cache file survives a rebuild';
    assert.deepEqual(items(md), [
      ['The rebuild ', 'done', ''],
      ['The importer', 'open', ''],
    ]);
  });

  test('"Guardrail implemented" tells a guardrail in place: done', () => {
    assert.deepEqual(items('## Guardrail implemented\n\nThe watchdog now runs the lock sweep on every tick and prints each finding.'), [['The watchdog', 'done', '']]);
  });

  test('"Fix applied" stays the resolution: its account of the fix is not a follow-up', () => {
    assert.deepEqual(items('## Fix applied\n\n- Restarted the importer with the cache cleared'), []);
  });
});
