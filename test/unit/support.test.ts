// Rule helpers shared by several rules (rules/support/util.ts): where an inserted block starts, and the prose view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint/lint';
import { blockSeparatorBefore, looksCompleted, proseText } from '../../server/src/rules/support/util';
import { commitsToWork } from '../../server/src/model/action-items/commit-sentence';
import { toldPlan } from '../../server/src/model/action-items/told-plans';

test('a block inserted into the text starts after exactly one blank line', () => {
  const sep = (text: string, at = text.length, eol = '\n') => blockSeparatorBefore(text, at, eol);
  assert.equal(sep(''), '', 'start of the document');
  assert.equal(sep('- item'), '\n\n', 'in the middle of a line');
  assert.equal(sep('- item\n'), '\n', 'at the start of a line');
  assert.equal(sep('- item\n\n'), '', 'after a blank line');
  assert.equal(sep('- item\n \t\n'), '', 'after a line of spaces');
  assert.equal(sep('- item\r\n\r\n', undefined, '\r\n'), '', 'CRLF blank line');
  assert.equal(sep('- item\r\n', undefined, '\r\n'), '\r\n', 'CRLF line start');
  assert.equal(sep('\n'), '', 'a document that opens with a blank line');
  assert.equal(sep('- a\n- b\n\n## Next\n', 4), '\n', 'looks back from the insertion point, not the end');
});

