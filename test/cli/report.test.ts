// `postmortem-lint report` over a small archive (test/cli/report/archive: checkbox, table and numbered items, a
// Deferred section, a postmortem without a date, an ignored template and a page that is no postmortem), compared
// with golden files for each format at a fixed --today. UPDATE_GOLDEN=1 rewrites the golden files (review the diff).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../server/src/cli/run';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report');
const GOLDEN = path.join(DIR, 'expected');
const TODAY = '2026-03-01';

async function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', ...args], { cwd: DIR, env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

describe('postmortem-lint report: golden files', () => {
  for (const [format, ext] of [
    ['markdown', 'md'],
    ['html', 'html'],
    ['csv', 'csv'],
    ['json', 'json'],
  ] as const) {
    it(`--format ${format}`, async () => {
      const r = await report(['archive', '--today', TODAY, '--format', format]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      golden(`report.${ext}`, r.stdout);
    });
  }
});

describe('postmortem-lint report: behaviour', () => {
  it('leaves out the ignored template and the page that is no postmortem', async () => {
    const r = await report(['archive', '--today', TODAY, '--format', 'json']);
    const files = (JSON.parse(r.stdout) as { postmortems: { file: string }[] }).postmortems.map((p) => p.file).sort();
    assert.deepEqual(files, [
      'archive/incidents/2025-07-21-queue.md',
      'archive/postmortems/2025-11-04-payments.md',
      'archive/postmortems/2026-01-10-dns.md',
      'archive/postmortems/2026-02-02-login.md',
    ]);
  });

  it('--fail-on-overdue exits 1 and says how many items are overdue; 0 when nothing is', async () => {
    const late = await report(['archive', '--today', TODAY, '--fail-on-overdue']);
    assert.equal(late.code, 1);
    assert.match(late.stderr, /6 open action items are overdue \(--fail-on-overdue\)/);
    const early = await report(['archive', '--today', '2025-08-01', '--fail-on-overdue']);
    assert.equal(early.code, 0, early.stderr);
    assert.match(early.stdout, /Nothing is overdue\./);
  });

  it('--since / --until keep postmortems whose incident date is in the period (undated ones left out)', async () => {
    const r = await report(['archive', '--today', TODAY, '--since', '2025-10-01', '--until', '2025-12-31', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { postmortems: { title: string }[]; since: string; until: string; quarters: { quarter: string }[] };
    assert.deepEqual(
      out.postmortems.map((p) => p.title),
      ['Payments outage on 2025-11-04'],
    );
    assert.deepEqual(out.quarters.map((q) => q.quarter), ['2025-Q4']);
    const md = await report(['archive', '--today', TODAY, '--since', '2026-01-01']);
    assert.match(md.stdout, /^# Action items across 1 postmortem\n\nAs of 2026-03-01 \(incidents since 2026-01-01\)\./);
  });

  it('the HTML page runs no script and its CSP admits exactly its own stylesheet', async () => {
    const { stdout: html } = await report(['archive', '--today', TODAY, '--format', 'html']);
    assert.doesNotMatch(html, /<script|\son\w+=|style="/i);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = createHash('sha256').update(css).digest('base64');
    assert.match(html, new RegExp(`content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'"`));
    assert.match(html, /<svg class="share-chart"[^>]*role="img"/);
    assert.match(html, /<title>2025-Q3: 1 of 3 items had an owner and a date \(33%\)<\/title>/);
  });

  it('writes to --output and says what it wrote', async () => {
    const out = path.join(fs.mkdtempSync(path.join(DIR, '..', '.tmp-report-')), 'r.csv');
    try {
      const r = await report(['archive', '--today', TODAY, '--format', 'csv', '-o', out]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /Wrote .*r\.csv: 14 action items from 4 postmortems, 6 overdue/);
      assert.match(fs.readFileSync(out, 'utf8'), /^file,line,postmortem,/);
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it('usage errors exit 2 with one line', async () => {
    for (const [args, msg] of [
      [['--format', 'pdf'], /--format must be one of markdown, html, csv, json; got "pdf"/],
      [['--since', '2026-13-01'], /--since must be a date written YYYY-MM-DD/],
      [['--since', '2026-02-01', '--until', '2026-01-01'], /--since 2026-02-01 is after --until 2026-01-01/],
      [['--bogus'], /unknown option --bogus/],
      [['no-such-folder'], /file not found: no-such-folder/],
    ] as const) {
      const r = await report([...args]);
      assert.equal(r.code, 2, String(args));
      assert.match(r.stderr, msg);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });
});
