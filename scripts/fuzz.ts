// Property-based fuzzer over generated postmortem-like documents (issue 13). `npm run fuzz -- --n N --seed S`.
// Generates documents from markdown building blocks (sections, bullets, numbered and checkbox lists, tables with ragged
// rows and escaped pipes, front matter valid and broken with impossible dates, HTML blocks, suppression and configure
// comments valid and broken, fences open and closed, CRLF and lone CR, BOM, zero-width and RTL characters, surrogate
// pairs, long lines, tabs) and checks on each:
//   crash        lint (or render) throws
//   range        a finding or fix edit lies outside the document, ends before it starts, or its line/character
//                disagrees with its offset (as an LSP client reads it, vscode-languageserver-textdocument)
//   loss         applying a fix loses a non-whitespace character outside the fix's own edit ranges
//   returns      the finding a safe fix targets comes back after the fix (same rule, same text at the same place)
//   fixall       fix-all applied twice differs from once
//   suppress     a "Disable … for this line" comment does not silence the finding it was made for, or silences others
//   render       the reader model + HTML export take more than --render-ms of CPU time (default 5000)
// and reports, without failing, documents under 20 KB whose lint takes more than 50 ms of CPU time (timed twice, the
// faster kept; CPU time, as on a shared machine the wall clock measures the other processes too).
// Each defect kind found is shrunk by fast-check to a minimal document, printed as a JSON string.
// Output ends with node-test-style counts ("# pass N" / "# fail N", one per property) so scripts/test.sh totals them.
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../server/src/lint/lint';
import { applyEdits, fixAll, answerFix } from '../server/src/lint/edits';
import { disableLineFix } from '../server/src/lint/suppress-fixes';
import { buildReaderModel } from '../server/src/reader/model';
import { renderStandaloneHtml } from '../server/src/reader/render';
import type { Finding, Range, TextEdit } from '../server/src/model/types';

const TODAY = '2026-03-01';
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};
const N = arg('n', 1000);
const SEED = arg('seed', 42);
const RENDER_EVERY = arg('render-every', 1);
const RENDER_MS = arg('render-ms', 5000);
const SLOW_MS = 50;
const LINT_OPTIONS = { all: true, today: TODAY, filePath: '/tmp/postmortems/fuzz.md' };
/** CPU time of this process in ms (a fuzz job is one thread: the lint's own time, whatever else the machine runs). */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * --per-doc K: check the relinting properties (returns, suppress) on at most K findings of each document, picked in
 * rotation by the document's index, instead of on every finding (each costs one more lint: a 10⁵ run on 2 cores takes
 * hours with all of them). Ranges, loss, fix-all, render and crash are still checked on everything.
 */
const PER_DOC = arg('per-doc', Infinity);
/** --only crash,range: check only these kinds (the others are still computed, not counted). */
const ONLY = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? new Set(String(args[i + 1]).split(',')) : undefined;
})();

// ------------------------------------------------------------------------------------------------
// Documents

