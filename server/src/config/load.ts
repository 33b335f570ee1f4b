// Finding and loading .postmortemrc files (the fs side of configuration). Used by the CLI and the language server.
// Never throws: unreadable, broken or invalid files come back as ConfigProblems.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config, ConfigProblem, Rule } from '../model/types';
import { rules as registry } from '../rules/index';
import { parseConfigText } from './parse';
import { validateConfig } from './validate';

/** Looked for in each folder, in this order; the first one found wins (nearest folder first, no cascading). */
export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

export interface LoadedConfig {
  /** Absolute path of the config file, when one was found. */
  file?: string;
  /** The folder path globs are relative to: the config file's folder (undefined without a config file). */
  rootDir?: string;
  /** The valid parts of the configuration ({} when none). */
  config: Config;
  problems: ConfigProblem[];
}

const dirCache = new Map<string, string | null>();
const fileCache = new Map<string, LoadedConfig>();

/** Bigger than any real configuration: past this, the file is reported instead of parsed (it would take seconds). */
export const MAX_CONFIG_BYTES = 1_000_000;

/**
 * Whether a config file by this name is there, whatever it is: a file, but also a folder, a dangling link or a link
 * loop. Those are mistakes to report (loadConfigFile names them), not reasons to fall back to the defaults silently.
 */
function exists(p: string): boolean {
  try {
    return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The config file that applies to files in `dir` (searched upward to the filesystem root), cached per folder. */
export function findConfigFileFromDir(dir: string): string | undefined {
  const visited: string[] = [];
  let d = path.resolve(dir);
  let found: string | null = null;
  for (;;) {
    const cached = dirCache.get(d);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(d);
    const hit = CONFIG_FILE_NAMES.map((n) => path.join(d, n)).find(exists);
    if (hit) {
      found = hit;
      break;
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const v of visited) dirCache.set(v, found);
  return found ?? undefined;
}

/** The config file that applies to `filePath` (searched upward from its folder). */
export function findConfigFile(filePath: string): string | undefined {
  return findConfigFileFromDir(path.dirname(path.resolve(filePath)));
}

/** Reads, parses and validates one config file (not cached). */
export function loadConfigFile(file: string, rules: readonly Rule<object>[] = registry): LoadedConfig {
  const abs = path.resolve(file);
  const rootDir = path.dirname(abs);
  let text: string;
  const problem = (message: string): LoadedConfig => ({ file: abs, rootDir, config: {}, problems: [{ file: abs, message }] });
  try {
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) return problem('is a folder, not a file');
    if (stat.size > MAX_CONFIG_BYTES) {
      return problem(`is ${(stat.size / 1e6).toFixed(1)} MB; a configuration file may be at most 1 MB (is it the right file?)`);
    }
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let dangling = false;
    try {
      dangling = code === 'ENOENT' && fs.lstatSync(abs).isSymbolicLink();
    } catch {
      dangling = false;
    }
    const reason =
      code === 'ENOENT'
        ? dangling
          ? `is a symbolic link to a missing file (${safeReadlink(abs)})`
          : 'file not found'
        : code === 'ELOOP'
          ? 'is a symbolic link loop'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot be read (${code ?? String(e)})`;
    return problem(reason);
  }
  const parsed = parseConfigText(text, abs);
  if (parsed.problems.length > 0) return { file: abs, rootDir, config: {}, problems: parsed.problems };
  const v = validateConfig(parsed.raw, abs, rules);
  return { file: abs, rootDir, config: v.config, problems: v.problems };
}

function safeReadlink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return '?';
  }
}

/** The configuration that applies to `filePath`: the nearest .postmortemrc upward, cached until invalidated. */
export function loadConfigForFile(filePath: string, rules: readonly Rule<object>[] = registry): LoadedConfig {
  const file = findConfigFile(filePath);
  if (!file) return { config: {}, problems: [] };
  let loaded = fileCache.get(file);
  if (!loaded) {
    loaded = loadConfigFile(file, rules);
    fileCache.set(file, loaded);
  }
  return loaded;
}

/**
 * Forgets cached lookups and file contents. Call it when a .postmortemrc file is created, changed or deleted
 * (the language server does so on workspace/didChangeWatchedFiles). With a path, only what that path can affect
 * is dropped; without one, everything.
 */
export function invalidateConfigCache(changedPath?: string): void {
  if (changedPath === undefined) {
    dirCache.clear();
    fileCache.clear();
    return;
  }
  const abs = path.resolve(changedPath);
  fileCache.delete(abs);
  // A created or deleted config file changes which file applies to every folder below it.
  const dir = (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(abs)) ? path.dirname(abs) : abs;
  for (const d of [...dirCache.keys()]) {
    if (d === dir || d.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep)) dirCache.delete(d);
  }
}

export type { Config, ConfigProblem };
