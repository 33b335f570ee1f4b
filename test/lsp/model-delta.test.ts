// The model that hover, code lens, symbols and the reader read, through the real lint thread (dist/lint-worker.js):
// after each edit it crosses as a change to the last one (lsp/model-delta.ts), and must be the model a fresh lint of
// the same text gives, with each item's section the one in the model's sections.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from './client';
import { ensureBuilt } from './build';
import { lint, type LintResult } from '../../server/src/lint/lint';

before(() => ensureBuilt());

const OPTIONS = { today: '2026-03-01' };
const strip = (r: LintResult) => {
  const { lines: _lines, ...model } = r.model;
  return model;
};

const sectionOfEach = (r: LintResult) => r.model.actionItems.map((i) => r.model.allSections.indexOf(i.section));

test('after edits anywhere in a long postmortem, the model from the lint thread equals a fresh lint of the text', async () => {
  const { lintThread } = await import('../../server/src/lsp/lint-thread');
  const logged: string[] = [];
  const thread = lintThread(path.join(ROOT, 'dist', 'lint-worker.js'), (l) => logged.push(l));
  const base = readFileSync(path.join(ROOT, 'examples', 'weak-postmortem.md'), 'utf8');
  // a few copies, so that an edit leaves sections before and after it
  let text = [base, base.replace(/^# .*$/m, '# Second outage'), base.replace(/^# .*$/m, '# Third outage')].join('\n');
  const mid = () => text.indexOf('\n## ', Math.floor(text.length / 2));
  const edits: ((t: string) => string)[] = [
    (t) => t + '\n- [ ] Page the on-call owner @kim by 2026-04-01\n',
    (t) => t.slice(0, mid()) + '\nA new sentence in the middle.\n' + t.slice(mid()),
    (t) => t.slice(0, mid()) + '\n## Follow-ups\n\n- [ ] Add a canary @lee 2026-05-01\n' + t.slice(mid()),
    (t) => t.replace('## Follow-ups\n', ''),
    (t) => t.replace(/\n/, '\nAn opening line.\n'),
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.slice(0, Math.floor(t.length / 3)) + t.slice(Math.floor(t.length / 2)),
  ];
  for (let k = 0; k <= edits.length; k++) {
    if (k > 0) text = edits[k - 1](text);
    const got = await thread.lint(text, OPTIONS, 'doc');
    const want = lint(text, OPTIONS);
    assert.deepEqual(strip(got), strip(want), `after edit ${k}`);
    assert.deepEqual(sectionOfEach(got), sectionOfEach(want), `after edit ${k}: each item under the same section object`);
  }
  // closed and opened again: its first model crosses whole
  thread.forget('doc');
  const again = await thread.lint(text, OPTIONS, 'doc');
  assert.deepEqual(strip(again), strip(lint(text, OPTIONS)));
  thread.forget('doc');
  assert.deepEqual(logged, []);
});