const word = fc.constantFrom(
  'checkout', 'the', 'alert', 'Add', 'canary', 'P1', 'P3', '@alice', '@bob', 'due', '2026-03-14', '2026-13-45', 'by',
  'owner:', 'Owner: TBD', 'yesterday', 'last week', 'human error', 'improve', 'monitoring', 'JIRA-123', '#42', '(2026)',
  '—', '-', ',', ';', ':', '|', '\\|', '`code`', '[link](https://x.example)', '**bold**', '_em_', '9:30 am PT', '14:05 UTC',
  '\u200b', '\u200f', '\u202e', '😀', '\ud83d', '\t', '  ', 'é', 'SLO', 'DNS', '<b>', '&amp;', 'ASAP', 'next sprint',
);
const phrase = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
const longLine = fc.tuple(word, fc.integer({ min: 100, max: 3000 })).map(([w, n]) => (w + ' ').repeat(Math.ceil(n / (w.length + 1))).slice(0, n));
const line = fc.oneof({ weight: 8, arbitrary: phrase }, { weight: 1, arbitrary: longLine });
const heading = fc.tuple(
  fc.integer({ min: 1, max: 4 }),
  fc.constantFrom('Summary', 'Impact', 'Timeline', 'Action items', 'Contributing causes', 'Lessons learned', 'Detection', 'Deferred', 'Glossary', 'Notes'),
  fc.constantFrom('', ' (completed)', ' ##', ':', '  '),
).map(([d, t, tail]) => `${'#'.repeat(d)} ${t}${tail}`);
const indent = fc.constantFrom('', '', '  ', '    ', '\t', ' ');
const bullet = fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '- []'), line).map(([i, m, t]) => i + m + t);
const list = fc.array(bullet, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));
const cell = fc.oneof(phrase, fc.constant(''), fc.constant('\\|'), fc.constant('@carol'), fc.constant('2026-04-01'));
const table = fc
  .tuple(fc.array(fc.constantFrom('Action', 'Owner', 'Due', 'Priority', 'Status', 'Ticket'), { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 4 }), fc.boolean())
  .map(([h, rows, delim]) => [`| ${h.join(' | ')} |`, ...(delim ? [`|${h.map(() => '---').join('|')}|`] : []), ...rows.map((r) => `| ${r.join(' | ')}`)].join('\n'));
const frontMatter = fc.constantFrom(
  '---\ntype: postmortem\ndate: 2026-01-10\n---',
  '---\ntype: postmortem\ndate: 2026-13-45\n---',
  '---\ntype: postmortem\ndate: 2026-00-10\ntitle: "unterminated\n---',
  '---\ntype: postmortem\nseverity: [SEV2\n---',
  '---\n: : :\n---',
  '---\ntype: postmortem',
);
const comment = fc.constantFrom(
  '<!-- postmortem-lint-disable-next-line human-error -->',
  '<!-- postmortem-lint-disable-line -->',
  '<!-- postmortem-lint-disable action-item-owner -->',
  '<!-- postmortem-lint-enable -->',
  '<!-- postmortem-lint-disable-file relative-date -->',
  '<!-- postmortem-lint-configure-file {"rules": {"action-item-vague": "off"}} -->',
  '<!-- postmortem-lint-configure-file {"rules": -->',
  '<!-- postmortem-lint-disable',
  '<!-- a note -->',
  '<div>\n<p>html block</p>',
  '<details><summary>x</summary>',
);
// HTML written in markdown (blog posts): headings, lists, bold labels, broken and unclosed tags, a blank line inside an
// item, entities; model/html-blocks.ts reads these as structure
const htmlPart = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('<h2>Action items</h2>', '<h3>What are we changing?</h3>', '<li>Improve monitoring', '<li>Add an alert — @alice, due 2026-03-14</li>', '<h2>', '</h2>', '<h3> </h3>', '<ul>', '</ul>', '<ol start="2">', '</ol>', '<li>', '</li>', '<p>', '</p>', '<b>', '</b>', 'Remediation plan:', '<br />', '<br style="color: #222">', '<span style="font-size: small;">', '</span>', '<a href="https://x.example/OPS-1">', '</a>', '<pre>', '</pre>', '<code>', '&nbsp;', '&mdash;', '<!--', '-->', '<table><tr><td>', '<details>', '\n\n', '\n    ', '<') },
  { weight: 4, arbitrary: phrase },
);
const htmlBlock = fc.array(htmlPart, { minLength: 1, maxLength: 16 }).map((parts) => (/^</.test(parts[0]) ? '' : '<p>') + parts.join(''));
const fence = fc.tuple(fc.constantFrom('```', '~~~', '```yaml'), phrase, fc.boolean()).map(([f, body, closed]) => `${f}\n${body}${closed ? `\n${f.slice(0, 3)}` : ''}`);
const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 5, arbitrary: list },
  { weight: 4, arbitrary: line },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: fc.constant('> quoted yesterday') },
  { weight: 1, arbitrary: fc.constant('') },
);
export const documentArb = fc
  .tuple(
    fc.option(frontMatter, { freq: 2 }),
    fc.constantFrom('# Checkout outage', '', 'Checkout outage\n==='),
    fc.array(block, { maxLength: 24 }),
    fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'),
    fc.boolean(),
    fc.constantFrom('\n\n', '\n', ''),
  )
  .map(([fm, title, blocks, eol, bom, sep]) => {
    let t = [fm ?? '', title, ...blocks].filter((x, i) => i > 0 || x).join(sep || '\n') + '\n';
    if (eol === 'mixed') t = t.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n'));
    else if (eol !== '\n') t = t.replace(/\n/g, eol);
    return (bom ? '\ufeff' : '') + t;
  });

