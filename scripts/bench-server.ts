// Server and big-input figures for `npm run bench` (issue 9 / 13): keystroke → published diagnostics over stdio,
// hover latency while a 1 MB document is re-linted, the server's RSS, and a 10 MB postmortem through the CLI (wall
// time and peak RSS). Uses dist/ (run `npm run build` first). Prints figures; never fails on them.
// Env: BENCH_SERVER_PARTS (comma list of keystroke, hover, 10mb; default all), BENCH_SERVER_SIZES (keystroke sizes,
// e.g. 20KB,1MB; default all), BENCH_HOVER_EDITS (default 6), BENCH_DEBUG=1 (each slow hover with its time),
// BENCH_SERVER_NODE_ARGS (node flags for the server process, after SERVER_EXEC_ARGV, the flags the VS Code client starts
// it with; e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV } from '../server/src/protocol';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: unknown; code?: unknown }[];
}

/** CPU time (user + system) each thread of a process has used so far, in ms by thread id, from /proc (undefined elsewhere). */
function threadCpuOf(pid: number | undefined): Map<string, number> | undefined {
  if (!pid) return undefined;
  try {
    const cpu = new Map<string, number>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        // the fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks
        const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpu.set(tid, (Number(f[11]) + Number(f[12])) * 10);
      } catch {
        // the thread ended
      }
    }
    return cpu;
  } catch {
    return undefined;
  }
}

/**
 * The server's CPU a keystroke between two `threadCpuOf` readings: all threads, its main thread, its lint thread (the
 * busiest other thread) and the rest (V8's compiler and GC helpers, libuv), as "total (main / lint / rest)".
 */
function cpuPerKeystroke(pid: number | undefined, before: Map<string, number> | undefined, after: Map<string, number> | undefined, count: number): string {
  if (!before || !after || !pid || count === 0) return 'n/a';
  let main = 0;
  let lint = 0;
  let total = 0;
  for (const [tid, ms] of after) {
    const d = ms - (before.get(tid) ?? 0);
    total += d;
    if (tid === String(pid)) main = d;
    else lint = Math.max(lint, d);
  }
  const per = (ms: number) => f(ms / count);
  return `${per(total)} (${per(main)} / ${per(lint)} / ${per(total - main - lint)})`;
}

/** VmRSS / VmHWM (peak) of a process in MB, from /proc (undefined elsewhere). */
function memoryOf(pid: number | undefined): { rss: number; peak: number } | undefined {
  if (!pid) return undefined;
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, all threads) a process has used, in ms, from /proc (undefined elsewhere). */
function cpuOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100/s)
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return undefined;
  }
}

class Server {
  readonly published: Published[] = [];
  private waiters: (() => void)[] = [];
  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
  ) {}

  static async start(root: string): Promise<Server> {
    // the server as VS Code runs it (before perf36 the bench left SERVER_EXEC_ARGV out: a larger young generation)
    const nodeArgs = [...SERVER_EXEC_ARGV, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const proc = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, POSTMORTEM_LINT_TODAY: '2026-03-01' } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const s = new Server(proc, conn);
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      s.published.push(p);
      for (const w of s.waiters.splice(0)) w();
    });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('window/showMessage', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    return s;
  }

  diagnostics(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.published.some((p) => p.uri === uri && p.version === version) ? resolve() : this.waiters.push(check));
      check();
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // gone
    }
    setTimeout(() => this.proc.kill('SIGKILL'), 2000).unref();
    this.conn.dispose();
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const med = (xs: number[]) => pct(xs, 50);
const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/**
 * The first action-item line (a hover target near the top of a generated postmortem): the first row of the first
 * action table (the first '- [ ]' line of a generated postmortem is in a code block: no hover there, by design).
 */
function firstItemLine(text: string): number {
  return text.split('\n').findIndex((l) => l.startsWith('| Action')) + 2;
}

export async function benchServer(root: string, generate: (bytes: number) => string, markdownlintMs: (text: string) => number): Promise<void> {
  if (!existsSync(join(root, 'dist', 'server.js'))) {
    console.log('\n(server figures skipped: run npm run build first)');
    return;
  }
  const parts = new Set((process.env.BENCH_SERVER_PARTS ?? 'keystroke,hover,10mb').split(',').map((p) => p.trim()));
  if (parts.has('keystroke')) await keystrokes(root, generate, markdownlintMs);
  if (parts.has('hover')) await hoverDuringRelint(root, generate);
  if (parts.has('10mb')) await cli10mb(root, generate);
}

