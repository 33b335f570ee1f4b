// `<h2 id="cause">What's Happening</h2>`: the anchor an author gives an HTML heading names the section (seen.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { alsoShown } from '../../server/src/model/seen';

const doc = (heading: string) =>
  `# Alert: payments shown as settled\n\n## Summary\n\nOn 2026-03-14 light wallets showed payments as settled.\n\n## Impact\n\n300 payments reverted.\n\n` +
  `## Timeline\n\n- 04:10 UTC a bad block\n- 05:05 UTC it is abandoned\n\n${heading}\n\nMiners build on blocks they have not checked, so a bad block gains followers.\n\n` +
  `## Action items\n\n- [ ] Add a confirmations banner to the merchant guide — @dana, due 2027-04-01, P2\n`;
const missing = (md: string) =>
  lint(md, { filePath: 'postmortems/a.md', rootDir: '', today: '2026-03-20' })
    .findings.filter((f) => f.ruleId === 'missing-section')
    .map((f) => f.message);

test('an HTML heading whose id names a section shows it, and the hover says why', () => {
  const md = doc('<h2 id="cause">Behind the Scenes</h2>');
  assert.deepEqual(missing(md), []);
  const r = lint(md, { filePath: 'postmortems/a.md', rootDir: '', today: '2026-03-20' });
  const s = r.model.allSections.find((x) => x.title === 'Behind the Scenes');
  assert.ok(s);
  assert.deepEqual(alsoShown(r.model, s), [{ kind: 'contributing-causes', why: 'its anchor id="cause" names it' }]);
});

test('an id that is a slug naming nothing, or no id, changes nothing', () => {
  assert.equal(missing(doc('<h2 id="h-behind-the-scenes">Behind the Scenes</h2>')).length, 1);
  assert.equal(missing(doc('<h2 class="cause">Behind the Scenes</h2>')).length, 1);
  assert.equal(missing(doc('## Behind the Scenes')).length, 1);
});
