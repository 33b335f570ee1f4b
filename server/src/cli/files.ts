// Expanding the CLI's file, folder and glob arguments into markdown files, and reading them.
// Neither folders nor globs follow symbolic links to folders (a link cycle would make the walk run away), but a
// link to a file is linted like the file. Entries that cannot be read come back as one-line problems, not throws.
import fg from 'fast-glob';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** The path to show: as given, or joined to the folder/glob as given (relative to the working directory). */
  display: string;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = '**/*.{md,markdown,mdown,mkd}';

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Files matching `pattern` under `cwd`, without descending into linked folders. A link is kept when it leads to a
 * file, and also when it leads nowhere (dangling, looping): reading it then reports why, instead of it vanishing.
 */
function walk(pattern: string, cwd: string): string[] {
  const entries = fg.sync(pattern, {
    cwd,
    ignore: IGNORE,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    suppressErrors: true,
    objectMode: true,
  });
  const out: string[] = [];
  for (const e of entries) {
    if (e.dirent.isFile()) out.push(e.path);
    else if (e.dirent.isSymbolicLink()) {
      let target: fs.Stats | undefined;
      try {
        target = fs.statSync(path.resolve(cwd, e.path), { throwIfNoEntry: false });
      } catch {
        target = undefined;
      }
      if (!target?.isDirectory()) out.push(e.path);
    }
  }
  return out.sort();
}

/** Expands inputs in order (each folder's and glob's files sorted), dropping duplicates. Throws UsageError. */
export function collectFiles(inputs: string[], cwd: string): InputFile[] {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const push = (abs: string, display: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ abs, display });
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs, { throwIfNoEntry: false });
    } catch (e) {
      throw new UsageError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    if (stat?.isFile()) {
      push(abs, input);
      continue;
    }
    if (stat?.isDirectory()) {
      let found: string[];
      try {
        found = walk(MARKDOWN, abs);
      } catch (e) {
        throw new UsageError(`cannot search folder ${input}: ${e instanceof Error ? e.message : String(e)}`);
      }
      // like a glob that matches nothing: a CI job pointed at the wrong folder must not pass as 'No problems'
      if (found.length === 0) throw new UsageError(`no markdown files in ${input}`);
      for (const rel of found) push(path.join(abs, rel), joinDisplay(input, rel));
      continue;
    }
    if (fg.isDynamicPattern(toPosix(input))) {
      let found: string[];
      try {
        found = walk(toPosix(input), cwd);
      } catch (e) {
        throw new UsageError(`invalid glob ${input}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (found.length === 0) throw new UsageError(`no files match ${input}`);
      for (const rel of found) push(path.resolve(cwd, rel), rel);
      continue;
    }
    throw new UsageError(`file not found: ${input}`);
  }
  return out;
}

function joinDisplay(folder: string, rel: string): string {
  if (folder === '.' || folder === './') return rel;
  return folder.replace(/[\\/]+$/, '') + '/' + rel;
}

export type ReadResult =
  | { ok: true; text: string; /** Set when the bytes are not valid UTF-8 (they were read with U+FFFD in their place). */ warning?: string }
  | { ok: false; reason: string };

const REASONS: Record<string, string> = {
  ENOENT: 'it no longer exists (deleted, or a link to a missing file)',
  ELOOP: 'it is a symbolic link loop',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads one listed file; never throws. The reason is one line, for "cannot read <file>: <reason>". */
export function readInputFile(abs: string): ReadResult {
  return readInputBytes(abs).read;
}

/** readInputFile, with the bytes read (undefined when the file could not be read). */
export function readInputBytes(abs: string): { read: ReadResult; bytes?: Buffer } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { read: { ok: false, reason: (code && REASONS[code]) ?? code ?? String(e) } };
  }
  return { read: decodeText(bytes), bytes };
}

/**
 * Bytes → text. A UTF-16 byte order mark selects UTF-16 (LE or BE); otherwise UTF-8, whose BOM is dropped. Invalid
 * UTF-8 is decoded with U+FFFD in place of the bad bytes, with a warning that says where the first one is.
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
    } catch {
      const text = new TextDecoder('utf-8').decode(body);
      const bad = text.indexOf('\ufffd');
      const line = bad < 0 ? 1 : text.slice(0, bad).split('\n').length;
      return { ok: true, text, warning: `not valid UTF-8 (first bad byte on line ${line}); save it as UTF-8` };
    }
  } catch (e) {
    return { ok: false, reason: `cannot be decoded (${e instanceof Error ? e.message : String(e)})` };
  }
}
