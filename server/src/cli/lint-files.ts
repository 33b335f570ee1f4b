// Reading, fixing and linting the files of a run: from the cache when --cache has them unchanged, on worker threads when
// there are enough to pay for them, in process otherwise; printed in input order whatever ran where.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localToday } from '../lint/lint';
import type { Config } from '../model/types';
import { matchesGlobs } from '../config/globs';
import type { CliOptions } from './args';
import { readInputBytes, type InputFile } from './files';
import type { FileResult } from './format';
import { hashBytes, lintFile, readWarningLine, type FileOutcome, type FileTask } from './lint-file';
import { cliWorkerFile, lintInThreads } from './pool';
import { cacheFilePath, contextHash, LintCache, linterId } from './cache';
import { NAME, TOOL } from './tool';
import type { CliIo } from './run';

/**
 * Below this many files to lint, a run without --jobs stays on the main thread. Measured (dist/cli-worker.js, 2-core VM
 * at load 8–9): a worker is ready after ~240 ms and lints its first files 5–10× slower than a warm thread (~0.6 s of
 * JIT warm-up of its own), by which time the main thread has linted about 20 typical postmortems. On a quiet 2-core
 * machine one thread already keeps ~1.45 cores busy (V8's GC and compiler threads), so a second one gains little: over
 * the 80-file corpus 2 threads were slower in each of 3 alternated runs (2.0–3.0 s vs 2.0–2.3 s wall, 1.1–1.7× the
 * CPU); over 2,000 generated files 6% faster (10.0 vs 10.65 s). Break-even lies between; 200 files keeps the corpus
 * on one thread.
 */
export const PARALLEL_MIN_FILES = 200;

/**
 * From this many bytes to lint on, the lints run on worker threads only: the main thread hands out files and prints.
 * V8 lints the same text with less garbage-collection work on a worker thread than on the main thread: a 1 MB
 * postmortem, linted after a warm-up in one process (bundled code), took a median 4.1 s of CPU per lint on the main
 * thread (21 lints in 7 processes) and 2.7 s on a worker (15 in 5), about what the main thread took when node was
 * started with --max-semi-space-size=64 (2.6 s; the CLI cannot choose that for its own main thread: set at run time
 * it holds only for isolates created later). 2-core VM at load 10–13. Below this size a worker's own start (~0.25 s
 * CPU, the bundle loaded a second time) costs what it saves: over the 80-file corpus (0.6 MB) the two measured alike.
 */
export const WORKERS_ONLY_BYTES = 1_000_000;

/** The bytes of the files to lint (read already for --cache, their size on disk otherwise; unreadable ones count 0). */
function bytesToLint(queue: { task: FileTask }[]): number {
  let n = 0;
  for (const { task } of queue) {
    if (task.bytes) n += task.bytes.length;
    else {
      try {
        n += fs.statSync(task.abs, { throwIfNoEntry: false })?.size ?? 0;
      } catch {
        // lintFile says why it cannot be read
      }
    }
    if (n >= WORKERS_ONLY_BYTES) break;
  }
  return n;
}

/**
 * Threads for a run without --jobs: the cores no other process is using, at least one. `othersBusy` is how many
 * cores the machine's other processes kept busy while this one started (othersBusyCores): cores − the load average
 * (like `make -l`) counted the CPU of processes that had already finished, a benchmark's or a script's previous runs
 * of this very command among them, so a quiet 2-core machine running it twice in a row got one thread. On a shared
 * machine whose cores are taken, more threads only add their own warm-up (measured: at load 10 on 2 cores, 2 threads
 * took 1.5× the CPU time and 1.5× the wall time of one over 2,000 postmortems).
 */
export function defaultThreads(cores: number, othersBusy: number): number {
  return Math.max(1, Math.min(cores, Math.round(cores - othersBusy)));
}

/** The machine's CPU time (ms, all cores) and this process's, at a moment. */
export interface CpuSample {
  /** Summed over the cores: idle and all. */
  idle: number;
  total: number;
  /** This process (all its threads). */
  own: number;
}

