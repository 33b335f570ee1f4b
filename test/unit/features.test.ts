// Editor help as pure functions of (model, position, today, owners, settings): hover, completion, document symbols,
// code lens. What a writer sees while typing a postmortem.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { CompletionItem, DocumentSymbol, MarkupContent, Range as LspRange, TextEdit } from 'vscode-languageserver';
import { lint } from '../../server/src/lint/lint';
import { parsePostmortem } from '../../server/src/model/parse';
import type { LintResult } from '../../server/src/lint/lint';
import { hoverAt } from '../../server/src/lsp/features/hover';
import { completionsAt, dateChoices } from '../../server/src/lsp/features/completion';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { codeLenses, countItems, lensTitle } from '../../server/src/lsp/features/codelens';
import { addDays, daysBetween, endOfMonth } from '../../server/src/lsp/features/util';

const TODAY = '2026-03-15';

/** What lint() returns for a postmortem, without depending on the rule set (these features read only the model). */
const asResult = (text: string, isPostmortem = true): LintResult => ({
  model: parsePostmortem(text),
  isPostmortem,
  detectedBy: isPostmortem ? 'forced' : undefined,
  findings: [],
});

const DOC = `---
type: postmortem
---
# Checkout outage

## Summary

Checkout returned 502s for 40 minutes.

## Action items

### Detect

- [ ] Alert when checkout 5xx rate exceeds 2% for 5 minutes — @maria, due 2026-03-01, P1, OPS-12
- [ ] Write a runbook for rolling back payments-api — @li, next sprint, P3
- [x] Raise pool size to 50 @bo by 2026-01-02
- [ ] Add a canary stage to the payments-api deploy, due 2026-03-20

### Prevent

| Action | Owner | Due | Priority |
|---|---|---|---|
| Add a CI check that rejects pool sizes below 20 | TBD | 2026-04-01 | P2 |

### Deferred

- Rewrite payments-api in Rust @dd
`;

/** 0-based line of the first line containing `needle`, and the character just after `needle` (or at `at`). */
function pos(text: string, needle: string, after = true): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line contains ${needle}`);
  const c = lines[line].indexOf(needle);
  return { line, character: after ? c + needle.length : c };
}

/** End of the first line that ends with `suffix`. */
function endOfLine(text: string, suffix: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.endsWith(suffix));
  assert.ok(line >= 0, `no line ends with ${suffix}`);
  return { line, character: lines[line].length };
}

const md = (h: ReturnType<typeof hoverAt>): string => (h?.contents as MarkupContent).value;
const edit = (c: CompletionItem): TextEdit => c.textEdit as TextEdit;

/** Apply a completion's edit to the text (single-line edits). */
function applyCompletion(text: string, c: CompletionItem): string {
  const e = edit(c);
  const lines = text.split('\n');
  const l = lines[e.range.start.line];
  lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  return lines.join('\n');
}

describe('calendar helpers', () => {
  test('day arithmetic crosses months and leap days without time-zone drift', () => {
    assert.equal(addDays('2028-02-27', 2), '2028-02-29');
    assert.equal(addDays('2026-12-28', 7), '2027-01-04');
    assert.equal(daysBetween('2026-03-15', '2026-03-01'), -14);
    assert.equal(endOfMonth('2026-02-10'), '2026-02-28');
    assert.equal(endOfMonth('2026-12-10', 1), '2027-01-31');
  });
});

describe('hover on a timeline title', () => {
  const doc = (heading: string, before = '') =>
    `# DNS outage\n\n${before}## Summary\n\nThe resolver stopped answering.\n\n## ${heading}\n\n- 14:05 alerts fire\n- 14:52 resolver restarted\n`;

  test('says which zone the times are read in and where it was written', () => {
    const text = doc('Timeline (PST)');
    assert.match(md(hoverAt(asResult(text), pos(text, 'Timeline'), TODAY)), /2 clock times[\s\S]*Time zone: `PST`, read from the title/);
    const stated = doc('Timeline', 'All times in US/Pacific.\n\n');
    assert.match(md(hoverAt(asResult(stated), pos(stated, 'Timeline'), TODAY)), /Time zone: `US\/Pacific`, read from a statement elsewhere in the document \(`All times in US\/Pacific`\)/);
  });

  test('says that no zone was found, and why one matters, when the times have none', () => {
    const text = doc('Timeline');
    const v = md(hoverAt(asResult(text), pos(text, 'Timeline'), TODAY));
    assert.match(v, /Time zone: none found .* \(e\.g\. `14:05`\)/);
    assert.match(v, /lined up/);
  });
});

