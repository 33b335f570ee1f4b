// `--cache`: each file's findings, kept between runs under a key of everything they depend on, so that a file whose
// bytes, configuration, date and linter are unchanged is not linted again (like ESLint's --cache).
// One JSON file (default node_modules/.cache/postmortem-lint/cache.json under the working directory). An entry is
// used only when both hashes match: `content` (sha256 of the file's bytes) and `ctx` (sha256 of the resolved config,
// the folder its globs are relative to, the date overdue is judged against, --all, the path and the linter's version
// and build). A cache file that cannot be read or makes no sense is ignored with one warning and written anew; one
// that cannot be written costs one warning. Neither stops the run.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../model/types';
import type { FileTask, LintedFile } from './lint-file';

export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'postmortem-lint');
const FILE_NAME = 'cache.json';
const FORMAT = 1;

export interface CacheEntry {
  ctx: string;
  content: string;
  result: LintedFile;
  warning?: string;
  hasFixes: boolean;
}

interface CacheFile {
  tool: 'postmortem-lint';
  format: number;
  linter: string;
  entries: Record<string, CacheEntry>;
}

/** The cache file for --cache-location (a folder, or a file name), or the default folder under the working directory. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  const given = path.resolve(cwd, location ?? DEFAULT_CACHE_DIR);
  if (location === undefined || /[\\/]$/.test(location)) return path.join(given, FILE_NAME);
  let isDir = false;
  try {
    isDir = fs.statSync(given, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    isDir = false;
  }
  return isDir ? path.join(given, FILE_NAME) : given;
}

/** The version and, when running from a bundle, a hash of it: a rebuilt linter (new rules) must not reuse old findings. */
export function linterId(version: string, script: string | undefined): string {
  if (!script?.endsWith('.js')) return version;
  try {
    return `${version}+${createHash('sha256').update(fs.readFileSync(script)).digest('hex').slice(0, 16)}`;
  } catch {
    return version;
  }
}

/** What a file's findings depend on besides its bytes. */
export function contextHash(task: FileTask, linter: string): string {
  const key = JSON.stringify([linter, task.abs, task.rootDir, task.today, task.all, task.config]);
  return createHash('sha256').update(key).digest('hex');
}

export class LintCache {
  readonly entries = new Map<string, CacheEntry>();

  private constructor(
    readonly file: string,
    private readonly linter: string,
  ) {}

  /** Reads the cache file; a missing one is an empty cache, a broken one an empty cache and one warning. */
  static open(file: string, linter: string, warn: (line: string) => void): LintCache {
    const cache = new LintCache(file, linter);
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`ignoring the cache file ${file}: cannot read it (${code ?? String(e)}); every file is linted`);
      return cache;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      warn(`ignoring the cache file ${file}: it is not valid JSON (damaged?); every file is linted and the cache written anew`);
      return cache;
    }
    if (!isCacheFile(parsed)) {
      warn(`ignoring the cache file ${file}: it is not a postmortem-lint cache; every file is linted and the cache written anew`);
      return cache;
    }
    // another version or build of the linter: its findings may differ, so none is reused (silently: this is expected)
    if (parsed.format !== FORMAT || parsed.linter !== linter) return cache;
    for (const [abs, entry] of Object.entries(parsed.entries)) if (isEntry(entry)) cache.entries.set(abs, entry);
    return cache;
  }

  /** The entry for this file when its key matches, else why not ('not in the cache', 'changed', …). */
  lookup(abs: string, ctx: string, content: string): { entry: CacheEntry } | { miss: string } {
    const e = this.entries.get(abs);
    if (!e) return { miss: 'not in the cache' };
    if (e.ctx !== ctx) return { miss: 'configuration, date or linter changed' };
    if (e.content !== content) return { miss: 'changed' };
    return { entry: e };
  }

  /** Writes the cache file (atomically: a run that stops half-way leaves the old file). Entries of deleted files go. */
  save(warn: (line: string) => void): void {
    const entries: Record<string, CacheEntry> = {};
    for (const [abs, e] of [...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (fs.existsSync(abs)) entries[abs] = e;
    }
    const data: CacheFile = { tool: 'postmortem-lint', format: FORMAT, linter: this.linter, entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing more to do
      }
      const code = (e as NodeJS.ErrnoException).code;
      warn(`cannot write the cache file ${this.file} (${code ?? String(e)}); the next run lints every file again`);
    }
  }
}

function isCacheFile(x: unknown): x is CacheFile {
  if (!x || typeof x !== 'object') return false;
  const c = x as Partial<CacheFile>;
  return c.tool === 'postmortem-lint' && typeof c.format === 'number' && typeof c.linter === 'string' && !!c.entries && typeof c.entries === 'object';
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const isPos = (p: unknown) => !!p && typeof p === 'object' && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);

function isFinding(x: unknown): x is Finding {
  if (!x || typeof x !== 'object') return false;
  const f = x as Partial<Finding>;
  return typeof f.ruleId === 'string' && typeof f.message === 'string' && SEVERITIES.has(f.severity as string) && !!f.range && isPos(f.range.start) && isPos(f.range.end);
}

/** Every field the report reads is checked, so a hand-edited or damaged entry is relinted instead of crashing the report. */
function isEntry(x: unknown): x is CacheEntry {
  if (!x || typeof x !== 'object') return false;
  const e = x as Partial<CacheEntry>;
  if (typeof e.ctx !== 'string' || typeof e.content !== 'string' || typeof e.hasFixes !== 'boolean') return false;
  if (e.warning !== undefined && typeof e.warning !== 'string') return false;
  const r = e.result;
  return !!r && typeof r === 'object' && typeof r.isPostmortem === 'boolean' && Array.isArray(r.findings) && r.findings.every(isFinding);
}
