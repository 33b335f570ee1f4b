// Look-alikes told apart by their shape (model/lookalike.ts): templates, report forms, pages about postmortems,
// runbooks, reference pages whose only "Resolution" is an algorithm's. Each stays quiet; the postmortem next to it,
// written the same way but telling one incident, is still detected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../../server/src/lint/lint';
import { isTemplate } from '../../server/src/model/template-text';

const detected = (text: string) => lint(text, { filePath: '/repo/docs/page.md', rootDir: '/repo', today: '2026-03-01' }).detectedBy;

const TEMPLATE = [
  '# Incident: [title]',
  '',
  '**Date:** YYYY-MM-DD',
  '**Owner:**',
  '',
  '## Summary',
  '',
  '[What broke, for whom, for how long.]',
  '',
  '## Impact',
  '',
  'How many users were affected?',
  '',
  '## Timeline',
  '',
  '- HH:MM [event]',
  '',
  '## Action items',
  '',
  '- [ ] [Action] (owner: <name>)',
  '',
].join('\n');

const FILLED = [
  '# Search outage on 2026-02-03',
  '',
  '## Summary',
  '',
  'Search returned errors for 40 minutes after a config push removed the upstream pool.',
  '',
  '## Impact',
  '',
  'About 12% of search requests failed between 10:05 and 10:45 UTC.',
  '',
  '## Timeline',
  '',
  '- 10:05 UTC config pushed, errors start',
  '- 10:45 UTC config reverted, errors stop',
  '',
  '## Lessons learned',
  '',
  '**What went well**',
  '',
  '- The revert took two minutes once someone looked at the deploy log.',
  '',
  '**Where we got lucky**',
  '',
  '- Item A',
  '',
  '<!-- Anything else worth saying? -->',
  '',
  '## Action items',
  '',
  '- [ ] Validate upstream pools in the config linter (@ana, due 2026-03-01)',
  '',
].join('\n');

test('a template full of placeholders and prompts is quiet; a filled postmortem with a few leftovers is not', () => {
  assert.equal(isTemplate(TEMPLATE), true);
  assert.equal(detected(TEMPLATE), undefined);
  assert.equal(lint(TEMPLATE, { filePath: '/repo/docs/page.md', today: '2026-03-01' }).findings.length, 0);
  assert.equal(isTemplate(FILLED), false);
  assert.equal(detected(FILLED), 'sections');
});

test("a vulnerability report form (Summary / Details / PoC / Impact prompts) is quiet; a security postmortem is not", () => {
  const form = '# Security\n\n### Summary\n\nA short summary of the weakness and how severe it is.\n\n### PoC\n\nSteps to reproduce it on a fresh install.\n\n### Impact\n\nWho is exposed, and to what?\n';
  assert.equal(detected(form), undefined);
  const told =
    '# Token leak in the release pipeline\n\n## Summary\n\nOn 2026-01-12 a publish token was printed in a public build log and was used by an attacker within an hour.\n\n' +
    '## Impact\n\nTwo malicious versions were published and downloaded 340 times before they were removed.\n\n## Patches\n\nVersions 2.4.1 and 2.3.9 were released the same day.\n';
  assert.equal(detected(told), 'sections');
});

test('a page about postmortems in general or describing their sections is quiet; one postmortem is not', () => {
  const guide =
    '# Blameless postmortems\n\nWe look at how the system allowed a failure.\n\n## Timeline\n\nList events from the first alert to recovery.\n\n## Contributing factors\n\nName several causes, not one person.\n';
  assert.equal(detected(guide), undefined);
  const sections =
    'Summary:\n\nWhen it started and who was affected.\n\nTimeline:\n\nThis section lists what the team did, in order.\n\nRoot cause:\n\nThis part explains why it happened.\n';
  assert.equal(detected(sections), undefined);
  const one = '# Postmortem: checkout outage\n\n## Timeline\n\n- 09:12 UTC alert fired\n- 09:31 UTC rollback finished\n\n## Contributing factors\n\nThe deploy skipped the canary stage.\n';
  assert.equal(detected(one), 'sections');
});

