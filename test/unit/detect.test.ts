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

test("a postmortems folder's README or index page is linted only when its content is a postmortem", () => {
  const index =
    '# Postmortems\n\nWe write a postmortem after every SEV1 or SEV2 incident, within five working days.\n\n' +
    '## Index\n\n| Date | Title | Severity |\n|---|---|---|\n| 2026-02-03 | [Checkout timeouts](2026-02-03-checkout.md) | SEV2 |\n| 2026-04-19 | [Lost webhooks](2026-04-19-webhooks.md) | SEV1 |\n\n' +
    '## Writing one\n\n1. Copy `TEMPLATE.md` to `YYYY-MM-DD-short-name.md`.\n2. Fill in the summary, impact and timeline.\n3. Give every action item an owner and a due date.\n4. Ask for a review in #incidents.\n';
  for (const path of ['/repo/docs/postmortems/README.md', '/repo/incidents/index.md', '/repo/docs/Post-Mortems/readme.markdown']) {
    assert.equal(detected(index, path), undefined, path);
    assert.deepEqual(lint(index, { filePath: path, today: '2026-03-01' }).findings, [], path);
  }
  // the same page under another name in the folder is still a postmortem by its path
  assert.equal(detected(index, '/repo/docs/postmortems/2026-02-03-checkout.md'), 'path');
  // a postmortem kept as its own folder's README is one by its path
  const postmortem = '# Checkout timeouts\n\nOn 2026-02-03 checkout requests timed out for 40 minutes.\n\n## Action items\n\n- Add a timeout alert\n';
  assert.equal(detected(postmortem, '/repo/incidents/2026-02-03-checkout/README.md'), 'path');
  // and a folder README that is itself a postmortem is read as one by its sections
  const inFolder = postmortem.replace('## Action items', '## Root cause\n\nThe pool was too small.\n\n## Action items');
  assert.equal(detected(inFolder, '/repo/docs/postmortems/README.md'), 'sections');
  assert.ok(lint(inFolder, { filePath: '/repo/docs/postmortems/README.md', today: '2026-03-01' }).findings.some((f) => f.ruleId === 'action-item-owner'));
});

test('a page the globs match only by its name is quiet when it reads as a procedure; in a postmortems folder the path decides', () => {
  const process =
    '# Incident response\n\nThis page says what to do when something breaks in production. Follow it for every SEV1 or SEV2.\n\n' +
    '## When an incident starts\n\n1. Open a channel named `#inc-<date>-<short-name>`.\n2. Page the on-call engineer if they are not already there.\n3. Pick an incident lead and a scribe.\n\n' +
    '## During the incident\n\n- If customers are affected, post on the status page within 15 minutes.\n- Update the status page every 30 minutes until it is resolved.\n- Write down every action with its time in the channel.\n\n' +
    '## After the incident\n\n1. Write the postmortem within five working days, from the template.\n2. Give every action item an owner and a due date.\n3. Book a review meeting with everyone who took part.\n';
  const at = (filePath: string) => lint(process, { filePath, rootDir: '/repo', today: '2026-03-01' });
  assert.equal(at('/repo/docs/during/incident-response.md').detectedBy, undefined);
  assert.deepEqual(at('/repo/docs/during/incident-response.md').findings, []);
  // saved in a postmortems folder, the folder says it is one (the user put it there): the path still decides
  assert.equal(at('/repo/docs/incidents/incident-response.md').detectedBy, 'path');
  // a postmortem the globs match by its name stays one
  const postmortem = '# Checkout timeouts\n\nOn 2026-02-03 checkout requests timed out for 40 minutes.\n\n## Action items\n\n- Add a timeout alert\n';
  assert.equal(lint(postmortem, { filePath: '/repo/blog/2026-02-03-incident.md', rootDir: '/repo', today: '2026-03-01' }).detectedBy, 'path');
});

