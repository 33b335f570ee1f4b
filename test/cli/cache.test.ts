// `postmortem-lint --cache`: a second run over unchanged files prints exactly what the first printed without linting
// any of them again (--verbose says how many were linted and why), an edited file is the only one linted again, a
// change of configuration, date or linter version relints everything, a damaged or unwritable cache file costs one
// warning and never the run, and --fix with the cache still fixes and leaves an entry that matches the fixed file.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../server/src/cli/run';
import { clearExplicitConfigCache } from '../../server/src/config/resolve';
import { invalidateConfigCache } from '../../server/src/config/load';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const TODAY = '2026-11-30';
const CACHE = path.join('node_modules', '.cache', 'postmortem-lint', 'cache.json');

let tmp: string;

async function cli(args: string[], cwd: string) {
  // a new process each time in real use: no configuration remembered between runs
  invalidateConfigCache();
  clearExplicitConfigCache();
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The --verbose summary line's counts. */
function summary(stderr: string): { files: number; linted: number; cached: number } {
  const m = /^postmortem-lint: (\d+) files?: (\d+) linted, (\d+) from the cache/m.exec(stderr);
  assert.ok(m, `no summary line in:\n${stderr}`);
  return { files: Number(m[1]), linted: Number(m[2]), cached: Number(m[3]) };
}
/** The lines that are not --verbose's (what a run without --verbose prints on stderr). */
const quiet = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => !/^postmortem-lint: (linted |\d+ files?: )/.test(l))
    .join('\n');

