// Engine reliability: inputs that used to hang, throw or shift ranges (issue 13, reliability report D1, D5, D7, D8,
// D10, D13, D18). Each test feeds the reproducer of the report and checks what a user would see.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lint, MAX_LINT_CHARS, nestingDepth } from '../../server/src/lint/lint';
import { buildReaderModel } from '../../server/src/reader/model';
import { isIsoDay } from '../../server/src/model/dates';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-03-01';

/**
 * Runs `code` (CommonJS, `require` paths relative to the project root) in a child process and returns its stdout, or
 * fails when it does not finish within `ms`: a hang must fail the test, not stall the runner.
 */
function runIsolated(code: string, ms = 120_000): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: root, timeout: ms, encoding: 'utf8' });
  assert.ok(!r.error, `did not finish within ${ms} ms (${r.error?.message})`);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('reliability: impossible dates (D1)', () => {
  const doc = (date: string) =>
    `---\ntype: postmortem\ndate: ${date}\n---\n# Checkout outage\n\n## Timeline\n\n- 9:30 am PT paged\n- 10:15 am PT resolved\n`;

  it('an impossible front-matter date is not the incident date', () => {
    for (const d of ['2026-13-05', '2026-00-10', '2026-02-30', '2025-02-29', '2026-04-31', '2026-01-45']) {
      assert.equal(lint(doc(d), { today: TODAY }).model.date, undefined, d);
    }
    assert.equal(lint(doc('2024-02-29'), { today: TODAY }).model.date, '2024-02-29');
    assert.equal(lint(doc('2026-01-12'), { today: TODAY }).model.date, '2026-01-12');
  });

  it('the reader view and the HTML export finish on an impossible date with a PT/ET/CT/MT timeline', () => {
    const out = runIsolated(`
      const { lint } = require('./server/src/lint/lint');
      const { buildReaderModel } = require('./server/src/reader/model');
      const { renderStandaloneHtml } = require('./server/src/reader/render');
      for (const tz of ['PT', 'ET', 'CT', 'MT']) {
        const text = ${JSON.stringify(doc('2026-13-05'))}.replace(/PT/g, tz);
        const m = buildReaderModel(lint(text, { today: '2026-03-01' }), { today: '2026-03-01' });
        renderStandaloneHtml(text, { today: '2026-03-01' });
        console.log(tz, m.header.duration && m.header.duration.minutes);
      }`);
    assert.equal(out.trim(), 'PT 45\nET 45\nCT 45\nMT 45');
  });

  it('the timeline duration still follows a valid incident date', () => {
    const m = buildReaderModel(lint(doc('2026-01-12'), { today: TODAY }), { today: TODAY });
    assert.equal(m.header.date, '2026-01-12');
    assert.equal(m.header.duration?.minutes, 45);
  });

  it('isIsoDay knows the calendar', () => {
    assert.ok(isIsoDay('2026-12-31') && isIsoDay('2000-02-29') && isIsoDay('0001-01-01'));
    for (const s of ['1900-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '', 'x']) assert.ok(!isIsoDay(s), s);
  });
});

describe('reliability: very many tickets, owners or items (D5)', () => {
  const head = '---\ntype: postmortem\n---\n# T\n\n## Action items\n\n';
  for (const [what, text, check] of [
    ['150k tickets on one item', head + '- Fix ' + '#1 '.repeat(150_000) + '\n', (r: ReturnType<typeof lint>) => r.model.actionItems[0]?.tickets.length === 150_000],
    ['150k owners on one item', head + '- Fix ' + '@a '.repeat(150_000) + '\n', (r: ReturnType<typeof lint>) => r.model.actionItems.length === 1],
    ['150k list items', head + '- a\n'.repeat(150_000), (r: ReturnType<typeof lint>) => r.model.actionItems.length === 150_000],
  ] as const) {
    it(`lints ${what} without throwing`, () => {
      const r = lint(text, { today: TODAY });
      assert.ok(check(r), what);
      assert.ok(!r.findings.some((f) => f.ruleId === 'postmortem-lint' && /Internal error/.test(f.message)), 'no rule failed');
    });
  }
});

describe('reliability: a leading byte order mark (D8)', () => {
  const text = '\ufeff---\ntype: postmortem\n---\n# T\n\n## Action items\n\n- [ ] Add a canary stage — @bob, due next sprint, P1\n';

  it('ranges point at the same characters as without the mark', () => {
    const withBom = lint(text, { today: TODAY });
    const without = lint(text.slice(1), { today: TODAY });
    assert.ok(!withBom.findings.some((f) => f.ruleId === 'action-item-priority'), 'the item says P1');
    assert.deepEqual(
      withBom.findings.map((f) => [f.ruleId, text.slice(f.range.start.offset, f.range.end.offset)]),
      without.findings.map((f) => [f.ruleId, text.slice(1).slice(f.range.start.offset, f.range.end.offset)]),
    );
    const item = withBom.model.actionItems[0];
    assert.equal(text.slice(item.textRange.start.offset, item.textRange.start.offset + 6), 'Add a ');
    assert.equal(item.priority?.text, 'P1');
  });
});

describe('reliability: tab-indented suppression comments (D13)', () => {
  it('a tab-indented disable-next-line comment suppresses the next line, not the one after', () => {
    const text = [
      '---', 'type: postmortem', '---', '# Outage', '', '## Contributing causes', '',
      '- Config push',
      '\t<!-- postmortem-lint-disable-next-line human-error -->',
      '\t- human error in the rollout',
      '',
    ].join('\n');
    const r = lint(text, { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'human-error').map((f) => f.range.start.line), []);
    const d = r.model.directives[0];
    assert.equal(text.slice(d.range.start.offset, d.range.end.offset), '<!-- postmortem-lint-disable-next-line human-error -->');
  });
});

describe('reliability: size and nesting limits (D10)', () => {
  it('a line nested thousands of levels deep is not parsed: one finding says so, and lint returns at once', () => {
    const text = '---\ntype: postmortem\n---\n# T\n\n' + '- '.repeat(5000) + 'x\n';
    const r = lint(text, { today: TODAY });
    assert.equal(r.limited?.reason, 'nesting');
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].message, /Nested too deeply to lint \(\d+ levels, limit 100\)/);
    assert.equal(lint('>'.repeat(20_000) + ' x\n', { today: TODAY, all: true }).limited?.reason, 'nesting');
  });

  it('a document past MAX_LINT_CHARS gets one finding instead of minutes of work', () => {
    const text = '---\ntype: postmortem\n---\n# T\n\n' + 'Words of prose.\n'.repeat(Math.ceil(MAX_LINT_CHARS / 16) + 1);
    const r = lint(text, { today: TODAY });
    assert.equal(r.limited?.reason, 'size');
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['postmortem-lint']);
  });

  it('ordinary nesting is linted as before', () => {
    const text = '---\ntype: postmortem\n---\n# T\n\n## Action items\n\n- a\n  - b\n    - c\n      > d\n';
    const r = lint(text, { today: TODAY });
    assert.equal(r.limited, undefined);
    assert.ok(nestingDepth(text) < 10);
  });
});