describe('hover on a heading that holds a section under another name', () => {
  const doc = (resolution: string) =>
    `# Mirror outage\n\n## Summary\n\nThe mirror stopped serving files.\n\n## Timeline (UTC)\n\n- 09:05 downloads time out\n- 09:55 node restarted\n\n## Resolution\n\n${resolution}\n\n### Further Mitigations\n\nThe node needs a second disk.\n`;

  test('says the action items are read there, and why', () => {
    const text = doc('We are discussing a second storage node, so that similar problems in the future do not take the mirror down.');
    const v = md(hoverAt(asResult(text), pos(text, 'Resolution'), TODAY));
    assert.match(v, /Read as `Resolution`; also `Action items`: it says what is done or planned so it does not happen again/);
    // "Further Mitigations" is an action-items heading of its own (its follow-ups are read): nothing to explain
    assert.equal(hoverAt(asResult(text), pos(text, 'Further Mitigations'), TODAY), null);
  });

  test('a heading that holds only its own section, or a fix told without a plan, has no hover', () => {
    const text = doc('The node was restarted by hand.');
    assert.equal(hoverAt(asResult(text), pos(text, 'Resolution'), TODAY), null);
    assert.equal(hoverAt(asResult(text), pos(text, 'Summary'), TODAY), null);
  });
});

describe('hover on a heading of a document that does not read as English', () => {
  // the shape of a Norwegian SRE-book postmortem (heldout8): bold labels and headings, and "Linker" (links), a heading
  // the catalogue has no words for
  const norwegian =
    '# Postmortem: søknader ble ikke journalført\n\n**Sammendrag:** Mellom klokken 09.50 og 11.15 ble ingen søknader journalført fordi en melding på køen var for stor. ' +
    'Feilen ble oppdaget av en saksbehandler som ikke fant søknaden sin, og vi rullet tilbake endringen som hadde økt størrelsen på meldingene.\n\n' +
    '**Konsekvens:** Rundt 300 søknader ble liggende i kø i over en time, og brukerne fikk ingen kvittering før feilen var rettet. ' +
    'Saksbehandlerne måtte svare på mange henvendelser fra brukere som lurte på om søknaden deres var kommet fram.\n\n' +
    '**Rotårsaker:** Meldingene på køen ble større enn grensen fordi vedleggene ble lagt ved i sin helhet, og grensen var ikke testet.\n\n' +
    '## Tidslinje\n\n- 09.50 Endringen ble produsatt og meldingene begynte å feile\n- 10.40 Saksbehandler meldte fra om at søknader manglet\n- 11.15 Endringen ble rullet tilbake og køen ble tømt\n\n' +
    '## Aksjonspunkter\n\n| Aksjon | Type | Eier |\n|---|---|---|\n| Sette opp varsling når meldinger feiler på køen | Forebygge | Team dagpenger |\n\n' +
    '## Linker\n\n- https://example.com/sak/123\n';
  const asNorwegian = (text: string) => lint(text, { filePath: '/repo/postmortems/2024-02-22.md', rootDir: '/repo', today: TODAY });

  test('says the heading is not matched, and why missing-section is quiet', () => {
    const r = asNorwegian(norwegian);
    assert.equal(r.isPostmortem, true, 'linted through its postmortems/ folder');
    assert.equal(r.findings.filter((f) => f.ruleId === 'missing-section').length, 0);
    const v = md(hoverAt(r, pos(norwegian, 'Linker'), TODAY));
    assert.match(v, /\*\*Section\*\* · Linker/);
    assert.match(v, /does not read as English/);
    assert.match(v, /missing-section stays quiet/);
  });

  test('an English postmortem with an unknown heading has no such card', () => {
    const text = '# Checkout outage\n\n## Summary\n\nCheckout failed for an hour after a config push.\n\n## Odds and ends\n\nNothing else.\n';
    assert.equal(hoverAt(asNorwegian(text), pos(text, 'Odds and ends'), TODAY), null);
  });
});

