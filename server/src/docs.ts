// Where the rule pages live: docs/rules/<id>.md ships with the extension and the npm package, next to dist/.
// Every face links to these files (LSP codeDescription, "Show documentation", CLI help, SARIF help), never to a web
// address: the project has no public site, and a link to a domain that does not exist is worse than none.
import * as fs from 'node:fs';
import * as path from 'node:path';

let docsDir: string | undefined;

/** Rule ids are kebab-case; anything else never becomes a path. */
export function isRuleId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}

/**
 * The folder holding docs/rules/<id>.md. Bundled, the code is dist/*.js and the docs are ../docs/rules; run from
 * source (tests with tsx) it is server/src/<folder>, three levels below the project root, or server/src itself.
 */
export function rulesDocsDir(): string {
  if (docsDir) return docsDir;
  const candidates = [
    path.resolve(__dirname, '..', 'docs', 'rules'),
    path.resolve(__dirname, '..', '..', '..', 'docs', 'rules'),
    path.resolve(__dirname, '..', '..', 'docs', 'rules'),
  ];
  docsDir =
    candidates.find((d) => {
      try {
        return fs.statSync(d).isDirectory();
      } catch {
        return false;
      }
    }) ?? candidates[0];
  return docsDir;
}

/** Absolute path of the rule's page (it may be missing for a rule outside the registry). */
export function ruleDocsPath(ruleId: string): string {
  return path.join(rulesDocsDir(), `${ruleId}.md`);
}

/** The rule page's markdown, or undefined when it is not there. */
export function ruleDocsMarkdown(ruleId: string): string | undefined {
  if (!isRuleId(ruleId)) return undefined;
  try {
    return fs.readFileSync(ruleDocsPath(ruleId), 'utf8');
  } catch {
    return undefined;
  }
}
