// A file the runner judges an unfilled template has no action items on any face: the example rows of its table are the
// template's, not the team's. The reader summary (status bar), the reader view, the code lens, the outline, the hover
// all read none, in agreement with the one unfilled-template finding, and the archive does not list it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { actionItemsOf, buildReaderModel } from '../../server/src/reader/model';
import { codeLenses } from '../../server/src/lsp/features/codelens';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { hoverAt } from '../../server/src/lsp/features/hover';
import { readArchive, readArchiveEntry } from '../../server/src/archive/entry';
import type { Config } from '../../server/src/model/types';
import { TEMPLATE } from '../lsp/texts';

const TODAY = '2026-03-01';
const PATH = '/repo/docs/postmortems/template.md';


const run = (config?: Config) => lint(TEMPLATE, { filePath: PATH, rootDir: '/repo', today: TODAY, config });

test('a template verdict: one finding, and no action items on any face', () => {
  const r = run();
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['unfilled-template']);
  assert.equal(r.model.actionItems.length, 0);
  // status bar and reader view
  assert.equal(actionItemsOf(r, TODAY).counts.total, 0);
  assert.equal(buildReaderModel(r, { today: TODAY }).actionItems.length, 0);
  // code lens on the action-items heading: no items yet
  const lenses = codeLenses(r, TODAY);
  assert.ok(lenses.length > 0 && lenses.every((l) => l.command?.title.startsWith('No action items')), JSON.stringify(lenses.map((l) => l.command?.title)));
  // outline: no item symbols under the sections
  const items = documentSymbols(r, TODAY).flatMap(function all(s): string[] {
    return [s.name, ...(s.children ?? []).flatMap(all)];
  });
  assert.ok(!items.some((n) => n.includes('Add an alert')), items.join(' | '));
  // hover on the example row: not described as an action item
  const row = TEMPLATE.split('\n').findIndex((l) => l.includes('Add an alert'));
  const hover = hoverAt(r, { line: row, character: 4 }, TODAY);
  assert.ok(!hover || !JSON.stringify(hover.contents).includes('No owner'), JSON.stringify(hover?.contents));
  // the archive (workspace index, tree view, `report`), by the light read and by the whole parse: not listed among the
  // postmortems (an entry with no items would read as a postmortem with nothing to do), while the workspace's
  // Problems panel still gets the template's one finding
  const read = (findings: boolean) => readArchive(TEMPLATE, { file: PATH, filePath: PATH, rootDir: '/repo', today: TODAY, findings });
  assert.equal(read(false).entry, undefined);
  assert.equal(read(true).entry, undefined);
  assert.deepEqual(read(true).findings?.map((f) => f.ruleId), ['unfilled-template']);
  assert.equal(readArchiveEntry(TEMPLATE, { file: PATH, filePath: PATH, rootDir: '/repo', today: TODAY }), undefined);
});

test('with the rule turned off the same file is linted as a postmortem, and its rows are items again', () => {
  const r = run({ rules: { 'unfilled-template': 'off' } });
  assert.equal(r.model.actionItems.length, 2);
  assert.equal(actionItemsOf(r, TODAY).counts.total, 2);
  assert.equal(readArchive(TEMPLATE, { file: PATH, filePath: PATH, rootDir: '/repo', today: TODAY, config: { rules: { 'unfilled-template': 'off' } } }).entry?.items.length, 2);
});
