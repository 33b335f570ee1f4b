// The CLI on worker threads gives what it gives on one: the bundled binary (dist/cli.js + dist/cli-worker.js, built
// with scripts/build.mjs's options into a private folder) run with --jobs 1 and --jobs 2 on the fixtures and the
// corpus (../shared/corpus, read in place) prints the same bytes on stdout and stderr in every format, with the same
// exit code; --fix writes the same files and says the same; an unreadable file costs that file only. And the thread
// pool itself: a worker that dies costs the file it had, the rest are still linted.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli';
import { lintInThreads } from '../../server/src/cli/pool';
import type { FileOutcome, FileTask } from '../../server/src/cli/lint-file';
import { defaultThreads, othersBusyCores } from '../../server/src/cli/lint-files';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const TODAY = '2026-11-30';

let tmp: string;
let cli: string;

function run(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', POSTMORTEM_LINT_TODAY: '' },
    timeout: 300_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-parallel-'));
  cli = await buildCli(path.join(tmp, 'pkg'));
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function assertSameRuns(args: string[], cwd = tmp) {
  const one = run(['--jobs', '1', '--today', TODAY, ...args], cwd);
  const two = run(['--jobs', '2', '--today', TODAY, ...args], cwd);
  assert.equal(two.stderr, one.stderr);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.code, one.code);
  return one;
}

describe('postmortem-lint --jobs: threads print what one thread prints', () => {
  for (const format of ['text', 'json', 'sarif', 'github']) {
    test(`fixtures, --format ${format}`, () => {
      const r = assertSameRuns(['--all', '--format', format, FIXTURES]);
      assert.equal(r.code, 1);
      assert.ok(r.stdout.length > 1000);
    });
  }

  test('--verbose says how many threads linted how many files', () => {
    const r = run(['--jobs', '2', '--today', TODAY, '--verbose', FIXTURES]);
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).length;
    assert.match(r.stderr, new RegExp(`^postmortem-lint: ${files} files: ${files} linted; on 2 threads; [\\d.]+ s$`, 'm'));
    const one = run(['--jobs', '1', '--today', TODAY, '--verbose', FIXTURES]);
    assert.match(one.stderr, /: \d+ linted; on the main thread; /);
  });

  if (fs.existsSync(CORPUS)) {
    test('every corpus file in ../shared/corpus, and the default (a thread per core for enough files) alike', () => {
      const one = assertSameRuns(['--format', 'json', CORPUS]);
      assert.equal(one.code, 1);
      const auto = run(['--today', TODAY, '--format', 'json', CORPUS]);
      assert.equal(auto.stdout, one.stdout);
      assert.equal(auto.code, one.code);
    });
  }

  test('--fix on threads writes the same files and says the same as on one', () => {
    const a = path.join(tmp, 'fix-a');
    const b = path.join(tmp, 'fix-b');
    fs.cpSync(FIXTURES, a, { recursive: true });
    fs.cpSync(FIXTURES, b, { recursive: true });
    const one = run(['--jobs', '1', '--today', TODAY, '--all', '--fix', '.'], a);
    const two = run(['--jobs', '2', '--today', TODAY, '--all', '--fix', '.'], b);
    assert.match(one.stderr, /^Fixed \d+ problems? in /m);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.code, one.code);
    let changed = 0;
    for (const f of fs.readdirSync(a)) {
      assert.deepEqual(fs.readFileSync(path.join(b, f)), fs.readFileSync(path.join(a, f)), f);
      if (!fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(FIXTURES, f)))) changed++;
    }
    assert.ok(changed > 0);
  });

  test('--fix-dry-run on threads prints the same diff', () => {
    const r = assertSameRuns(['--all', '--fix-dry-run', FIXTURES]);
    assert.match(r.stdout, /^--- a\//m);
  });

  test('a file that cannot be read costs that file: one line, the others reported, exit code 2', () => {
    const d = path.join(tmp, 'unreadable');
    fs.cpSync(FIXTURES, d, { recursive: true });
    fs.symlinkSync(path.join(d, 'no-such-file.md'), path.join(d, 'aaa-dangling.md'));
    const r = assertSameRuns(['--all', '--format', 'json', '.'], d);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'postmortem-lint: cannot read aaa-dangling.md: it no longer exists (deleted, or a link to a missing file)\n');
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
    assert.ok(files.size > 10);
  });

  test('a run of 1 MB or more lints on a worker thread and prints what the main thread prints', () => {
    // one long postmortem: the fixtures one after another, until the file holds more than 1 MB
    const d = path.join(tmp, 'long');
    fs.mkdirSync(d, { recursive: true });
    const texts = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    const parts = ['# One long postmortem\n\n'];
    for (let size = 0, i = 0; size <= 1_000_000; i++) {
      const t = texts[i % texts.length];
      parts.push(t, '\n\n');
      size += Buffer.byteLength(t) + 2;
    }
    fs.writeFileSync(path.join(d, 'long.md'), parts.join(''));
    const args = ['--today', TODAY, '--all', '--format', 'json', '--verbose', 'long.md'];
    const worker = run(args, d);
    const main = run(['--jobs', '1', ...args], d);
    assert.match(worker.stderr, /^postmortem-lint: 1 file: 1 linted; on a worker thread; [\d.]+ s$/m);
    assert.match(main.stderr, /; on the main thread; /);
    assert.equal(worker.stdout, main.stdout);
    assert.equal(worker.code, main.code);
    assert.ok((JSON.parse(worker.stdout) as unknown[]).length > 100);
  });

  test('--jobs takes a number of threads, 1 or more', () => {
    for (const bad of ['0', 'two', '-1', '1.5']) {
      const r = run([`--jobs=${bad}`, FIXTURES]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs must be a number of threads, 1 or more/);
    }
  });
});

