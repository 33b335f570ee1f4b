// Bundles the CLI, the language server and the VS Code client with esbuild. tsc only type-checks.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { cliEntries } from './cli-bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};
const entries = [
  ...cliEntries('.', 'dist'),
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // the server's lint thread (server/src/lsp/lint-thread.ts starts it from dist/ beside server.js)
  { entryPoints: ['server/src/lsp/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['client/src/reader/webview.ts'], outfile: 'dist/media/reader.js', platform: 'browser', format: 'iife' },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