describe('hover on an action item', () => {
  const r = asResult(DOC);

  test('shows the status once, then owner, due date with "overdue by N days", priority, ticket and group', () => {
    const h = hoverAt(r, pos(DOC, 'Alert when'), TODAY);
    const v = md(h);
    assert.match(v, /\*\*Owner:\*\* `@maria`/);
    assert.match(v, /\*\*Due:\*\* `2026-03-01` \(Sunday 1 March 2026\) — \*\*overdue by 14 days\*\*/);
    assert.match(v, /\*\*Priority:\*\* `P1` \(high\)/);
    assert.match(v, /^\*\*Action item\*\* · open$/m);
    assert.equal(v.match(/\bopen\b/g)?.length, 1, 'the status is said once, in the header');
    assert.match(v, /\*\*Ticket:\*\* `OPS-12`/);
    assert.match(v, /\*\*Group:\*\* Detect \(in Action items\)/);
    assert.equal(v.match(/overdue by 14 days/g)?.length, 1, 'each fact once');
    // The hover covers the whole item line.
    const line = pos(DOC, 'Alert when').line;
    assert.deepEqual(h?.range, { start: { line, character: 0 }, end: { line, character: DOC.split('\n')[line].length } });
  });

  test('says plainly what is missing: a non-date phrase, no owner, no priority', () => {
    const v = md(hoverAt(r, pos(DOC, 'Write a runbook'), TODAY));
    assert.match(v, /\*\*Due:\*\* none — `next sprint` is not a date: a reader next year can't tell when it was due\./);
    assert.match(v, /low-priority items sit in the backlog and never rise high enough to get done/);

    const c = md(hoverAt(r, pos(DOC, 'Add a canary'), TODAY));
    assert.match(c, /\*\*Owner:\*\* none — an item nobody owns competes with feature work and loses\./);
    assert.equal(c.match(/owner/gi)?.length, 2, 'the missing owner is said once (the label and its why)');
    assert.match(c, /due in 5 days/);
    assert.match(c, /\*\*Priority:\*\* none/);
    assert.match(c, /\*\*Ticket:\*\* none/);
  });

  test('a table row with a placeholder owner: "TBD" is not an owner', () => {
    const v = md(hoverAt(r, pos(DOC, 'rejects pool sizes'), TODAY));
    assert.match(v, /\*\*Owner:\*\* none — `TBD` is a placeholder, not an owner/);
    assert.match(v, /`2026-04-01` \(Wednesday 1 April 2026\) — due in 17 days/);
    assert.match(v, /\*\*Priority:\*\* `P2` \(medium\)/);
  });

  test('done and deferred items are described, not judged', () => {
    const done = md(hoverAt(r, pos(DOC, 'Raise pool size'), TODAY));
    assert.match(done, /Action item\*\* · done/);
    assert.doesNotMatch(done, /overdue by|due in/);
    const deferred = md(hoverAt(r, pos(DOC, 'Rewrite payments-api'), TODAY));
    assert.match(deferred, /deferred/);
    assert.match(deferred, /neither counted nor checked/);
    assert.doesNotMatch(deferred, /never gets scheduled/);
  });

  test('a status the linter cannot read is quoted, and the item is neither open nor done in the hover and the lens', () => {
    const doc = [
      '# Sync stall',
      '',
      '## Action items',
      '',
      '| Follow-up | Owner | |',
      '|---|---|---|',
      '| Resize the pool from 40 to 60 pods | @bo | **DONE** |',
      '| Move the ledger to its own node pool | @cy | Partly, see thread |',
      '| Page on-call when sync lag exceeds 15 minutes | | TODO |',
      '',
    ].join('\n');
    const res = asResult(doc);
    const v = md(hoverAt(res, pos(doc, 'Move the ledger'), TODAY));
    assert.match(v, /Action item\*\* · status unclear/);
    assert.match(v, /`Partly, see thread` is not a status the linter can read, so it checks nothing here/);
    assert.doesNotMatch(v, /no due date:/);
    assert.match(md(hoverAt(res, pos(doc, 'Resize the pool'), TODAY)), /Action item\*\* · done/);
    assert.equal(lensTitle(countItems(res.model.actionItems, TODAY)), '3 items · 1 done · 1 status unclear · 1 without owner · 1 without a date');
  });

  test('a follow-up read from a sentence of prose says so, and what it lacks', () => {
    const doc = '# Upload outage on 2026-02-03\n\n## Root cause\n\nOne account filled the queue.\n\n## Future measures\n\nIt should not have been possible. We will be introducing a per-account upload limit on the publish endpoint.\n\nWe thank everyone who reported it.\n';
    const v = md(hoverAt(asResult(doc), pos(doc, 'We will be'), TODAY));
    assert.match(v, /Action item\*\* · open\n\nRead from prose: this sentence commits to work, so it is checked as a follow-up\./);
    assert.match(v, /\*\*Owner:\*\* none/);
    assert.match(v, /\*\*Section:\*\* Future measures/);
    assert.equal(hoverAt(asResult(doc), pos(doc, 'It should not'), TODAY), null);
  });

  test('work told as set up already ("We have started watching … and will get an alert") is a done follow-up, and says why', () => {
    const doc = '# Imports stuck on 2026-02-12\n\n## Root cause\n\nA failing archive was retried forever.\n\n## Resolution\n\nWe have started watching the depth of the import queue and will get an alert whenever more than 50 jobs wait.\n';
    const res = asResult(doc);
    const v = md(hoverAt(res, pos(doc, 'We have started'), TODAY));
    assert.match(v, /Action item\*\* · done\n\nDone: not checked for owner, date or overdue\./);
    assert.match(v, /Read from prose: `We have started watching` tells work already done, so it counts as a done follow-up\./);
    assert.doesNotMatch(v, /commits to work/);
    assert.deepEqual(res.findings.filter((f) => f.ruleId.startsWith('action-item')), []);
  });

  test('nothing outside action items, and nothing on documents that are not postmortems', () => {
    assert.equal(hoverAt(r, pos(DOC, 'Checkout returned'), TODAY), null);
    assert.equal(hoverAt(r, pos(DOC, '## Action items'), TODAY), null);
    assert.equal(hoverAt(asResult(DOC, false), pos(DOC, 'Alert when'), TODAY), null);
    assert.equal(hoverAt(undefined, { line: 0, character: 0 }, TODAY), null);
  });

  test('CRLF documents and Unicode handles', () => {
    const text = DOC.replace('@maria', '@josé.garcía').replace(/\n/g, '\r\n');
    const v = md(hoverAt(asResult(text), pos(text, 'Alert when'), TODAY));
    assert.match(v, /\*\*Owner:\*\* `@josé\.garcía`/);
  });

  test('a vague item: the card says why once, and the same facts are not repeated as a summary', () => {
    const text = DOC.replace('Add a canary stage to the payments-api deploy', 'Better testing');
    const v = md(hoverAt({ ...asResult(text), findings: lint(text, { today: TODAY }).findings }, pos(text, 'Better testing'), TODAY));
    assert.match(v, /\*\*Wording:\*\* vague — /);
    assert.doesNotMatch(v, /Not ready/);
    // without the vague rule's finding (off, or suppressed) the card says nothing about the wording
    assert.doesNotMatch(md(hoverAt(asResult(text), pos(text, 'Better testing'), TODAY)), /Wording/);
  });

  test('more than one owner: asks to pick one', () => {
    const text = DOC.replace('— @maria,', '— @maria and @li,');
    const v = md(hoverAt(asResult(text), pos(text, 'Alert when'), TODAY));
    assert.match(v, /\*\*Owners:\*\* `@maria`, `@li` — more than one owner: each assumes another is on it/);
  });
});

describe('completion', () => {
  const complete = (text: string, at: { line: number; character: number }, knownOwners: string[] = [], isPostmortem = true) =>
    completionsAt({ result: asResult(text, isPostmortem), position: at, today: TODAY, knownOwners });

  test("after '@' in an action item: owners of this document first, then the workspace's; the edit replaces the typed prefix", () => {
    const text = DOC.replace('- [ ] Add a canary stage to the payments-api deploy, due 2026-03-20', '- [ ] Add a canary stage, @ma');
    const at = endOfLine(text, ', @ma');
    const items = complete(text, at, ['@zoe', 'maria', 'Rafael Silva', '@ma']);
    const labels = items.map((c) => c.label);
    assert.deepEqual(labels, ['@bo', '@dd', '@li', '@maria', '@zoe']);
    assert.match(items[0].detail!, /in this postmortem/);
    assert.match(items.at(-1)!.detail!, /other postmortems/);
    const maria = items.find((c) => c.label === '@maria')!;
    assert.deepEqual(edit(maria).range, { start: { line: at.line, character: at.character - 2 }, end: at });
    assert.match(applyCompletion(text, maria), /- \[ \] Add a canary stage, @maria\n/);
  });

  test("'@' right after the trigger (empty prefix) and in a table cell", () => {
    const text = DOC.replace('| TBD |', '| @ |');
    const at = pos(text, '| @');
    const items = complete(text, at, []);
    assert.ok(items.some((c) => c.label === '@maria'));
    assert.deepEqual(edit(items[0]).range, { start: at, end: at });
  });

  test("no owners outside action items, and not for e-mail addresses", () => {
    const text = DOC.replace('Checkout returned 502s for 40 minutes.', 'Paged @');
    assert.deepEqual(complete(text, pos(text, 'Paged @'), ['@zoe']), []);
    const mail = DOC.replace('- [ ] Add a canary stage to the payments-api deploy, due 2026-03-20', '- Ask ops@');
    assert.deepEqual(complete(mail, pos(mail, 'ops@'), ['@zoe']), []);
  });

  test("after 'due ' / 'by ': ISO dates in 1 week, 2 weeks and at the end of the month, labelled", () => {
    const text = DOC.replace('- [ ] Add a canary stage to the payments-api deploy, due 2026-03-20', '- [ ] Add a canary stage @ana, due ');
    const items = complete(text, endOfLine(text, '@ana, due '));
    assert.deepEqual(
      items.map((c) => [c.label, c.labelDetails?.description]),
      [
        ['2026-03-22', 'in 1 week'],
        ['2026-03-29', 'in 2 weeks'],
        ['2026-03-31', 'end of this month'],
      ],
    );
    assert.equal(items[0].detail, 'in 1 week: Sunday 22 March 2026');
    assert.match(applyCompletion(text, items[1]), /@ana, due 2026-03-29\n/);

    const by = text.replace('@ana, due ', '@ana by 2026-0');
    const byItems = complete(by, endOfLine(by, 'by 2026-0'));
    assert.equal(byItems.length, 3);
    assert.match(applyCompletion(by, byItems[0]), /@ana by 2026-03-22\n/, 'the typed part of the date is replaced, not doubled');
  });

  test('end of month becomes end of next month when this month ends within a week', () => {
    assert.deepEqual(dateChoices('2026-03-27').map((c) => [c.iso, c.what]), [
      ['2026-04-03', 'in 1 week'],
      ['2026-04-10', 'in 2 weeks'],
      ['2026-04-30', 'end of next month'],
    ]);
  });

  test('in the Due cell of an action-items table: dates; in the Owner cell: no dates', () => {
    const text = DOC.replace('| TBD | 2026-04-01 | P2 |', '| @ana |  | P2 |');
    const line = text.split('\n').findIndex((l) => l.includes('| @ana |  |'));
    const lineText = text.split('\n')[line];
    const inDue = lineText.indexOf('| @ana |  |') + '| @ana | '.length;
    const items = complete(text, { line, character: inDue });
    assert.deepEqual(items.map((c) => c.label), ['2026-03-22', '2026-03-29', '2026-03-31']);
    assert.match(applyCompletion(text, items[0]), /\| @ana \| 2026-03-22 \| P2 \|/);
    // Right after the pipe, a space is added so the table stays readable.
    const afterPipe = complete(text, { line, character: inDue - 1 });
    assert.equal(edit(afterPipe[0]).newText, ' 2026-03-22');
    // Right before the closing pipe, a space is added after the date.
    const tight = text.replace('| @ana |  | P2 |', '| @ana || P2 |');
    const tightLine = tight.split('\n')[line];
    assert.match(applyCompletion(tight, complete(tight, { line, character: tightLine.indexOf('||') + 1 })[0]), /\| @ana \| 2026-03-22 \| P2 \|/);
    // The owner cell and the header row get no dates.
    assert.deepEqual(complete(text, { line, character: lineText.indexOf('| @ana') + 1 }), []);
    const header = text.split('\n').findIndex((l) => l.startsWith('| Action | Owner | Due'));
    assert.deepEqual(complete(text, { line: header, character: '| Action | Owner | Du'.length }), []);
  });

  test("no dates after 'by ' outside action items", () => {
    const text = DOC.replace('Checkout returned 502s for 40 minutes.', 'Caused by ');
    assert.deepEqual(complete(text, pos(text, 'Caused by ')), []);
  });

  test("section headings after '#'s: the missing canonical sections, next one preselected, typed #s kept", () => {
    const text = DOC.replace('Checkout returned 502s for 40 minutes.', 'Checkout returned 502s.\n\n## Imp');
    const at = pos(text, '## Imp');
    const items = complete(text, at);
    assert.deepEqual(items.map((c) => c.label), ['Impact', 'Timeline', 'Contributing causes', 'Detection', 'Resolution', 'Lessons learned', 'Glossary']);
    const impact = items[0];
    assert.equal(impact.preselect, true);
    assert.equal(impact.filterText, '## Impact');
    assert.deepEqual(edit(impact).range, { start: { line: at.line, character: 0 }, end: at });
    assert.match(applyCompletion(text, impact), /\n## Impact\n/);
    assert.match((impact.documentation as MarkupContent).value, /in numbers/);

    const h3 = complete(text.replace('## Imp', '###'), { line: at.line, character: 3 });
    assert.equal(edit(h3[0]).newText, '### Impact');
  });

  test("on an empty line under a heading, '## ' is inserted; sections the document has are skipped", () => {
    const text = DOC.replace('Checkout returned 502s for 40 minutes.\n', 'Checkout returned 502s for 40 minutes.\n\n## Impact\n\n');
    const line = text.split('\n').findIndex((l) => l === '## Impact') + 2;
    assert.equal(text.split('\n')[line], '');
    const items = complete(text, { line, character: 0 });
    const labels = items.map((c) => c.label);
    assert.ok(!labels.includes('Summary') && !labels.includes('Impact') && !labels.includes('Action items'));
    assert.equal(edit(items[0]).newText, '## Timeline');
    assert.equal(items[0].preselect, true, 'Timeline comes after Impact in canonical order');
  });

  test('no headings in a paragraph, inside code blocks, or in a README', () => {
    const text = DOC.replace('Checkout returned 502s for 40 minutes.', 'Checkout returned 502s.\nWe');
    assert.deepEqual(complete(text, pos(text, '\nWe'.slice(1))), []);
    const fenced = DOC.replace('Checkout returned 502s for 40 minutes.', '```\n#\n```');
    const line = fenced.split('\n').indexOf('#');
    assert.deepEqual(complete(fenced, { line, character: 1 }), []);
    const readme = '# Project\n\nA tool.\n\n## Roadmap\n\n#';
    assert.deepEqual(complete(readme, { line: 6, character: 1 }, [], false), []);
  });

  test('a new document with an incident title gets headings before it is detected as a postmortem', () => {
    const text = '# Incident: checkout outage\n\n#';
    const items = complete(text, { line: 2, character: 1 }, [], false);
    assert.equal(items.length, 9);
    assert.equal(items[0].label, 'Summary');
    assert.equal(edit(items[0]).newText, '# Summary');
  });
});

describe('document symbols', () => {
  const walk = (symbols: DocumentSymbol[], fn: (s: DocumentSymbol, parent?: DocumentSymbol) => void, parent?: DocumentSymbol) => {
    for (const s of symbols) {
      fn(s, parent);
      walk(s.children ?? [], fn, s);
    }
  };
  const le = (a: LspRange['start'], b: LspRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: LspRange, outer: LspRange) => le(outer.start, inner.start) && le(inner.end, outer.end);

  test('sections nest by depth; action items are children of their section with their status', () => {
    const symbols = documentSymbols(asResult(DOC), TODAY);
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, 'Checkout outage');
    assert.deepEqual(title.children!.map((s) => s.name), ['Summary', 'Action items']);
    const ai = title.children![1];
    assert.equal(ai.detail, '5 items · 1 done · 2 without owner · 1 without a date · 1 overdue');
    assert.deepEqual(ai.children!.map((s) => s.name), ['Detect', 'Prevent', 'Deferred']);
    const detect = ai.children![0];
    assert.deepEqual(
      detect.children!.map((s) => s.detail),
      ['open · @maria · overdue since 2026-03-01 · P1', "open · @li · 'next sprint' is not a date · P3", 'done', 'open · no owner · due 2026-03-20'],
    );
    assert.match(detect.children![0].name, /^Alert when checkout 5xx rate exceeds 2% for 5 minutes/);
    assert.deepEqual(ai.children![1].children!.map((s) => s.detail), ['open · no owner · due 2026-04-01 · P2']);
    assert.deepEqual(ai.children![2].children!.map((s) => s.detail), ['deferred']);
  });

  test('every range contains its selection range and its children; names are never empty', () => {
    const texts = [DOC, DOC.replace(/\n/g, '\r\n'), '##\n\n## Action items\n\n- \n- [ ]\n\n| Action |\n|---|\n| x |\n', '# A\n### B\n## C\n#### D\n'];
    for (const text of texts) {
      walk(documentSymbols(asResult(text), TODAY), (s, parent) => {
        assert.ok(s.name.length > 0);
        assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection outside range`);
        if (parent) assert.ok(inside(s.range, parent.range), `${s.name} outside ${parent.name}`);
      });
    }
  });

  test('no outline from us for documents that are not postmortems', () => {
    assert.deepEqual(documentSymbols(asResult(DOC, false), TODAY), []);
  });
});

describe('code lens', () => {
  test('on the action-items heading: counts without deferred items, overdue = open and due before today', () => {
    const r = asResult(DOC);
    const lenses = codeLenses(r, TODAY);
    assert.equal(lenses.length, 1);
    const line = pos(DOC, '## Action items').line;
    assert.equal(lenses[0].range.start.line, line);
    assert.equal(lenses[0].range.end.line, line);
    assert.equal(lenses[0].command?.title, '5 items · 1 done · 2 without owner · 1 without a date · 1 overdue');
    assert.equal(lenses[0].command?.command, '', 'an informational lens: VS Code shows an empty command id as plain text');
  });

  test('the brief\'s example and a clean list', () => {
    const text = `## Summary\n\nx\n\n## Timeline\n\ny\n\n## Action items\n\n- Add alert on lag > 5 s @a, due 2026-04-01\n- Add runbook, due 2026-04-01\n- Add canary @b, due 2026-03-01\n- Raise pool to 50 @c, due 2026-04-02\n`;
    assert.equal(codeLenses(asResult(text), TODAY)[0].command?.title, '4 items · 1 without owner · 1 overdue');
    const clean = text.replace('- Add runbook,', '- Add runbook @d,').replace('2026-03-01', '2026-05-01');
    assert.equal(codeLenses(asResult(clean), TODAY)[0].command?.title, '4 items · every open item has an owner and a date');
    assert.equal(lensTitle(countItems([], TODAY)), 'No action items yet: each needs one owner and an absolute due date');
  });

  test('a bold label standing in for the action items heading gets the lens, and too-many points at it', () => {
    const text = `# Incident on 2026-01-05 - DNS records deleted\n\n- **Time to repair**: 2h\n\n- **Review actions**:\n  - Add an alert on NXDOMAIN rate > 5% for 5 minutes\n  - Pin external-dns to 0.14.2 @kenji, due 2026-04-01\n  - Restrict the DNS zone IAM role to the cluster @ana, due 2026-04-01\n  - Add a dry-run step to the DNS sync job @li, due 2026-04-01\n  - Back up the Route 53 zone nightly @li, due 2026-04-01\n  - Document the restore in the runbook @ana, due 2026-04-01\n`;
    const r = lint(text, { today: TODAY, all: true });
    const label = pos(text, '**Review actions**', false);
    const lenses = codeLenses(r, TODAY);
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, label.line);
    assert.equal(lenses[0].range.start.character, label.character);
    assert.equal(lenses[0].command?.title, '6 items · 1 without owner · 1 without a date');
    const tooMany = r.findings.find((f) => f.ruleId === 'action-items-too-many');
    assert.equal(tooMany?.range.start.line, label.line, 'on the label, not the page title');
    assert.equal(text.slice(tooMany!.range.start.offset, tooMany!.range.end.offset), '**Review actions**');
  });

  test('items written as done count as done, as they do for the rules (no owner or date asked of finished work)', () => {
    const text = `## Summary\n\nx\n\n## Timeline\n\ny\n\n## Action items\n\n- The team then raised an AWS support ticket\n- Add runbook @d, due 2026-04-01\n`;
    assert.equal(codeLenses(asResult(text), TODAY)[0].command?.title, '2 items · 1 done · every open item has an owner and a date');
    const rules = (t: string) => lint(t, { today: TODAY, all: true }).findings.map((f) => f.ruleId).filter((id) => /^action-item-(owner|due-date|vague)$/.test(id));
    assert.deepEqual(rules(text), []);
    assert.deepEqual(rules(text.replace('- Add runbook @d, due 2026-04-01', '- Add runbook')), ['action-item-due-date', 'action-item-owner'], 'the open item is still checked');
  });

  test('turned off by the setting, and absent on documents that are not postmortems', () => {
    assert.deepEqual(codeLenses(asResult(DOC), TODAY, { codeLens: false }), []);
    assert.deepEqual(codeLenses(asResult(DOC, false), TODAY), []);
  });
});

describe('robustness: never throws, every range inside the document', () => {
  const require = createRequire(__filename);
  const spec = require('commonmark-spec') as { tests: { markdown: string }[] };
  const hostile = [
    '',
    '\u0000\u0001\uFFFF\uD800',
    '---\n: [broken\n---\n## Action items\n\n- @',
    '## Action items\r\n\r\n| Due |\r\n|---|\r\n| |\r\n',
    '## Action items\n\n- due \n- by \n- @\n#',
    '#'.repeat(10),
    '- [ ] '.repeat(1000),
  ];
  const docs = [...hostile, ...spec.tests.map((t) => `# Incident\n\n## Summary\n\nx\n\n## Action items\n\n${t.markdown}\n`)];

  test(`${docs.length} documents: hover, completion, symbols and code lens at every line`, () => {
    for (const text of docs) {
      const r = asResult(text);
      const lines = text.split(/\r\n|\r|\n/);
      const check = (range: LspRange | undefined, what: string) => {
        if (!range) return;
        for (const p of [range.start, range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside ${JSON.stringify(text)}`);
          assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character outside ${JSON.stringify(text)}`);
        }
      };
      for (let line = 0; line < Math.min(lines.length, 40); line++) {
        for (const character of [0, 1, lines[line].length, lines[line].length + 5]) {
          const position = { line, character };
          check(hoverAt(r, position, TODAY)?.range, 'hover');
          for (const c of completionsAt({ result: r, position, today: TODAY, knownOwners: ['@a', 'b c', ''] })) check(edit(c).range, 'completion');
        }
      }
      const stack = [...documentSymbols(r, TODAY)];
      while (stack.length) {
        const s = stack.pop()!;
        check(s.range, 'symbol');
        check(s.selectionRange, 'selection');
        stack.push(...(s.children ?? []));
      }
      for (const l of codeLenses(r, TODAY)) check(l.range, 'lens');
    }
  });
});

describe('hover on a follow-up read from a lessons list or a blog-post heading', () => {
  test('a "What went wrong" entry that points at its tracking issue says why it is checked, and what its status is from', () => {
    const text = `# Proxy crash\n\n## Summary\n\nThe proxy crashed on a malformed header.\n\n## Lessons learned\n\n### What went wrong\n\n* The first patch was hand-edited on the release branch. It was quick but not repeatable, see\n  https://github.com/example/proxy/issues/4102.\n`;
    const v = md(hoverAt(asResult(text), pos(text, 'The first patch'), TODAY));
    assert.match(v, /Read from a lessons list: the entry ends by pointing at the issue that tracks its follow-up/);
    assert.match(v, /\*\*Status:\*\* open \(from `It was quick but not repeatable, see/);
  });

  test('"Detailed explanation" whose paragraphs say why is read as the causes', () => {
    const text = `# Image outage\n\n## Summary\n\nA faulty image was published.\n\n## Detailed explanation\n\nThe pipeline kept an old reference, which caused a rebuild of the old code.\n\nThe rebuild was triggered by a revert commit.\n`;
    assert.match(md(hoverAt(asResult(text), pos(text, 'Detailed explanation'), TODAY)), /Read as `Contributing causes`: at least two of its paragraphs say why it happened/);
  });
});
