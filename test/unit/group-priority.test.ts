// Items grouped under sub-headings that rank them ("### P1", "### Immediate (This Sprint)", "### Long-term (Next
// Quarter)") have the heading's priority: a reader sees every item under it ranked, so action-item-priority says
// nothing there, and the archive and hover show the heading as the priority. A heading that names a theme gives none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';

const TODAY = '2026-03-01';
const doc = (groups: string) =>
  [
    '# Postmortem: widget outage on 2026-02-10',
    '',
    '## Summary',
    '',
    'The widget script was served with the wrong content type for two hours on 2026-02-10.',
    '',
    '## Action items',
    '',
    groups,
    '',
  ].join('\n');

const priorities = (text: string) =>
  lint(text, { filePath: '/repo/postmortems/x.md', rootDir: '/repo', today: TODAY }).model.actionItems.map((i) => [i.text.replace(/,.*$/, ''), i.priority?.text, i.priority?.value.level]);

test('a ranking group heading gives its items their priority: P-numbers, priority words and time tiers', () => {
  const text = doc(
    [
      '### Detect earlier (P1)',
      '- [ ] Scan the chain every five minutes, @ana, due 2026-03-20',
      '### Low priority',
      '- [ ] Rename the flag, @ana, due 2026-04-20',
      '### Immediate (This Sprint)',
      '- [ ] Pin the content type, @ana, due 2026-03-06',
      '### 2. **Long-term** (next quarter)',
      '- [ ] Serve the widget from its own origin, @ana, due 2026-05-29',
    ].join('\n'),
  );
  assert.deepEqual(priorities(text), [
    ['Scan the chain every five minutes', 'P1', 1],
    ['Rename the flag', 'Low priority', 3],
    ['Pin the content type', 'Immediate (This Sprint)', 1],
    ['Serve the widget from its own origin', '2. **Long-term** (next quarter)', 2],
  ]);
});

test("an item's own priority wins, and a theme heading gives none (the priority hint stays)", () => {
  const text = doc(['### Immediate (This Sprint)', '- [ ] Pin the content type, P0, @ana, due 2026-03-06', '### Detection', '- [ ] Log the content type served, @ana, due 2026-03-13'].join('\n'));
  assert.deepEqual(priorities(text), [
    ['Pin the content type', 'P0', 0],
    ['Log the content type served', undefined, undefined],
  ]);
  const findings = lint(text, { filePath: '/repo/postmortems/x.md', rootDir: '/repo', today: TODAY }).findings.filter((f) => f.ruleId === 'action-item-priority');
  assert.deepEqual(findings.map((f) => f.range.start.line + 1), [12]);
});
