// Shapes behind the false warnings left on the labelled sets (issue 8, judge23): each read as a careful reviewer reads
// it, with the true finding beside it kept.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { sectionUnderAnotherName, timeStampedSteps } from '../../server/src/model/facts';
import { sectionSeen } from '../../server/src/model/seen';
import { alsoShows } from '../../server/src/model/sections';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe build server was breached.\n\n${body}\n`;

describe('a remediation paragraph that looks back instead of committing', () => {
  test('"None of this would have happened had we …" under a remediation sub-heading is the lesson, not an item', () => {
    const m = parsePostmortem(
      doc(
        '## Remediations\n\n### Temporary measures\n\nNone of this would have happened had we retired the stopgap server. As a general point, we should do it right the first time.\n\n### Patching\n\nWe will move every build host to the patched base image.',
      ),
    );
    assert.deepEqual(m.actionItems.map((i) => i.text.slice(0, 20)), ['We will move every b']);
  });

  test('a paragraph that looks back and then commits to work stays a follow-up', () => {
    const m = parsePostmortem(
      doc('## Remediations\n\n### Canaries\n\nThis could have been avoided with a canary stage. We will add a canary stage to the deploy pipeline.'),
    );
    assert.equal(m.actionItems.length, 1);
    assert.equal(m.actionItems[0].status, 'open');
  });
});

describe('the fix the resolution names with its commit, listed again as an action', () => {
  const withResolution = (resolution: string) =>
    doc(`**Resolution:** ${resolution}\n\n## Action items\n\n| Action | Owner | Ticket |\n|---|---|---|\n| Fix the income lookup query | Team benefits | #401 |\n| Add logs to the income service | Team benefits | #403 |`);

  test('the row whose words are the resolution\'s, with the commit linked, is done; the other row stays open', () => {
    const m = parsePostmortem(withResolution('Fix the income lookup query https://github.com/acme/income/commit/8b92c8e1'));
    assert.deepEqual(m.actionItems.map((i) => [i.text, i.status]), [
      ['Fix the income lookup query', 'done'],
      ['Add logs to the income service', 'open'],
    ]);
  });

  test('the same words with no change linked may be what to do: the row stays open', () => {
    const m = parsePostmortem(withResolution('Fix the income lookup query.'));
    assert.equal(m.actionItems[0].status, 'open');
  });
});

describe('a table row one cell short, the owner slid into the column before', () => {
  const table = (rows: string) => doc(`## Action items\n\n| Action | Type | Owner | Ref |\n| --- | --- | --- | --- |\n${rows}`);

  test('"| Add a DB check | Geir Andre Lund|  |" names Geir Andre Lund; the category rows beside it keep no owner', () => {
    const m = parsePostmortem(table('| Watch the pool size | Improvement ||\n| Add a smarter isAlive check | Geir Andre Lund|  |'));
    assert.deepEqual(m.actionItems.map((i) => i.owners.map((o) => o.value)), [[], ['Geir Andre Lund']]);
  });

  test('a disable comment after the short row\'s last pipe does not make it a full row', () => {
    const m = parsePostmortem(table('| Watch the pool size | Improvement ||\n| Add a smarter isAlive check | Geir Andre Lund|  | <!-- postmortem-lint-disable-line action-item-due-date -->'));
    assert.deepEqual(m.actionItems[1].owners.map((o) => o.value), ['Geir Andre Lund']);
  });

  test('a name in a column that holds names in every row is not read as slid, nor is a full row', () => {
    const names = parsePostmortem(table('| Watch the pool size | Kari Nordmann ||\n| Add a smarter isAlive check | Geir Andre Lund|  |'));
    assert.deepEqual(names.actionItems.map((i) => i.owners.length), [0, 0]);
    const full = parsePostmortem(table('| Watch the pool size | Improvement | | #2 |\n| Add a smarter isAlive check | Geir Andre Lund | | #3 |'));
    assert.deepEqual(full.actionItems.map((i) => i.owners.length), [0, 0]);
  });
});

describe('a dated narrative told with times in words is the timeline under another name', () => {
  test('"On Apr 4th at 12:32 GMT", "By around 2am on …", "At about 4am" count as three time-stamped steps', () => {
    assert.equal(timeStampedSteps('On Apr 4th at 12:32 GMT, the key was used.\n\nBy around 2am on Apr 11th we locked them out.\n\nAt about 4am we slept.'), 3);
  });

  test('a date in words with no time, or a time inside the sentence, is not a step', () => {
    assert.equal(timeStampedSteps('On March 13th the attacker got in.\n\nTwo more hosts fell on Apr 5th at 10:00.'), 0);
  });

  test('the rule offers the rename instead of a second, empty timeline', () => {
    const m = parsePostmortem(
      doc('## The incident\n\nOn Apr 4th at 12:32 GMT, a key was forwarded.\n\nBy around 2am on Apr 11th we locked them out.\n\nAt about 4am the services were back.'),
    );
    assert.equal(sectionUnderAnotherName(m, 'timeline')?.title, 'The incident');
  });
});

describe('follow-ups a reader sees in a section the catalogue does not call action items', () => {
  const base = '# Non-string status crashes the emoji helper\n\n## Summary\n\nThe helper crashed on a numeric status.\n\n## Root cause\n\nIt called lower() on a number.\n\n## Resolution\n\nCast the value to str before lowercasing.\n\n## Impact\n\nAny caller could crash.\n\n';

  test('"## Mitigation" after the resolution, written as what to do, holds the follow-ups', () => {
    const m = parsePostmortem(`${base}## Mitigation\n\nAdd type coercion and a regression test for malformed API responses.\n`);
    assert.equal(sectionSeen(m, 'action-items'), true);
  });

  test('a later section that tells what was done is still the resolution: no follow-ups seen', () => {
    const m = parsePostmortem(`${base}## Mitigation\n\nWe added type coercion and a regression test.\n`);
    assert.equal(sectionSeen(m, 'action-items'), false);
  });

  test('"## What Fixed It (Structurally)" in a write-up with no resolution is the change made, as "The fix" is', () => {
    const m = parsePostmortem('# The feature was broken\n\n## Root cause\n\nNo review.\n\n## What Fixed It (Structurally)\n\n| Prevention | Mechanism |\n|---|---|\n| E2E checkpoint | Trace the user path |\n');
    assert.equal(sectionSeen(m, 'action-items'), true);
  });
});

describe('a lessons heading that says what should be done differently', () => {
  test('"What the surface should do differently" shows the action items; "What users should do differently" does not', () => {
    assert.ok(alsoShows('What the surface should do differently', false).includes('action-items'));
    assert.ok(alsoShows('What we would do differently next time', false).includes('action-items'));
    assert.ok(!alsoShows('What users should do differently', false).includes('action-items'));
  });
});
