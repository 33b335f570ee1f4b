// Expanding the CLI's file, folder and glob arguments into markdown files.
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
        found = fg.sync(MARKDOWN, { cwd: abs, ignore: IGNORE, dot: true, onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: false, suppressErrors: true });
      } catch (e) {
        throw new UsageError(`cannot search folder ${input}: ${e instanceof Error ? e.message : String(e)}`);
      }
      // like a glob that matches nothing: a CI job pointed at the wrong folder must not pass as 'No problems'
      if (found.length === 0) throw new UsageError(`no markdown files in ${input}`);
      for (const rel of found.sort()) push(path.join(abs, rel), joinDisplay(input, rel));
      continue;
    }
    if (fg.isDynamicPattern(toPosix(input))) {
      const pattern = toPosix(input);
      let found: string[];
      try {
        found = fg.sync(pattern, { cwd, ignore: IGNORE, dot: true, onlyFiles: true, absolute: false, suppressErrors: true });
      } catch (e) {
        throw new UsageError(`invalid glob ${input}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (found.length === 0) throw new UsageError(`no files match ${input}`);
      for (const rel of found.sort()) push(path.resolve(cwd, rel), rel);
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
