// The language-server part of `npm run bench` alone, and A/B between builds on a noisy machine: each root's dist/ in
// turn, ROUNDS times, so that both see the same load. A root is a checkout with dist/ built (for the base:
// `git archive main | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ && (cd /tmp/base && node scripts/build.mjs)`).
//   node --import tsx scripts/profile-server.ts [root …]          (default: this checkout)
// Env: ROUNDS (default 1), and bench-server.ts's: BENCH_SERVER_PARTS=keystroke,hover,10mb, BENCH_SERVER_SIZES=20KB,1MB,
// BENCH_HOVER_EDITS, BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile both server threads;
// summarise with scripts/profile-summary.ts).
import { loadavg } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import { benchServer } from './bench-server';
import { generatePostmortem } from './bench';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** markdownlint's full lint of `text`: the median of 3 after a warm-up (as bench.ts). */
function markdownlintMs(text: string): number {
  const ts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    markdownlint({ strings: { d: text } });
    ts.push(performance.now() - t0);
  }
  return ts.slice(1).sort((a, b) => a - b)[1];
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const roots = process.argv.slice(2).map((r) => resolve(r));
  if (roots.length === 0) roots.push(ROOT);
  const rounds = Math.max(1, Number(process.env.ROUNDS ?? 1));
  for (let round = 1; round <= rounds; round++) {
    for (const root of roots) {
      console.log(`\n== ${root} (round ${round}/${rounds}; load average ${load()})`);
      await benchServer(root, (bytes) => generatePostmortem(bytes), markdownlintMs);
    }
  }
  console.log(`\nload average at the end: ${load()}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
