// The postmortem-lint command: arguments → files → configuration → lint → report → exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config, ConfigProblem, Rule } from '../model/types';
import { resolveConfig } from '../config/resolve';
import { capProblems, formatConfigProblem } from '../config/validate';
import { rules as registry } from '../rules/index';
import { parseCliArgs, reachesFailOn, UsageError, type CliOptions } from './args';
import { collectFiles, readInputFile } from './files';
import { formatGithub, formatJson, formatSarif, formatText } from './format';
import { helpText } from './help';
import { lintFiles } from './lint-files';
import { NAME, TOOL } from './tool';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colours in text output). */
  isTTY?: boolean;
}


// The report and render subcommands load their code (the archive, HTML rendering and sanitising: about a third of the
// bundle's start-up work) only when run: a lint never needs it.
const report = () => require('./report') as typeof import('./report');
const reader = () => require('../reader/render') as typeof import('../reader/render');

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
  if (argv[0] === 'report') return report().runReport(argv.slice(1), io);
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
    html = await reader().renderStandaloneHtml(text, { filePath: abs, today: opts.today, config: c.config, all: opts.all, remoteImages: opts.remoteImages });
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
