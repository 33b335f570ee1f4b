// The CLI's tests run the binary as users run it: bundled as scripts/build.mjs bundles it (scripts/cli-bundles.mjs),
// into a private folder so that test files running in parallel never race on dist/.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntries } from '../../scripts/cli-bundles.mjs';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds `pkgDir`/dist/cli.js and the bundles it loads, with the rule pages in `pkgDir`/docs/rules; returns cli.js. */
export async function buildCli(pkgDir: string): Promise<string> {
  fs.cpSync(path.join(ROOT, 'docs', 'rules'), path.join(pkgDir, 'docs', 'rules'), { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error' } as const;
  const dist = path.join(pkgDir, 'dist');
  await Promise.all(cliEntries(ROOT, dist).map((e) => esbuild.build({ ...common, ...e })));
  return path.join(dist, 'cli.js');
}