test('prose view: code, comments, front matter, code spans and links blanked, offsets and line breaks kept', () => {
  const text = '---\ntitle: x\n---\n# T\r\n\nSee `yesterday` and [docs](https://x.test/y) <!-- note -->\n\n```\ncode\n```\nDone.\n';
  const model = parsePostmortem(text);
  const prose = proseText(model);
  assert.equal(prose.length, text.length);
  assert.equal(prose.replace(/[^\r\n]/g, ''), text.replace(/[^\r\n]/g, ''));
  assert.ok(!/title|yesterday|https|note|code/.test(prose), prose);
  assert.match(prose, /See +and \[docs +\n/);
  assert.ok(prose.endsWith('Done.\n'));
  assert.equal(proseText(model), prose, 'same answer when asked again');
});

test('items written as already done, "re-" verbs included, are not open work', () => {
  for (const t of ['Re-worked our GitHub secrets management to make our response faster', 'Reworked the deploy script', 'Re-enabled the canary stage', 'Switched the build to pnpm 10', 'Switched to pnpm 10 (to disable install scripts)', "We've significantly tightened our package release workflows", 'The team then raised an AWS support ticket to escalate the issue', 'Got guidance from AWS support on querying control-plane logs', 'We also documented the failover steps'])
    assert.ok(looksCompleted(t), t);
  for (const t of ['Rework the deploy script so it can be rolled back', 'Re-enable the canary stage', 'Moved to next quarter', 'Significantly tighten the release workflow', 'Apply fixed limits to the queue', 'Document a runbook for emergency scaling', 'The team should raise alerts on pending pods', 'File a ticket for the scheduler'])
    assert.ok(!looksCompleted(t), t);
});

test('finished work told by "we" or the team is done whatever the verb, unless it reads as intention or work to come', () => {
  // verbs outside the done vocabulary: the form of the verb decides (a past tense, or a participle after have)
  for (const t of ['We tweaked/adjusted the internal registry pull limit', "We've advised the teams to adjust their deployments", 'We reconfigured the probe on the ingress pods', 'The team has re-tagged every base image', 'We have rewritten the retry loop', 'We froze the release branch'])
    assert.ok(looksCompleted(t), t);
  // intention, deliberation, a start, work under way, a ticket for the work, or a future marker in the sentence
  for (const t of ['We decided to move the mirror to its own bucket', 'We discussed adding a pull-rate dashboard', 'We started migrating the mirror', "We've been working on a mirror", 'We opened a ticket to migrate the mirror', 'We tweaked the limit and should revisit it next week', 'We need to tweak the limit', 'We will tweak the limit', 'Team discussed about having closer inspection', 'We planned to rotate the keys'])
    assert.ok(!looksCompleted(t), t);
});

test('a proposal made for the work is open; a stopgap told as in place is done', () => {
  for (const t of ['A proposal has been made to introduce centralized logging. This would include all system logs.', 'An RFC was written to split the mirror bucket'])
    assert.ok(!looksCompleted(t), t);
  assert.ok(looksCompleted('A proposal has been made and accepted.'), 'the proposal itself, finished');
  for (const t of ['For the time being we are running JIRA behind a proxy with the following rules:', "For now, we're blocking the bot's IP range."])
    assert.ok(looksCompleted(t), t);
  for (const t of ['For now we are using the old mirror, and we will switch back next week.', 'For now we need to run the proxy by hand'])
    assert.ok(!looksCompleted(t), t);
});

test('a tracker entry filed for the work is open; finished work told by "I have" is done', () => {
  // the entry is filed, the work is not ("Created a ticket to migrate X", with the tracker named before the noun)
  for (const t of ['We have added a backlog task to curate which alerts we want to receive', 'Created a Jira ticket to migrate the mirror', 'Opened a GitHub issue for the retry loop'])
    assert.ok(!looksCompleted(t), t);
  // a scheduled job is the work itself
  assert.ok(looksCompleted('Added a cron task to prune old images'));
  // done work told in the first person singular, even with a pledge after it
  for (const t of ['I have revoked the only access token tied to my account, and will avoid creating another one', "I've rotated the deploy key"])
    assert.ok(looksCompleted(t), t);
  assert.ok(!looksCompleted("I've opened a support ticket with the CDN about range requests"));
});

test('timeline-timezone: version numbers in a timeline are not clock times', () => {
  const doc = (timeline: string) =>
    `---\ntype: postmortem\n---\n# Upgrade\n\n## Summary\n\nx\n\n## Timeline\n\n${timeline}\n`;
  const tz = (timeline: string) => lint(doc(timeline), { today: '2026-03-01' }).findings.filter((f) => f.ruleId === 'timeline-timezone');
  assert.deepEqual(tz('- 2026-01-12: upgraded EKS from 1.29 to 1.30\n- 2026-01-13: released v10.15 and 10.15.2'), []);
  for (const t of ['- 14:05 paged', '- 9:30 am paged', '- 14h05 paged', '- 14.05 paged', '- 09.30 paged']) assert.equal(tz(t).length, 1, t);
  assert.deepEqual(tz('- 14:05 UTC paged'), []);
});

test('relative-date: the message names the incident date when the document gives one, and the format either way', () => {
  const doc = (fm: string) => `---\ntype: postmortem\n${fm}---\n# Outage\n\n## Summary\n\nWe rolled back yesterday.\n\n## Timeline\n\n- 10:00 UTC alert\n`;
  const msg = (fm: string) => lint(doc(fm), { today: '2026-03-01' }).findings.find((f) => f.ruleId === 'relative-date')?.message;
  assert.equal(msg('date: 2026-01-12\n'), "'yesterday' is relative: write the date as YYYY-MM-DD (incident: 2026-01-12).");
  assert.equal(msg(''), "'yesterday' is relative: write the date as YYYY-MM-DD.");
});

test('done-ness said after the item, in a trailing clause, makes the item done; "to be done" and a due day do not', () => {
  const status = (item: string) => parsePostmortem(`# Outage\n\n## Action items\n\n- ${item}\n`).actionItems[0]?.status;
  for (const t of ['Pin the client library to 5.4 - this has already been done.', 'Restart consumers on lag, now done', 'Add a release-checklist step (completed in #412)', 'Show lag per queue on the board. _done in the dashboard repo_.', 'Keep a spare node in the pool - this is already in place'])
    assert.equal(status(t), 'done', t);
  for (const t of ['Move the queue to its own vhost - to be done', 'Add a canary consumer (not done)', 'Retire the legacy consumer - done by Friday', 'Split the job - partially done', 'Remove the flag once this is done', 'Check that the nightly backup is done'])
    assert.equal(status(t), 'open', t);
});

test('a checkbox whose parts are sub-boxes is one item; the sub-bullets of a bold label stay items of their own', () => {
  const m = parsePostmortem('# Outage\n\n## Action items\n\n- [ ] Make sure stale-index alerting covers these jobs:\n  - [ ] Nightly rebuild\n  - [ ] Weekly compaction\n- **Review actions**:\n  - Time out a stuck rebuild after 30 minutes\n  - Document the manual restart in the runbook\n');
  assert.deepEqual(
    m.actionItems.map((i) => i.text),
    ['Make sure stale-index alerting covers these jobs:', 'Time out a stuck rebuild after 30 minutes', 'Document the manual restart in the runbook'],
  );
  assert.equal(m.actionItems[0].subItems.length, 2);
});

test('"we will do the following:" under a lessons heading hands over to its bullets, and the follow-ups count as a section', () => {
  const text = `# Late confirmations\n\n## Summary\n\nConfirmations were late.\n\n## Impact\n\n4,000 customers waited 12 minutes.\n\n## Timeline\n\n- 18:05 UTC volume doubles\n\n## Contributing causes\n\nThe replica fell behind.\n\n## Recovery and lessons learned\n\nThe lag recovered by itself. Going forward, we will do the following to avoid a repeat:\n\n- We will alert when replica lag passes 60 seconds.\n- We will post on the status page within 15 minutes.\n`;
  const r = lint(text, { today: '2026-03-01', filePath: 'postmortems/x.md', rootDir: '' });
  assert.deepEqual(
    r.model.actionItems.map((i) => i.text),
    ['We will alert when replica lag passes 60 seconds.', 'We will post on the status page within 15 minutes.'],
  );
  assert.ok(!r.findings.some((f) => f.ruleId === 'missing-section'), r.findings.map((f) => f.message).join('\n'));
  // the same follow-ups under "Resolution and recovery" alone: the section is still reported missing
  const plain = lint(text.replace('Recovery and lessons learned', 'Resolution and recovery'), { today: '2026-03-01', filePath: 'postmortems/x.md', rootDir: '' });
  assert.ok(plain.findings.some((f) => f.ruleId === 'missing-section' && /Action items/.test(f.message)));
});

test('a rule written down or a bold label naming finished work is done; the same words as a plan are not', () => {
  for (const t of ['The generalized rule — bit patterns are permanent and must never be reused — is encoded in [the pickling instructions](x.md)', 'This is now codified in the runbook', '**Rule encoded** in [`SyntaxTree.instructions.md`]: the parser must not relocate', '**Baseline coverage added** in `tests/service/data`: two files', '`.github/instructions/EngVersioning.instructions.md` scoped to `eng/Packages.props` encodes the rule: pin through the named property'])
    assert.ok(looksCompleted(t), t);
  for (const t of ['The rule will be codified in the runbook', 'The rule should be codified in the checklist', '**Alerts to be added**: one per queue', '**Alerts not added** yet', 'Codify the rule in the checklist', 'The checklist will encode the rule'])
    assert.ok(!looksCompleted(t), t);
});

test('alternatives set aside and advice to the reader are not items; the same words as a plan are', () => {
  const texts = (body: string) => parsePostmortem(`# Outage\n\n## Remediations\n\n${body}\n`).actionItems.map((i) => i.text);
  // options weighed after "Alternatives … included / we considered:", however long
  for (const lead of ['Alternatives here included:', 'Alternatives we considered:', 'The options we weighed were:', 'Other alternatives:'])
    assert.deepEqual(texts(`${lead}\n\n- We could move publishing to a hosted CI service\n- Make the builds reproducible`), [], lead);
  // a lead-in that is not about alternatives keeps its bullets, and so does a checklist
  for (const lead of ['Next steps:', 'Options were discussed; we will do this:', 'We chose these options:'])
    assert.equal(texts(`${lead}\n\n- Move publishing to a hosted CI service\n- Make the builds reproducible`).length, 2, lead);
  assert.equal(texts('Alternatives we considered:\n\n- [ ] Move publishing to CI\n- [ ] Make the builds reproducible').length, 2);
  // "If you need to …, use …" is a rule for the reader; "If we …" / "If the …" are still plans
  assert.deepEqual(texts('- If you need to publish by hand, use the signed upload script\n- This can also be used with the staging mirror'), []);
  assert.equal(texts('- If we need to publish by hand, add a signed upload script\n- If the sync fails, page the on-call\n- Use the signed upload script').length, 3);
});

test('a "will" whose subject is "who" tells about people, unless the sentence commits elsewhere', () => {
  for (const t of ['We know there are plenty of users out there who will have been affected by the problem', 'Anyone who will need a new key can ask in the admin room', 'Members who will have noticed the slowdown should see normal speeds now'])
    assert.ok(!commitsToWork(t), t);
  for (const t of ['We will email every admin who will be affected by the rerun', 'The team who will own the rebuild is planning to add a second replica', 'We will have migrated every host by 2026-04-01', 'Publish the rules for anyone who will be an admin of a channel'])
    assert.ok(commitsToWork(t), t);
});

test('a standing strategy after "our strategy / policy is:" is not items; owned, dated bullets still are', () => {
  const texts = (body: string) => parsePostmortem(`# Outage\n\n## Remediations\n\n${body}\n`).actionItems.map((i) => i.text);
  for (const lead of ['Other than CI, our strategy is:', 'Our policy is:', 'Our current strategy here remains as follows:'])
    assert.deepEqual(texts(`${lead}\n\n- Continue using Github for public repositories\n- Use our GitLab for private ones`), [], lead);
  for (const lead of ['Our strategy will be:', 'Our plan is:', 'The strategy of the attacker was:'])
    assert.equal(texts(`${lead}\n\n- Continue using Github for public repositories\n- Use our GitLab for private ones`).length, 2, lead);
  assert.equal(texts('Our strategy is:\n\n- Move the sync host to the new region — @jpark, due 2026-04-15\n- Keep the CDN').length, 2);
});

test('bullets after "What we have landed on is as follows:" told in the present are in place; imperatives and "will" stay open', () => {
  const status = (lead: string) => parsePostmortem(`# Outage\n\n## Remediations\n\n${lead}\n\n- Developers cut a release branch\n- We then sign every release on an offline laptop.\n- Add a spare laptop\n- We will rehearse a release each quarter\n`).actionItems.map((i) => i.status);
  for (const lead of ['Designing this is hard. What we have landed on is as follows:', 'What we settled on:', 'Our new release process is:', 'Here is how it works now:'])
    assert.deepEqual(status(lead), ['done', 'done', 'open', 'open'], lead);
  for (const lead of ['What we will do is as follows:', 'Our new release process will be:', 'What we have landed on. Next steps:'])
    assert.deepEqual(status(lead), ['open', 'open', 'open', 'open'], lead);
});

test('bullets under a lessons lead-in ("The main highlights … are:") are lessons unless written as work', () => {
  const texts = (lead: string) => parsePostmortem(`# Outage\n\n## Remediations\n\n${lead}\n\n- The need for a single incident manager\n- The benefits of one shared incident document\n- Add a failover runbook\n- The checklist will cover who informs the regulator\n- [ ] The need for a spare laptop\n`).actionItems.map((i) => i.text);
  for (const lead of ['There is much we have learnt. The main highlights taken from our internal retrospective are:', 'Lessons learned:', 'Our takeaways:'])
    assert.deepEqual(texts(lead), ['Add a failover runbook', 'The checklist will cover who informs the regulator', 'The need for a spare laptop'], lead);
  for (const lead of ['Follow-ups:', 'Highlights of the incident. Next steps:'])
    assert.equal(texts(lead).length, 5, lead);
});

test('the writer adding a remark ("I\'ll add for the record that …") is saying, not work; "add that check" is work', () => {
  for (const t of ["I'll add for further memory that in addition to all this I had my driving test that week.", 'I should note that the backup was three months old.']) {
    assert.ok(!commitsToWork(t), t);
    assert.ok(!toldPlan(t), t);
  }
  for (const t of ['We will add that check to CI.', 'We will note that in the runbook.', 'We will add alerting so that the disk never fills.']) assert.ok(commitsToWork(t), t);
});