test('a page the globs match only by its name, with no postmortem section and nothing that happened, is quiet', () => {
  const toolDoc =
    '# Postmortem integration\n\nThe bot can run postmortem hardening work through its usual issue-to-PR flow. The repository keeps the trigger; the bot owns assignment.\n\n' +
    '## How it works\n\n1. A merged bug-fix pull request opens a postmortem tracking issue.\n2. A maintainer adds the approval label.\n3. The bot opens a hardening pull request.\n\n' +
    '## Optional prompt\n\nDeclare the profile in `.bot/workflow.yml`.\n';
  const at = (filePath: string, text = toolDoc) => lint(text, { filePath, rootDir: '/repo', today: '2026-03-01' });
  assert.equal(at('/repo/docs/postmortem.md').detectedBy, undefined);
  assert.deepEqual(at('/repo/docs/postmortem.md').findings, []);
  // in a postmortems folder the path still decides
  assert.equal(at('/repo/docs/postmortems/integration.md').detectedBy, 'path');
  // a postmortem saved under that name that tells what happened, with no section of a postmortem's, is still one
  const told = '# Login outage\n\nOn 2026-02-03 the login service was down for 40 minutes after a bad deploy. We reverted it and the errors stopped.\n';
  assert.equal(at('/repo/docs/postmortem.md', told).detectedBy, 'path');
});

test('a debugging write-up with "What was actually happening" and "The fix" is a postmortem', () => {
  const page =
    '# Saved is not applied\n\n## The setup\n\nThe popup saves the settings and reloads the tab.\n\n## What was actually happening\n\n' +
    'The reload raced the background sync, so the page loaded with the old rules and users saw the blocked site again.\n\n' +
    '## The fix\n\nThe popup now waits for the background to confirm the sync before it reloads.\n';
  assert.equal(detected(page), 'sections');
  assert.equal(detected(page.replace('## The fix', '## Next')), undefined);
});

// a postmortem the folder holds, told in a few lines: only its path makes it one
const shortPostmortem = (title: string) => `# ${title}\n\nOn 2026-02-03 checkout requests timed out for 40 minutes.\n\n## Action items\n\n- Add a timeout alert\n`;

test('a page kept in a runbooks, templates or decisions folder under the postmortems folder is judged by its content', () => {
  const runbook =
    '# Upgrade the database hosts\n\nThe hosts run an old release that gets no security updates.\n\n## Risks\n\n- Connections drop for about a minute\n\n' +
    '## Steps\n\n1. Snapshot each host.\n2. Run the upgrade on the replica first.\n3. Fail over and upgrade the old primary.\n\n## Follow-ups\n\n- [ ] Improve the upgrade script\n';
  for (const path of ['/repo/docs/incidents/runbooks/db-upgrade.md', '/repo/postmortems/templates/db-upgrade.md', '/repo/source/runbooks/general-incident.md']) {
    assert.equal(detected(runbook, path), undefined, path);
    assert.deepEqual(lint(runbook, { filePath: path, today: '2026-03-01' }).findings, [], path);
  }
  // the nearest folder decides: a postmortems folder inside a process folder still holds postmortems
  assert.equal(detected(shortPostmortem('Checkout timeouts'), '/repo/handbook/process/incidents/2026-02-03-checkout.md'), 'path');
  // a postmortem saved in such a folder is still one by its content
  const told = shortPostmortem('Checkout timeouts').replace('## Action items', '## Root cause\n\nThe pool was too small.\n\n## Action items');
  assert.equal(detected(told, '/repo/docs/incidents/runbooks/2026-02-03-checkout.md'), 'sections');
});