test('a runbook with Impact and Prevention headings is quiet; a postmortem that names the runbook in an incident title is not', () => {
  const runbook =
    '# Runbook: disk almost full\n\n**Last reviewed:** 2026-01-20\n\n## Impact\n\nWrites fail when the disk fills.\n\n## Common causes\n\n' +
    'In March the log rotation job failed, the disk was filled in a night and the database stopped. It was restarted after old logs were deleted.\n\n' +
    'In May a backup was written to the data disk by mistake; writes failed until it was moved.\n\n## Prevention\n\n- Alert at 80% use.\n';
  assert.equal(detected(runbook), undefined);
  const outage =
    '# Outage: the runbook script deleted the wrong volume\n\n## Impact\n\nUploads failed for two hours on 2026-02-10.\n\n' +
    '## Timeline\n\n- 14:00 UTC the cleanup script was run and removed the upload volume\n- 14:20 UTC uploads failed; the on-call was paged\n' +
    '- 16:05 UTC the volume was restored from a snapshot and uploads recovered\n\n' +
    '## Root cause\n\nThe cleanup runbook selected volumes by a name prefix that two services shared, so it deleted one it did not own.\n';
  assert.equal(detected(outage), 'sections');
});

test('a reference page whose only "Resolution" is an algorithm is quiet; an incident with Summary and Resolution is not', () => {
  const reference = '# Module loader\n\n## Overview\n\nHow imports are found.\n\n## Resolution algorithm\n\n1. Join relative paths.\n2. Walk up for bare names.\n';
  assert.equal(detected(reference), undefined);
  const incident = '# Incident: lost phone with a signing key\n\n## Summary\n\nA phone holding a signing key was lost on 2026-01-04.\n\n## Resolution\n\nThe key was revoked within the hour and a new one issued.\n';
  assert.equal(detected(incident), 'sections');
});

test('a release retrospective (meeting notes with "Action Items") is quiet; a retrospective of an outage is not', () => {
  const notes = [
    '# Atlas 3.1 Stable Retrospective', 'Date: 9 March 2026', '', 'Facilitator: Priya Natarajan', '## Attendees', '1. Priya', '1. Jun', '',
    '## Retrospective Items', '### What went well', '* The stable build was tagged on the planned day.',
    '### Challenges', '* We underestimated how long the signing step took.', '* Missed the announcement slot by half a day.',
    '### Action Items', '* Merge the three checklist pages into one', '* Better communication with the translators', '',
  ].join('\n');
  assert.equal(detected(notes), undefined);
  const outage = notes.replace('# Atlas 3.1 Stable Retrospective', '# Atlas 3.1 release outage retrospective').replace('### Challenges', '### Root cause\n\nThe 3.1 installer deleted the cache of every user, and sign-in failed for two hours.\n\n### Challenges');
  assert.equal(detected(outage), 'sections');
});

test('a numbered sprint retrospective is quiet; the retrospective of an outage in that sprint is not', () => {
  const retro = [
    '# Sprint 9 Retrospective (2026-02-20)', '', '### What went well?', '- Pairing on the payment screens', '- Reviews came back within a day', '',
    "### What didn't go as well?", '- Two stories were split too late and slipped', '- Some of us were pulled into support for a week', '',
    '### Action items', '- Split stories at planning, not mid-sprint', '- Keep a support rota', '',
  ].join('\n');
  assert.equal(detected(retro), undefined);
  const outage = retro
    .replace('# Sprint 9 Retrospective (2026-02-20)', '# Sprint 9 outage retrospective')
    .replace('### What went well?', '### Root cause\n\nOn 2026-02-17 the payment screens shipped with a broken feature flag, and card payments failed for 50 minutes.\n\n### What went well?');
  assert.equal(detected(outage), 'sections');
});

