// Loading the CLI's linter bundle (dist/cli-core.js) with V8's code cache. Node 20 has no module.enableCompileCache, so
// the loaders (bin.ts, worker-bin.ts) compile the bundle themselves as a vm.Script, handing V8 the bytecode a previous
// run produced. The cache is produced after a run, not after loading: V8 compiles a function only when it is first
// called, and what a lint calls is most of the work. Measured (dist/cli-worker.js, 2-core VM at load ~4): loading the
// bundle 72 → 35 ms of CPU; the 80-file corpus (--jobs 1) 1.43 → 1.32 s of CPU (medians of 4 alternated runs).
// The cache lives in node_modules/.cache/postmortem-lint of the project the binary is installed in (of the repository
// when run from it); its name holds a hash of the bundle's size and time of writing and of node's version and flags
// (V8 rejects data made under other flags or by another V8, but checks no more of the source than its length).
// Reading or writing it never stops a run: a cache that is missing, rejected or cannot be written only means the
// bundle is compiled as before. The V8 flags of tier-up.ts are set before the bundle is compiled, as they were when
// its cache was made (set later, they would make V8 reject it). The main thread writes it at exit, a lint thread once
// it has linted ENOUGH_FILES (in a run of 1 MB or more the main thread lints nothing).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as Core from './core';

/**
 * A run that linted at least this many files on the main thread has called most of the linter's functions: its cache
 * is kept. One made by a run of fewer files is replaced by the next run that lints more.
 */
export const ENOUGH_FILES = 20;
const PREFIX = 'cli-core-';
/** The cache file starts with the count of files its run linted (uint32, little-endian), then V8's data. */
const HEADER = 4;

/** node_modules/.cache/postmortem-lint of the project whose node_modules holds `distDir` (else beside distDir's parent). */
export function codeCacheDir(distDir: string): string {
  const parts = path.resolve(distDir).split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  const root = i > 0 ? parts.slice(0, i).join(path.sep) || path.sep : path.dirname(path.resolve(distDir));
  return path.join(root, 'node_modules', '.cache', 'postmortem-lint');
}

/** The bundle's build (its size and time of writing: hashing its 2 MB took ~20 ms of CPU a thread) and node's own. */
function cacheKey(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return createHash('sha256').update(JSON.stringify([process.version, process.arch, process.execArgv, size, mtimeMs])).digest('hex').slice(0, 16);
}

function readCache(file: string): { data: Buffer; files: number } | undefined {
  try {
    const b = fs.readFileSync(file);
    return b.length > HEADER ? { data: b.subarray(HEADER), files: b.readUInt32LE(0) } : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, script: vm.Script, files: number): void {
  try {
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(Math.min(files, 0xffffffff));
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    // another run may be writing the same file: each writes its own and renames it into place
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
    fs.renameSync(tmp, file);
    // caches of earlier builds (or node versions) of the bundle would only pile up
    for (const f of fs.readdirSync(dir)) if (f.startsWith(PREFIX) && f !== path.basename(file) && !f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // a read-only install lints as before, compiling the bundle each time
  }
}

export interface LoadedCore {
  core: typeof Core;
  /** Writes the cache when this thread has linted more files than the run that made it (up to ENOUGH_FILES). */
  save: () => void;
}

/** Loads (runs) the bundle `file`, with the code cache when there is one that V8 accepts. */
export function loadCore(file: string): LoadedCore {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = path.join(codeCacheDir(path.dirname(file)), `${PREFIX}${cacheKey(file)}.bin`);
  const stored = readCache(cacheFile);
  // CommonJS's own wrapper: one line, so that line numbers in stack traces and the source map stay right
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData: stored?.data });
  let covered = stored !== undefined && !script.cachedDataRejected ? stored.files : 0;
  const mod = { exports: {} as typeof Core };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(file), mod, file, path.dirname(file));
  const core = mod.exports;
  const save = () => {
    const n = core.filesLinted();
    if (n <= covered || covered >= ENOUGH_FILES) return;
    writeCache(cacheFile, script, n);
    covered = n;
  };
  return { core, save };
}