describe('threads without --jobs', () => {
  test('one per core no other process is using, at least one', () => {
    assert.equal(defaultThreads(2, 0.1), 2, 'an idle 2-core machine');
    assert.equal(defaultThreads(8, 0), 8, 'an idle CI runner');
    assert.equal(defaultThreads(8, 3.2), 5);
    assert.equal(defaultThreads(2, 1.2), 1, 'another job on one of two cores');
    assert.equal(defaultThreads(2, 10), 1, 'a shared machine under load');
  });

  test("the other processes' load is measured now, without this process's own CPU time", () => {
    const at = (idle: number, busy: number, own: number) => ({ idle, total: idle + busy, own });
    // 2 cores for 500 ms: this process used 500 ms (one core), the rest idle: nobody else is busy
    assert.equal(othersBusyCores(at(0, 0, 0), at(500, 500, 500), 2), 0);
    // another process took the second core as well
    assert.equal(othersBusyCores(at(0, 0, 0), at(0, 1000, 500), 2), 1);
    // a benchmark's earlier runs (now finished) do not count: only the window between the samples does
    assert.equal(othersBusyCores(at(1000, 9000, 0), at(1500, 9500, 500), 2), 0);
    // too short a window to tell
    assert.equal(othersBusyCores(at(0, 0, 0), at(50, 50, 50), 2), undefined);
  });
});

describe('the thread pool', () => {
  test('a worker that dies costs the file it had: one error for it, every other file is linted', async () => {
    const d = path.join(tmp, 'pool');
    fs.mkdirSync(d, { recursive: true });
    // stands in for dist/cli-worker.js: dies on the file named crash*.md, answers for the others
    const worker = path.join(d, 'worker.js');
    fs.writeFileSync(
      worker,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (req.task.display.startsWith('crash')) throw new Error('out of cheese');
  parentPort.postMessage({ index: req.index, outcome: { out: [], result: { isPostmortem: true, findings: [] } } });
});
parentPort.postMessage({ ready: true });`,
    );
    const names = ['crash.md', ...Array.from({ length: 7 }, (_, i) => `ok-${i}.md`)];
    const tasks = names.map((display, index) => {
      const abs = path.join(d, display);
      fs.writeFileSync(abs, '# Notes\n');
      const task: FileTask = { abs, display, config: {}, rootDir: d, today: TODAY, all: false, fix: false, fixDryRun: false };
      return { index, task };
    });
    const outcomes = new Map<number, FileOutcome>();
    // workers only, so that the file named crash.md surely goes to one
    await lintInThreads(
      tasks,
      3,
      worker,
      (i, o) => {
        assert.ok(!outcomes.has(i), `file ${i} reported twice`);
        outcomes.set(i, o);
      },
      { mainThread: false },
    );
    assert.equal(outcomes.size, names.length);
    const crash = outcomes.get(0);
    assert.equal(crash?.failed, true);
    assert.equal(crash?.result, undefined);
    assert.match(crash?.out[0].text ?? '', /^postmortem-lint: internal error while linting crash\.md: the lint thread stopped \(exit code 1: out of cheese\); the other files were linted/);
    for (let i = 1; i < names.length; i++) assert.ok(outcomes.get(i)?.result, names[i]);
  });

  test('workers that cannot start: the main thread lints every file, none is lost', async () => {
    const d = path.join(tmp, 'pool-broken');
    fs.mkdirSync(d, { recursive: true });
    const worker = path.join(d, 'worker.js');
    fs.writeFileSync(worker, `throw new Error('cannot load');`);
    const tasks = Array.from({ length: 5 }, (_, index) => {
      const abs = path.join(d, `f${index}.md`);
      fs.writeFileSync(abs, '# Notes\n');
      const task: FileTask = { abs, display: `f${index}.md`, config: {}, rootDir: d, today: TODAY, all: true, fix: false, fixDryRun: false };
      return { index, task };
    });
    const outcomes = new Map<number, FileOutcome>();
    await lintInThreads(tasks, 2, worker, (i, o) => outcomes.set(i, o), { mainThread: false });
    assert.equal(outcomes.size, 5);
    for (const o of outcomes.values()) assert.ok(o.result && !o.failed);
  });
});