export function cpuSample(): CpuSample {
  let idle = 0;
  let total = 0;
  for (const { times: t } of os.cpus()) {
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  const u = process.cpuUsage();
  return { idle, total, own: (u.user + u.system) / 1000 };
}

/** Below this much wall time per core between two samples (the counters tick every 10 ms) the load is not told. */
export const MIN_SAMPLE_MS = 100;

/**
 * How many cores other processes kept busy between two samples: the busy time of every core less this process's own
 * (its main thread is the one that will lint), over the wall time. Undefined when the samples are too close to tell.
 */
export function othersBusyCores(from: CpuSample, to: CpuSample, cores: number): number | undefined {
  const total = to.total - from.total;
  if (!(cores > 0) || total < MIN_SAMPLE_MS * cores) return undefined;
  const wall = total / cores;
  const busy = (total - (to.idle - from.idle)) / wall;
  return Math.max(0, busy - (to.own - from.own) / wall);
}

/** Taken when the CLI is loaded: the start of the window in which the other processes' load is measured. */
const loaded = cpuSample();

export interface LintRun {
  results: FileResult[];
  unreadable: number;
  fixedFiles: number;
}

/**
 * Reads, fixes and lints the files: from the cache when --cache has them unchanged, on worker threads when there are
 * enough to pay for them, in process otherwise. Whatever ran where, each file's lines are printed and its result
 * kept in input order, exactly as a one-by-one run prints them.
 */
export async function lintFiles(files: InputFile[], configs: { config: Config; rootDir: string }[], opts: CliOptions, io: CliIo): Promise<LintRun> {
  const t0 = performance.now();
  const warn = (line: string) => io.stderr(`${NAME}: ${line}\n`);
  // one date for every file (and for the cache key: overdue depends on it)
  const today = opts.today ?? localToday();
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  const toLint: { index: number; task: FileTask }[] = [];
  const missWhy = new Map<number, string>();
  const ctx: string[] = [];
  const fixing = opts.fix || opts.fixDryRun;
  let ignored = 0;
  let hits = 0;
  const linter = opts.cache ? linterId(TOOL.version, __filename) : '';
  const cache = opts.cache ? LintCache.open(cacheFilePath(io.cwd, opts.cacheLocation), linter, warn) : undefined;

  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (opts.ignore.length && matchesGlobs(f.abs, opts.ignore, io.cwd)) {
      outcomes[i] = { out: [], result: { isPostmortem: false, ignored: true, findings: [] } };
      ignored++;
      continue;
    }
    const task: FileTask = { abs: f.abs, display: f.display, config: configs[i].config, rootDir: configs[i].rootDir, today, all: opts.all, fix: opts.fix, fixDryRun: opts.fixDryRun, cached: !!cache };
    if (cache) {
      // read here to hash; a file that cannot be read is left to lintFile, which says why
      const { bytes } = readInputBytes(f.abs);
      if (bytes) {
        ctx[i] = contextHash(task, linter);
        const found = cache.lookup(f.abs, ctx[i], hashBytes(bytes));
        // with --fix a cached result stands in for the fixes only when it has none to apply
        if ('entry' in found && !(fixing && (found.entry.hasFixes || found.entry.warning))) {
          outcomes[i] = { out: found.entry.warning ? [{ stream: 'stderr', text: readWarningLine(f.display, found.entry.warning) }] : [], result: found.entry.result };
          hits++;
          continue;
        }
        missWhy.set(i, 'miss' in found ? found.miss : 'has fixes to apply');
        task.bytes = bytes;
      }
    }
    toLint.push({ index: i, task });
  }

  const results: FileResult[] = [];
  let unreadable = 0;
  let fixedFiles = 0;
  let next = 0;
  // prints every finished file not yet printed whose predecessors are all printed
  const flush = () => {
    for (; next < files.length; next++) {
      const o = outcomes[next];
      if (!o) return;
      for (const e of o.out) (e.stream === 'stdout' ? io.stdout : io.stderr)(e.text);
      if (o.failed) unreadable++;
      if (o.fixed) fixedFiles++;
      if (o.result) results.push({ abs: files[next].abs, display: files[next].display, ...o.result });
    }
  };
  flush();

  const workerFile = cliWorkerFile();
  const cores = os.availableParallelism();
  let others: number | undefined;
  let queue = toLint;
  const lintHere = (t: { index: number; task: FileTask }) => {
    outcomes[t.index] = lintFile(t.task);
    flush();
  };
  if (opts.jobs === undefined && workerFile !== undefined && cores > 1 && toLint.length >= PARALLEL_MIN_FILES) {
    // how busy the other processes keep the cores, measured since the CLI was loaded; in a window too short to tell,
    // the main thread lints (its share anyway) until it is long enough
    let k = 0;
    while ((others = othersBusyCores(loaded, cpuSample(), cores)) === undefined && k < toLint.length) lintHere(toLint[k++]);
    queue = toLint.slice(k);
  }
  const threads = Math.min(opts.jobs ?? defaultThreads(cores, others ?? 0), queue.length);
  const parallel = workerFile !== undefined && threads > 1 && (opts.jobs !== undefined || toLint.length >= PARALLEL_MIN_FILES);
  // a long run lints on worker threads only (see WORKERS_ONLY_BYTES); --jobs 1 keeps it in process
  const workersOnly = workerFile !== undefined && opts.jobs !== 1 && queue.length > 0 && bytesToLint(queue) >= WORKERS_ONLY_BYTES;
  if (workerFile !== undefined && (parallel || workersOnly)) {
    await lintInThreads(
      queue,
      parallel ? threads : 1,
      workerFile,
      (index, outcome) => {
        outcomes[index] = outcome;
        flush();
      },
      { mainThread: !workersOnly },
    );
  } else {
    for (const t of queue) lintHere(t);
  }
  flush();

  if (cache) {
    for (const { index, task } of toLint) {
      const o = outcomes[index];
      if (!o?.result || o.contentHash === undefined) continue;
      cache.entries.set(task.abs, { ctx: ctx[index] ?? contextHash(task, linter), content: o.contentHash, result: o.result, warning: o.warning, hasFixes: o.hasFixes ?? false });
    }
    cache.save(warn);
  }

  if (opts.verbose) {
    if (cache) for (const { index } of toLint) io.stderr(`${NAME}: linted ${files[index].display} (${missWhy.get(index) ?? 'cannot be read'})\n`);
    const counts = [`${toLint.length} linted`];
    if (cache) counts.push(`${hits} from the cache (${rel(io.cwd, cache.file)})`);
    if (ignored) counts.push(`${ignored} ignored`);
    const busy = others !== undefined ? ` (other processes kept ${others.toFixed(1)} of the ${cores} cores busy as it started; --jobs overrides)` : '';
    const where =
      toLint.length === 0
        ? ''
        : workersOnly
          ? `; on ${parallel ? `${threads} worker threads` : 'a worker thread'}${busy}`
          : parallel
            ? `; on ${threads} threads${busy}`
            : `; on the main thread${busy}`;
    const n = files.length;
    io.stderr(`${NAME}: ${n} file${n === 1 ? '' : 's'}: ${counts.join(', ')}${where}; ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  }
  return { results, unreadable, fixedFiles };
}

export function rel(cwd: string, p: string): string {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