// ------------------------------------------------------------------------------------------------
// Properties

export type Kind = 'crash' | 'range' | 'loss' | 'returns' | 'fixall' | 'suppress' | 'render';
export const KINDS: Kind[] = ['crash', 'range', 'loss', 'returns', 'fixall', 'suppress', 'render'];

function rangeProblem(doc: TextDocument, text: string, r: Range): string | undefined {
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) return `offset ${p.offset} outside 0..${text.length}`;
    const q = doc.positionAt(p.offset);
    if (q.line !== p.line || q.character !== p.character) return `offset ${p.offset} is ${q.line}:${q.character}, range says ${p.line}:${p.character}`;
  }
  if (r.start.offset > r.end.offset) return 'start after end';
  return undefined;
}

/** Non-whitespace characters of `text` outside the edits' ranges, in order. */
function keptOutside(text: string, edits: TextEdit[]): string {
  const sortedEdits = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
  let out = '';
  let pos = 0;
  for (const e of sortedEdits) {
    out += text.slice(pos, Math.max(pos, e.range.start.offset));
    pos = Math.max(pos, e.range.end.offset);
  }
  return (out + text.slice(pos)).replace(/\s+/g, '');
}

/** Is `small` a subsequence of `big`? (every kept character survives the fix, in order) */
function subsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

const sameFinding = (a: Finding, aText: string, b: Finding, bText: string) =>
  a.ruleId === b.ruleId && a.message === b.message && aText.slice(a.range.start.offset, a.range.end.offset) === bText.slice(b.range.start.offset, b.range.end.offset);

const want = (k: Kind) => !ONLY || ONLY.has(k);

export interface Checked {
  defects: Partial<Record<Kind, string>>;
  lintMs: number;
  findings: number;
}

