// The postmortem-lint command: arguments → files → configuration → lint → report → exit code.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localToday } from '../lint/lint';
import type { Config, ConfigProblem, Rule } from '../model/types';
import { resolveConfig } from '../config/resolve';
import { capProblems, formatConfigProblem } from '../config/validate';
import { matchesGlobs } from '../config/globs';
import { rules as registry } from '../rules/index';
import { renderStandaloneHtml } from '../reader/render';
import { parseCliArgs, reachesFailOn, UsageError, type CliOptions } from './args';
import { collectFiles, readInputBytes, readInputFile, type InputFile } from './files';
import { formatGithub, formatJson, formatSarif, formatText, type FileResult, type ToolInfo } from './format';
import { helpText } from './help';
import { hashBytes, lintFile, readWarningLine, type FileOutcome, type FileTask } from './lint-file';
import { cliWorkerFile, lintInThreads } from './pool';
import { cacheFilePath, contextHash, LintCache, linterId } from './cache';
import { runReport } from './report';
import pkg from '../../../package.json';
import { ruleDocsMarkdown, ruleDocsPath } from '../docs';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colours in text output). */
  isTTY?: boolean;
}

const NAME = 'postmortem-lint';

export const TOOL: ToolInfo = {
  name: NAME,
  version: pkg.version,
  docsPath: (id) => ruleDocsPath(id),
  docsMarkdown: (id) => ruleDocsMarkdown(id),
};

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings reach --fail-on, 2 usage or configuration error). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const fail = (reason: string) => {
    io.stderr(`${NAME}: ${reason.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  // The same problem met through many files is said once; thousands of problems are summed up after the first few.
  const failProblems = (problems: ConfigProblem[]) => {
    const unique = new Map<string, ConfigProblem>();
    for (const p of problems) unique.set(p.omitted ? `${p.file}\0more\0${p.omitted}` : problemLine(p), p);
    for (const p of capProblems([...unique.values()])) io.stderr(`${NAME}: ${problemLine(p).replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message} (see ${NAME} --help)`);
    throw e;
  }
  if (opts.command === 'help') {
    io.stdout(helpText(registry as readonly Rule<object>[], TOOL));
    return 0;
  }
  if (opts.command === 'version') {
    io.stdout(`${TOOL.version}\n`);
    return 0;
  }
  const rel = (p: string) => {
    const r = path.relative(io.cwd, p);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
  };
  const problemLine = (p: ConfigProblem) => formatConfigProblem(p, rel(p.file));

  // Configuration given with --config applies to every file; globs in it are relative to the working directory.
  const configFile = opts.config !== undefined ? path.resolve(io.cwd, opts.config) : undefined;
  if (configFile !== undefined) {
    const loaded = resolveConfig(undefined, { configFile, fallbackRoot: io.cwd });
    if (loaded.problems.length) return failProblems(loaded.problems);
  }
  const configFor = (abs: string): { config: Config; rootDir: string; problems: ConfigProblem[] } => {
    const r = resolveConfig(abs, { configFile, fallbackRoot: io.cwd });
    return { config: r.config, rootDir: r.rootDir ?? io.cwd, problems: r.problems };
  };

  if (opts.command === 'render') return render(opts, io, configFor, fail, failProblems);

  let files;
  try {
    files = collectFiles(opts.inputs, io.cwd);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }

  // All configuration problems first: a broken config stops the run before any output.
  const configs = files.map((f) => configFor(f.abs));
  const problems = configs.flatMap((c) => c.problems);
  if (problems.length) return failProblems(problems);

  const run = await lintFiles(files, configs, opts, io);
  const { results, unreadable, fixedFiles } = run;

  if (opts.fixDryRun) {
    // The diff was the output; the exit code says whether what would remain reaches --fail-on.
    if (fixedFiles === 0) io.stderr('Nothing to fix without an answer.\n');
    if (unreadable > 0) return 2;
    return results.some((r) => r.findings.some((f) => reachesFailOn(f.severity, opts.failOn))) ? 1 : 0;
  }
  let output: string;
  switch (opts.format) {
    case 'json':
      output = formatJson(results);
      break;
    case 'sarif':
      output = formatSarif(results, registry as readonly Rule<object>[], TOOL, io.cwd);
      break;
    case 'github':
      output = formatGithub(results);
      break;
    default:
      output = formatText(results, { color: !opts.output && useColor(io), all: opts.all });
  }
  if (opts.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output), output);
    } catch (e) {
      return fail(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  } else {
    io.stdout(output);
  }
  // A file that could not be checked must not let a CI run pass: the others are reported, the exit code is 2.
  if (unreadable > 0) return 2;
  const failed = results.some((r) => r.findings.some((f) => reachesFailOn(f.severity, opts.failOn)));
  return failed ? 1 : 0;
}

/**
 * Below this many files to lint, a run without --jobs stays on the main thread. Measured (dist/cli-worker.js, 2-core VM
 * at load 8–9): a worker is ready after ~240 ms and lints its first files 5–10× slower than a warm thread (~0.6 s of
 * JIT warm-up of its own), by which time the main thread has linted about 20 typical postmortems; a worker only
 * shortens runs of about twice that.
 */
export const PARALLEL_MIN_FILES = 40;

/**
 * Threads for a run without --jobs: the cores the machine is not already busy with (like `make -l`), at least one.
 * On a shared machine whose cores are taken, more threads only add their own warm-up (measured: at load 10 on 2 cores,
 * 2 threads took 1.5× the CPU time and 1.5× the wall time of one over 2,000 postmortems).
 */
export function defaultThreads(cores: number, load1: number): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load1)));
}

interface LintRun {
  results: FileResult[];
  unreadable: number;
  fixedFiles: number;
}

/**
 * Reads, fixes and lints the files: from the cache when --cache has them unchanged, on worker threads when there are
 * enough to pay for them, in process otherwise. Whatever ran where, each file's lines are printed and its result
 * kept in input order, exactly as a one-by-one run prints them.
 */
async function lintFiles(files: InputFile[], configs: { config: Config; rootDir: string }[], opts: CliOptions, io: CliIo): Promise<LintRun> {
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
    const task: FileTask = { abs: f.abs, display: f.display, config: configs[i].config, rootDir: configs[i].rootDir, today, all: opts.all, fix: opts.fix, fixDryRun: opts.fixDryRun };
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
  const load1 = os.loadavg()[0];
  const threads = Math.min(opts.jobs ?? defaultThreads(cores, load1), toLint.length);
  const parallel = workerFile !== undefined && threads > 1 && (opts.jobs !== undefined || toLint.length >= PARALLEL_MIN_FILES);
  if (parallel) {
    await lintInThreads(toLint, threads, workerFile, (index, outcome) => {
      outcomes[index] = outcome;
      flush();
    });
  } else {
    for (const t of toLint) {
      outcomes[t.index] = lintFile(t.task);
      flush();
    }
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
    const busy = opts.jobs === undefined && cores > 1 && toLint.length >= PARALLEL_MIN_FILES && defaultThreads(cores, load1) === 1 ? ` (the ${cores} cores are busy: load ${load1.toFixed(1)}; --jobs overrides)` : '';
    const where = toLint.length === 0 ? '' : parallel ? `; on ${threads} threads` : `; on the main thread${busy}`;
    const n = files.length;
    io.stderr(`${NAME}: ${n} file${n === 1 ? '' : 's'}: ${counts.join(', ')}${where}; ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  }
  return { results, unreadable, fixedFiles };
}

