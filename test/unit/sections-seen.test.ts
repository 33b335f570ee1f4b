// Sections a reader sees under another name (model/seen.ts): "The fix" of a debugging write-up, "What happened" beside a
// timeline, a "Background" label opening a list of labels. Each with the shape that stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { sectionSeen } from '../../server/src/model/seen';

const seen = (md: string, kind: Parameters<typeof sectionSeen>[1]) => sectionSeen(parsePostmortem(md), kind);

test('"The fix" tells the follow-up of a write-up with no resolution section, not of one that has a "Fix" resolution', () => {
  const story = (heading: string) => `# Stale cache\n\nA cache served old pages.\n\n## What was actually happening\n\nThe key had no locale.\n\n## ${heading}\n\nThe key now carries the locale.\n`;
  assert.ok(seen(story('The fix'), 'action-items'));
  assert.ok(seen(story('Fixing the problem'), 'action-items'));
  // "## Fix" is read as the resolution: the report may still owe its follow-ups
  assert.ok(!seen(story('Fix'), 'action-items'));
  // beside a resolution section, "The fix" is part of the response story
  assert.ok(!seen(`${story('The fix')}\n## Resolution\n\nWe purged the cache.\n`, 'action-items'));
});

test('"What happened" beside a "Timeline" after opening prose shows the causes; first with no opening, it is the summary', () => {
  const body = '## What happened?\n\nThe build plugin we ran had a known flaw.\n\n## Timeline\n\n- 14:05 UTC first request\n';
  assert.ok(seen(`# Keys exposed\n\nAn outsider used a flaw in a build plugin to read the deploy keys stored on our build server.\n\n${body}`, 'contributing-causes'));
  assert.ok(seen(`# Keys exposed\n\n## Summary\n\nAn outsider used a flaw in a build plugin to read the deploy keys stored on our build server.\n\n${body}`, 'contributing-causes'));
  assert.ok(!seen(`# Keys exposed\n\n${body}`, 'contributing-causes'));
  // without a separate timeline, "What happened" is the timeline, and says nothing of why
  assert.ok(!seen('# Keys exposed\n\nAn outsider used a flaw in a build plugin to read the deploy keys stored on our build server.\n\n## What happened?\n\nAt 14:05 UTC a request came in.\n', 'contributing-causes'));
});

test('a "Background" label before the impact and causes labels is the summary; after them it is not', () => {
  const labels = (order: string[]) => `# Incident on 2026-02-10\n\n${order.map((l) => `- **${l}**:\n\nSome text about ${l}.\n`).join('\n')}`;
  assert.ok(seen(labels(['Key events', 'Background', 'Impact', 'Root cause']), 'summary'));
  assert.ok(!seen(labels(['Impact', 'Root cause', 'Background']), 'summary'));
  assert.ok(!seen(labels(['Impact', 'Root cause']), 'summary'));
});

test('a conclusion that commits to work against a repeat shows the action items; a hope alone does not', () => {
  const doc = (conclusion: string) => `# Bridge outage\n\nThe bridge lost its room mappings and stopped relaying messages for most of a day.\n\n## Conclusion\n\n${conclusion}\n`;
  assert.ok(seen(doc('We will be taking nightly backups of the mapping table, in case this problem comes up again.'), 'action-items'));
  assert.ok(!seen(doc('We hope this problem never comes up again.'), 'action-items'));
  assert.ok(!seen(doc('We will publish more details next week.'), 'action-items'));
});
