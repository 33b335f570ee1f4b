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

/** Folder names that hold a collection of postmortems (the folders of DEFAULT_POSTMORTEM_GLOBS, and "incident-reports"). */
const COLLECTION_FOLDER = /^(?:post-?mortems?|incidents?|incident[-_](?:reviews?|reports?)|retros?)$/i;
/**
 * A page named after the collection in the plural (`incident_reports.md`, `postmortems.md`, `incidents.mdx`): the index
 * a site generator shows for the folder of the same name. `postmortem.md` names one postmortem and is not one of these.
 */
const COLLECTION_PAGE = /^(?:post-?mortems|incidents|incident[-_](?:reviews|reports)|retros)\.(?:md|mdx|markdown)$/i;

/**
 * The collection's own index page: `README.md` or `index.md` directly inside a folder named like the collections above
 * (`docs/postmortems/README.md`), unlike `incidents/2024-06-06-outage/README.md`, a postmortem kept as its folder's
 * README; or a page named after the collection in the plural (`docs/support/incident_reports.md`). Such a page usually
 * lists the postmortems or explains the process, so the path alone does not make it one: its content decides. Never
 * throws.
 */
export function isCollectionIndexPath(filePath: string): boolean {
  if (typeof filePath !== 'string') return false;
  const parts = normalizePath(filePath).split('/');
  const name = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  return (/^(?:readme|_?index)\.(?:md|mdx|markdown)$/i.test(name) && COLLECTION_FOLDER.test(folder)) || COLLECTION_PAGE.test(name);
}

/**
 * Folders that hold documents of another kind: steps for next time, forms, decisions, guides, meetings
 * (`docs/incidents/runbooks/`, `postmortems/templates/`, `source/runbooks/`).
 */
const OTHER_KIND_FOLDER =
  /^(?:run-?books?|play-?books?|templates?|decisions?|adrs?|procedures?|processes|guides?|guidelines|check-?lists?|how-?tos?|handbooks?|policies|meetings?|rfcs?)$/i;

/**
 * The nearest folder above the file that names a kind of document names another kind than a postmortem
 * (`docs/incidents/runbooks/os-upgrade.md`, `source/runbooks/general-incident.md`), unlike
 * `process/incidents/2021-10-log.md`, where the nearest is the collection. The path alone then does not make the page
 * a postmortem: its content decides. Never throws.
 */
export function isInOtherKindFolder(filePath: string): boolean {
  if (typeof filePath !== 'string') return false;
  const folders = normalizePath(filePath).split('/').slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    if (COLLECTION_FOLDER.test(folders[i])) return false;
    if (OTHER_KIND_FOLDER.test(folders[i])) return true;
  }
  return false;
}

/**
 * The file's folder is a postmortem folder: any markdown file in it would match `globs` (so the file matches by where
 * it is, not only by its name, as `docs/during/incident-response.md` does). Never throws.
 */
export function isPostmortemFolder(filePath: string, globs: string[] | undefined, rootDir?: string): boolean {
  if (typeof filePath !== 'string' || filePath === '') return false;
  const file = normalizePath(filePath);
  const slash = file.lastIndexOf('/');
  return isPostmortemPath(`${slash >= 0 ? file.slice(0, slash) : '.'}/_.md`, globs, rootDir);
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
