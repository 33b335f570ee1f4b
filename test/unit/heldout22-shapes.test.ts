// Shapes the twenty-second held-out set showed (test/eval/heldout22/FIRST-RUN.md), each read as a reader reads it: a
// numbered list under "What we'll do differently" that restates the action table above it, an impact given as a
// front-matter field, "Recommended follow-up" items, a timeline opening with the trigger, a file of <placeholder> facts,
// a registry record of code-formatted fields.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint/lint';
import { isTemplate } from '../../server/src/model/template-text';
import { isFieldRecord } from '../../server/src/model/lookalike';

const TODAY = '2026-03-01';
const findings = (text: string) => lint(text, { filePath: 'postmortems/x.md', today: TODAY }).findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`);

describe('heldout22: a lessons list that restates the action table', () => {
  const table = [
    '## Action items',
    '',
    '| Action | Owner | Tracked in | Status |',
    '|---|---|---|---|',
    '| Cap export job retries at five attempts | @tomas | Issue #412 | Open |',
    '| Alert on queue depth per job type | @ines | Issue #413 | Open |',
    '| Move scheduled exports onto their own worker pool | @tomas | Issue #414 | Open |',
  ].join('\n');
  const doc = (lessons: string) => `# Exports stalled\n\n## Summary\n\nExports waited two hours.\n\n${table}\n\n## Lessons learned\n\n### What we'll do differently\n\n${lessons}\n`;
  const texts = (text: string) => parsePostmortem(text).actionItems.map((i) => i.text.slice(0, 20));

  test('the numbered restatement is not a second set of items: the table rows alone are read', () => {
    const lessons = '1. **Cap the export job retries** so a failing job gives up after five attempts\n2. **Alert on queue depth** for each job type\n3. **Give scheduled exports their own worker pool**';
    assert.deepEqual(texts(doc(lessons)), ['Cap export job retri', 'Alert on queue depth', 'Move scheduled expor']);
    assert.ok(!findings(doc(lessons)).some((f) => / action-item-owner$/.test(f)), 'no owner asked of the restated list');
  });

  test('a lessons list of new work (no row it repeats) is still read as follow-ups', () => {
    const lessons = '1. Write a load test for the billing importer\n2. Document the on-call handover for weekends';
    assert.equal(texts(doc(lessons)).length, 5);
  });

  test('sibling groups of one action-items section are not restatements of each other', () => {
    const text = [
      '# Builds slow',
      '',
      '## Action items',
      '',
      '### Process',
      '',
      '- [ ] Warn event hosts about large builds before an event — @kai (issue #7)',
      '',
      '### Documentation',
      '',
      '1. Tell event hosts to avoid large builds before an event',
      '2. Tell event hosts to spread launches over the event',
    ].join('\n');
    assert.equal(parsePostmortem(text).actionItems.length, 3);
  });
});

describe('heldout22: the impact stated in a front-matter field', () => {
  const doc = (field: string) =>
    [
      '---',
      'title: Websocket upgrades dropped after an ingress reload',
      'date: 2026-07-21',
      field,
      '---',
      '',
      '## Summary',
      '',
      'A reload of the ingress config removed the upgrade header and live dashboards froze.',
      '',
      '## Timeline',
      '',
      '- 10:02 The config reload is applied',
      '- 10:09 The header is restored',
      '',
      '## Root cause',
      '',
      'The template dropped the header when an annotation was absent.',
      '',
      '## Action items',
      '',
      '- [ ] Open a websocket after every reload in staging — @noor, due 2026-08-15',
    ].join('\n');
  const asksForImpact = (field: string) => findings(doc(field)).includes('7 missing-section');

  test('"slo_impact: …" and "impact: …" in words are the impact: no "No \'Impact\' section"', () => {
    assert.equal(asksForImpact('slo_impact: none in production (caught in staging) — dashboards would have frozen'), false);
    assert.equal(asksForImpact('impact: live dashboards froze for nine minutes'), false);
  });

  test('an empty, placeholder or one-word field, or a field of another name, still asks for the section', () => {
    for (const field of ['slo_impact: TBD', 'impact: "<describe the impact>"', 'impact: ""', 'impact: none', 'services: [ingress]']) {
      assert.equal(asksForImpact(field), true, field);
    }
  });
});

describe('heldout22: a machine-written RCA with "Recommended follow-up" and a Summary that opens with the symptom', () => {
  const rca = (summary: string, heading = 'Recommended follow-up') =>
    [
      '## Summary',
      summary,
      '',
      '## Timeline',
      '- 10:02 UTC The pricing flag is turned on.',
      '- 10:15 UTC The flag is turned off.',
      '',
      '## Likely root cause',
      'The pricing path fails when a store has no currency set.',
      '',
      `## ${heading}`,
      '1.  **Check the flag at the service:** Confirm the pods read the flag as off.',
      '2.  **Guard the currency lookup:** Fall back to the region currency when none is set.',
    ].join('\n');
  const SYMPTOM = "An alert fired when the checkout service's HTTP error ratio exceeded 8%. Errors are back under the threshold.";

  test('"Recommended follow-up" holds the follow-ups: its bold-led items are read, open, and asked for an owner', () => {
    const m = parsePostmortem(rca(SYMPTOM));
    assert.deepEqual(m.actionItems.map((i) => [i.text.slice(0, 22), i.status]), [
      ['Check the flag at the ', 'open'],
      ['Guard the currency loo', 'open'],
    ]);
    const got = findings(rca(SYMPTOM));
    assert.ok(got.includes('12 action-item-owner') && got.includes('13 action-item-owner'), got.join(', '));
    assert.ok(!got.some((f) => f.endsWith('missing-section')), got.join(', '));
  });

  test('"Recommended next steps" is the follow-ups too', () => {
    assert.equal(parsePostmortem(rca(SYMPTOM, 'Recommended next steps')).actionItems.length, 2);
  });

  test('a Summary whose first sentence gives the error ratio or latency users got is the impact', () => {
    const p99 = 'Checkout p99 latency rose above 4 s for forty minutes after the pricing flag was turned on.';
    assert.ok(!findings(rca(p99)).includes('1 missing-section'));
  });

  test('a Summary that only names the failure, or gives the number later, still asks for the Impact section', () => {
    for (const summary of ['The pricing flag broke the checkout path for stores without a currency.', 'The pricing flag broke checkout. Later the error ratio exceeded 8%.']) {
      assert.ok(findings(rca(summary)).includes('1 missing-section'), summary);
    }
  });
});

