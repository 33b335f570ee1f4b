// Linear time on every path the reliability report found superlinear (D2, D4, D6): each pathological family at 10k,
// 20k, 40k and 80k characters through lint and the HTML export. Compares growth, not absolute times: linear work grows
// about 8× from 10k to 80k, quadratic 64×, so a family fails past 24× (best of two runs per size, so a busy machine
// does not decide). Families bound by the markdown parser itself (deep nesting, D10) are not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { renderStandaloneHtml } from '../../server/src/reader/render';
import { dateTypedAfterKeyword } from '../../server/src/lsp/features/completion';

const TODAY = '2026-03-01';
const head = '---\ntype: postmortem\ndate: 2026-01-10\n---\n# T\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 UTC paged\n\n## Action items\n\n';
const rep = (s: string, n: number) => s.repeat(Math.max(1, Math.floor(n / s.length)));

const FAMILIES: Record<string, (n: number) => string> = {
  'by:by:… before an owner (reader, D2)': (n) => head + '- [ ] Fix by' + rep(':by', n) + 'x @alice\n',
  'unclosed (1111,… after an owner (D4)': (n) => head + '- [ ] Fix it @alice (' + rep('1111,', n) + '\n',
  'spaces before @owner': (n) => head + '- [ ] Fix it' + rep(' ', n) + '@alice\n',
  '" ," runs before @owner': (n) => head + '- [ ] Fix it' + rep(' ,', n) + '@alice\n',
  '"due by " × n': (n) => head + '- [ ] Fix it ' + rep('due by ', n) + '@alice\n',
  '"Owner: " × n': (n) => head + '- [ ] Fix it ' + rep('Owner: ', n) + '@alice\n',
  'digits in an item': (n) => head + '- [ ] Improve ' + rep('1', n) + '\n',
  '"a-" × n in an item': (n) => head + '- [ ] Improve ' + rep('a-', n) + '\n',
  '"<http:" × n in an item': (n) => head + '- [ ] Improve ' + rep('<http:', n) + '\n',
  '"priority" + spaces': (n) => head + '- [ ] Fix it priority' + rep(' ', n) + 'x\n',
  '"owner: a" + spaces + "Bc"': (n) => head + '- [ ] Fix it owner: a' + rep(' ', n) + 'Bc\n',
  'heading of "(" × n': (n) => head + '## ' + rep('(', n) + '\n',
  'heading of " :" × n': (n) => head + '## x' + rep(' :', n) + 'x\n',
  'heading with a run of spaces': (n) => head + '## x' + rep(' ', n) + 'x\n',
  'unclosed "<!--postmortem-lint-enable" × n': (n) => head + rep('<!--postmortem-lint-enable>m', n) + '\n',
  '"T." × n (host names)': (n) => head.replace('type: postmortem', 'type: postmortem\naudience: public').replace('x\n', rep('T.', n) + '\n'),
  '"yesterday " × n on one line': (n) => head.replace('x\n', rep('yesterday ', n) + '\n'),
  // issue 13, expressions rewritten after recheck's attacks: each was quadratic or cubic in V8 on these
  '"so " then "d-" × n in an item (finish line)': (n) => head + '- [ ] Improve the script so ' + rep('d-', n) + '\n',
  'a time and a run of blanks in a section not headed Timeline': (n) =>
    head.replace('## Timeline\n\n- 10:00 UTC paged\n\n', '## Events\n\n- 10:00' + rep(' ', n) + 'T\n\n'),
  'a timeline entry with a run of blanks and tabs': (n) => head.replace('- 10:00 UTC paged', '- 10:00' + rep(' \t', n) + 'x'),
  'a number grouped by no-break spaces in Impact': (n) => head.replace('x\n', '1' + rep('\u00a0000', n) + 'x\n'),
};

/** The least CPU time (ms, this process's threads) of `runs` runs: CPU time, not wall time, so other work on a shared
 * machine (CI, parallel test files) does not count against the document. */
function best(f: () => void, runs = 2): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

test('each pathological family of the report takes linear time in lint and the HTML export', { timeout: 30 * 60_000 }, () => {
  const sizes = [10_000, 20_000, 40_000, 80_000];
  const bad: string[] = [];
  for (const [name, make] of Object.entries(FAMILIES)) {
    for (const [mode, run] of [
      ['lint', (t: string) => lint(t, { today: TODAY })],
      ['export', (t: string) => renderStandaloneHtml(t, { today: TODAY })],
    ] as const) {
      const measure = (runs: number) => sizes.map((n) => {
        const text = make(n);
        return best(() => run(text), runs);
      });
      // a floor of 20 ms for the smallest size: below it, timer noise would decide the ratio
      const growthOf = (t: number[]) => t[3] / Math.max(t[0], 20);
      let times = measure(2);
      // linear growth is ×8 over these sizes, quadratic ×64: past ×24, measure once more before calling it
      if (growthOf(times) > 24) times = measure(3);
      const growth = growthOf(times);
      if (growth > 24) bad.push(`${name} (${mode}): ${times.map((t) => Math.round(t)).join(' / ')} ms, ×${growth.toFixed(1)}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('due-date completion reads a long line in linear time', () => {
  const times = [10_000, 80_000].map((n) => {
    const before = '- [ ] Fix by' + ' '.repeat(n) + '-by ';
    return best(() => {
      for (let i = 0; i < 20; i++) dateTypedAfterKeyword(before);
    });
  });
  assert.ok(times[1] / Math.max(times[0], 5) < 24, `${times.map(Math.round).join(' / ')} ms`);
  assert.equal(dateTypedAfterKeyword('- [ ] Fix it, due 2026-0'), '2026-0');
  assert.equal(dateTypedAfterKeyword('- [ ] Fix it, due: '), '');
  assert.equal(dateTypedAfterKeyword('- [ ] Fix it, overdue '), undefined);
});
