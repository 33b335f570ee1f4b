// Which documents are postmortems (rules.md): front matter, path globs, or two canonical sections, one distinctive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const detected = (text: string, filePath?: string) => lint(text, { filePath, today: '2026-03-01' }).detectedBy;

test('front matter, path and sections each make a postmortem', () => {
  assert.equal(detected('---\ntype: postmortem\n---\n# Notes\n'), 'front-matter');
  assert.equal(detected('# Notes\n', '/repo/docs/incidents/2026-01-02-db.md'), 'path');
  assert.equal(detected('# DB outage\n\n## Summary\n\nx\n\n## Timeline\n\n- 10:00 UTC paged\n'), 'sections');
});

test('bold labels stand in for headings on pages that have none', () => {
  const page = '# Incident on 2023-09-18\n\n- **Impact**: nodes ran out of disk\n\n- **Resolution**:\n  - restored the 100 GB volumes\n\n- **Review actions**:\n  - Compare launch templates during EKS upgrades\n';
  assert.equal(detected(page), 'sections');
  const r = lint(page, { today: '2026-03-01' });
  assert.deepEqual(r.model.actionItems.map((i) => i.text), ['Compare launch templates during EKS upgrades']);
});

test('a README stays quiet: roadmap checklist, "Events", "Impact of …", "response.body"', () => {
  const readme = '# fastlib\n\n## Overview\n\nA library.\n\n## Events\n\n- `data`\n\n## Impact of streaming\n\nNone.\n\n## response.body\n\nA stream.\n\n## Roadmap\n\n- [ ] Better docs\n- [ ] Improve performance\n';
  assert.equal(detected(readme, '/repo/README.md'), undefined);
  assert.deepEqual(lint(readme, { filePath: '/repo/README.md' }).findings, []);
});

test('a story of one dated failure with its cause is a postmortem without the usual headings; other dated stories are not', () => {
  const story = (title: string, failure: string) =>
    `${title}\n\nOn March 10th, 2026 at 09:00 UTC the package mirror ${failure} for seven hours. Installs that did not pin a fallback failed.\n\n` +
    'The certificate was renewed by hand the night before and was installed on the first host only. The second host kept the old one, which expired at 09:00 UTC.\n\n' +
    'The health check only looked at the first host, because it was added when there was just one. The balancer kept sending traffic to the second host.\n\n' +
    'Users opened issues, but nobody was paged: the alert had been muted during the renewal. A volunteer noticed at 13:40 UTC, copied the certificate and installs recovered.\n';
  assert.equal(detected(story('# The long day of the package mirror', 'went down')), 'sections');
  // told the same way, but nothing went wrong for anyone: a report about other work
  assert.equal(detected(story('# The long day of the package mirror', 'was moved to new hosts').replace(/expired/g, 'was retired')), undefined);
  // a meeting's minutes, titled in a TOML header, that tell the same story
  assert.equal(detected(story('+++\ntitle = "2026-03-12 Infrastructure Team Meeting"\n+++', 'went down')), undefined);
});

test('a Pelican header above the text gives the story its date', () => {
  const text =
    'layout: post\ntitle: incident report for 05292026\ndate: \'2026-05-29T16:59:09+00:00\'\n\n<p>Last week an internal audit found that access logs on the shell host held passwords and had been readable by every committer, because the archive directory was world-readable.</p>\n\n' +
    '<p>The logs were written by a forensic module that was enabled during an earlier intrusion and never turned off. It recorded request bodies, which included passwords sent by old clients.</p>\n\n<p>We made the archive readable by root only, deleted the forensic logs and destroyed the snapshots that held them. Every affected password was reset and the owners were told by mail.</p>\n\n' +
    '<p>The module had been enabled in 2025 while an attack was investigated, and it was never disabled when that work stopped. Nobody noticed, because the logs were rotated into the archive and were not read again.</p>\n\n' +
    '<p>No sign was found that the passwords were used. The accounts that had been affected were checked, and the shell host was restarted with the module removed.</p>\n';
  assert.equal(detected(text), 'sections');
  assert.equal(detected(text.replace("date: '2026-05-29T16:59:09+00:00'\n", '')), undefined);
});

test('a dated report of test runs or probes, past tense with causes, is not a postmortem: the failures it names are in its tables', () => {
  const probe =
    '# Reliability probe of the build tool, 2026-11-30\n\nWe ran each probe from a clean checkout on a busy machine, so the times below are wall-clock times under load. Read the ratios, not the numbers.\n\n' +
    '| # | Probe | Result |\n|---|---|---|\n| 1 | Fuzzer, 100,000 inputs | **0 crashes**; 11 hangs, all on one invalid date |\n| 2 | Big inputs | The 10 MB run took 2 min and went down to swap |\n| 3 | Config attacks | Held: one message per problem |\n\n' +
    '## Findings\n\nThe hangs happened because the date parser retried an impossible date forever. The swap happened because every file was read before the first was linted, which was slow and used 3 GB.\n\n' +
    'The config attacks were rejected: the loader had checked each key, and nesting was reported. The symlink loop was followed until memory ran out, because the walk kept no list of visited folders.\n\n' +
    'We filed each problem with its reproducer and measured every probe twice. The runs were repeated after a restart and gave the same results.\n';
  assert.equal(detected(probe), undefined);
  // the same report opening with a failure in its sentences is the story of one: told in the prose, not a table
  assert.equal(detected(probe.replace('We ran each probe from a clean checkout', 'The build farm went down for a day. We ran each probe from a clean checkout')), 'sections');
});

test('"minutes" names meeting minutes only as such: a postmortem titled "Forty minutes of …" is still one', () => {
  const postmortem = ['# Forty minutes of checkout errors', '', '## Summary', '', 'Checkout returned errors for forty minutes on 2026-02-10.', '', '## Root cause', '', 'A config push removed the upstream pool.', '', '## Action items', '', '- Validate upstream pools in CI (@dana, 2026-03-01)', ''].join('\n');
  assert.equal(detected(postmortem), 'sections');
  const minutes = ['# Minutes: reliability sync', '', '## Attendees', '', '- Ana', '- Bo', '', '## Timeline', '', '- Q3 review', '', '## Action items', '', '- [ ] Ana to book the review', ''].join('\n');
  assert.equal(detected(minutes), undefined);
  assert.equal(detected(minutes.replace('# Minutes: reliability sync', '# Reliability sync: meeting minutes')), undefined);
});

test('a debugging write-up with "What was actually happening" and "The fix" is a postmortem', () => {
  const page =
    '# Saved is not applied\n\n## The setup\n\nThe popup saves the settings and reloads the tab.\n\n## What was actually happening\n\n' +
    'The reload raced the background sync, so the page loaded with the old rules and users saw the blocked site again.\n\n' +
    '## The fix\n\nThe popup now waits for the background to confirm the sync before it reloads.\n';
  assert.equal(detected(page), 'sections');
  assert.equal(detected(page.replace('## The fix', '## Next')), undefined);
});
