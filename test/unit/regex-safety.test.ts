// No regular expression of the server backtracks superlinearly on user text (reliability report D2, D4, D6: one
// exponential expression made a 72-character line take 29 s; a cubic one made a 10 KB action item take 63 s).
// recheck (a ReDoS analyser) is slow, so `npm run regex-check` records its verdicts and attack strings in
// test/regex-attacks.json; this test, in npm test, checks that every expression has a verdict for its current source,
// and replays every attack recheck found at two sizes: the time may grow linearly, not faster. recheck reads
// look-behinds loosely and calls some expressions vulnerable that are linear in V8; the replay tells which is which.
// Expressions only ever applied to short, bounded strings are listed in BOUNDED (scripts/regex-inventory.ts). An
// expression with no recorded verdict (new or changed) is analysed here, with a shorter budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRegexes, BOUNDED, repeats, root, type Found } from '../../scripts/regex-inventory';
import type { Verdict } from '../../scripts/regex-check';
import { checkSync } from 'recheck';

const verdicts = JSON.parse(readFileSync(join(root, 'test/regex-attacks.json'), 'utf8')) as Record<string, Verdict>;

/** CPU ms per match of `re` over `s` (as the code runs it: every match with the g flag), repeated to at least 20 ms. */
function cost(re: RegExp, s: string): number {
  const once = () => (re.global || re.sticky ? [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length : re.exec(s));
  let runs = 0;
  const t = process.cpuUsage();
  let spent = 0;
  while (spent < 20 && runs < 10_000) {
    once();
    runs++;
    const d = process.cpuUsage(t);
    spent = (d.user + d.system) / 1000;
  }
  return spent / runs;
}

const attack = (v: Verdict, n: number) => (v.pumps ?? []).map((p) => p.prefix + p.pump.repeat(n)).join('') + (v.suffix ?? '');

/**
 * Superlinear on recheck's attack, measured (growth at ×4 input), not yet rewritten. Each needs a long run of one kind
 * of character inside one line or cell (digits, letters, blanks); none is exponential. Listed so that no new one slips
 * in; the list only shrinks (an entry whose expression is gone or now linear fails the test).
 */
const KNOWN_SUPERLINEAR = new Set<string>([
]);

let regexes: Found[] = [];
test('every expression that repeats has a recheck verdict: recorded, or analysed now when new or changed', async () => {
  regexes = await allRegexes();
  assert.ok(regexes.length > 200, `found ${regexes.length} expressions: the collector is broken`);
  const fresh = regexes.filter((r) => repeats(r.source) && !verdicts[r.key] && !BOUNDED[r.key]);
  for (const r of fresh) {
    const d = checkSync(r.source, r.flags, { timeout: 10_000, randomSeed: 1 });
    verdicts[r.key] =
      d.status === 'vulnerable' ? { status: 'vulnerable', complexity: d.complexity.type, pumps: d.attack.pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })), suffix: d.attack.suffix } : { status: d.status };
  }
  if (fresh.length) console.log(`${fresh.length} expressions had no recorded verdict (analysed now; \`npm run regex-check\` records them)`);
  const undecided = Object.entries(verdicts).filter(([k, v]) => v.status === 'unknown' && regexes.some((r) => r.key === k));
  if (undecided.length) console.log(`recheck could not decide ${undecided.length} within its time budget: ${undecided.map(([k]) => k.split(' ')[0]).join(', ')}`);
  for (const key of Object.keys(BOUNDED)) assert.ok(regexes.some((r) => r.key === key), `listed in BOUNDED but gone: ${key}`);
});

test("recheck's attack on each expression it rates vulnerable takes linear time (×4 input, under ×10 time)", () => {
  const byKey = new Map(regexes.map((r) => [r.key, r]));
  const superlinear: string[] = [];
  const known: string[] = [];
  let replayed = 0;
  for (const [key, v] of Object.entries(verdicts)) {
    const r = byKey.get(key);
    if (v.status !== 'vulnerable' || !r || BOUNDED[key]) continue;
    const re = new RegExp(r.source, r.flags);
    // 250 → 1,000 pumps: quadratic grows ×16, cubic ×64 (and a cubic at 1,000 still ends in seconds)
    let small = cost(re, attack(v, 250));
    let big = cost(re, attack(v, 1000));
    if (big / Math.max(small, 0.005) >= 10) {
      // once more before calling it: a loaded machine can slow one measurement
      small = Math.min(small, cost(re, attack(v, 250)));
      big = Math.min(big, cost(re, attack(v, 1000)));
    }
    replayed++;
    const growth = big / Math.max(small, 0.005);
    if (KNOWN_SUPERLINEAR.has(key)) {
      known.push(key);
      // linear grows ×4 here, quadratic ×16: under ×6 it has been rewritten (the list must shrink with it)
      assert.ok(growth >= 6, `listed as superlinear but measured linear now (×${growth.toFixed(1)}): take it off KNOWN_SUPERLINEAR: ${key}`);
    } else if (growth >= 10) superlinear.push(`${r.where} /${r.source}/${r.flags} (recheck: ${v.complexity}): ${small.toFixed(3)} → ${big.toFixed(3)} ms, ×${growth.toFixed(1)}`);
  }
  console.log(`replayed ${replayed} attacks; ${known.length} known superlinear, not yet rewritten`);
  for (const key of KNOWN_SUPERLINEAR) assert.ok(known.includes(key), `listed in KNOWN_SUPERLINEAR but gone or no longer rated vulnerable: ${key}`);
  assert.deepEqual(superlinear, [], 'superlinear on their attack strings: rewrite them, or bound their input and list them in BOUNDED');
});
