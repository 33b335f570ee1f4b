// Finding the markdown files of a workspace folder: node_modules and .git skipped, .gitignore files honoured (each
// relative to its own folder, as git reads them), folder symlinks followed once (a loop is cut and logged once).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const MARKDOWN_RE = /\.(md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface WalkOptions {
  /** One line per problem (an unreadable folder, a symlink loop). */
  log: (msg: string) => void;
  /** Called between folders so that a long walk never holds the event loop. */
  yieldNow?: () => Promise<void>;
  /** Stop early (a newer build started). */
  cancelled?: () => boolean;
}

interface GitIgnore {
  base: string;
  ig: Ignore;
}

/** Whether `abs` is ignored by any of the .gitignore files above it. */
export function gitIgnored(rules: readonly GitIgnore[], abs: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = path.relative(r.base, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

async function readGitIgnore(dir: string): Promise<GitIgnore | undefined> {
  try {
    const text = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** Absolute paths of the markdown files under `root`, sorted. */
export async function walkMarkdown(root: string, options: WalkOptions): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack: { dir: string; rules: GitIgnore[] }[] = [{ dir: root, rules: [] }];
  while (stack.length) {
    if (options.cancelled?.()) break;
    const { dir, rules: parentRules } = stack.pop()!;
    let real: string;
    try {
      real = await fs.promises.realpath(dir);
    } catch (e) {
      options.log(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    if (seen.has(real)) {
      options.log(`skipped ${dir}: a folder symlink to ${real}, which is already indexed (a loop or a second path)`);
      continue;
    }
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      options.log(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    const own = entries.some((e) => e.name === '.gitignore') ? await readGitIgnore(dir) : undefined;
    const rules = own ? [...parentRules, own] : parentRules;
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.promises.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || gitIgnored(rules, abs, true)) continue;
        stack.push({ dir: abs, rules });
      } else if (isFile && MARKDOWN_RE.test(e.name) && !gitIgnored(rules, abs, false)) {
        out.push(abs);
      }
    }
    await options.yieldNow?.();
  }
  return out.sort();
}
