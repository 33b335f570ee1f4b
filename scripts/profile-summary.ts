// Summarises a .cpuprofile (node --cpu-prof; for the server: BENCH_SERVER_NODE_ARGS in scripts/profile-server.ts):
// the top functions by self time, the garbage collector's pauses, and the longest busy stretches of the thread (what a
// hover sent then would wait behind, though a stretch may hold several tasks) with what filled them.
//   node --import tsx scripts/profile-summary.ts FILE.cpuprofile [stretch ms, default 50]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx scripts/profile-summary.ts FILE.cpuprofile [stretch ms]');
  process.exit(2);
}
const stretchMs = Number(process.argv[3] ?? 50);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([f, us]) => `${(us / 1000).toFixed(0)} ms ${f}`);

const self = new Map<string, number>();
const gcPauses: number[] = [];
let gcRun = 0;
let busy = 0;
let t = p.startTime;
const stretches: { start: number; us: number; fns: Map<string, number> }[] = [];
let cur: (typeof stretches)[number] | undefined;
for (let i = 0; i < p.samples.length; i++) {
  // a sample's time is the delta to the next one
  const dt = p.timeDeltas[i + 1] ?? 0;
  t += p.timeDeltas[i];
  const n = byId.get(p.samples[i])!;
  const fn = n.callFrame.functionName;
  if (fn === '(idle)') {
    if (cur) stretches.push(cur);
    cur = undefined;
  } else {
    busy += dt;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    cur ??= { start: t, us: 0, fns: new Map() };
    cur.us += dt;
    // the nearest frame of our own code (or the collector) names what the stretch was doing
    let label = name(n);
    for (let c: number | undefined = p.samples[i]; c !== undefined; c = parent.get(c)) {
      const f = byId.get(c)!;
      if (/server\.js|lint-worker\.js|\/server\/src\//.test(f.callFrame.url) || f.callFrame.functionName === '(garbage collector)') {
        label = name(f);
        break;
      }
    }
    cur.fns.set(label, (cur.fns.get(label) ?? 0) + dt);
  }
  if (fn === '(garbage collector)') gcRun += dt;
  else if (gcRun) {
    gcPauses.push(gcRun);
    gcRun = 0;
  }
}
if (cur) stretches.push(cur);

gcPauses.sort((a, b) => b - a);
console.log(`${file}: busy ${(busy / 1000).toFixed(0)} ms, GC ${(gcPauses.reduce((a, b) => a + b, 0) / 1000).toFixed(0)} ms`);
console.log(`longest GC pauses (ms): ${gcPauses.slice(0, 10).map((x) => (x / 1000).toFixed(0)).join(' ')}`);
console.log('\ntop self time:');
for (const line of top(self, 25)) console.log(`  ${line}`);
console.log(`\nbusy stretches over ${stretchMs} ms:`);
for (const s of stretches.filter((x) => x.us / 1000 >= stretchMs)) {
  console.log(`  at ${((s.start - p.startTime) / 1000).toFixed(0)} ms, ${(s.us / 1000).toFixed(0)} ms: ${top(s.fns, 5).join(' | ')}`);
}
