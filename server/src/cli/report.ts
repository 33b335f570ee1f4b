// `postmortem-lint report [paths]`: the action items of every postmortem under the paths, as markdown, HTML, CSV
// or JSON. Files are found and judged as for linting (folders searched for markdown, node_modules and .git
// skipped, postmortem detection and `ignore` from the nearest .postmortemrc, --ignore). Exit 1 with
// --fail-on-overdue when an open item is overdue, for a scheduled CI job.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { localToday } from '../lint/lint';
import type { ConfigProblem } from '../model/types';
import { resolveConfig } from '../config/resolve';
import { capProblems, formatConfigProblem } from '../config/validate';
import { matchesGlobs } from '../config/globs';
import { readArchive } from '../archive/entry';
import { buildReport } from '../archive/report';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../archive/formats';
import type { ArchivePostmortem } from '../protocol';
import { isIsoDate, UsageError } from './args';
import { collectFiles, readInputFile } from './files';
import type { CliIo } from './run';

const NAME = 'postmortem-lint';

export interface ReportOptions {
  help: boolean;
  format: ReportFormat;
  config?: string;
  ignore: string[];
  today?: string;
  since?: string;
  until?: string;
  failOnOverdue: boolean;
  output?: string;
  inputs: string[];
}

export const REPORT_HELP = `Usage: ${NAME} report [options] [files, folders or globs...]

The action items of every postmortem under the paths (default: the current folder): overdue items by owner,
open items without an owner or a date, the age of open items, and per quarter the share of items that had an
owner and a date. Files are found and judged as for linting: postmortem detection, .postmortemrc 'ignore'.

Options:
  -f, --format <fmt>     markdown (default), html (one page, inline SVG chart, no script), csv (one row per
                         item) or json
  -c, --config <file>    use this .postmortemrc for every file instead of searching upward from each file
      --ignore <glob>    leave out files matching this glob (relative to the working directory; repeatable)
      --since <date>     only postmortems whose incident date (front matter 'date') is on or after YYYY-MM-DD
      --until <date>     only postmortems whose incident date is on or before YYYY-MM-DD
                         (with either, postmortems without an incident date are left out)
      --today <date>     the date "overdue" is judged against, YYYY-MM-DD (default: today's local date, or
                         POSTMORTEM_LINT_TODAY)
      --fail-on-overdue  exit 1 when an open item is overdue (for a scheduled CI job)
  -o, --output <file>    write the report to a file instead of stdout
  -h, --help             show this help

Exit codes: 0 report written; 1 --fail-on-overdue and something is overdue; 2 usage or configuration error, or
a file that could not be read (one line each; the report covers the others).
`;

