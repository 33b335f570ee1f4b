// npm run regex-check: every regular expression of the server through recheck (a ReDoS analyser), slow (minutes; more
// with RECHECK_TIMEOUT_MS, default 30 s per expression). Writes test/regex-attacks.json: per expression, recheck's
// verdict and, when it calls it vulnerable, its attack (prefix + pump × n + suffix). test/unit/regex-safety.test.ts
// (in npm test) replays every attack and fails when one grows faster than linearly, and when an expression has no
// verdict recorded (a new or changed expression: run this again).
// `npm run regex-check -- --missing` keeps the recorded verdicts of expressions still present, drops those of
// expressions gone, and analyses only the expressions with no verdict (a minute after a few rewrites, not 18).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { allRegexes, repeats, root } from './regex-inventory';

export interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** vulnerable: recheck's estimate of the growth */
  complexity?: string;
  pumps?: { prefix: string; pump: string }[];
  suffix?: string;
}

async function main(): Promise<void> {
  const timeout = Number(process.env.RECHECK_TIMEOUT_MS ?? 30_000);
  const started = Date.now();
  const file = join(root, 'test/regex-attacks.json');
  const missingOnly = process.argv.includes('--missing');
  const recorded = missingOnly && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Verdict>) : {};
  const out: Record<string, Verdict> = {};
  const all = (await allRegexes()).filter((r) => repeats(r.source));
  const kept = all.filter((r) => recorded[r.key]);
  for (const r of kept) out[r.key] = recorded[r.key];
  const todo = all.filter((r) => !recorded[r.key]);
  if (missingOnly) console.log(`kept ${kept.length} recorded verdicts, dropped ${Object.keys(recorded).length - kept.length} of expressions gone; analysing ${todo.length}`);
  for (const [i, r] of todo.entries()) {
    const d = checkSync(r.source, r.flags, { timeout, randomSeed: 1 });
    if (d.status === 'vulnerable') {
      const c = d.complexity;
      out[r.key] = { status: 'vulnerable', complexity: c.type === 'polynomial' ? `degree ${c.degree}` : c.type, pumps: d.attack.pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })), suffix: d.attack.suffix };
    } else out[r.key] = { status: d.status };
    process.stderr.write(`\r${i + 1}/${todo.length}`);
  }
  const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 1)}\n`);
  const count = (s: Verdict['status']) => Object.values(out).filter((v) => v.status === s).length;
  console.log(`\n${all.length} expressions that repeat: ${count('safe')} safe, ${count('vulnerable')} rated vulnerable (replayed by npm test), ${count('unknown')} undecided in ${timeout / 1000} s; ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

void main();