export function checkDocument(text: string, index = 0, perDoc = PER_DOC): Checked {
  const defects: Checked['defects'] = {};
  const opts = LINT_OPTIONS;
  let result: ReturnType<typeof lint>;
  const t0 = cpuMs();
  try {
    result = lint(text, opts);
  } catch (e) {
    return { defects: { crash: `lint threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}` }, lintMs: 0, findings: 0 };
  }
  const lintMs = cpuMs() - t0;
  const doc = TextDocument.create('file:///fuzz.md', 'markdown', 1, text);
  for (const f of result.findings) {
    const p = rangeProblem(doc, text, f.range);
    if (p) defects.range ??= `${f.ruleId}: ${p}`;
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        const q = rangeProblem(doc, text, e.range);
        if (q) defects.range ??= `${f.ruleId} fix '${fix.title}': ${q}`;
      }
    }
  }
  if (defects.range) return { defects, lintMs, findings: result.findings.length };

  const n = result.findings.length;
  // a window of PER_DOC findings that moves with the document's index
  const picked = (j: number) => n <= perDoc || (j + index * 7919) % n < perDoc;
  for (const [j, f] of result.findings.entries()) {
    const relint = picked(j);
    for (const fix of f.fixes ?? []) {
      const edits = fix.prompt ? answerFix(fix, fix.prompt.kind === 'owner' ? '@zoe' : fix.prompt.kind === 'date' ? '2026-04-01' : 'x') : fix.edits;
      let after: string;
      try {
        after = applyEdits(text, edits);
      } catch (e) {
        defects.crash ??= `${f.ruleId} fix '${fix.title}': ${(e as Error).message}`;
        continue;
      }
      if (!subsequence(keptOutside(text, edits), after.replace(/\s+/g, ''))) defects.loss ??= `${f.ruleId} fix '${fix.title}'`;
      if (want('returns') && relint && fix.safe && !fix.prompt && !defects.returns) {
        const again = lint(after, opts);
        // the same rule on the same text, at the place the fix wrote to (shifted by the edits before it)
        const back = again.findings.find((g) => sameFinding(f, text, g, after) && Math.abs(g.range.start.line - f.range.start.line) <= 1 + fix.edits.reduce((n, e) => n + (e.newText.match(/\n/g)?.length ?? 0), 0) && g.range.start.line >= f.range.start.line);
        if (back) defects.returns = `${f.ruleId} fix '${fix.title}' leaves '${f.message.slice(0, 80)}'`;
      }
    }
    // the linter's own notices (a document too big or too deep to lint, a broken configure comment) are not offered a
    // suppression by the server (lsp/code-actions.ts): nothing to check for them
    if (want('suppress') && relint && !defects.suppress && f.ruleId !== 'postmortem-lint') {
      const sup = disableLineFix(result.model, f);
      if (sup) {
        try {
          const after = applyEdits(text, sup.edits);
          const again = lint(after, opts);
          const count = (fs: Finding[], t: string) => fs.filter((g) => sameFinding(f, text, g, t)).length;
          // the other rules' findings (the linter's own notices aside, on both sides) must all stay
          const others = (fs: Finding[]) => fs.filter((g) => g.ruleId !== f.ruleId && g.ruleId !== 'postmortem-lint').length;
          if (count(again.findings, after) >= count(result.findings, text)) defects.suppress = `'${sup.title}' for '${f.message.slice(0, 60)}' does not silence it`;
          else if (others(again.findings) < others(result.findings)) {
            defects.suppress = `'${sup.title}' silences other rules too`;
          }
        } catch (e) {
          defects.crash ??= `suppression fix: ${(e as Error).message}`;
        }
      }
    }
  }

  if (want('fixall')) try {
    const once = fixAll(text, opts);
    if (once !== text) {
      const twice = fixAll(once, opts);
      if (twice !== once) defects.fixall = `fix-all changed ${once.length} → ${twice.length} characters on its second run`;
    }
  } catch (e) {
    defects.crash ??= `fix-all threw ${(e as Error).message}`;
  }

  if (index % RENDER_EVERY === 0) {
    const r0 = cpuMs();
    try {
      buildReaderModel(result, { today: TODAY });
      renderStandaloneHtml(text, { today: TODAY, all: true });
    } catch (e) {
      defects.crash ??= `render threw ${(e as Error).message}`;
    }
    const ms = cpuMs() - r0;
    if (ms > RENDER_MS) defects.render = `render took ${Math.round(ms)} ms`;
  }
  return { defects, lintMs, findings: result.findings.length };
}

// ------------------------------------------------------------------------------------------------
// Campaign

