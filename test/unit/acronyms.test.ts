// undefined-acronym and the reader's glossary read one fact (model/acronyms.ts): what a writer sees in the
// Problems panel and in the reader view agree, and the rule's fix writes a Glossary entry that silences it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { applyEdits } from '../../server/src/lint/edits';
import { buildReaderModel } from '../../server/src/reader/model';

const ON = { rules: { 'undefined-acronym': 'information' as const } };
const TODAY = '2026-03-01';
const run = (text: string, config: object = ON) => lint(text, { filePath: '/p/postmortems/x.md', today: TODAY, config });
const found = (text: string, config: object = ON) =>
  run(text, config).findings.filter((f) => f.ruleId === 'undefined-acronym').map((f) => text.slice(f.range.start.offset, f.range.end.offset));

const DOC = `# Checkout errors

## Summary

The PSG for payments let every pod restart at once; the DNS and HTTP layers were fine.

## Impact

2,300 users could not check out for 47 minutes (UTC).

## Action items

- Alert on PSG restarts — @alice, due 2026-03-20, P1
`;

test('off by default; when on, an unexpanded acronym is reported once, well-known ones never', () => {
  assert.deepEqual(found(DOC, {}), []);
  assert.deepEqual(found(DOC), ['PSG']);
  assert.deepEqual(found(DOC, { rules: { 'undefined-acronym': ['information', { known: ['psg'] }] } }), []);
  assert.deepEqual(found(DOC, { rules: { 'undefined-acronym': ['information', { builtinKnown: false }] } }).sort(), ['DNS', 'HTTP', 'PSG', 'UTC']);
});

test('the fix adds a Glossary section when there is none, and the finding goes away', () => {
  const f = run(DOC).findings.find((x) => x.ruleId === 'undefined-acronym')!;
  const fixed = applyEdits(DOC, f.fixes![0].edits);
  assert.ok(fixed.startsWith(DOC.trimEnd()), 'nothing before the new section changes');
  assert.match(fixed, /\n\n## Glossary\n\n- PSG: <what PSG stands for, and what it is here>\n$/);
  assert.deepEqual(found(fixed), []);
});

test('the fix adds a row to a Glossary table, keeping its columns', () => {
  const doc = DOC + '\n## Glossary\n\n| Term | Meaning |\n| --- | --- |\n| ODS | Order Data Store |\n\n<!-- reviewed -->\n';
  const f = run(doc).findings.find((x) => x.ruleId === 'undefined-acronym')!;
  const fixed = applyEdits(doc, f.fixes![0].edits);
  assert.match(fixed, /\| ODS \| Order Data Store \|\n\| PSG \| <what PSG stands for, and what it is here> \|\n\n<!-- reviewed -->/);
  assert.deepEqual(found(fixed), []);
});

test('expanded inline, defined in the Glossary, or by its name: quiet, and the reader shows the same expansion', () => {
  for (const [doc, expansion] of [
    [DOC.replace('The PSG', 'The Payments Shard Gate (PSG)'), 'Payments Shard Gate'],
    [DOC.replace('The PSG', 'The PSG (payments shard gate)'), 'payments shard gate'],
    [DOC + '\n## Glossary\n\n- **PSG** — payments shard gate\n', 'payments shard gate'],
    [DOC.replace('The PSG for', 'The PSG: Payments Shard Gate, for'), 'Payments Shard Gate'],
  ] as const) {
    assert.deepEqual(found(doc), [], doc);
    const g = buildReaderModel(run(doc), { today: TODAY }).glossary.find((e) => e.term === 'PSG');
    assert.equal(g?.expansion, expansion);
  }
  const g = buildReaderModel(run(DOC), { today: TODAY }).glossary;
  assert.equal(g.find((e) => e.term === 'PSG')?.expansion, undefined, 'the reader lists it as unexplained, like the rule');
  assert.equal(g.find((e) => e.term === 'PSG')?.uses, 2);
});

test('quiet where it cannot tell: code, links, quotes, headings, initials, shouting, plurals of known ones, tickets', () => {
  const doc = `# ZQX rollout

## Summary

Run \`QRV --fix\`, see [the KLM guide](https://example.com). "MNB refused" said the client.
DO NOT restart by hand: it is URGENT. PRs and APIs and SLOs were fine. PAY-881 tracks it; SEV2, P1, XXX.

> 09:20 dana: the WQT is down again, IMO

## Responders

- RF, PW, EC
- BXT, KRL
`;
  assert.deepEqual(found(doc), []);
});
