// The cold 1 MB row of `npm run bench`: each linter's first lint of the text in a fresh worker thread, both measured
// by this same harness (a worker per lint, the two linters taking turns, ROUNDS rounds; the median is printed).
// Why a worker: the language server lints in a worker thread (lsp/lint-thread.ts) and so does the CLI for a run of
// 1 MB or more (cli/lint-files.ts), and V8 spends much more on GC for this allocation pattern on a process's main
// thread (perf21); the bench's own main thread, after the other rows, is the least like either. Timed: the one
// lint call, after the linter's modules are loaded (module loading is timed apart and printed).
//   node --import tsx scripts/bench-cold.ts   (this row alone)
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';


type Linter = 'postmortem-lint' | 'markdownlint';
interface Job {
  linter: Linter;
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

/** CPU time of the calling thread in ms, from /proc/thread-self/stat (utime + stime, 10 ms ticks); NaN elsewhere. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Loads a linter in the worker (require: tsx's hooks in a worker are the CommonJS ones, see coldLint). */
const load = createRequire(import.meta.url);

function inWorker(job: Job): Timing {
  const t0 = performance.now();
  if (job.linter === 'markdownlint') {
    const { lint } = load('markdownlint/sync') as typeof import('markdownlint/sync');
    const [t1, c1] = [performance.now(), threadCpuMs()];
    const r = lint({ strings: { 'doc.md': job.text } });
    const [t2, c2] = [performance.now(), threadCpuMs()];
    return { loadMs: t1 - t0, lintMs: t2 - t1, cpuMs: c2 - c1, findings: r['doc.md']?.length ?? 0 };
  }
  const { lint } = load('../server/src/lint/lint') as typeof import('../server/src/lint/lint');
  const [t1, c1] = [performance.now(), threadCpuMs()];
  const r = lint(job.text, { today: job.today });
  const [t2, c2] = [performance.now(), threadCpuMs()];
  return { loadMs: t1 - t0, lintMs: t2 - t1, cpuMs: c2 - c1, findings: r.findings.length };
}

/** One lint of `text` by `linter` in a fresh worker thread. */
function coldLint(linter: Linter, text: string, today: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    // a worker does not inherit tsx's loader hooks: it registers them itself, then loads this file
    const entry = `require('tsx/cjs/api').register(); require(${JSON.stringify(fileURLToPath(import.meta.url))});`;
    const w = new Worker(entry, { eval: true, workerData: { linter, text, today } satisfies Job });
    w.once('message', (t: Timing) => {
      resolve(t);
      void w.terminate();
    });
    w.once('error', reject);
  });
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
  for (let r = 0; r < rounds; r++) {
    const order: Linter[] = r % 2 ? ['markdownlint', 'postmortem-lint'] : ['postmortem-lint', 'markdownlint'];
    for (const l of order) (l === 'markdownlint' ? theirs : ours).push(await coldLint(l, text, today));
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
      `cold 1 MB: each linter's first lint of the text in a fresh worker thread (as the server and the CLI lint long inputs), ${rounds} rounds taking turns; the lint call alone, modules loaded before it`,
      `  wall median: postmortem-lint ${o.wall.toFixed(0)} ms, markdownlint ${m.wall.toFixed(0)} ms, ratio ${(o.wall / m.wall).toFixed(2)}×; thread CPU median: ${o.cpu.toFixed(0)} vs ${m.cpu.toFixed(0)} ms, ratio ${(o.cpu / m.cpu).toFixed(2)}× (target ≤ 0.5×)`,
      `  every lint, wall ms (CPU): postmortem-lint ${all(ours)}; markdownlint ${all(theirs)}; module load median ${loaded(ours)} / ${loaded(theirs)} ms`,
    ],
  };
}

if (!isMainThread && parentPort && (workerData as Job | undefined)?.linter) {
  parentPort.postMessage(inWorker(workerData as Job));
} else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void (async () => {
    const { generatePostmortem } = await import('./bench');
    const rounds = Math.max(1, Number(process.env.ROUNDS ?? 3));
    const row = await coldLints(generatePostmortem(1024 * 1024), '2026-03-01', rounds);
    for (const l of row.detail) console.log(l);
    console.log(`  findings: ${row.findings} / ${row.mdFindings}`);
  })();
}
