// Compiles the vscode-API e2e suite (test/e2e/suite/*.ts) to out/e2e/suite/*.js for the extension host.
// Not bundled: `vscode` comes from the host and mocha from node_modules. tsc only type-checks (noEmit).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'test/e2e/suite');
await esbuild.build({
  entryPoints: readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
  outdir: path.join(root, 'out/e2e/suite'),
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  logLevel: 'warning',
});
