// The CLI benchmark (part of `npm run bench`): the bundled binary (dist/cli.js, run as users run it, its own process)
// over the corpus (../shared/corpus/postmortems) and over 2,000 generated postmortems (scripts/archive-gen.ts), next
// to markdownlint-cli2 over the same files, wall time and CPU time (user + system of the process and its threads):
// - default (one thread per core), --jobs 1 (in process, as before), --cache warm (a second run: nothing changed);
// - each in turn, BENCH_CLI_ROUNDS times (default 3), the order turning each round so that the machine's load falls on
//   all of them; the load average is printed with every round (figures grow with it: the machine is shared).
// Target (issue 9): corpus and 2,000-file runs ≤ 0.5× markdownlint-cli2's wall time.
// Env: BENCH_CLI_FILES (default 2000; 0 skips the generated archive), BENCH_CLI_ROUNDS. Alone:
//   npm run build && node --import tsx scripts/bench-cli.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateArchive } from './archive-gen';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-11-30';

/** CPU time (ms) of the children this process has waited for (/proc/self/stat: cutime + cstime, ticks of 10 ms). */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

interface Timing {
  ms: number;
  cpu: number;
  status: number | null;
}

function timed(args: string[], cwd: string): Timing {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, cpu: childrenCpuMs() - c0, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg()[0].toFixed(1);

/** Times our CLI three ways and markdownlint-cli2 on one set of files; prints a round per line and the medians. */
function compare(label: string, cwd: string, ours: string[], theirs: string[], cacheDir: string, rounds: number): void {
  const cli = join(ROOT, 'dist', 'cli.js');
  const md = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const base = [cli, '--today', TODAY, '--format', 'json', '--fail-on', 'never'];
  const cacheArgs = ['--cache', '--cache-location', join(cacheDir, 'cache.json')];
  // fill the cache once: every warm run after it finds every file unchanged
  timed([...base, ...cacheArgs, ...ours], cwd);
  const variants: [string, () => Timing][] = [
    ['default', () => timed([...base, ...ours], cwd)],
    ['--jobs 1', () => timed([...base, '--jobs', '1', ...ours], cwd)],
    ['--cache (warm)', () => timed([...base, ...cacheArgs, ...ours], cwd)],
  ];
  const hasMd = existsSync(md);
  if (hasMd) variants.push(['markdownlint-cli2', () => timed([md, ...theirs], cwd)]);
  const results = new Map<string, Timing[]>(variants.map(([n]) => [n, []]));
  console.log(`\nCLI over ${label} (dist/cli.js, its own process; ${availableParallelism()} cores):`);
  for (let r = 0; r < rounds; r++) {
    const before = load();
    for (let k = 0; k < variants.length; k++) {
      const [name, fn] = variants[(k + r) % variants.length];
      results.get(name)?.push(fn());
    }
    const cells = variants.map(([n]) => {
      const t = results.get(n)?.[r];
      return `${n} ${t ? sec(t.ms) : '?'}`;
    });
    console.log(`  round ${r + 1} (load ${before} → ${load()}): ${cells.join(', ')}`);
  }
  const mdMs = hasMd ? median((results.get('markdownlint-cli2') ?? []).map((t) => t.ms)) : NaN;
  const mdCpu = hasMd ? median((results.get('markdownlint-cli2') ?? []).map((t) => t.cpu)) : NaN;
  for (const [name] of variants) {
    const ts = results.get(name) ?? [];
    const ms = median(ts.map((t) => t.ms));
    const cpu = median(ts.map((t) => t.cpu));
    const ratios = hasMd && name !== 'markdownlint-cli2' ? `  ${(ms / mdMs).toFixed(2)}× markdownlint-cli2 wall (target ≤ 0.5×), CPU ${(cpu / mdCpu).toFixed(2)}×` : '';
    console.log(`  ${name.padEnd(18)} wall ${sec(ms).padStart(8)}  CPU ${sec(cpu).padStart(8)}  (median of ${ts.length}; exit ${ts[0]?.status})${ratios}`);
  }
  if (!hasMd) console.log('  markdownlint-cli2: not installed (npm install --save-dev markdownlint-cli2@~0.22)');
}

export function cliBench(): void {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('\nCLI benchmark skipped: dist/cli.js missing (npm run build first)');
    return;
  }
  const rounds = Math.max(1, Number(process.env.BENCH_CLI_ROUNDS ?? 3));
  const base = mkdtempSync(join(tmpdir(), 'pm-bench-cli-'));
  try {
    const corpus = join(ROOT, '..', 'shared', 'corpus', 'postmortems');
    if (existsSync(corpus)) compare('the corpus (../shared/corpus/postmortems)', corpus, ['.'], ['*.md'], join(base, 'cache-corpus'), rounds);
    else console.log('\nCLI over the corpus: ../shared/corpus/postmortems not found');
    const n = Number(process.env.BENCH_CLI_FILES ?? 2000);
    if (n > 0) {
      const dir = join(base, 'archive');
      const gen = generateArchive(dir, n);
      const label = `${gen.postmortems.toLocaleString('en')} generated postmortems (+ ${gen.otherFiles} other markdown files, ${(gen.bytes / 1e6).toFixed(1)} MB)`;
      compare(label, dir, ['.'], ['**/*.md', '#node_modules'], join(base, 'cache-archive'), rounds);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) cliBench();