test('a page about retrospectives (their format, an empty one to copy) is quiet; one retrospective of an incident is not', () => {
  const index = [
    '# Team Retrospectives', '', 'This folder keeps the retrospectives of finished projects.', '',
    '## How to Use', '', '- Read the retrospectives of similar projects before a kickoff', '- Quote a lesson when it bears on a decision', '',
    '## Lessons learned', '', '- [Item 1]', '', '## Action Items', '', '- [ ] [A change for the next project]', '',
  ].join('\n');
  assert.equal(detected(index), undefined);
  const one = [
    '# Retrospective: search outage on 2026-02-03', '', '## Lessons learned', '',
    '- The revert took two minutes once someone looked at the deploy log.', '- Nobody was paged for 25 minutes because the alert went to an old channel.', '',
    '## Action Items', '', '- [ ] Route the search alert to the on-call channel (@ana, due 2026-03-01)', '',
  ].join('\n');
  assert.equal(detected(one), 'sections');
});

test('the report of a recovery drill or tabletop exercise is quiet; an outage during a drill is not', () => {
  const drill = [
    '# Restore Drill Report - Ledger Database', '', '**Drill date:** 2026-02-11', '', '## Scenario', '',
    'We simulated the loss of the primary database and restored it from the nightly snapshot.', '',
    '## Timeline (UTC)', '', '- 09:00 drill starts, primary instance stopped', '- 09:41 restored instance accepts connections', '',
    '## Lessons learned', '', '- The runbook still named the old snapshot bucket.', '',
    '## Action items', '', '- [ ] Point the runbook at the new snapshot bucket', '',
  ].join('\n');
  assert.equal(detected(drill), undefined);
  assert.equal(detected(drill.replace('# Restore Drill Report - Ledger Database', '# Tabletop Exercise Report')), undefined);
  const outage = drill
    .replace('# Restore Drill Report - Ledger Database', '# Outage during the ledger restore drill')
    .replace('## Scenario', '## Impact\n\nThe drill stopped the production primary instead of the staging copy: payments failed for 41 minutes.\n\n## Scenario');
  assert.equal(detected(outage), 'sections');
  assert.equal(detected(drill.replace('# Restore Drill Report - Ledger Database', '# Postmortem: restore drill wiped the ledger')), 'sections');
});

test('a game day report whose title names the staged outage is quiet; an outage during a game day is not', () => {
  const report = [
    '# Game Day Report — Checkout Queue Outage', '', '- Date: 2026-02-19', '- Scenario: outage of the checkout queue, simulated by stopping its broker', '',
    '## What happened', '1. Stopped the queue broker on purpose.', '2. Orders piled up in the retry table, as expected.', '3. The on-call promoted the standby broker.', '',
    '## Follow-up actions', '- Page the on-call when the retry table grows.', '- Add the standby promotion to the weekly checklist.', '',
  ].join('\n');
  assert.equal(detected(report), undefined);
  const outage = [
    '# Checkout outage during the quarterly game day', '', '- Date: 2026-02-19', '',
    '## What happened', '1. The game day script stopped the production broker instead of the staging one.', '2. Checkout failed for 35 minutes.', '',
    '## Follow-up actions', '- Make the script refuse production hosts.', '- Page the on-call when the retry table grows.', '',
  ].join('\n');
  assert.equal(detected(outage), 'sections');
});

test('a template whose sections hold notes in braces is quiet; a postmortem with one such note left in is not', () => {
  const template = [
    '# {Incident Title}',
    '',
    '## Summary',
    '',
    '{one or two sentences on what broke and for whom}',
    '',
    '## Root causes',
    '',
    '{what made it possible, with links to the code}',
    '',
    '## Action items',
    '',
    '### Prevention',
    '',
    '{link to github issues for things that would have prevented this failure, such as',
    'input validation or pinned dependencies}',
    '',
    '### Detection',
    '',
    '{link to github issues for things that would have detected it sooner}',
    '',
  ].join('\n');
  assert.equal(isTemplate(template), true);
  assert.equal(detected(template), undefined);
  const leftover = FILLED.replace('## Action items\n', '## Action items\n\n{each item here should have an owner}\n');
  assert.equal(detected(leftover), 'sections');
  const items = lint(leftover, { filePath: '/repo/docs/page.md', rootDir: '/repo', today: '2026-03-01' }).model.actionItems;
  // the note is no action item: the one real item is all there is
  assert.equal(items.length, 1, items.map((i) => i.text).join(' | '));
  assert.match(items[0].text, /^Validate upstream pools in the config linter/);
});

