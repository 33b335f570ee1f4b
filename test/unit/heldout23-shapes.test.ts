// Shapes the twenty-third held-out set showed (test/eval/heldout23/FIRST-RUN.md), each read as a reader reads it: a
// section named for the steps taken is the record of the response, told as done; a blog post's "How will we improve?"
// holds its follow-ups, and its writer's "I've modified …" is one of them finished.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { matchSection } from '../../server/src/model/sections';
import { completedPrefix } from '../../server/src/model/completed';

const doc = (body: string) => `# Incident\n\n## Summary\n\nThe status page returned 502 for an hour.\n\n${body}\n`;
const statuses = (md: string) => parsePostmortem(doc(md)).actionItems.map((i) => [i.text.replace(/^\W+/u, '').slice(0, 6), i.status]);

describe('heldout23: a section named for the steps taken', () => {
  test('"Actions we took" over past-tense steps and sub-bullets: every step is done', () => {
    const md = '## Actions we took\n\n1. **Rolled Back:** Reverted the proxy image to 2.4\n2. **Checked:**\n   - Confirmed the health check passed\n   - Monitored errors for an hour';
    assert.deepEqual(statuses(md), [
      ['Rolled', 'done'],
      ['Confir', 'done'],
      ['Monito', 'done'],
    ]);
  });

  test('an entry there that asks for work or commits to it stays open', () => {
    const md = '## Remediation steps taken\n\n- Restarted the proxy container\n- Add a port check to the deploy job\n- We will alert on 502 rates';
    assert.deepEqual(statuses(md), [
      ['Restar', 'done'],
      ['Add a ', 'open'],
      ['We wil', 'open'],
    ]);
  });

  test('"Steps to be taken" is a plan: its entries stay open', () => {
    assert.deepEqual(statuses('## Remediation steps to be taken\n\n- Pin the proxy image\n- Alert on 502 rates'), [
      ['Pin th', 'open'],
      ['Alert ', 'open'],
    ]);
  });
});

describe('heldout23: a blog post-mortem\'s "How will we improve?"', () => {
  test('the question and its statement forms name the follow-ups; a past "How we improved …" does not', () => {
    for (const t of ['How are we preventing it from happening again?', 'How will we improve?', 'How can we improve', 'How we will improve', "How we're improving"]) assert.equal(matchSection(t), 'action-items', t);
    assert.notEqual(matchSection('How we improved the cache'), 'action-items');
  });

  test('"I\'ve modified the release procedure …" is finished; "I\'ve opened a support ticket with the vendor …" waits on them', () => {
    assert.ok(completedPrefix("I've modified the release procedure to ask the release manager for a heads up.") > 0);
    assert.equal(completedPrefix("I've opened a support ticket with the CDN vendor about range requests."), 0);
    assert.equal(completedPrefix("I'll be making sure the others can publish advisories."), 0);
  });
});
