// One file's work for `postmortem-lint`: read, fix (--fix / --fix-dry-run), lint. The same function runs in process
// (small runs, --jobs 1) and in the worker threads (cli-worker.ts), and returns what the run prints for that file
// instead of printing it, so the main thread prints every file's lines in input order whichever thread finished first.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { lint, withoutFixes } from '../lint/lint';
import type { Config, Finding } from '../model/types';
import { decodeText, readInputBytes, type ReadResult } from './files';
import { describeFix, encodeText, encodingOf, fixText, unifiedDiff } from './fix';

const NAME = 'postmortem-lint';

export interface FileTask {
  abs: string;
  display: string;
  /** The file's resolved configuration (config/resolve.ts, in the main thread) and the run's date and --all. */
  config: Config;
  rootDir: string;
  today: string;
  all: boolean;
  fix: boolean;
  fixDryRun: boolean;
  /** The file's bytes when the main thread already read them (to look it up in the cache); read here otherwise. */
  bytes?: Uint8Array;
  /** The run keeps a cache (--cache): the outcome says whether any finding has a fix (building every fix to know). */
  cached?: boolean;
}

/** What a file contributes to the report: findings without their fixes (no format prints them). */
export interface LintedFile {
  isPostmortem: boolean;
  ignored?: boolean;
  findings: Finding[];
}

export interface FileOutcome {
  /** Lines for stdout (a --fix-dry-run diff) and stderr, in the order the sequential run wrote them. */
  out: { stream: 'stdout' | 'stderr'; text: string }[];
  /** Undefined when the file could not be read, fixed or linted (then `failed` is set and `out` says why). */
  result?: LintedFile;
  /** The file counts towards exit code 2: unreadable, or an internal error while fixing or linting it. */
  failed?: boolean;
  /** --fix wrote it, or --fix-dry-run would. */
  fixed?: boolean;
  /** sha256 of the bytes on disk that `result` describes (undefined when it describes text not on disk, or without --cache). */
  contentHash?: string;
  /** The reading warning (not valid UTF-8), replayed when the result comes from the cache. */
  warning?: string;
  /**
   * Some finding carries a fix: with --fix, a cached result of this file cannot stand in for running the fixes. Only
   * worked out for a run with --cache (it builds every finding's fixes, which nothing else in a run needs).
   */
  hasFixes?: boolean;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The stderr line for a file that is not valid UTF-8 (also replayed from the cache). */
export function readWarningLine(display: string, warning: string): string {
  return `${NAME}: ${display}: ${warning}\n`;
}

let linted = 0;

/** How many files lintFile was called for on this thread (the code cache is written after a run that linted some). */
export function filesLinted(): number {
  return linted;
}

/** Never throws: an error reading, fixing or linting the file becomes one line on stderr for that file. */
export function lintFile(task: FileTask): FileOutcome {
  linted++;
  const out: FileOutcome['out'] = [];
  const err = (text: string) => out.push({ stream: 'stderr', text });
  let bytes: Uint8Array | undefined = task.bytes;
  let read: ReadResult;
  if (bytes) read = decodeText(bytes);
  else {
    const r = readInputBytes(task.abs);
    read = r.read;
    bytes = r.bytes;
  }
  // A file that vanished or cannot be read since it was listed costs that file, not the whole report.
  if (!read.ok) {
    err(`${NAME}: cannot read ${task.display}: ${read.reason}\n`);
    return { out, failed: true };
  }
  if (read.warning) err(readWarningLine(task.display, read.warning));
  let text = read.text;
  // what --cache keys the result by; a run without a cache never reads it (the sha-256 of every file was ~1% of the
  // CPU samples of a run over 2,000 files)
  let contentHash = bytes && task.cached ? hashBytes(bytes) : undefined;
  let fixed = false;
  const lintOptions = { filePath: task.abs, rootDir: task.rootDir, config: task.config, today: task.today, all: task.all };
  if (task.fix || task.fixDryRun) {
    // Text read with U+FFFD in place of bad bytes would write those bytes back changed: such a file is not fixed.
    if (read.warning) err(`${NAME}: ${task.display}: not fixed (it is not valid UTF-8)\n`);
    else {
      try {
        const f = fixText(text, lintOptions);
        if (f.fixed.length && f.text !== text) {
          const encoded = encodeText(f.text, encodingOf(bytes ?? new Uint8Array()));
          if (task.fixDryRun) {
            out.push({ stream: 'stdout', text: unifiedDiff(task.display, text, f.text) });
            contentHash = undefined; // the findings will describe text that is not on disk
          } else {
            fs.writeFileSync(task.abs, encoded);
            contentHash = task.cached ? hashBytes(encoded) : undefined;
          }
          err(`${describeFix(task.display, f.fixed, task.fixDryRun)}\n`);
          fixed = true;
          text = f.text;
        }
      } catch (e) {
        err(`${NAME}: cannot fix ${task.display}: ${e instanceof Error ? e.message : String(e)}\n`);
        return { out, failed: true };
      }
    }
  }
  try {
    const r = lint(text, lintOptions);
    const findings = r.findings.map(withoutFixes);
    const hasFixes = task.cached ? r.findings.some((f) => (f.fixes?.length ?? 0) > 0) : undefined;
    return { out, result: { isPostmortem: r.isPostmortem, ignored: r.ignored, findings }, fixed, contentHash, warning: read.warning, hasFixes };
  } catch (e) {
    err(`${NAME}: internal error while linting ${task.display}: ${e instanceof Error ? e.message : String(e)} (please report this with the file)\n`);
    return { out, failed: true, fixed };
  }
}
