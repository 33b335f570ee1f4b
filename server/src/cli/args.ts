// Command-line arguments of postmortem-lint. Turns argv into options or a one-line usage error.
import { parseArgs } from 'node:util';
import type { Severity } from '../model/types';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'information', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CliOptions {
  command: 'lint' | 'render' | 'help' | 'version';
  format: Format;
  config?: string;
  all: boolean;
  /** render: load remote images (http/https) in the exported page; off by default (a tracking pixel would phone home). */
  remoteImages: boolean;
  failOn: FailOn;
  today?: string;
  output?: string;
  /** --ignore globs, relative to the working directory. */
  ignore: string[];
  /** --fix: write every fix that needs no answer back into the files. */
  fix: boolean;
  /** --fix-dry-run: print those fixes as a unified diff, write nothing. */
  fixDryRun: boolean;
  /** --jobs: lint threads (1: in process); undefined: one per core, in process for small runs. */
  jobs?: number;
  /** --cache: reuse the findings of files unchanged since the last run. */
  cache: boolean;
  /** --cache-location: the cache file, or the folder to keep it in. */
  cacheLocation?: string;
  /** --verbose: say on stderr how many files were linted, taken from the cache, and on how many threads. */
  verbose: boolean;
  inputs: string[];
}

export class UsageError extends Error {}

/** Parses argv (without node and the script). Throws UsageError with a one-line reason. */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        all: { type: 'boolean' },
        'remote-images': { type: 'boolean' },
        'fail-on': { type: 'string' },
        today: { type: 'string' },
        output: { type: 'string', short: 'o' },
        ignore: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(explainParseError(e));
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];
  if (v.help) return base('help');
  if (v.version) return base('version');

  let command: CliOptions['command'] = 'lint';
  if (positionals[0] === 'render') {
    command = 'render';
    positionals.shift();
  }

  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${v.format}"`);
  const failOn = (v['fail-on'] ?? 'warning') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}; got "${v['fail-on']}"`);

  let today = v.today;
  if (today !== undefined) {
    if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, such as 2026-03-01; got "${today}"`);
  } else if (env.POSTMORTEM_LINT_TODAY) {
    today = env.POSTMORTEM_LINT_TODAY;
    if (!isIsoDate(today)) throw new UsageError(`POSTMORTEM_LINT_TODAY must be a date written YYYY-MM-DD; got "${today}"`);
  }

  if (v.config !== undefined && v.config.trim() === '') throw new UsageError('--config needs a file name, such as --config .postmortemrc.json');
  if (v.output !== undefined && v.output.trim() === '') throw new UsageError('--output needs a file name, such as -o report.sarif');

  const ignore = v.ignore ?? [];
  for (const g of ignore) if (g.trim() === '') throw new UsageError('--ignore needs a glob, such as --ignore "postmortems/template.md"');

  const fix = v.fix ?? false;
  const fixDryRun = v['fix-dry-run'] ?? false;
  if (fix && fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other: --fix-dry-run shows what --fix would write');
  if (fixDryRun && v.format !== undefined) throw new UsageError('--format does not apply to --fix-dry-run (it prints a unified diff)');
  if (command === 'render' && (fix || fixDryRun)) throw new UsageError('--fix does not apply to render');

  if (command === 'render') {
    if (positionals.length === 0) throw new UsageError('render needs a markdown file: postmortem-lint render <file> -o out.html');
    if (positionals.length > 1) throw new UsageError(`render takes one file; got ${positionals.length}: ${positionals.join(' ')}`);
    if (v.format !== undefined) throw new UsageError('--format does not apply to render (it always writes HTML)');
  } else if (positionals.length === 0) {
    throw new UsageError('no files given: postmortem-lint [options] <files, folders or globs...>');
  }

  if (v['remote-images'] && command !== 'render') throw new UsageError('--remote-images applies to render only');

  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs.trim()) || Number(v.jobs) < 1) throw new UsageError(`--jobs must be a number of threads, 1 or more (1: no threads); got "${v.jobs}"`);
    jobs = Number(v.jobs);
  }
  const cache = v.cache ?? false;
  const cacheLocation = v['cache-location'];
  if (cacheLocation !== undefined && cacheLocation.trim() === '') throw new UsageError('--cache-location needs a file or folder name');
  if (cacheLocation !== undefined && !cache) throw new UsageError('--cache-location applies with --cache');
  if (command === 'render' && (jobs !== undefined || cache)) throw new UsageError(`${cache ? '--cache' : '--jobs'} does not apply to render`);
  return {
    command,
    format,
    config: v.config,
    all: v.all ?? false,
    remoteImages: v['remote-images'] ?? false,
    failOn,
    today,
    output: v.output,
    ignore,
    fix,
    fixDryRun,
    jobs,
    cache,
    cacheLocation,
    verbose: v.verbose ?? false,
    inputs: positionals,
  };

  function base(command: 'help' | 'version'): CliOptions {
    return { command, format: 'text', all: false, remoteImages: false, failOn: 'warning', ignore: [], fix: false, fixDryRun: false, cache: false, verbose: false, inputs: [] };
  }
}

function explainParseError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || unknown) return `unknown option ${unknown ? unknown[1] : ''}`.trim();
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `option ${missing[1].replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`;
  return msg.split('\n')[0];
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, information: 1, never: Infinity };

/** Whether a finding of this severity makes the run fail under --fail-on. */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return RANK[severity] >= THRESHOLD[failOn];
}
