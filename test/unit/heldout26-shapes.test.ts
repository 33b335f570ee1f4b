// Shapes the twenty-sixth held-out set showed (test/eval/heldout26/FIRST-RUN.md), each read as a reader reads it: an
// opening "What happened" beside "What went well" is the summary, a "Diagnosis" gives the causes, "Affected files" is
// not the impact, an acceptance criterion is the finish line, a list led in as "the next priorities" is still to do, a
// follow-up told where the problem is explained and tracked again in the table is one follow-up, and a folder's index
// under its folder's front matter is not a postmortem.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint/lint';

const TODAY = '2026-11-30';
const findings = (md: string, rule: string) => lint(md, { today: TODAY }).findings.filter((f) => f.ruleId === rule).map((f) => f.message);

describe('heldout26: an experiment postmortem opening with "What happened"', () => {
  const md = (opening: string) =>
    `# Postmortem: load test of the cache\n\nDate: 2026-05-25\n\n## What happened\n\n${opening}\n\n## What went well\n\n- The harness resumed after a crash.\n\n## What went wrong\n\n### 1. The pool ran dry\n\nThe connection pool was sized for one worker, so the second one starved.\n\n## Action items\n\n| # | Item | Owner | Status |\n|---|---|---|---|\n| 1 | Size the pool per worker | @ana | open |\n`;

  test('told in prose, it is the summary: no "No \'Summary\' section"', () => {
    const out = findings(md('Ran 400 requests a second against the cache for two hours; two of three hypotheses failed.'), 'missing-section');
    assert.ok(!out.some((m) => /Summary/.test(m)), out.join('\n'));
  });

  test('told as timed steps, it is the timeline, and the summary is still asked for', () => {
    const out = findings(md('- 10:02 UTC — load started\n- 10:40 UTC — pool ran dry\n- 11:05 UTC — load stopped'), 'missing-section');
    assert.ok(out.some((m) => /Summary/.test(m)), out.join('\n'));
  });
});

describe('heldout26: headings a reader sees as the causes, and one that is not the impact', () => {
  const md = (causes: string, other: string) =>
    `# Login rejected after key rotation\n\n## Summary\n\nLogins failed for an hour after the signing key was rotated.\n\n## Timeline\n\n- 09:00 UTC key rotated\n- 10:00 UTC verifier restarted\n\n## ${causes}\n\nThe verifier most likely kept the old key in memory.\n\n## ${other}\n\n- \`deploy/verifier.yaml\`\n\n## Action items\n\n- Reload keys on rotation (owner: @ana, due 2026-12-15)\n`;

  test('"Diagnosis and confidence" gives the causes', () => {
    assert.ok(!findings(md('Diagnosis and confidence', 'Notes'), 'missing-section').some((m) => /Contributing causes/.test(m)));
  });

  test('a heading that names neither is still reported', () => {
    assert.ok(findings(md('Notes on the night', 'More notes'), 'missing-section').some((m) => /Contributing causes/.test(m)));
  });

  test('"Affected files" is not offered as the impact to rename; "Affected hosts" is', () => {
    const files = findings(md('Root cause', 'Affected files (absolute paths)'), 'missing-section').filter((m) => /Impact/.test(m));
    assert.deepEqual(files, ["No 'Impact' section: add an '## Impact' section."]);
    const services = findings(md('Root cause', 'Affected hosts'), 'missing-section').filter((m) => /Impact/.test(m));
    assert.match(services[0] ?? '', /under another name, 'Affected hosts'/);
  });
});