/** A fresh copy of the fixtures, in a folder of its own. */
function project(name: string): string {
  const d = path.join(tmp, name);
  fs.cpSync(FIXTURES, path.join(d, 'pm'), { recursive: true });
  return d;
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-cache-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('postmortem-lint --cache', () => {
  test('the second run prints the same in every format and lints nothing again', async () => {
    const d = project('same');
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const args = ['--all', '--today', TODAY, '--format', format, 'pm'];
      const plain = await cli(args, d);
      const first = await cli([...args, '--cache', '--verbose'], d);
      const second = await cli([...args, '--cache', '--verbose'], d);
      assert.equal(first.stdout, plain.stdout, format);
      assert.equal(second.stdout, plain.stdout, format);
      assert.equal(quiet(second.stderr), plain.stderr);
      assert.equal(second.code, plain.code);
      const files = fs.readdirSync(path.join(d, 'pm')).length;
      assert.deepEqual(summary(second.stderr), { files, linted: 0, cached: files }, format);
    }
    assert.ok(fs.existsSync(path.join(d, CACHE)), 'kept under node_modules/.cache/postmortem-lint');
  });

  test('an edited file is the only one linted again, and its new findings are reported', async () => {
    const d = project('edit');
    const args = ['--all', '--today', TODAY, '--format', 'json', '--cache', '--verbose', 'pm'];
    await cli(args, d);
    const file = path.join(d, 'pm', 'vague.md');
    fs.appendFileSync(file, '\n## Action items\n\n- [ ] Investigate further\n');
    const r = await cli(args, d);
    const s = summary(r.stderr);
    assert.deepEqual([s.linted, s.cached], [1, s.files - 1]);
    assert.match(r.stderr, /^postmortem-lint: linted pm\/vague\.md \(changed\)$/m);
    const fresh = await cli(['--all', '--today', TODAY, '--format', 'json', 'pm'], d);
    assert.equal(r.stdout, fresh.stdout);
  });

  test('a configuration change relints every file and its findings follow the new configuration', async () => {
    const d = project('config');
    const args = ['--all', '--today', TODAY, '--format', 'json', '--cache', '--verbose', 'pm'];
    const before = await cli(args, d);
    fs.writeFileSync(path.join(d, '.postmortemrc.json'), JSON.stringify({ rules: { 'action-item-owner': 'off' } }));
    const r = await cli(args, d);
    assert.equal(summary(r.stderr).cached, 0);
    assert.match(r.stderr, /linted pm\/\S+ \(configuration, date or linter changed\)/);
    assert.ok(before.stdout.includes('"action-item-owner"'));
    assert.ok(!r.stdout.includes('"action-item-owner"'));
    assert.equal(r.stdout, (await cli(['--all', '--today', TODAY, '--format', 'json', 'pm'], d)).stdout);
  });

  test('another date relints every file (overdue depends on it)', async () => {
    const d = project('date');
    await cli(['--all', '--today', TODAY, '--cache', 'pm'], d);
    const r = await cli(['--all', '--today', '2027-06-01', '--format', 'json', '--cache', '--verbose', 'pm'], d);
    assert.equal(summary(r.stderr).cached, 0);
    assert.equal(r.stdout, (await cli(['--all', '--today', '2027-06-01', '--format', 'json', 'pm'], d)).stdout);
  });

  test('a cache written by another version of the linter is not used', async () => {
    const d = project('version');
    const args = ['--all', '--today', TODAY, '--cache', '--verbose', 'pm'];
    await cli(args, d);
    const file = path.join(d, CACHE);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { linter: string };
    data.linter = '0.0.1';
    fs.writeFileSync(file, JSON.stringify(data));
    const r = await cli(args, d);
    assert.equal(summary(r.stderr).cached, 0);
    assert.doesNotMatch(quiet(r.stderr), /cache/);
  });

  test('a damaged cache file: one warning, the same report, and a good cache written for the next run', async () => {
    const d = project('corrupt');
    const args = ['--all', '--today', TODAY, '--format', 'json', '--cache', 'pm'];
    const plain = await cli(['--all', '--today', TODAY, '--format', 'json', 'pm'], d);
    await cli(args, d);
    const file = path.join(d, CACHE);
    for (const damage of ['{"tool":"postmortem-lint","format":1,"linter":', '[1,2,3]']) {
      fs.writeFileSync(file, damage);
      const r = await cli(args, d);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.code, plain.code);
      const warnings = r.stderr.split('\n').filter((l) => l.includes('cache'));
      assert.equal(warnings.length, 1, r.stderr);
      assert.match(warnings[0], /^postmortem-lint: ignoring the cache file .*cache\.json: .*every file is linted and the cache written anew$/);
      const again = await cli([...args, '--verbose'], d);
      assert.equal(summary(again.stderr).linted, 0);
    }
  });

  test('a hand-edited entry with a broken finding is linted again, not printed', async () => {
    const d = project('entry');
    const args = ['--all', '--today', TODAY, '--format', 'json', '--cache', '--verbose', 'pm'];
    const first = await cli(args, d);
    const file = path.join(d, CACHE);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, { result: { findings: unknown[] } }> };
    const [abs] = Object.keys(data.entries).filter((k) => data.entries[k].result.findings.length);
    data.entries[abs].result.findings[0] = { ruleId: 'x' };
    fs.writeFileSync(file, JSON.stringify(data));
    const r = await cli(args, d);
    assert.equal(summary(r.stderr).linted, 1);
    assert.equal(r.stdout, first.stdout);
  });

  test('a cache that cannot be written: one warning, the same report', async () => {
    const d = project('unwritable');
    fs.writeFileSync(path.join(d, 'blocker'), 'a file where the cache folder would be');
    const args = ['--all', '--today', TODAY, '--format', 'json', 'pm'];
    const plain = await cli(args, d);
    const r = await cli([...args, '--cache', '--cache-location', 'blocker/cache/'], d);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.code, plain.code);
    assert.equal(r.stderr, `postmortem-lint: cannot write the cache file ${path.join(d, 'blocker', 'cache', 'cache.json')} (ENOTDIR); the next run lints every file again\n`);
  });

  test('--cache-location names the file, or the folder to keep it in', async () => {
    const d = project('location');
    await cli(['--all', '--today', TODAY, '--cache', '--cache-location', '.pmcache', 'pm'], d);
    assert.ok(fs.statSync(path.join(d, '.pmcache')).isFile());
    fs.mkdirSync(path.join(d, 'caches'));
    await cli(['--all', '--today', TODAY, '--cache', '--cache-location', 'caches', 'pm'], d);
    assert.ok(fs.existsSync(path.join(d, 'caches', 'cache.json')));
    const r = await cli(['--all', '--today', TODAY, '--cache', '--cache-location', '.pmcache', '--verbose', 'pm'], d);
    assert.equal(summary(r.stderr).linted, 0);
    assert.equal((await cli(['--cache-location', 'x', 'pm'], d)).code, 2, '--cache-location without --cache');
  });

  test('--fix with the cache fixes files the cache knows, and the fixed file is then served from the cache', async () => {
    const d = project('fix');
    const args = ['--all', '--today', TODAY, '--format', 'json', '--cache', '--verbose', 'pm'];
    await cli(args, d);
    const beforeFix = fs.readFileSync(path.join(d, 'pm', 'missing-sections.md'), 'utf8');
    const fixed = await cli([...args, '--fix'], d);
    assert.match(fixed.stderr, /^Fixed \d+ problems? in pm\/missing-sections\.md: /m);
    assert.notEqual(fs.readFileSync(path.join(d, 'pm', 'missing-sections.md'), 'utf8'), beforeFix);
    // only files with something to fix were linted again
    const s = summary(fixed.stderr);
    assert.ok(s.linted > 0 && s.cached > 0, fixed.stderr);
    const after = await cli(args, d);
    assert.equal(summary(after.stderr).linted, 0);
    assert.equal(after.stdout, fixed.stdout);
    assert.equal(after.stdout, (await cli(['--all', '--today', TODAY, '--format', 'json', 'pm'], d)).stdout);
  });
});