test('a retrospective of a piece of work that names nothing gone wrong is quiet; one that opens with a failure is a postmortem', () => {
  const retro = (title: string, opening: string) =>
    `# ${title}\n\n**Date:** 2026-04-13\n\n## What Happened\n\n${opening}\n\n## Root Cause\n\nWe started building forms before the component library was set up.\n\n` +
    '## Action Items\n\n- [ ] Migrate the settings page to the dialog component\n- [ ] Add a lint rule that flags raw buttons in feature code\n';
  assert.equal(
    detected(retro('Retrospective: Hand-written forms vs. the component library', 'Between the first scaffold and the library, every form was written by hand. They worked, but each one styled its inputs its own way and none could be themed.')),
    undefined,
  );
  assert.equal(
    detected(retro('Retrospective: Launch day', 'On launch day the signup service failed under the load and users saw errors for two hours before we added capacity.')),
    'sections',
  );
});

test('the report of a planned verification run is quiet, in a postmortems folder too; an outage during one is not', () => {
  const report = [
    '# Verification report: the billing stack on a real cloud account', '', '**Date:** 2026-04-14', '',
    '## Failover, first try', '', '**Root cause:** the health check still pointed at the old primary, so the standby never looked healthy.', '',
    '**Fix** (commit `4c1e9a2`): the check reads the address from the registry; the second try passed.', '',
    '## Follow-ups', '', '- Move the health check address into the shared settings file.', '',
  ].join('\n');
  assert.equal(detected(report), undefined);
  const inFolder = (text: string) => lint(text, { filePath: '/repo/docs/postmortems/2026-04-14-verification.md', rootDir: '/repo', today: '2026-05-01' }).detectedBy;
  assert.equal(inFolder(report), undefined);
  const outage = report.replace('# Verification report: the billing stack on a real cloud account', '# Billing outage during the verification run');
  assert.equal(detected(outage), 'sections');
  assert.equal(inFolder(outage), 'path');
});

test('investment research written as the postmortem of a stock is quiet, in a postmortems folder too; an outage is not', () => {
  const research = [
    '# Acme Robotics FY2025: The Margin Story Break', '', 'Ticker: NYSE: ACMR', 'Event date: 2026-02-12', '',
    'This is investment research, not personalized financial advice.', '',
    '## Valuation Timeline', '', '- 2026-02-12: the stock closed 18% lower after the fourth quarter.', '',
    '## What Actually Broke', '', 'Service revenue shrank because cheaper hardware was sold without contracts.', '',
  ].join('\n');
  assert.equal(detected(research), undefined);
  const inFolder = (text: string) => lint(text, { filePath: '/repo/postmortems/ACMR-2025.md', rootDir: '/repo', today: '2026-05-01' }).detectedBy;
  assert.equal(inFolder(research), undefined);
  const outage = research.replace('Ticker: NYSE: ACMR\n', '').replace('This is investment research, not personalized financial advice.', 'The order API failed for two hours on 2026-02-12.');
  assert.equal(detected(outage), 'sections');
  assert.equal(inFolder(outage), 'path');
});

// Probe of ordinary markdown in the wild (test/eval/QUIET-WILD.md): advisories, runbooks, response plans, known-issue
// pages and sprint retrospectives that borrow a postmortem's headings.
const page = (...lines: string[]) => lines.join('\n');

