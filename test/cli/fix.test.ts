// `--fix` over a copy of the corpus (in a temporary folder, never in the project): every fix that needs no answer is
// written back, re-linting finds none of the fixed findings, no non-whitespace character of the original is lost,
// encodings and line endings are kept, and the files say what changed. `--fix-dry-run` writes nothing and prints a
// unified diff that turns each file into what --fix writes.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, parsePatch } from 'diff';
import { lint } from '../../server/src/lint/lint';
import { runCli } from '../../server/src/cli/run';
import { decodeText } from '../../server/src/cli/files';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'postmortems');
const TODAY = '2026-11-30';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const key = (f: { ruleId: string; message: string }) => `${f.ruleId}\u0000${f.message}`;
const counts = (fs_: { ruleId: string; message: string }[]) => {
  const m = new Map<string, number>();
  for (const f of fs_) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
};
const readText = (p: string) => {
  const r = decodeText(fs.readFileSync(p));
  assert.ok(r.ok);
  return r.text;
};

/** Every non-whitespace character of `before` appears in `after`, in order (safe fixes only insert). */
function assertKept(before: string, after: string, where: string) {
  const rest = after.replace(/\s+/g, '');
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    if (/\s/.test(before[i])) continue;
    j = rest.indexOf(before[i], j);
    assert.ok(j >= 0, `${where}: original text lost near "${before.slice(Math.max(0, i - 30), i + 10)}"`);
    j++;
  }
}

describe('postmortem-lint --fix', { skip: !fs.existsSync(CORPUS) && 'no ../shared/corpus beside the repository' }, () => {
  let dir: string;
  const originals = new Map<string, string>();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-fix-'));
    for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) {
      fs.copyFileSync(path.join(CORPUS, f), path.join(dir, f));
      originals.set(f, readText(path.join(dir, f)));
    }
    // one file in CRLF with a UTF-8 byte order mark, one in UTF-16 LE: both must come back as they were
    const [a, b] = [...originals.keys()].filter((f) => lint(originals.get(f)!, { filePath: f, today: TODAY, all: true }).findings.some((x) => x.fixes?.some((y) => y.safe)));
    const crlf = originals.get(a)!.replace(/\r?\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, a), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    originals.set(a, crlf);
    fs.writeFileSync(path.join(dir, b), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(originals.get(b)!, 'utf16le')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--fix-dry-run writes nothing and prints a diff that --fix then writes', async () => {
    const r = await cli(['--fix-dry-run', '--all', '--today', TODAY, '.'], dir);
    for (const [f, text] of originals) assert.equal(readText(path.join(dir, f)), text, `${f} unchanged`);
    const patches = parsePatch(r.stdout);
    assert.ok(patches.length > 10, `${patches.length} files in the diff`);
    assert.equal(patches.length, r.stderr.split('\n').filter((l) => l.startsWith('Would fix')).length);
    (globalThis as { dryRun?: Map<string, string> }).dryRun = new Map(
      patches.map((p) => {
        const f = p.newFileName!.replace(/^b\//, '');
        const out = applyPatch(originals.get(f)!, p);
        assert.equal(typeof out, 'string', `the diff for ${f} applies`);
        return [f, out as string];
      }),
    );
  });

  test('--fix writes every answer-free fix, keeps the text, the encoding and the line endings', async () => {
    const r = await cli(['--fix', '--all', '--today', TODAY, '.'], dir);
    const said = r.stderr.split('\n').filter((l) => l.startsWith('Fixed '));
    assert.ok(said.length > 10, r.stderr);
    assert.match(said[0], /^Fixed \d+ problems? in \S+\.md: [a-z-]+( ×\d+)?(, [a-z-]+( ×\d+)?)*\.$/);
    const dryRun = (globalThis as { dryRun?: Map<string, string> }).dryRun;
    let fixedFiles = 0;
    for (const [f, before2] of originals) {
      const after2 = readText(path.join(dir, f));
      const opts = { filePath: path.join(dir, f), today: TODAY, all: true };
      const was = lint(before2, opts).findings;
      const now = lint(after2, opts).findings;
      if (after2 === before2) {
        assert.ok(!was.some((x) => x.fixes?.some((y) => y.safe && !y.prompt)), `${f}: a safe fix was not applied`);
        continue;
      }
      fixedFiles++;
      assert.ok(said.some((l) => l.includes(` ${f}:`)), `${f} is named in what changed`);
      if (dryRun) assert.equal(after2, dryRun.get(f), `${f}: --fix wrote what --fix-dry-run showed`);
      assertKept(before2, after2, f);
      // none of the fixed findings is left, and nothing that needs no answer is left to fix
      assert.deepEqual(now.filter((x) => x.fixes?.some((y) => y.safe && !y.prompt)).map(key), [], `${f}: answer-free fixes left`);
      const before3 = counts(was.filter((x) => x.fixes?.some((y) => y.safe && !y.prompt)));
      const after3 = counts(now);
      for (const [k, n] of before3) assert.ok((after3.get(k) ?? 0) <= (counts(was).get(k) ?? 0) - n, `${f}: ${k.replace('\u0000', ': ')} still there`);
      // line endings: a CRLF file gets no bare LF
      if (before2.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after2), `${f}: CRLF kept`);
    }
    assert.ok(fixedFiles > 10, `${fixedFiles} files fixed`);
    const bytesOf = (f: string) => fs.readFileSync(path.join(dir, f));
    const boms = [...originals.keys()].map(bytesOf).filter((b) => (b[0] === 0xef && b[1] === 0xbb) || (b[0] === 0xff && b[1] === 0xfe));
    assert.equal(boms.length, 2, 'the UTF-8 BOM and UTF-16 LE files keep their byte order marks');
    // a second run has nothing left to fix
    const again = await cli(['--fix-dry-run', '--all', '--today', TODAY, '.'], dir);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /Nothing to fix without an answer/);
  });

  test('usage: --fix with --fix-dry-run, or --fix-dry-run with --format, is an error', async () => {
    assert.equal((await cli(['--fix', '--fix-dry-run', '.'], dir)).code, 2);
    assert.equal((await cli(['--fix-dry-run', '--format', 'json', '.'], dir)).code, 2);
  });
});
