// Path globs that mark a markdown file as a postmortem (rules.md, "Which documents are postmortems").
// Pure: no fs, no node:path, so the runner (and anything bundled for a browser) can import it.
import picomatch from 'picomatch';

/**
 * Default globs: folders named postmortem(s), post-mortem(s), incident(s), incident-review(s), retro(s),
 * and files whose name contains postmortem / post-mortem / incident. Matched case-insensitively.
 */
export const DEFAULT_POSTMORTEM_GLOBS: string[] = [
  '**/{postmortem,postmortems,post-mortem,post-mortems,incident,incidents,incident-review,incident-reviews,retro,retros}/**',
  '**/*{postmortem,post-mortem,incident}*',
];

const matcherCache = new Map<string, (path: string) => boolean>();

function matcherFor(globs: string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let m = matcherCache.get(key);
  if (!m) {
    const usable = globs.filter((g) => typeof g === 'string' && g.trim() !== '').map((g) => normalizeGlob(g.trim()));
    if (usable.length === 0) {
      m = () => false;
    } else {
      try {
        m = picomatch(usable, { nocase: true, dot: true });
      } catch {
        // A glob picomatch cannot compile must not crash detection: match nothing by path.
        m = () => false;
      }
    }
    if (matcherCache.size > 100) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}

/** Globs are written relative to the root; a leading "./" or "/" means the same thing. */
function normalizeGlob(glob: string): string {
  let g = glob.replace(/\\/g, '/');
  while (g.startsWith('./')) g = g.slice(2);
  if (g.startsWith('/')) g = g.slice(1);
  return g;
}

/** Forward slashes, no drive letter, `.` and `..` segments resolved; keeps a leading "/" for absolute paths. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (s.startsWith('file://')) {
    s = s.slice('file://'.length);
    try {
      s = decodeURIComponent(s);
    } catch {
      // keep the raw text
    }
  }
  s = s.replace(/^\/?[A-Za-z]:(?=\/|$)/, '');
  const absolute = s.startsWith('/');
  const out: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** The path to match: relative to rootDir when the file lies inside it, else the path itself without its leading "/". */
export function pathForMatching(filePath: string, rootDir?: string): string {
  const file = normalizePath(filePath);
  if (rootDir) {
    const root = normalizePath(rootDir).replace(/\/$/, '');
    const cmpFile = file.toLowerCase();
    const cmpRoot = root.toLowerCase();
    if (root === '' || root === '/') return file.replace(/^\//, '');
    if (cmpFile.startsWith(cmpRoot + '/')) return file.slice(root.length + 1);
  }
  return file.replace(/^\//, '');
}

/**
 * True when `filePath` matches one of `globs` (DEFAULT_POSTMORTEM_GLOBS when undefined; an empty array matches nothing).
 * Globs are matched case-insensitively against the path relative to `rootDir` when the file lies inside it,
 * otherwise against the whole path. Never throws.
 */
export function isPostmortemPath(filePath: string, globs: string[] | undefined, rootDir?: string): boolean {
  return matchesGlobs(filePath, Array.isArray(globs) ? globs : DEFAULT_POSTMORTEM_GLOBS, rootDir);
}

/** True when `filePath` matches one of `globs`, matched as isPostmortemPath does. Never throws. */
export function matchesGlobs(filePath: string, list: string[], rootDir?: string): boolean {
  if (typeof filePath !== 'string' || filePath === '' || !Array.isArray(list)) return false;
  const rel = pathForMatching(filePath, rootDir);
  if (rel === '') return false;
  try {
    return matcherFor(list)(rel);
  } catch {
    return false;
  }
}