test('a filled vulnerability advisory (Patches, Workarounds) is quiet; a postmortem with a workaround section is not', () => {
  const advisory = page(
    '# [H] quillmark: Unbounded zip expansion allowed memory exhaustion', '', '## Summary', 'Severity: High', '',
    '### Impact', '', '`Archive.unpack` did not cap what it expanded. A crafted archive exhausted the heap and denied service to everyone.', '',
    '### Patches', '', 'Version 3.8.2 caps expansion at 50 MB.', '', '### Workarounds', '', 'Reject archive uploads at the proxy.', '',
  );
  assert.equal(detected(advisory), undefined);
  const postmortem = page(
    '# Archive uploads took the API down on 2026-04-02', '', '## Summary', '', 'A crafted archive exhausted the heap and the API was down for 40 minutes.', '',
    '## Root cause', '', '`Archive.unpack` did not cap what it expanded.', '', '## Workarounds', '', 'We rejected archive uploads at the proxy until the fix shipped.', '',
  );
  assert.equal(detected(postmortem), 'sections');
});

test("a sprint retrospective named first ('Retrospective — Sprint 214') is quiet; a retrospective of an outage is not", () => {
  const retro = page(
    '# Retrospective — Sprint 214', '', '## What Went Well', '', '- The placeholders run on the render thread.', '',
    '## Action Items', '', '- Use the placeholder on the feed screen (Ilya)', '', 'A small sprint with a large impact on how the app feels.',
  );
  assert.equal(detected(retro), undefined);
  assert.equal(detected(retro.replace('Retrospective — Sprint 214', 'Retrospective — checkout outage on 2026-02-18')), 'sections');
});

test('an alert page whose opening calls it a runbook is quiet; a postmortem that mentions the runbook is not', () => {
  const runbook = page(
    '# LINK-MIB::portFlapDetected', '', 'A port went up and down repeatedly.', '', 'Here is a runbook for the SNMP trap `LINK-MIB::portFlapDetected`:', '',
    '## Impact', '', '* Servers behind the port lose connectivity for seconds at a time', '', '## Mitigation', '', '1. Disable the port if a redundant link exists.', '',
  );
  assert.equal(detected(runbook), undefined);
  const postmortem = runbook
    .replace('# LINK-MIB::portFlapDetected', '# Port flapping cut off the database on 2026-03-02')
    .replace('Here is a runbook for the SNMP trap `LINK-MIB::portFlapDetected`:', 'The runbook for the trap was out of date, so the port stayed up for an hour.');
  assert.equal(detected(postmortem), 'sections');
});

test('a runbook whose numbered headings are the steps to check is quiet; numbered findings in a postmortem are not', () => {
  const runbook = page(
    '# Message Queue Backlog', '', '**Severity:** P2 — causes delays in every service that waits on the queue', '', '## Investigation Steps', '',
    '### 1. Check Consumer Lag', '', 'Lag under a minute is normal.', '', '### 2. Identify Stuck Consumers', '', 'Look for old acknowledgements.', '',
    '### 3. Verify Prefetch Settings', '', '`prefetch` should be 50.', '', '### 4. Immediate Remediation', '', 'Scale the consumers out.', '',
  );
  assert.equal(detected(runbook), undefined);
  const postmortem = page(
    '# Message queue backlog delayed every job on 2026-01-12', '', '## Impact', '', 'Jobs were delayed by up to two hours.', '',
    '## What we found', '', '### 1. Consumer lag grew after the 09:10 deploy', '', '### 2. Two consumers were stuck', '',
    '### 3. Prefetch had been set to 1', '', '## Action items', '', '- Alert on consumer lag (Ilya, 2026-02-01)', '',
  );
  assert.equal(detected(postmortem), 'sections');
});

test('a known-issues page and an incident response plan are quiet; a postmortem of a failed response plan is not', () => {
  const known = page(
    '# Known Issues', '', '## Conversion fails for old guests', '', '### Why this happens', '', 'New hosts dropped the old format.', '',
    '### Impact', '', '- Conversion fails for the affected guests.', '', '### Workaround', '', 'Convert on an older host.', '',
  );
  assert.equal(detected(known), undefined);
  const plan = page(
    '# Incident Response Plan - Ledgerly', '', '## Overview', '', 'How Ledgerly responds to breaches and outages.', '',
    '## Post-Incident Review', '', 'A blameless review within five days.', '', '## Lessons Learned', '', 'Each review ends with the changes we will make.', '',
  );
  assert.equal(detected(plan), undefined);
  const failed = page(
    '# Postmortem: our incident response plan failed during the 2026-03-02 outage', '', '## Summary', '',
    'Nobody was paged for 50 minutes because the rota in the plan was out of date.', '', '## Root cause', '', 'The plan named an engineer who had left.', '',
    '## Action items', '', '- Review the rota monthly (Noor, 2026-04-01)', '',
  );
  assert.equal(detected(failed), 'sections');
});

