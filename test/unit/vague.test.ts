// The vague-item classifier, as a pure function of the item's text: what makes an item doable is a verb that
// produces something and a concrete object, not the absence of certain words.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { classifyVague, lemma, rewriteTemplate } from '../../server/src/rules/action-item-vague';
import { lint } from '../../server/src/lint/lint';

const vague = (t: string) => classifyVague(t).vague;

describe('vague items are flagged', () => {
  for (const t of [
    'Improve monitoring of the database',
    'better testing',
    'Align with the data team on imports',
    'We need better testing',
    'More alerts',
    'Add more alerts',
    'Look into the alerting',
    'Investigate further',
    'Review processes',
    'Make it more resilient',
    'Consider moving the gateway to Envoy',
    'We should consider a versioned API for the config',
    'Discuss the feasibility of GitOps for cluster workloads',
    'Schedule a discussion about how we test new images',
    'Add monitoring',
    'Increase test coverage',
    'Be more careful when deploying',
    'Train engineers on the deploy tool',
    'Harden the system',
    '**Resilience**: Make sure all services have a plan for scaling',
    'The platform team is continuing to improve the response process',
    // looking for a route instead of choosing one; quality adjectives on an abstract object; conditions naming nothing
    'Find a path forward to move off the legacy load balancer',
    'Identify a solution for the slow builds',
    'Implement proactive alerts.',
    'Add smarter monitoring',
    'Better alerting for when something is wrong with the cluster.',
    'More alarms for when issues arise',
    'Keep the team informed',
    'Keep an eye on the build queue',
    'Investigate and fix issues',
    // a quantity changed by "more" alone; agreeing on a way instead of choosing one
    'Bring down alert noise even more',
    'Lower the retry count further',
    'Agree on a sustainable way to release both features and hotfixes from main.',
    // the soft comparative is the task itself, not a purpose
    'Identify additional measures our teams can take to protect customer data.',
    // two actions, not one noun phrase: "Introduce security" alone names a topic
    'Introduce security and fix the alerts',
    // a watch on a thing with nothing said about what is watched; a soft word before "going to"
    'Setup gateway monitoring!',
    'Add queue-worker alerting',
    'We are obviously going to improve the security of the build hosts',
  ]) {
    test(t, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
});

describe('specific items are not flagged', () => {
  for (const t of [
    // a comparative tied to a named thing in a named state; keeping (running) a named thing; research that ends in a fix
    'We need better alerting for when the disk is full, ideally before it is full!',
    'Keep our own package mirror',
    'Keep a copy of the signing keys in the offline vault',
    'Investigate and fix the memory leak in the session proxy',
    'Reduce the DNS TTL from 300 s to 60 s',
    'Agree on the release freeze dates for Q1 with the payments team',
    'Alert when checkout p99 exceeds 1 s for 5 minutes',
    'Add more replicas to the payments pool (3 → 5)',
    'Raise the Redis maxclients from 10000 to 20000',
    'Add an index on `orders.created_at`',
    'Document the failover procedure in `runbooks/orders-db.md`',
    'Set up monitoring and alerting for file watches usage',
    'Investigate why `pg_bouncer` drops connections above 100 clients',
    'Rotate the TLS certificate for api.example.com',
    'Migrate the session store to Redis Cluster',
    'Separate Kubernetes node autoscaling groups per AWS availability zone',
    '**Observability**: Alert when checkout p99 exceeds 1 s for 5 minutes',
    '**Monitoring**: Document the Postgres-to-Redis data flow and create runbooks for data transfer storms',
    'Review who has access to the security mailbox and limit it to the response team',
    'Check every subdomain has moved before switching nameservers',
    'Speak to the namespace owner',
    '[ ] Write an incident report',
    '✅ Reverted the backwards-incompatible change and released 1.270.1',
    // "security and privacy" both modify "reviews": the object is the reviews, not "security"
    'Introduce security and privacy reviews for all new services.',
    // "to identify …" is the purpose of a concrete task (a working group, a load test): the task is judged
    'Create a data retention working group within the company to identify additional measures our teams can take.',
    'Run a load test on the checkout service to identify the first bottleneck',
    // the watch names its signal, or what follows it does
    'Add CPU monitoring',
    'Set up uptime alerting',
    'Setup gateway monitoring for 5xx rates above 1%',
    // a named thing made the same as another (ext39), not a conversation
    'Align the other environment with the same approach and stop baking CA files into images',
  ]) {
    test(t, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
});

describe('research with a concrete question is a task; research without one is vague', () => {
  for (const t of [
    'Look into if this is also an issue in Traefik 2.x',
    'Investigate whether the retry storm came from the batch importer',
    'Investigate if the nightly import batch is too large for one transaction',
    'Check why the queue-depth alert did not page during the storm',
    'Investigate missing worker metrics and see if the scrape interval can be shortened',
    'Look into whether the retry storm also hits the v2 gateway — @li, due 2026-04-01',
    // one named change weighed: done when it is decided
    'We are looking at disabling CGI support on most of our website systems.',
    'Look into moving the session queue to SQS',
  ]) {
    test(`specific: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  for (const t of [
    'Investigate why this happened',
    'Investigate why this happened — @li, due 2026-04-01, P2',
    'Look into how to do better',
    'Look into how to make deploys safer',
    'Figure out how to monitor the critical CVEs',
    'Investigate if it happens again',
    'Check how we can improve',
    'Consider if we should change the failurePolicy',
    'Look into improving things',
    'Investigate removing it',
    'Look at adding monitoring',
  ]) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
});

describe('a named setting tried on a named target is an experiment; a hedge is not a decision', () => {
  for (const t of [
    'Try ‘Prevent destroy’ setting on R53 zone - Ticket #2899',
    'Try `deletion_protection` on the DNS export bucket',
    "Try 'lazy loading' on the status dashboard",
  ]) {
    test(`specific: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  for (const t of [
    'Workload segmentation might be an option to limit blast zones',
    'Could be worth caching the tenant lookups',
    'Maybe we should split the ingest queue',
    'It might be worth pinning the chart version',
    'Try harder',
    'Try a different approach to deploys',
  ]) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
  test('"may" that is not a hedge stays quiet', () => assert.equal(vague('Pods may be evicted during upgrades: add a PodDisruptionBudget for ingress'), false));
});

test('an improvement whose next sentence names the system it switches to is specific', () => {
  const t = 'The deployment of our websites will also change, becoming a much more automated process. We hope to have switched over to a SvnPubSub based system within the next few weeks.';
  assert.equal(vague(t), false, JSON.stringify(classifyVague(t)));
  assert.equal(vague('Improve monitoring. We hope to switch to better tools.'), true);
});

test('the reason names what is missing', () => {
  const r = classifyVague('Improve monitoring of the database');
  assert.equal(r.kind, 'improvement');
  assert.match(r.reason ?? '', /finish line/);
  assert.equal(classifyVague('Consider moving to Postgres 16').kind, 'deliberation');
  assert.equal(classifyVague('Remind everyone to check dashboards').kind, 'people');
});

test('a rewritten template is reported as unfilled, not as vague again', () => {
  const t = rewriteTemplate('better testing', 'improvement');
  assert.equal(t, 'Add <specific check> for <component> so that <failure> is caught before <stage> (was: "better testing")');
  assert.equal(classifyVague(t).kind, 'template');
});

test('verbs are recognised in any inflection', () => {
  assert.deepEqual(['improving', 'added', 'investigates', 'identified', 'setup', 'scheduled'].map(lemma), ['improve', 'add', 'investigate', 'identify', 'set', 'schedule']);
});

test('never throws on odd input', () => {
  for (const t of ['', ' ', '**', '****: x', '`', '<>', '\u0000', 'a'.repeat(100_000), '🔥🔥', '- [ ]', '| a | b |']) {
    assert.doesNotThrow(() => classifyVague(t));
  }
});

describe('a way of working under a condition, a precise issue, an endpoint path (heldout, heldout2, heldout4 shapes)', () => {
  for (const t of [
    'Clear communication if merges break the main branch ability to release hotfixes.',
    'Proper process when a release fails',
    'Better coordination when the on-call engineer hands over',
  ]) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
  for (const t of [
    'Investigate the exact issue with certificate in the application',
    'Look into liveness probe covering more aspects of the Fluentd process (check /metrics endpoint)',
    'Clear ownership of the billing service',
    'Clear communication to customers when the status page is updated within 10 minutes',
  ]) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  // the precise question needs a named thing, the path needs to be named as an endpoint
  for (const t of ['Investigate the root cause of the outage', 'Investigate the exact issue with monitoring', 'Look into liveness probes covering more aspects']) {
    test(`still vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
});

describe('a reported discussion, training as a subject, review-and-determine (heldout, heldout5 shapes)', () => {
  for (const t of [
    'Team discussed about having closer inspection and try to identify these kind of failures earlier',
    'We talked about the paging rules',
    'More training will be conducted in the future to increase awareness of phishing',
    'Continuous training of all employees will help to strengthen our security posture.',
    'but we will review and determine if future reports could be made more actionable.',
    'Another thing to work on moving forward.',
  ]) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
  for (const t of [
    'Team discussed the probe and agreed to raise the readiness timeout from 3 to 6 seconds',
    'Additional training sessions for on-call engineers on the query-cost dashboard',
    'Review and determine whether the retry storm came from the batch importer',
    'Another thing to fix is the 300 s TTL on the `pkg-cache` layer',
  ]) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
});

describe('an improvement told in the passive is judged as the same to-do (heldout6 shape)', () => {
  for (const t of ['The plugins releasing process should be improved to help detect regressions.', 'Our publishing checklist needs to be reworked.', 'repo/plugins#412 - Alerting should be improved.']) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
  for (const t of ['The publish script should be improved so it stops when a build on the stable channel fails.', 'Test coverage of the importer should be improved to 80% of lines.', 'Both bbolt and etcd need to be changed.']) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  test('the words quoted are the ones written', () => assert.equal(classifyVague('The release process should be improved.').phrase, 'should be improved'));
});

describe('a follow-up told as "we are <doing> …" is judged on what is being done (heldout6, corpus shapes)', () => {
  for (const t of ['We are discussing our long term options to preventing, or at least ameliorating similar issues in the future.', 'We are redesigning our code review process, to introduce measures which will:', 'The team is exploring options for the cache.']) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
  // research into one named change ("the transfer of X") is judged as that change
  for (const t of ['The foundation is exploring the transfer of the lookalike domains to its own registrar', 'Evaluate the replacement of the Redis cluster with a managed Memorystore instance']) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  test('"the migration of things" names nothing', () => assert.equal(vague('Explore the migration of things'), true));
});

describe('research into one named change, or an improvement by a named means, is judged on that change', () => {
  for (const t of [
    'We will investigate setting up canaries across multiple locations to collect network performance metrics',
    'Explore moving the session table to its own database cluster',
    'We are going to strengthen the monitoring system by establishing a system to monitor blocks from trust partners',
    'Improve the deploy pipeline by adding a canary stage that halts when the 5xx rate doubles',
  ])
    test(t, () => assert.equal(vague(t), false));
  for (const t of ['Investigate improving things', 'Improve alerting by adding more alerts', 'Consider adding more dashboards', 'We should consider using a versioned API for the config'])
    test(t, () => assert.equal(vague(t), true));
});

describe('one named candidate weighed for a stated use is a question (ext44 shape: a follow-up list of tickets)', () => {
  for (const t of ['Investigate pgbarman for creating PostgreSQL backups (#1105)', 'Evaluate Vault as a replacement for the secrets file'])
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  for (const t of ['Evaluate options for monitoring', 'Evaluate tools for creating backups', 'Investigate the cache for issues', 'Investigate something for creating backups'])
    test(`vague: ${t}`, () => assert.equal(vague(t), true));
});

describe('"more closely mirror / match" has no finish line (heldout6 shape)', () => {
  test('vague: a wish to resemble', () => assert.equal(vague('The staging configuration needs to more closely mirror production.'), true));
  test('not vague: with a measurable step', () => assert.equal(vague('Make staging more closely match production by copying its 3 node pools'), false));
});

describe('a monitoring item naming its signal is not vague; one naming a thing is (heldout shape)', () => {
  for (const t of ['Better monitoring of OOM in pods.', 'Improve alerting on replication lag', 'Better alerting on 5xx error rates']) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  for (const t of ['Better monitoring of namespaces.', 'Improve monitoring of the database', 'Improve alerting around the queue status']) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
});

describe('a paragraph that tells what happened, then what "we need to" do, is judged on the need (heldout7 shape)', () => {
  const story = 'The workers crashed before the logger started, so the logs were empty. ';
  test('the vague need is found and quoted', () => {
    const r = classifyVague(story + 'We need to write more documentation about the worker deployment.');
    assert.equal(r.vague, true);
    assert.equal(r.sentence, 'We need to write more documentation about the worker deployment.');
  });
  test('a concrete need is not vague', () => assert.equal(vague(story + 'We need to start the logger before the queue client.'), false));
  test('a need tracked in an issue is left to the issue', () => assert.equal(vague(story + 'We need to refine the release check to deal with this, see https://example.org/issues/412.'), false));
  test('a first sentence that is itself a to-do is judged alone', () => assert.equal(vague('Move the logger set-up before the queue client. We need to write more documentation.'), false));
});

describe('"minimize the number of …" with no number to reach has no finish line (dev-set shape)', () => {
  test('vague without a number', () => assert.equal(vague('Minimize the number of different types of data structures used.'), true));
  for (const t of ['Reduce the number of replicas to 3', 'Reduce the number of record types that hold amounts to one', 'Reduce the number of sync code paths by removing the legacy importer']) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
});

describe('"more time needs to be allocated to …" gives a resource in no amount (heldout6 shape)', () => {
  test('vague: more time, no amount', () => assert.equal(vague('More time needs to be allocated to service resilience projects.'), true));
  test('not vague: an amount is given', () => assert.equal(vague('More time needs to be allocated to the upgrade: two engineers for 3 weeks'), false));
});

describe('"we should entertain …" deliberates, also after a concession (heldout5 shape)', () => {
  test('vague: entertain', () => assert.equal(vague('We should entertain what we can keep for a later investigation.'), true));
  test('vague: after "Even if …,"', () => assert.equal(vague('Even if deletions stay immediate, we should entertain what we can keep for a later investigation.'), true));
  test('not vague: a concession before a concrete change', () => assert.equal(vague('Even if deletions stay immediate, we will copy the release files to the archive bucket before deleting them.'), false));
});

describe('alerting around a named mechanism\'s behaviour names its signal (dev-set shape)', () => {
  test('not vague: acronyms and their behaviour', () => assert.equal(vague('Hardening observability and alerting around TOAST/OID behavior and disk read amplification'), false));
  test('vague: a thing without a behaviour', () => assert.equal(vague('Improve alerting around boskos status'), true));
});

describe('a topic said to remain a priority names no change (dev-set shape)', () => {
  test('vague: a ranked topic', () => assert.equal(vague('Database optimization remains a priority to fix in the near future.'), true));
  test('not vague: a named change ranked', () => assert.equal(vague('Moving the API to Postgres 16 remains a priority'), false));
});

test('a comparative on strategies, plural like its singular, names no change', () => {
  // heldout10 (t2bot.io): "… will be adopting better backup strategies over the next few weeks"
  assert.equal(vague('We will be adopting better backup strategies over the next few weeks'), true);
  assert.equal(vague('Adopt improved retry strategies'), true);
  // a named strategy with its measure is concrete
  assert.equal(vague('Adopt the 3-2-1 backup strategy: 3 copies, 2 media, 1 offsite, checked weekly by `restore-test.sh`'), false);
});

test('an owner written as the subject ("The storage team will …") is not where the item\'s words end', () => {
  const doc = (line: string) => `# Outage\n\n## Summary\n\nLost uploads.\n\n## Action items\n\n${line}\n`;
  const message = (line: string) => lint(doc(line), { today: '2026-03-01', filePath: 'postmortems/x.md', rootDir: '' }).findings.find((f) => f.ruleId === 'action-item-vague')?.message;
  assert.match(message('The storage team will be adopting better retention strategies for uploads.') ?? '', /^'The storage team will be/);
  assert.match(message('The IPS team is continuing to improve and refine our response process.') ?? '', /^'The IPS team is/);
  // an owner written after the action still ends the quoted words
  assert.match(message('Improve monitoring — @rkhan') ?? '', /^'Improve monitoring' is vague/);
});

describe('a vague head made concrete after a spaced dash', () => {
  test('the clause after the dash names the change: not vague', () => {
    assert.equal(vague('Establishing a more robust upgrade strategy for the agent - we should run the upgrade suite against every released agent version'), false);
    assert.equal(vague('Better testing of the importer — replay last month’s failed uploads through the importer in CI'), false);
  });
  test('a vague or short tail, or a hyphen inside a word, leaves it vague', () => {
    assert.ok(vague('Improve monitoring - better alerts'));
    assert.ok(vague('Improve monitoring - we should look into it more'));
    assert.ok(vague('Improve re-run reliability of the pipeline'));
  });
});

describe('"we’re <doing> …" and "I’m <doing> …" are read like "we are <doing> …" (heldout10 shape)', () => {
  test('vague: We’re considering moving the session store to a managed service', () => assert.equal(vague('We’re considering moving the session store to a managed service'), true));
  // the gerund is a verb the lists lack, not a topic: "planning against documentation" is not "Better documentation"
  for (const t of ['I’m planning against release-candidate documentation.', 'We are planning against release-candidate documentation.']) {
    test(`not vague: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
});

describe('requiring a named kind of plan is a gate; a bare plan or one merely defined stays vague', () => {
  for (const t of ['Require rollback plan, and parameters that require rollback', 'Require a migration plan for every schema change']) {
    test(`specific: ${t}`, () => assert.equal(vague(t), false, JSON.stringify(classifyVague(t))));
  }
  for (const t of ['Require a plan', 'Define a rollback plan', 'Require better testing', 'Require a strategy']) {
    test(`vague: ${t}`, () => assert.equal(vague(t), true, JSON.stringify(classifyVague(t))));
  }
});