test('in a postmortems folder, a page that calls itself another kind of document is judged by its content', () => {
  const decision = (header: string) =>
    `${header}\n\n## Summary\n\nThe workers stay on the shared cluster until the autoscaler supports per-pool limits.\n\n` +
    '## Context\n\nA separate pool doubles the idle capacity we pay for.\n\n## Follow-ups\n\n- [ ] Revisit when the autoscaler ships per-pool limits\n';
  const pages = [
    decision('# 0071: Keep the workers on the shared cluster\n\n- Type: Architecture Decision\n- Status: Accepted'),
    decision('# 0071: Keep the workers on the shared cluster\n\n**Type:** ADR'),
    decision('---\ntype: adr\n---\n# 0071: Keep the workers on the shared cluster'),
    decision('# Milestone report — 2026-07-11: live worker logs'),
    decision('# Runbook: upgrade the homelab OS'),
    decision('# Pitch — move the workers to the shared cluster (v0.6.0)'),
    decision('---\ntype: pitch\n---\n# Workers on the shared cluster'),
    decision('# Incident Response Process'),
    decision('> **Drill — not real production drift.** The drift was injected on purpose to test the alerts.\n\n# Postmortem: induced drift'),
  ];
  for (const page of pages) {
    assert.equal(detected(page, '/repo/postmortems/0071-shared-cluster.md'), undefined, page.slice(0, 60));
    assert.deepEqual(lint(page, { filePath: '/repo/postmortems/0071-shared-cluster.md', today: '2026-03-01' }).findings, []);
  }
  // titles that tell an incident keep the path deciding: "… degraded the process", an "Event type:" line
  assert.equal(detected(shortPostmortem('Watcher storm degraded the process'), '/repo/postmortems/0005-watcher.md'), 'path');
  assert.equal(detected(shortPostmortem('Checkout timeouts').replace('\n\nOn', '\n\nEvent type: design flaw\n\nOn'), '/repo/postmortems/x.md'), 'path');
  // a postmortem titled as a status report is still one by its content
  const told =
    '# Status report: the restore failed and wiped staging\n\n## Summary\n\nOn 2026-02-03 the nightly restore ran against staging and wiped it; staging was down for six hours.\n\n' +
    '## Timeline\n\n- 02:00 UTC the restore started against the wrong host\n- 08:10 UTC staging was restored from the snapshot\n\n' +
    '## Root cause\n\nThe restore script read the host from a stale variable.\n\n## Action items\n\n- Check the target host before a restore\n';
  assert.equal(detected(told, '/repo/postmortems/2026-02-03-restore.md'), 'sections');
});

test('a page named after the collection in the plural is its index; "postmortem.md" is one postmortem', () => {
  const index =
    'We run a post-incident review after every incident, to learn what happened and what to do differently.\n\n' +
    '## Post Incident Reports\n\n- [August 12, 2016](incident_reports/2016-08-12)\n- [June 05, 2016](incident_reports/2016-06-05)\n';
  for (const path of ['/repo/docs/support/incident_reports.md', '/repo/docs/postmortems.md', '/repo/site/Incidents.mdx']) {
    assert.deepEqual(lint(index, { filePath: path, today: '2026-03-01' }).findings, [], path);
  }
  assert.equal(detected(shortPostmortem('Checkout timeouts'), '/repo/docs/postmortem.md'), 'path');
});

test('a post titled as the post-mortem of one event, told in the past, is a postmortem without the headings', () => {
  const story =
    'Tuesday was a tough day for the backend team. Feedback and errors flooded into our emails and logs, and the service was down for two critical hours. ' +
    'We found that accounts were validated against the names the login provider returned, which people had changed. ' +
    'We then fixed a race condition in the database layer that had corrupted a few rows, and restarted every worker.\n\n' +
    'After the fix we added logging of every failed login, and the errors stopped by the evening.\n';
  assert.equal(detected(`# Postmortem for Reliability Issues on Tuesday, March 31st\n\n${story}`), 'sections');
  assert.equal(detected(`# A Post Mortem of The Burning Bug\n\n${story}`), 'sections');
  assert.equal(detected(`# Twitter, Elon & Fosstodon - A Post-Mortem\n\n${story}`), 'sections');
  // a TOML header's title counts (the markdown reader sees no title there)
  assert.equal(detected(`+++\ntitle = "Post-mortem and remediations for Apr 11 security incident"\n+++\n\n${story}`), 'sections');
  // the post-mortem of a project, a collection, a form's heading, or a title with nothing told in the past: not one
  assert.equal(detected(`# Postmortem of our first game jam\n\n${story}`), undefined);
  assert.equal(detected(`# Postmortems for Dagpenger\n\n${story}`), undefined);
  assert.equal(detected(`# Postmortem for {Incident Title}\n\n${story}`), undefined);
  assert.equal(detected('# A post-mortem of the checkout page\n\nWrite what happened, when you noticed it and what you will change. Keep it short and link the tickets.\n'), undefined);
});