function rel(cwd: string, p: string): string {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

async function render(
  opts: CliOptions,
  io: CliIo,
  configFor: (abs: string) => { config: Config; rootDir: string; problems: ConfigProblem[] },
  fail: (reason: string) => number,
  failProblems: (problems: ConfigProblem[]) => number,
): Promise<number> {
  const input = opts.inputs[0];
  const abs = path.resolve(io.cwd, input);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) return fail(`${input} is a folder: render takes one markdown file`);
  if (!stat) return fail(`file not found: ${input}`);
  const read = readInputFile(abs);
  if (!read.ok) return fail(`cannot read ${input}: ${read.reason}`);
  if (read.warning) io.stderr(`${NAME}: ${input}: ${read.warning}\n`);
  const text = read.text;
  const c = configFor(abs);
  if (c.problems.length) return failProblems(c.problems);
  let html: string;
  try {
    html = await renderStandaloneHtml(text, { filePath: abs, today: opts.today, config: c.config, all: opts.all, remoteImages: opts.remoteImages });
  } catch (e) {
    return fail(`internal error while rendering ${input}: ${e instanceof Error ? e.message : String(e)} (please report this with the file)`);
  }
  if (opts.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output), html);
    } catch (e) {
      return fail(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    io.stderr(`Wrote ${opts.output}\n`);
  } else {
    io.stdout(html);
  }
  return 0;
}

function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY === true && io.env.TERM !== 'dumb';
}
