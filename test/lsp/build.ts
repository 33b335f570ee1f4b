// Builds dist/ once before the protocol tests unless it is already newer than every source file (npm test builds
// first; rebuilding in several test files at once would race on the same output files).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './client';

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const outputs = ['dist/server.js', 'dist/lint-worker.js', 'dist/cli.js'].map((f) => path.join(ROOT, f));
  const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const sources = Math.max(newestSource(path.join(ROOT, 'server', 'src')), fs.statSync(path.join(ROOT, 'package.json')).mtimeMs);
  if (built > sources) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