function main(): void {
  const started = Date.now();
  const kinds = KINDS.filter((k) => !ONLY || ONLY.has(k));
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const slow: { ms: number; size: number }[] = [];
  let maxMs = 0;
  let findings = 0;
  let i = 0;
  /** the run index of each kind's first defect: its shrinking starts there (fast-check's `path`), not from run 0 */
  const firstAt: Partial<Record<Kind, number>> = {};
  fc.assert(
    fc.property(documentArb, (text) => {
      const c = checkDocument(text, i++);
      findings += c.findings;
      for (const k of Object.keys(c.defects) as Kind[]) {
        counts[k]++;
        firstAt[k] ??= i - 1;
      }
      // a long campaign says how far it got (stderr), so a run that is stopped still tells something
      if (i % 2000 === 0) process.stderr.write(`fuzz seed ${SEED}: ${i}/${N} docs, ${kinds.map((k) => `${counts[k]} ${k}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      if (text.length < 20_000) {
        let ms = c.lintMs;
        if (ms > SLOW_MS) {
          // once more: on a shared machine one slow run is often the machine, not the document
          const t = cpuMs();
          lint(text, LINT_OPTIONS);
          ms = Math.min(ms, cpuMs() - t);
        }
        maxMs = Math.max(maxMs, ms);
        if (ms > SLOW_MS) slow.push({ ms: Math.round(ms), size: text.length });
      }
      return true;
    }),
    { numRuns: N, seed: SEED },
  );

  // shrink one minimal document per defect kind
  for (const k of kinds) {
    if (!counts[k]) continue;
    // every finding is checked while shrinking: the sampled ones depend on the run's index, which shrinking loses
    const r = fc.check(fc.property(documentArb, (text) => !checkDocument(text, 0, Infinity).defects[k]), { numRuns: N, seed: SEED, path: String(firstAt[k]) });
    if (r.failed && r.counterexample) {
      const text = r.counterexample[0];
      console.log(`\n[${k}] run ${firstAt[k]} of seed ${SEED}, shrunk to a minimal document (${text.length} chars): ${JSON.stringify(text)}\n  ${checkDocument(text, 0, Infinity).defects[k]}`);
    } else console.log(`\n[${k}] run ${firstAt[k]} of seed ${SEED} did not fail again on replay (a timing defect?)`);
  }

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nfuzz: ${N} docs (seed ${SEED}), ${findings} findings, ${kinds.map((k) => `${counts[k]} ${k}`).join(', ')}; ` +
      `lint under 20 KB: max ${Math.round(maxMs)} ms CPU, ${slow.length} over ${SLOW_MS} ms${slow.length ? ` (${slow.slice(0, 5).map((s) => `${s.ms} ms/${s.size} chars`).join(', ')})` : ''}; ${secs} s`,
  );
  const failed = kinds.filter((k) => counts[k] > 0).length;
  console.log(`# pass ${kinds.length - failed}\n# fail ${failed}`);
  process.exitCode = failed ? 1 : 0;
}

/**
 * --jobs J: J processes, one per core, each fuzzing its share of the N documents with its own seed (SEED, SEED+1, …),
 * so a run of 10⁵ documents uses the whole machine; each job's report is printed, then the sums.
 */
async function parallel(jobs: number): Promise<void> {
  const started = Date.now();
  const share = Math.ceil(N / jobs);
  const rest = args.filter((a, i) => !['--jobs', '--n', '--seed'].includes(a) && !['--jobs', '--n', '--seed'].includes(args[i - 1]));
  const runs = Array.from({ length: jobs }, (_, k) =>
    new Promise<{ seed: number; out: string; code: number }>((resolve) => {
      const seed = SEED + k;
      const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '--n', String(Math.min(share, N - k * share)), '--seed', String(seed), ...rest], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ seed, out, code: code ?? 1 }));
    }),
  );
  const kinds = KINDS.filter((k) => !ONLY || ONLY.has(k));
  const totals = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;
  let broken = 0;
  for (const r of await Promise.all(runs)) {
    console.log(`== job seed ${r.seed}${r.code ? ` (exit ${r.code})` : ''}\n${r.out.replace(/^# (?:pass|fail) \d+\n?/gm, '').trim()}`);
    const summary = /^fuzz: .*$/m.exec(r.out)?.[0];
    if (!summary) broken++;
    for (const k of kinds) totals[k] += Number(new RegExp(`(\\d+) ${k}\\b`).exec(summary ?? '')?.[1] ?? 0);
  }
  const failed = kinds.filter((k) => totals[k] > 0).length + broken;
  console.log(`\nfuzz: ${N} docs in ${jobs} jobs (seeds ${SEED}..${SEED + jobs - 1}), ${kinds.map((k) => `${totals[k]} ${k}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`# pass ${kinds.length - kinds.filter((k) => totals[k] > 0).length}\n# fail ${failed}`);
  const fail = failed;
  process.exitCode = fail ? 1 : 0;
}

if (process.argv[1] && /fuzz\.ts$/.test(process.argv[1])) {
  const jobs = arg('jobs', 1);
  if (jobs > 1) void parallel(jobs);
  else main();
}
