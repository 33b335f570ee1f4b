// Bare links to pull requests and issues under a sentence that says what they are (action-items/link-lists.ts), and
// follow-ups told as lessons ("we learnt that we need a …", "we're looking at what we can do for …", told-plans.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/lint/lint';

const STORY =
  '# Incident report: stale 404 pages on the docs site\n\nOn 2026-02-09 the docs site answered valid pages with a 404 for a day.\n\n' +
  'Readers reported it in the morning. We confirmed it an hour later. The origin recovered by the evening and the cached errors expired. ' +
  'We fixed a build script that purged the cache, and we turned on the file cache. The errors stopped that afternoon.\n\n' +
  'The load came from a script that purged the CDN every five minutes after the move, because it looked for a file the new generator no longer wrote. ' +
  'We then removed a CDN rule that cached every response, and the 404s went away within the hour; on the 10th we deployed a fix for translated pages.\n\n';
const read = (md: string) => lint(md, { filePath: 'postmortems/x.md', rootDir: '', today: '2026-06-01' });

test('links to PRs under "the changes made … in response to this incident are:" are done items', () => {
  const r = read(`${STORY}## Details\n\nThe changes made to the server config in response to this incident are:\n\n- https://git.example.org/infra/pull/881\n- https://git.example.org/infra/pull/884\n`);
  const items = r.model.actionItems;
  assert.equal(items.length, 2);
  assert.ok(items.every((i) => i.status === 'done'));
  assert.match(items[0].statusField?.text ?? '', /^The changes made/);
  assert.equal(r.findings.filter((f) => f.ruleId === 'action-item-owner').length, 0);
});

test('links to issues under "We have opened tickets … to track the work" are open items', () => {
  const r = read(`${STORY}## Details\n\nWe have opened two tickets in the infra repository to track the work still needed:\n\n- https://git.example.org/infra/issues/890\n- https://git.example.org/infra/issues/891\n`);
  const items = r.model.actionItems;
  assert.deepEqual(items.map((i) => i.status), ['open', 'open']);
  assert.equal(r.findings.filter((f) => f.ruleId === 'action-item-owner').length, 2);
});

test('a link list whose lead says nothing of its status, or a link with words beside it, is not read', () => {
  const r = read(`${STORY}## Details\n\nA list of related pages, for anyone curious:\n\n- https://git.example.org/infra/issues/12\n\nThe changes made to the config are:\n\n- https://git.example.org/infra/pull/9 (partly reverted later)\n`);
  assert.equal(r.model.actionItems.length, 0);
});

test('in a story post with no follow-up section, a lesson that names what the team needs is an open follow-up', () => {
  // the blog-post shape: a story told at length, follow-ups only in the Lessons prose and the link lists
  const r = read(readFileSync(join(__dirname, '..', 'fixtures', 'lessons-prose-and-link-lists.md'), 'utf8'));
  const lessons = r.model.actionItems.filter((i) => i.section.title === 'Lessons');
  assert.equal(lessons.length, 2);
  assert.ok(lessons.every((i) => i.status === 'open' && i.fromProse === 'commitment'));
  assert.match(lessons[0].text, /we need a preview environment/);
  assert.match(lessons[1].text, /^We're also looking at what we can do/);
});