describe('heldout22: a timeline whose first entry opens with what came before the alert', () => {
  const doc = (first: string) => `# Dashboards froze\n\n## Summary\n\nLive dashboards froze.\n\n## Timeline\n\n- ${first}\n- The header was restored.\n`;
  const hinted = (first: string) => findings(doc(first)).includes('9 timeline-starts-at-detection');

  test('"Drove errors at the API; the alert went active within ~75s" starts before detection: no hint', () => {
    assert.equal(hinted('Drove errors at the API; the alert went active within ~75s.'), false);
    assert.equal(hinted('Opened 200 test dashboards against staging. The error alert fired two minutes later.'), false);
  });

  test('an entry that opens with the alert keeps the hint', () => {
    assert.equal(hinted('10:40 The error alert fired; on-call acknowledged it.'), true);
    assert.equal(hinted('Alert fired for the API error ratio.'), true);
  });
});

describe('heldout22: a postmortem file whose facts are still <placeholders>', () => {
  const doc = (start: string, timeline: string) =>
    [
      '# Postmortem: DNS Resolver Outage',
      '',
      '## Incident Summary',
      '- Incident ID: INC-000',
      `- Start Time: ${start}`,
      '- End Time: <UTC>',
      '- Duration: <X minutes>',
      '- Affected Zones: <List>',
      '',
      '## Timeline',
      '',
      '| Time | Event |',
      '|---|---|',
      `| ${timeline} | Resolver error rate rises |`,
      '| T0 + 4m | Alert fired |',
      '| T0 + 10m | Traffic moved to the standby resolvers |',
      '| T0 + 25m | Resolver caches rebuilt and errors gone |',
      '',
      '## Root Cause',
      '- e.g. cache exhaustion, bad upstream, config push',
      '',
      '## Action Items',
      '',
      '| Item | Owner | Priority |',
      '|---|---|---|',
      '| Improve resolver monitoring | SRE | High |',
      '| Update the failover runbook | SRE | Low |',
    ].join('\n');

  test('"Start Time: <UTC>", "Duration: <X minutes>" with no date or time anywhere: a template, judged and left quiet', () => {
    assert.equal(isTemplate(doc('<UTC>', 'T0')), true);
    assert.deepEqual(lint(doc('<UTC>', 'T0'), { filePath: 'notes/x.md', today: TODAY }).findings, []);
    // in a postmortems folder (the path says postmortem) only the template verdict is given
    assert.deepEqual(findings(doc('<UTC>', 'T0')), ['1 unfilled-template']);
  });

  test('the same fields left open in a report that dates its incident: still a postmortem', () => {
    assert.equal(isTemplate(doc('2026-03-14 09:12 UTC', 'T0')), false);
    assert.equal(isTemplate(doc('<UTC>', '09:12')), false);
  });
});

describe('heldout22: a registry record of code-formatted fields', () => {
  const fields = ['id', 'title', 'date_occurred', 'status', 'root_cause', 'mechanism', 'severity', 'downtime', 'detected_by', 'time_to_detect', 'remediation', 'structural_fix'];
  const record = (keys: string[], extra = '') =>
    `# REC-0042 - Processor outage delays settlements\n\n### The failure\n\n${keys.map((k) => `- \`${k}\`: a value written for ${k}`).join('\n')}\n${extra}\n### Impact\n\n- \`severity\`: moderate\n\n### Detection and recovery\n\n- \`detected_by\`: merchants\n`;

  test('ten code-formatted fields, most of its list items: a look-alike, left quiet outside a postmortems folder', () => {
    assert.equal(isFieldRecord(record(fields)), true);
    assert.deepEqual(lint(record(fields), { filePath: 'registry/rec-0042.md', today: TODAY }).findings, []);
  });

  test('a postmortem with a few code-formatted fields among its own bullets is still one', () => {
    const bullets = Array.from({ length: 12 }, (_, i) => `- Step ${i + 1} of the recovery was taken by the on-call engineer`).join('\n');
    assert.equal(isFieldRecord(record(fields.slice(0, 7))), false);
    assert.equal(isFieldRecord(record(fields, bullets)), false);
  });
});

describe('heldout22: a restart told as the end of a state', () => {
  const doc = (line: string) => `# Flags ignored\n\n## Summary\n\nFlag changes did not reach the services.\n\n## Timeline\n\n- Alerts kept firing on the API.\n- ${line}\n`;
  const hinted = (line: string) => findings(doc(line)).some((f) => f.endsWith('outcome-without-context'));

  test('"… ignored changes until the consumer pods were restarted" gives its reason: no hint', () => {
    assert.equal(hinted('Consumers ignored flag changes until the consumer pods were restarted.'), false);
  });

  test('a bare "We restarted the pods." keeps the hint', () => {
    assert.equal(hinted('We restarted the pods.'), true);
  });
});