test("a status page's entry for one resolved outage is a postmortem; its maintenance notices and open alerts are not", () => {
  const fm = (fields: string) => `---\ntitle: Delayed Webhooks\ndate: 2025-06-03 09:12:00\n${fields}section: issue\n---\n\n`;
  const log =
    '*Resolved* - Webhooks are delivered on time again. {{< track "2025-06-03 10:40:00" >}}\n\n' +
    '*Monitoring* - We moved the queue to a new node and the backlog is draining. {{< track "2025-06-03 10:05:00" >}}\n\n' +
    '*Investigating* - Some webhooks arrive up to an hour late. We are looking into it. {{< track "2025-06-03 09:12:00" >}}\n';
  // its front matter says it took a service down and was resolved
  assert.equal(detected(fm('resolved: true\nseverity: disrupted\naffected:\n  - Webhooks\n') + 'The queue behind webhook delivery stalled after a node ran out of disk.\n'), 'sections');
  // its update log reaches a resolution, whatever the front matter says
  assert.equal(detected(fm('resolved: false\nseverity: notice\n') + log), 'sections');
  assert.equal(detected(log), 'sections');
  assert.equal(detected('*Update* - This incident has been resolved.\n\n*Investigating* - Some users cannot send messages. We are on it.\n'), 'sections');
  // a planned move, a notice, an automated alert still open: nothing went wrong and came back
  assert.equal(detected(fm('resolved: true\nseverity: notice\n') + 'Our service is being moved to a new cluster: expect up to an hour of outage.\n'), undefined);
  assert.equal(detected(fm('informational: true\nseverity: down\nresolved: true\n') + 'We will shut the network down at midnight UTC for maintenance.\n'), undefined);
  assert.equal(detected(fm('resolved: false\nseverity: down\nautomated: true\n') + '*Automated system alert* - Our DNS monitor sees a disruption. A human has been alerted.\n'), undefined);
  // one update is not a log
  assert.equal(detected('# Release notes\n\n*Update* - the installer was resolved to use the new mirror.\n'), undefined);
});

test('a story titled with outages in the plural or as the blameless postmortem of one incident is a postmortem', () => {
  const story =
    'On March 10th, 2026 the build farm stopped answering for seven hours, because the controllers lost quorum when a fourth one was added. ' +
    'Every deploy failed and the secrets store was empty. We restored it from a snapshot that was three days old, and the farm recovered by the evening.\n\n' +
    'The cluster had been set up by one engineer who had left a month before, and nobody had tested a restore since. ' +
    'We rebuilt the controllers from scratch, restarted every worker and paged the vendor, who confirmed the split brain. Deploys were back at 18:00.\n';
  assert.equal(detected(`# Mother of all outages\n\n${story}`), 'sections');
  const report = `# INC-2026-03-build-farm — Blameless postmortem\n\n## Summary\n\n${story}\n## Root causes\n\nQuorum was lost.\n\n## What went well\n\nThe snapshot.\n`;
  assert.equal(detected(report), 'sections');
  // a page about blameless postmortems, or the form of one, stays quiet
  assert.equal(detected('# Guide: blameless postmortem\n\n## Summary\n\nWrite what happened.\n\n## Root causes\n\nList them.\n\n## What went well\n\nSay it.\n'), undefined);
  assert.equal(detected('# [Service name] — Blameless postmortem\n\n## Summary\n\nWrite what happened.\n\n## Root causes\n\nList them.\n\n## What went well\n\nSay it.\n'), undefined);
});

test('a Russian record headed "Что произошло" and "Механизм промаха" (what happened, how the miss happened) is a postmortem', () => {
  const record =
    '# Сборка выложила чужие файлы поверх рабочего дерева\n\n3 марта 2026 года проверка упала, и одна команда перезаписала двадцать файлов.\n\n' +
    '## Что произошло\n\n1. Проверка вернула три расхождения.\n2. Команда выложила файлы главной ветки поверх рабочего дерева.\n3. Дерево вернули к последнему коммиту.\n\n' +
    '## Механизм промаха\n\nКоманда похожа на читающую, но пишет.\n';
  assert.equal(detected(record), 'sections');
});