async function keystrokes(root: string, generate: (bytes: number) => string, markdownlintMs: (text: string) => number): Promise<void> {
  console.log('\nLanguage server over stdio: keystroke (one character typed in the middle) → published diagnostics');
  const sizes = process.env.BENCH_SERVER_SIZES ? new Set(process.env.BENCH_SERVER_SIZES.split(',').map((x) => x.trim())) : undefined;
  console.log('size      keystrokes  median ms  p90 ms  markdownlint full lint ms  median ratio  server RSS MB (peak)  Ctrl+. median ms  server CPU ms a keystroke (main / lint thread / rest)');
  const warmRows: string[] = [];
  // `warm`: keystrokes typed (untimed) after the first ones before timing `n` more: the first keystrokes after the
  // server starts run while V8 is still compiling the linter (at 20 KB the first 20 cost the process about three times
  // a warm keystroke's CPU, most of it on V8's compiler threads, and the lint thread 1.5-2x its own), so both are printed
  for (const [label, bytes, n, warm] of [
    ['5 KB', 5 * 1024, 20, 300],
    ['20 KB', 20 * 1024, 20, 200],
    ['200 KB', 200 * 1024, 10, 30],
    ['1 MB', 1024 * 1024, 6, 0],
  ] as const) {
    if (sizes && !sizes.has(label.replace(' ', ''))) continue;
    const text = generate(bytes);
    const s = await Server.start(root);
    const uri = `untitled:bench-${label.replace(' ', '')}`;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await s.diagnostics(uri, 1);
    const line = Math.floor(text.split('\n').length / 2);
    let v = 1;
    /** `count` keystrokes, each typed once the last one's diagnostics are in: their times and the server's CPU a keystroke. */
    const type = async (count: number): Promise<{ times: number[]; cpu: string }> => {
      const times: number[] = [];
      const cpu0 = threadCpuOf(s.proc.pid);
      for (let i = 0; i < count; i++) {
        v++;
        const t0 = performance.now();
        await s.conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
        });
        await s.diagnostics(uri, v);
        times.push(performance.now() - t0);
      }
      return { times, cpu: cpuPerKeystroke(s.proc.pid, cpu0, threadCpuOf(s.proc.pid), count) };
    };
    const { times, cpu } = await type(n);
    const mem = memoryOf(s.proc.pid);
    // Ctrl+. right after a keystroke: quick fixes for a finding VS Code still shows (of the version before the edit)
    const quickFix: number[] = [];
    for (let i = 0; i < Math.ceil(n / 2); i++) {
      const shown = s.published.filter((p) => p.uri === uri && p.version === v).at(-1)?.diagnostics ?? [];
      const d = shown.find((x) => x.code === 'action-item-owner') ?? shown[0];
      if (!d) break;
      v++;
      const t0 = performance.now();
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
      });
      await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      quickFix.push(performance.now() - t0);
      await s.diagnostics(uri, v);
    }
    const md = markdownlintMs(text);
    console.log(
      `${label.padEnd(8)}  ${String(n).padStart(10)}  ${f(med(times)).padStart(9)}  ${f(pct(times, 90)).padStart(6)}  ${f(md).padStart(25)}  ${(med(times) / md).toFixed(2).padStart(11)}×  ${(mem ? `${mem.rss.toFixed(0)} (${mem.peak.toFixed(0)})` : 'n/a').padEnd(19)}  ${(quickFix.length ? f(med(quickFix)) : 'n/a').padEnd(16)}  ${cpu}`,
    );
    if (warm > 0) {
      const before = await type(warm);
      const after = await type(n);
      // markdownlint warm too: `markdownlintMs` times a few runs after one warm-up; called again, its later runs are
      // as warm as our keystrokes (at 5-20 KB its runs 31-60 took half to two thirds of runs 2-4)
      let mdWarm = md;
      for (let i = 0; i < (bytes > 100_000 ? 2 : 6); i++) mdWarm = markdownlintMs(text);
      warmRows.push(
        `${label.padEnd(8)}  ${String(warm).padStart(6)}  ${f(med(before.times)).padStart(18)}  ${String(n).padStart(10)}  ${f(med(after.times)).padStart(9)}  ${f(pct(after.times, 90)).padStart(6)}  ${f(mdWarm).padStart(21)}  ${(med(after.times) / mdWarm).toFixed(2).padStart(11)}×    ${after.cpu}`,
      );
    }
    await s.stop();
  }
  if (warmRows.length) {
    console.log('\nThe same, warm: after the rows above, `warm` more keystrokes typed in the same server, then the keystrokes timed again; markdownlint timed again after its first runs');
    console.log('size       warm  their median ms  keystrokes  median ms  p90 ms  markdownlint warm ms  median ratio  server CPU ms a keystroke (main / lint thread / rest)');
    for (const r of warmRows) console.log(r);
  }

}

