// The CLI's linter bundle is written ASCII-only (scripts/cli-bundles.mjs, asciiOutput): esbuild leaves non-ASCII
// characters in regular-expression literals, which made node read the whole bundle as a two-byte string in every
// thread. Escaped, each expression must match exactly what it matched, and a stack trace through the source map must
// still point at the line and column of the source.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { asciiOutput, escapeNonAscii } from '../../scripts/cli-bundles.mjs';
import { buildCli } from './build-cli';

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-ascii-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// expressions shaped like the linter's: symbols, curly quotes in classes, CJK words, an identity escape (only valid
// without `u`), a character outside the BMP alone and in a class, under `u`, `i` and neither
const EXPRESSIONS = String.raw`[
  /^(✅|✔️?|☑️?|✓|\[x\])/,
  /[’']ve\b/i,
  /(?<![\p{L}])(owners?|负责人|責任人|ansvarlig|ответственный)/iu,
  /it\’s|don\’t/,
  /\\’/,
  /😀|[🚀🔥]x/u,
  /[🚀]/,
]`;
const PROBES = ['✅ done', '✔️ ok', '☑ x', '✓', '[x]', 'we’ve', "we've", '负责人: 李', 'ANSVARLIG', 'Ответственный', 'it’s', 'don’t', '\\’', '😀', '🚀x', '🔥x', '🚀', '\uD83D', 'x🚀', 'plain text'];

/** Every character is ASCII: its UTF-8 takes one byte each. */
const isAscii = (s: string) => Buffer.byteLength(s, 'utf8') === s.length;

describe('the ASCII-only CLI bundle', () => {
  test('escaped expressions match exactly what they matched', () => {
    const escaped = escapeNonAscii(EXPRESSIONS).code;
    assert.ok(isAscii(escaped));
    const before = new Function(`return ${EXPRESSIONS}`)() as RegExp[];
    const after = new Function(`return ${escaped}`)() as RegExp[];
    assert.equal(after.length, before.length);
    before.forEach((re, i) => {
      assert.equal(after[i].flags, re.flags);
      for (const p of PROBES) assert.deepEqual(after[i].exec(p)?.slice(), re.exec(p)?.slice(), `${re} on ${JSON.stringify(p)}`);
    });
  });

  test('a stack trace through the source map points at the source’s line and column', async () => {
    const src = path.join(tmp, 'thrower.ts');
    // the error is made after non-ASCII expressions on its line: its column in the bundle moves when they are escaped
    fs.writeFileSync(src, `export function run(s: string) { if (/✅|’/.test(s) && /负责人/u.test(s)) throw new Error('found'); }\nrun(process.argv[2] ?? '');\n`);
    const stackFrame = async (plugins: esbuild.Plugin[]) => {
      const outfile = path.join(tmp, `out-${plugins.length}.js`);
      await esbuild.build({ entryPoints: [src], outfile, bundle: true, platform: 'node', format: 'cjs', sourcemap: true, logLevel: 'error', plugins });
      const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, '✅ 负责人'], { encoding: 'utf8' });
      return { frame: /thrower\.ts:(\d+):(\d+)/.exec(r.stderr)?.slice(1), bundle: fs.readFileSync(outfile, 'utf8') };
    };
    const plain = await stackFrame([]);
    const ascii = await stackFrame([asciiOutput()]);
    assert.ok(!isAscii(plain.bundle));
    assert.ok(isAscii(ascii.bundle));
    assert.deepEqual(plain.frame, ['1', String(fs.readFileSync(src, 'utf8').indexOf('new Error') + 1)]);
    assert.deepEqual(ascii.frame, plain.frame);
  });

  test('the binary’s linter bundle is ASCII-only; its loaders are too', async () => {
    const cli = await buildCli(path.join(tmp, 'pkg'));
    for (const f of ['cli.js', 'cli-worker.js', 'cli-core.js']) assert.ok(isAscii(fs.readFileSync(path.join(path.dirname(cli), f), 'utf8')), f);
  });
});
