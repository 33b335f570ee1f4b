// A bold topic title over checks and ways of working (action-items/practice-lists.ts isPracticeGroup) is not a task:
// no owner, date or vague finding on it. A title over work to do, or over checks someone owns, is still an item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const doc = (prevention: string) =>
  `# 2026-05-19 Deploy served an empty page\n\n## Summary\n\nOn 2026-05-19 a deploy published an empty folder and the site was blank for 35 minutes.\n\n` +
  `## Impact\n\nEvery visitor saw a blank page for 35 minutes.\n\n## Timeline (UTC)\n\n- 16:12 the empty folder is published\n- 16:47 the previous build is restored\n\n` +
  `## Root cause\n\nThe hosting settings pointed at a folder the framework no longer wrote to.\n\n## Prevention\n\n${prevention}\n`;
const itemTexts = (md: string) => lint(md, { today: '2026-03-01' }).model.actionItems.map((i) => i.text);

test('a topic title over checks to make from now on is not read as an item', () => {
  const md = doc('1. **Deployment Strategy**\n   - Test builds locally before pushing\n   - Check the console for error logs\n\n2. **Another Item**\n   - Add an alert on empty pages\n   - Add a synthetic check\n');
  const texts = itemTexts(md);
  assert.ok(!texts.some((t) => /Deployment Strategy/.test(t)), texts.join(' | '));
  assert.ok(texts.some((t) => /Another Item/.test(t)), texts.join(' | '));
});

test('a topic title over a code block of commands to run is not read as an item', () => {
  assert.deepEqual(itemTexts(doc('1. **Local Testing**\n   ```bash\n   npm run build\n   ```\n\n2. Add an alert on empty pages — @ana, due 2026-06-01\n')), ['Add an alert on empty pages']);
});

test('checks with an owner or a date, a verb title or a commitment under the title stay an item', () => {
  for (const p of [
    '1. **Hosting Settings**\n   - Verify the output folder — @noor\n   - Check the redirect rules\n',
    '1. **Harden deploys**\n   - Test builds locally before pushing\n   - Check the console for error logs\n',
    '1. **Deeper Monitoring**\n   We plan to add alerts on:\n\n   - Test failures\n   - Check latency\n',
  ])
    assert.equal(itemTexts(doc(p)).length, 1, p);
});

test('"Document why we chose …" beside other ways of working is a practice of recording decisions; "Document the runbook" is work', () => {
  const decisions = '1. **Architecture Decisions**\n   - Document why we chose a static export over server rendering\n   - Prefer the simpler option when it meets the requirements\n\n2. Add an alert on empty pages — @ana, due 2026-06-01\n';
  assert.deepEqual(itemTexts(doc(decisions)), ['Add an alert on empty pages']);
  const runbook = '1. **Runbook Updates**\n   - Document the restore steps for the hosting settings\n   - Prefer the simpler option when it meets the requirements\n';
  assert.equal(itemTexts(doc(runbook)).length, 1);
});