/**
 * Hover while a 1 MB document is being re-linted: type at the end, then hover over an item near the top every ~10 ms
 * from the keystroke until 500 ms after its diagnostics were published (the lint, the publish and the model's arrival
 * on the main thread all fall in that window). Target: every hover answered within 50 ms.
 */
async function hoverDuringRelint(root: string, generate: (bytes: number) => string): Promise<void> {
  const text = generate(1024 * 1024);
  const s = await Server.start(root);
  const uri = 'untitled:bench-hover';
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await s.diagnostics(uri, 1);
  const end = text.split('\n').length - 1;
  const item = firstItemLine(text);
  // the first hover after opening waits for the first analysis's model (a first lint, not a re-lint): apart
  const t1 = performance.now();
  await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: item, character: 4 } });
  const firstAfterOpen = performance.now() - t1;
  const hovers: number[] = [];
  const first: number[] = [];
  const cpu0 = cpuOf(s.proc.pid);
  let answered = 0;
  const edits = Math.max(1, Number(process.env.BENCH_HOVER_EDITS ?? 6));
  for (let v = 2; v < edits + 2; v++) {
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: 'x' }],
    });
    let publishedAt: number | undefined;
    const typedAt = performance.now();
    void s.diagnostics(uri, v).then(() => (publishedAt = performance.now()));
    for (let i = 0; publishedAt === undefined || performance.now() - publishedAt < 500; i++) {
      const t0 = performance.now();
      const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: item, character: 4 } });
      const ms = performance.now() - t0;
      if (process.env.BENCH_DEBUG === '1' && ms > 50) {
        console.log(`  slow hover v${v}: ${f(ms)} ms, sent ${f(t0 - typedAt)} ms after the keystroke, ${publishedAt === undefined ? 'before the publish' : `${f(t0 - publishedAt)} ms after the publish`}`);
      }
      hovers.push(ms);
      if (i === 0) first.push(ms);
      if (h) answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const cpu1 = cpuOf(s.proc.pid);
  const mem = memoryOf(s.proc.pid);
  const over = hovers.filter((h) => h > 50).length;
  console.log(
    `\nHover during a 1 MB re-lint (${edits} edits, ${hovers.length} hovers every ~10 ms until 0.5 s after each publish; target: all ≤ 50 ms): ` +
      `median ${f(med(hovers))} ms, p90 ${f(pct(hovers, 90))} ms, max ${f(Math.max(...hovers))} ms, ${over} over 50 ms; right after the keystroke: median ${f(med(first))} ms, max ${f(Math.max(...first))} ms ` +
      `(${answered}/${hovers.length} with content; the first hover after opening, before any re-lint: ${f(firstAfterOpen)} ms); server RSS ${mem ? `${mem.rss.toFixed(0)} MB, peak ${mem.peak.toFixed(0)} MB` : 'n/a'}; server CPU ${cpu0 !== undefined && cpu1 !== undefined ? `${f((cpu1 - cpu0) / edits)} ms per edit` : 'n/a'}`,
  );
  await s.stop();
}

async function cli10mb(root: string, generate: (bytes: number) => string): Promise<void> {
  // 10 MB through the CLI: wall time and peak RSS (VmHWM polled from /proc while it runs).
  if (process.env.BENCH_QUICK === '1') {
    console.log('10 MB CLI run skipped (BENCH_QUICK=1)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pml-bench-'));
  try {
    const file = join(dir, 'postmortem-10mb.md');
    writeFileSync(file, generate(10 * 1024 * 1024));
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', '--today', '2026-03-01', file], { stdio: ['ignore', 'ignore', 'ignore'] });
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, memoryOf(child.pid)?.peak ?? 0)), 100);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(poll);
    console.log(`10 MB postmortem through the CLI: ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${peak ? `${peak.toFixed(0)} MB` : 'n/a'} (exit ${code})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
