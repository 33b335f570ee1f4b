// The cold 1 MB row of `npm run bench`: each linter's first lint of the text in a fresh worker thread, both measured
// by this same harness (a worker per lint, the two linters taking turns, ROUNDS rounds; the median is printed).
// Why a worker: the language server lints in a worker thread (lsp/lint-thread.ts) and so does the CLI for a run of
// 1 MB or more (cli/lint-files.ts), and V8 spends much more on GC for this allocation pattern on a process's main
// thread (perf21); the bench's own main thread, after the other rows, is the least like either. Timed: the one
// lint call, after the linter's modules are loaded (module loading is timed apart and printed).
// Each linter runs as it ships: ours bundled by esbuild as dist/lint-worker.js is (the server's lint thread), loaded
// with require; markdownlint from its own ES modules, loaded with import() as markdownlint-cli2 loads it. Until stop
// 40 both were loaded through tsx's CommonJS hooks, which compile every ES module to CommonJS with a getter for each
// export: every call across modules (micromark's character tests, most of a parse) went through one, ~0.1–0.4 s
// more on this row for each linter.
//   node --import tsx scripts/bench-cold.ts   (this row alone)
import { Worker, isMainThread } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Linter = 'postmortem-lint' | 'markdownlint';
interface Job {
  linter: Linter;
  /** what the worker loads: our bundle's path, or markdownlint's module URL */
  module: string;
  text: string;
  today: string;
}
interface Timing {
  loadMs: number;
  lintMs: number;
  /** the lint's CPU time on its thread (Linux; NaN elsewhere): less moved than wall time by other load */
  cpuMs: number;
  findings: number;
}

/**
 * The worker, plain JavaScript (no loader hooks): loads the linter, times one lint. The thread's CPU time is read from
 * /proc/thread-self/stat (utime + stime, 10 ms ticks; NaN elsewhere).
 */
const WORKER = `
const { parentPort, workerData: job } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { readFileSync } = require('node:fs');
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch { return NaN; }
}
(async () => {
  const t0 = performance.now();
  const ours = job.linter === 'postmortem-lint';
  const lint = ours ? require(job.module).lint : (await import(job.module)).lint;
  const [t1, c1] = [performance.now(), threadCpuMs()];
  const r = ours ? lint(job.text, { today: job.today }) : lint({ strings: { 'doc.md': job.text } });
  const [t2, c2] = [performance.now(), threadCpuMs()];
  parentPort.postMessage({ loadMs: t1 - t0, lintMs: t2 - t1, cpuMs: c2 - c1, findings: ours ? r.findings.length : (r['doc.md'] || []).length });
})();
`;

/** One lint of `text` by `linter` in a fresh worker thread. */
function coldLint(linter: Linter, module: string, text: string, today: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { linter, module, text, today } satisfies Job });
    w.once('message', (t: Timing) => {
      resolve(t);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/**
 * Bundles the linter as build.mjs bundles the server's lint thread (esbuild: bundle, CommonJS, node18, no minifying),
 * into a fresh temporary folder; returns the bundle's path and a function that removes the folder.
 */
async function bundleLinter(): Promise<{ file: string; dispose: () => void }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = mkdtempSync(join(tmpdir(), 'pml-bench-cold-'));
  const file = join(dir, 'lint.cjs');
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [join(root, 'server', 'src', 'lint', 'lint.ts')], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** markdownlint's synchronous entry, as a module URL for import(). */
function markdownlintModule(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('markdownlint/sync')).href;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface ColdRow {
  /** medians of wall and thread-CPU ms of the lint call */
  ours: { wall: number; cpu: number };
  theirs: { wall: number; cpu: number };
  findings: number;
  mdFindings: number;
  rounds: number;
  /** what was measured, and every timing in order */
  detail: string[];
}

/** `rounds` cold lints by each linter, taking turns (the first to go changes each round). */
export async function coldLints(text: string, today: string, rounds = 3): Promise<ColdRow> {
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  const bundle = await bundleLinter();
  const md = markdownlintModule();
  try {
    for (let r = 0; r < rounds; r++) {
      const order: Linter[] = r % 2 ? ['markdownlint', 'postmortem-lint'] : ['postmortem-lint', 'markdownlint'];
      for (const l of order) (l === 'markdownlint' ? theirs : ours).push(await coldLint(l, l === 'markdownlint' ? md : bundle.file, text, today));
    }
  } finally {
    bundle.dispose();
  }
  const all = (ts: Timing[]) => ts.map((t) => `${t.lintMs.toFixed(0)} (CPU ${t.cpuMs.toFixed(0)})`).join(', ');
  const loaded = (ts: Timing[]) => median(ts.map((t) => t.loadMs)).toFixed(0);
  const sum = (ts: Timing[]) => ({ wall: median(ts.map((t) => t.lintMs)), cpu: median(ts.map((t) => t.cpuMs)) });
  const o = sum(ours);
  const m = sum(theirs);
  return {
    ours: o,
    theirs: m,
    findings: ours[0].findings,
    mdFindings: theirs[0].findings,
    rounds,
    detail: [
      `cold 1 MB: each linter's first lint of the text in a fresh worker thread (as the server and the CLI lint long inputs), ${rounds} rounds taking turns; the lint call alone, modules loaded before it; each as it ships (ours bundled as dist/lint-worker.js is, markdownlint's ES modules)`,
      `  wall median: postmortem-lint ${o.wall.toFixed(0)} ms, markdownlint ${m.wall.toFixed(0)} ms, ratio ${(o.wall / m.wall).toFixed(2)}×; thread CPU median: ${o.cpu.toFixed(0)} vs ${m.cpu.toFixed(0)} ms, ratio ${(o.cpu / m.cpu).toFixed(2)}× (target ≤ 0.5×)`,
      `  every lint, wall ms (CPU): postmortem-lint ${all(ours)}; markdownlint ${all(theirs)}; module load median ${loaded(ours)} / ${loaded(theirs)} ms`,
    ],
  };
}

if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void (async () => {
    const { generatePostmortem } = await import('./bench');
    const rounds = Math.max(1, Number(process.env.ROUNDS ?? 3));
    const row = await coldLints(generatePostmortem(1024 * 1024), '2026-03-01', rounds);
    for (const l of row.detail) console.log(l);
    console.log(`  findings: ${row.findings} / ${row.mdFindings}`);
  })();
}