describe('heldout26: an acceptance criterion gives the finish condition', () => {
  const md = (header: string, cell: string) =>
    `# Slow logins\n\n## Summary\n\nLogins took 8 s for a day.\n\n## Timeline\n\n- 09:00 UTC — logins slowed\n\n## Root cause\n\nA cold cache after the restart.\n\n## Action items\n\n| Follow-up | Owner | ${header} | Status |\n|---|---|---|---|\n| Investigate slow logins | @ana | ${cell} | Open |\n`;

  test('a filled "Acceptance criterion" cell: not vague', () => {
    assert.deepEqual(findings(md('Acceptance criterion', 'p95 login under 1 s for a day, cause named'), 'action-item-vague'), []);
  });

  test('an empty one, or a column of another kind, leaves the item vague', () => {
    assert.equal(findings(md('Acceptance criterion', ''), 'action-item-vague').length, 1);
    assert.equal(findings(md('Notes', 'p95 login under 1 s for a day, cause named'), 'action-item-vague').length, 1);
  });
});

describe('heldout26: a list of next priorities under a heading of finished work', () => {
  const items = (lead: string) =>
    parsePostmortem(`# Compromised container\n\n## Summary\n\nA miner ran in the web container.\n\n## What changed after the incident\n\nWe upgraded the framework.\n\n${lead}\n\n- rate limiting on the upload route;\n- shorter log retention.\n`).actionItems.map((i) => [i.text.replace(/;|\.$/, ''), i.status]);

  test('"The next hardening priorities are:" keeps the bullets open', () => {
    assert.deepEqual(items('The next hardening priorities are:'), [
      ['rate limiting on the upload route', 'open'],
      ['shorter log retention', 'open'],
    ]);
  });

  test('a lead-in that does not say they come next leaves them done, as the heading says', () => {
    assert.ok(items('We also put in place:').every(([, s]) => s === 'done'));
  });
});

describe('heldout26: a follow-up told beside the problem and tracked again in the table', () => {
  const texts = (label: string) =>
    parsePostmortem(
      `# Importer stall\n\n## Summary\n\nThe importer hung for two hours.\n\n## What went wrong\n\nThe importer hung without an error. **Follow-up:** ${label}\n\n## Action items\n\n| # | Item | Owner | Status |\n|---|---|---|---|\n| 1 | Importer health check on the queue | @ana | open |\n`,
    ).actionItems.map((i) => i.text);

  test('the sentence restating the tracked row is not a second item', () => {
    assert.deepEqual(texts('add a health check to the importer.'), ['Importer health check on the queue']);
  });

  test('a follow-up about other work stays an item of its own', () => {
    assert.equal(texts('document the restart steps in the runbook.').length, 2);
  });
});

describe('heldout26: a folder index under a postmortem front matter', () => {
  const fm = (title: string, body: string) => `---\ntitle: ${title}\nkind: postmortem\n---\n${body}\n`;

  test('"# Post-mortems" and one sentence is not judged a postmortem', () => {
    assert.equal(lint(fm('Post-mortems', '# Post-mortems\n\nWhat happened on major experiments.'), { today: TODAY }).isPostmortem, false);
  });

  test('one incident under the same front matter still is', () => {
    assert.equal(lint(fm('Importer stall', '# Postmortem: the importer stall\n\nThe importer hung for two hours.'), { today: TODAY }).detectedBy, 'front-matter');
  });
});

describe('heldout26: "when" written in an Owner column', () => {
  const md = (owner: string) =>
    `# Sweep crash\n\n## Summary\n\nThe sweep died at cell 400.\n\n## Timeline\n\n- 10:00 UTC — sweep started\n\n## Root cause\n\nA stale lock file.\n\n## Action items\n\n| # | Item | Owner | Status |\n|---|---|---|---|\n| 1 | Release the lock on SIGTERM | ${owner} | open |\n`;

  test('"next sprint", "this week", "follow-on" name nobody: the owner finding says so', () => {
    for (const when of ['next sprint', 'this week', 'follow-on']) assert.deepEqual(findings(md(when), 'action-item-owner'), [`'${when}' is not an owner: name the one person who will drive it, e.g. @alice.`], when);
  });

  test('a name in the same column is the owner', () => {
    assert.deepEqual(findings(md('Ana'), 'action-item-owner'), []);
  });
});
