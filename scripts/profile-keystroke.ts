// Where a warm keystroke goes in the language server's lint thread, without the server: the thread's path (`lint` with
// the document's unit cache, then `encodeFindings`) bundled as dist/ is (esbuild, with a source map) and run in a worker
// with the thread's young generation, on the bench's generated text; one character typed in the middle line each time.
// Prints the median of the timed keystrokes and, with PROF=1, a CPU profile of them summarised by step (the parse, the
// model's passes, each rule with the facts it asks for first, the findings, GC), mapped back to the sources.
//   node --import tsx scripts/profile-keystroke.ts [size, default 1MB] [timed keystrokes, default 30] [warm, default 10]
// Env: PROF=1 (profile the timed keystrokes), PROF_FOCUS=fn,fn (also split those functions' time by callee),
// PROF_OUT=file.cpuprofile (keep the profile).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { SourceMap } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../server/src/lint/lint';
import { UnitCache } from '../server/src/model/parse-units';
import { encodeFindings } from '../server/src/lsp/findings-codec';

interface Job {
  text: string;
  timed: number;
  warm: number;
  profile: boolean;
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

if (!isMainThread && (workerData as { profileKeystroke?: Job }).profileKeystroke) void lintThread((workerData as { profileKeystroke: Job }).profileKeystroke);
else if (isMainThread) void main();

async function main(): Promise<void> {
  const size = process.argv[2] ?? '1MB';
  const bytes = Math.round(parseFloat(size) * (/MB$/i.test(size) ? 1024 * 1024 : 1024));
  // the generator is read here, not in the bundle (bench.ts and what it imports read import.meta, empty in CommonJS)
  const { generatePostmortem } = await import('./bench');
  const job: Job = { text: generatePostmortem(bytes), timed: Number(process.argv[3] ?? 30), warm: Number(process.argv[4] ?? 10), profile: process.env.PROF === '1' };
  const esbuild = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'profile-keystroke-')), 'thread.js');
  await esbuild.build({ entryPoints: [__filename], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: true, logLevel: 'warning', external: ['esbuild', './bench'] });
  // the lint thread's young generation (lsp/lint-thread.ts)
  const w = new Worker(out, { resourceLimits: { maxYoungGenerationSizeMb: 6 }, workerData: { profileKeystroke: job } });
  const reply = await new Promise<{ times: number[]; profile?: CpuProfile }>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  await w.terminate();
  const times = reply.times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(1);
  console.log(`${size}: ${job.timed} keystrokes after ${job.warm}: median ${at(0.5)} ms, p10 ${at(0.1)}, p90 ${at(0.9)}${job.profile ? ' (profiled)' : ''}`);
  if (reply.profile) {
    if (process.env.PROF_OUT) writeFileSync(process.env.PROF_OUT, JSON.stringify(reply.profile));
    summarise(reply.profile, new SourceMap(JSON.parse(readFileSync(`${out}.map`, 'utf8')) as never), job.timed);
  }
}

async function lintThread(job: Job): Promise<void> {
  let text = job.text;
  const cache = new UnitCache(true);
  const once = () => {
    const { tree: _tree, model: _model, ...other } = lint(text, { today: '2026-11-30', parseCache: cache });
    return encodeFindings(other);
  };
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const type = () => {
    lines[mid] = `x${lines[mid]}`;
    text = lines.join('\n');
  };
  once();
  for (let i = 0; i < job.warm; i++) {
    type();
    once();
  }
  const session = job.profile ? new Session() : undefined;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
  }
  const times: number[] = [];
  for (let i = 0; i < job.timed; i++) {
    type();
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  const profile = session ? ((await post('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
  parentPort!.postMessage({ times, profile });
}

/** Self time by step under `lint` (rules by file), then by callee of the model's passes and of PROF_FOCUS's functions. */
function summarise(p: CpuProfile, map: SourceMap, keystrokes: number): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = new Map<number, { name: string; src: string }>();
  const frame = (id: number) => {
    let f = frames.get(id);
    if (f) return f;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const entry = url.endsWith('thread.js') && lineNumber >= 0 ? map.findEntry(lineNumber, columnNumber) : undefined;
    const original = entry && 'originalSource' in entry ? String(entry.originalSource) : undefined;
    const src = original ? original.replace(/.*\/server\/src\//, '').replace(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1') : url;
    f = { name: functionName || '(anonymous)', src };
    frames.set(id, f);
    return f;
  };
  const stacks = new Map<number, { name: string; src: string }[]>();
  const stackOf = (id: number) => {
    let s = stacks.get(id);
    if (!s) {
      s = [];
      for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) s.push(frame(c));
      s.reverse();
      stacks.set(id, s);
    }
    return s;
  };
  const steps = new Map<string, number>();
  const focus = ['parsePostmortem', 'parseByUnits', 'collectActionItems', ...(process.env.PROF_FOCUS?.split(',') ?? [])];
  const inside = new Map(focus.map((f) => [f, new Map<string, number>()]));
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const us = p.timeDeltas[i + 1] ?? 0;
    const s = stackOf(p.samples[i]);
    const leaf = s[s.length - 1];
    total += us;
    for (const [fn, m] of inside) {
      const k = s.findIndex((f) => f.name === fn);
      if (k >= 0) add(m, s[k + 1] ? `${s[k + 1].name} ${s[k + 1].src}` : '(self)', us);
    }
    if (leaf.name === '(garbage collector)') add(steps, 'GC', us);
    else {
      const at = s.findIndex((f) => f.name === 'lint' && f.src.startsWith('lint/lint'));
      const rule = at >= 0 ? s.slice(at + 1).find((f) => /^rules\/(?!support\/|index)/.test(f.src)) : undefined;
      const step = rule ? `rule ${rule.src.slice(6, -3)}` : at >= 0 && s[at + 1] ? `${s[at + 1].name} ${s[at + 1].src}` : s.some((f) => f.name === 'encodeFindings') ? 'encodeFindings' : `other (${leaf.name} ${leaf.src})`;
      add(steps, step, us);
    }
  }
  const ms = (us: number) => (us / 1000 / keystrokes).toFixed(1).padStart(6);
  const show = (title: string, m: Map<string, number>, k: number) => {
    console.log(`\n${title} (ms a keystroke)`);
    for (const [key, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) if (us / 1000 / keystrokes >= 0.1) console.log(`${ms(us)}  ${key}`);
  };
  console.log(`profiled: ${ms(total)} ms a keystroke`);
  show('by step under lint (rules with the facts they ask for first)', steps, 40);
  for (const [fn, m] of inside) show(`inside ${fn}`, m, 25);
}