test('a weekly report and a review whose sections are marked optional are quiet; a weekly outage postmortem is not', () => {
  const weekly = page(
    '# Weekly Insight Addendum — Billing Export Health (Draft 2026-05-11)', '', '## Current Anomaly Flags', '', '- Timeouts remain elevated at 18%.', '',
    '## Narrative Outline', '', '- **Root Cause:** pending analysis.', '', '## Action Items', '', '- [ ] Refresh the sample after the fix.', '',
  );
  assert.equal(detected(weekly), undefined);
  assert.equal(detected(weekly.replace('Weekly Insight Addendum — Billing Export Health', 'Weekly billing export outage')), 'sections');
  const optional = page(
    '# Budget Impact Review', '', '## Risk Log (Optional)', '', '- Runner overages exceed the budget.', '', '## Lessons Learned (Optional)', '',
    '- A manual audit delayed detection until month-end.', '', '## Customer Impact (Optional)', '', '- Slower responses for pilot customers.', '',
  );
  assert.equal(detected(optional), undefined);
  assert.equal(detected(optional.replace(/ \(Optional\)/g, '')), 'sections');
});

test('a status update that promises the next one is quiet; a postmortem that quotes its updates is not', () => {
  const update = page(
    '# Checkout Unavailable', '', 'We are currently seeing a major disruption: customers cannot pay.', '',
    '## Current Impact', '', '**Started**: 2026-04-09 11:05 UTC', '', '## Root Cause', '', 'The payment gateway stopped answering.', '',
    '## What We Are Doing', '', '- Switching card traffic to the standby gateway', '', '**Next Update**: Within 30 minutes', '',
  );
  assert.equal(detected(update), undefined);
  const postmortem = page(
    '# Checkout was unavailable for 50 minutes on 2026-04-09', '', '## Impact', '', 'Customers could not pay by card for 50 minutes.', '',
    '## Timeline', '', '- 11:05 card payments started to fail', '- 11:20 we posted on the status page:', '',
    '  > We are investigating failed payments. Next update: 11:50 UTC', '', '- 11:55 traffic moved to the standby gateway', '',
    '## Root Cause', '', 'The payment gateway stopped answering.', '', '## Action items', '', '- Fail over automatically (Priya, 2026-05-01)', '',
  );
  assert.equal(detected(postmortem), 'sections');
});

test('a retrospective page whose headings name the sprint is quiet even when it mentions bugs and a delay', () => {
  const sprint = readFileSync(new URL('../fixtures/lookalike-retrospective-insights-sprint-heading.md', import.meta.url), 'utf8');
  assert.equal(detected(sprint), undefined);
  // the same page whose heading names an outage, not a sprint, is read by its sections
  const incident = sprint.replace('## Current Sprint Retrospective', '## Checkout outage retrospective').replace(/### Sprint 31[^\n]*/, '### The outage of 2026-03-05');
  assert.equal(detected(incident), 'sections');
});

test('named as an incident page, a page with only an overview that tells nothing that happened is quiet', () => {
  const atPath = (text: string) => lint(text, { filePath: '/repo/docs/incident-page.md', rootDir: '/repo', today: '2026-03-01' }).detectedBy;
  const docs = page(
    '# Incident Page', '', 'Every incident has its own page where you set its fields and add responders.', '',
    '## Overview', '', 'Use the overview to fill in the fields and describe what customers see.', '',
  );
  assert.equal(atPath(docs), undefined);
  const stub = page(
    '# API errors', '', '## Overview', '', 'On 2026-02-03 the API returned errors for 40 minutes after a deploy; we rolled it back.', '',
  );
  assert.equal(atPath(stub), 'path');
});