test('a headless report dated "On 28th February, … went down" is the story of one dated incident; a plan "on 1st March" is not', () => {
  const report = (opening: string) =>
    `${opening}\n\n` +
    'Our database started stalling, which caused a small blip. The on-call engineer noticed it at 15:42 and paged the database team. Then every client retried at once and we flooded ourselves. ' +
    'The health checks all returned healthy, so traffic kept going to the stalled primary. Some users had their pages crash because of long timeouts.\n\n' +
    'We spent too long finding what was wrong, which is why this incident lasted so long. Flags were back at 18:10, once we had restarted the pool, ' +
    'the retries stopped and the primary recovered. We will add a manual override to the health checks.\n';
  assert.equal(detected(report('On 28th February, the search service went down for about 3 hours, from 15:30 to 18:10 UTC.')), 'sections');
  assert.equal(detected(report('On 1st March we will move the search service to new hosts; expect about 3 hours of slow answers.')), undefined);
});

test('a post whose title tells the failure in the past ("Our Domain Expired …") with one cause section is a postmortem', () => {
  const post = (title: string) =>
    `# ${title}\n\nIt was Saturday evening when our community manager wrote that nothing resolved any more. I checked: the site was gone, and so were the chat server and the wiki.\n\n` +
    'I logged into the registrar and found the domain listed as lapsed. We were still within the grace period, so I renewed it, and the services came back a quarter of an hour later.\n\n' +
    '## But how did this happen?\n\nThe card on the account had run out months before and nobody updated it, so the renewal failed. I had dismissed the reminder e-mails, which were many, and the renewal was never paid. The registrar had warned us and we missed it.\n\n' +
    '## Fixing the problem\n\nI moved the payment to the project account, where the funds are.\n';
  assert.equal(detected(post('Our Domain Expired and it Took Out All Our Services')), 'sections');
  // the same story under a title that tells nothing went wrong is left to the usual tests (undated: quiet)
  assert.equal(detected(post('Notes from a Saturday evening')), undefined);
});

test('a short record whose paragraph opens "Impact:" and tells it has that section, in English or Spanish; a one-word value does not', () => {
  const record = (impact: string, resolution: string) =>
    '# Stale path in the build launcher\n\n- Detected: 2026-05-02\n- Status: resolved on 2026-05-04\n\n' +
    '`start.sh` changes into `/home/ci/old-checkout`, but the checkout now lives in `/srv/ci/checkout`.\n\n' +
    `${impact} the launcher cannot find \`builder.js\` on the new runners, so every nightly build stops at its first step.\n\n` +
    `## ${resolution}\n\nThe script now works out its own folder and uses no absolute path.\n`;
  assert.equal(detected(record('Impact:', 'Resolution')), 'sections');
  assert.equal(detected(record('Impacto:', 'Resolución')), 'sections');
  // the label alone in running text ("Impact: high") names no section
  assert.equal(detected(record('Impact: high.\n\nSince then', 'Resolution')), undefined);
  assert.equal(detected(record('Cause:', 'Resolution')), undefined);
});

test('a post tagged as an outage or incident that tells a past event is one; a tagged announcement of planned work is not', () => {
  const post = [
    '---',
    'title: outage-1 2026-06-02',
    'tags: [outage]',
    '---',
    '',
    'Service disruption happened from 2026-06-02 at 7:30 PM EDT to 2026-06-03 at 3:30 AM EDT: our services were',
    'unavailable for roughly 8 hours. There was an outage in the region we host in; the data centre got too hot and',
    'stopped our machine. Our monitoring noticed the outage at 7:32 PM, but nobody was awake to see it.',
    '',
  ].join('\n');
  assert.equal(detected(post), 'front-matter');
  assert.equal(detected(post.replace('tags: [outage]', 'tags: [release]')), undefined, 'the tag decides, not the story alone');
  const planned = '---\ntitle: Planned maintenance on 14 March\ntags: [outage, maintenance]\n---\n\nOn Saturday 14 March 2026 from 06:00 to 08:00 UTC we will move the database to a larger server. The site will be\nunavailable for up to two hours. If you have scheduled jobs in that window, move them to later that day.\n';
  assert.equal(detected(planned), undefined);
});