function dateOption(name: string, v: string | undefined): string | undefined {
  if (v !== undefined && !isIsoDate(v)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, such as 2026-03-01; got "${v}"`);
  return v;
}

export function parseReportArgs(argv: string[], env: Record<string, string | undefined> = {}): ReportOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        ignore: { type: 'string', multiple: true },
        today: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        'fail-on-overdue': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '(?:-\w, )?([^' ]+)(?: [^']*)?' argument missing/.exec(msg);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : missing ? `option ${missing[1]} needs a value` : msg.split('\n')[0]);
  }
  const v = parsed.values;
  const format = (v.format ?? 'markdown') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${v.format}"`);
  let today = dateOption('today', v.today);
  if (today === undefined && env.POSTMORTEM_LINT_TODAY) {
    today = env.POSTMORTEM_LINT_TODAY;
    if (!isIsoDate(today)) throw new UsageError(`POSTMORTEM_LINT_TODAY must be a date written YYYY-MM-DD; got "${today}"`);
  }
  const since = dateOption('since', v.since);
  const until = dateOption('until', v.until);
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}: no incident can fall in between`);
  if (v.config !== undefined && v.config.trim() === '') throw new UsageError('--config needs a file name, such as --config .postmortemrc.json');
  if (v.output !== undefined && v.output.trim() === '') throw new UsageError('--output needs a file name, such as -o report.html');
  const ignore = v.ignore ?? [];
  for (const g of ignore) if (g.trim() === '') throw new UsageError('--ignore needs a glob, such as --ignore "postmortems/template.md"');
  return {
    help: v.help ?? false,
    format,
    config: v.config,
    ignore,
    today,
    since,
    until,
    failOnOverdue: v['fail-on-overdue'] ?? false,
    output: v.output,
    inputs: parsed.positionals.length ? parsed.positionals : ['.'],
  };
}

/** Runs `report` (argv without the word "report"); resolves to the exit code. */
export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const fail = (reason: string) => {
    io.stderr(`${NAME} report: ${reason.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };
  let opts: ReportOptions;
  try {
    opts = parseReportArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message} (see ${NAME} report --help)`);
    throw e;
  }
  if (opts.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const today = opts.today ?? localToday();
  const rel = (p: string) => {
    const r = path.relative(io.cwd, p);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
  };
  const problemLine = (p: ConfigProblem) => formatConfigProblem(p, rel(p.file));
  // as for linting: the same problem met through many files is said once, thousands are summed up
  const failProblems = (problems: ConfigProblem[]) => {
    const unique = new Map<string, ConfigProblem>();
    for (const p of problems) unique.set(p.omitted ? `${p.file}\0more\0${p.omitted}` : problemLine(p), p);
    for (const p of capProblems([...unique.values()])) io.stderr(`${NAME} report: ${problemLine(p).replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  };

  const configFile = opts.config !== undefined ? path.resolve(io.cwd, opts.config) : undefined;
  if (configFile !== undefined) {
    const loaded = resolveConfig(undefined, { configFile, fallbackRoot: io.cwd });
    if (loaded.problems.length) return failProblems(loaded.problems);
  }

  let files;
  try {
    files = collectFiles(opts.inputs, io.cwd);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  const configs = files.map((f) => {
    const r = resolveConfig(f.abs, { configFile, fallbackRoot: io.cwd });
    return { config: r.config, rootDir: r.rootDir ?? io.cwd, problems: r.problems };
  });
  const problems = configs.flatMap((c) => c.problems);
  if (problems.length) return failProblems(problems);

  const entries: ArchivePostmortem[] = [];
  let unreadable = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (opts.ignore.length && matchesGlobs(f.abs, opts.ignore, io.cwd)) continue;
    // as for linting: a file that vanished or cannot be read costs one line and that file, and the exit code is 2
    const read = readInputFile(f.abs);
    if (!read.ok) {
      unreadable++;
      io.stderr(`${NAME} report: cannot read ${f.display}: ${read.reason}\n`);
      continue;
    }
    if (read.warning) io.stderr(`${NAME} report: ${f.display}: ${read.warning}\n`);
    try {
      const { entry } = readArchive(read.text, { file: f.display.split(path.sep).join('/'), filePath: f.abs, rootDir: configs[i].rootDir, config: configs[i].config, today });
      if (entry) entries.push(entry);
    } catch (e) {
      return fail(`internal error while reading ${f.display}: ${e instanceof Error ? e.message : String(e)} (please report this with the file)`);
    }
  }

  const report = buildReport(entries, today, { since: opts.since, until: opts.until });
  const output = formatReport(report, opts.format);
  if (opts.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output), output);
    } catch (e) {
      return fail(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    io.stderr(`Wrote ${opts.output}: ${report.counts.total} action items from ${report.postmortems} postmortems, ${report.counts.overdue} overdue\n`);
  } else io.stdout(output);
  if (unreadable > 0) return 2;
  if (opts.failOnOverdue && report.counts.overdue > 0) {
    io.stderr(`${NAME} report: ${report.counts.overdue} open action item${report.counts.overdue === 1 ? ' is' : 's are'} overdue (--fail-on-overdue)\n`);
    return 1;
  }
  return 0;
}
