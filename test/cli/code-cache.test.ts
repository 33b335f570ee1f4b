// The binary's code cache (server/src/cli/code-cache.ts): a run leaves V8's bytecode of the linter in the installing
// project's node_modules/.cache/postmortem-lint, the next runs use it and print exactly what they printed without it,
// and a cache that is damaged or cannot be written never changes a run's output or exit code.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, ROOT } from './build-cli';
import { codeCacheDir } from '../../server/src/cli/code-cache';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
let tmp: string;
let cli: string;
let cacheDir: string;

function run() {
  const r = spawnSync(process.execPath, [cli, '--today', '2026-11-30', '--format', 'json', FIXTURES], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith('cli-core-')) : []);

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-code-cache-'));
  // installed like a dependency: <project>/node_modules/postmortem-lint/dist/cli.js
  cli = await buildCli(path.join(tmp, 'node_modules', 'postmortem-lint'));
  cacheDir = path.join(tmp, 'node_modules', '.cache', 'postmortem-lint');
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the binary’s code cache', () => {
  test('lives in the installing project’s node_modules/.cache, or beside dist/ in a checkout', () => {
    assert.equal(codeCacheDir(path.join(tmp, 'node_modules', 'postmortem-lint', 'dist')), cacheDir);
    assert.equal(codeCacheDir(path.join(ROOT, 'dist')), path.join(ROOT, 'node_modules', '.cache', 'postmortem-lint'));
  });

  test('the first run writes it, later runs print the same with it, a damaged one is replaced', () => {
    assert.deepEqual(cacheFiles(), []);
    const first = run();
    assert.equal(first.code, 1);
    assert.equal(first.stderr, '');
    assert.ok(JSON.parse(first.stdout).length > 10);
    const [file] = cacheFiles();
    assert.match(file ?? '', /^cli-core-[0-9a-f]{16}\.bin$/);
    const bytecode = () => fs.statSync(path.join(cacheDir, file)).size;
    assert.ok(bytecode() > 100_000, `${bytecode()} bytes of bytecode`);
    assert.deepEqual(run(), first);
    fs.writeFileSync(path.join(cacheDir, file), Buffer.from('not bytecode at all'));
    assert.deepEqual(run(), first);
    assert.deepEqual(cacheFiles(), [file]);
    assert.ok(bytecode() > 100_000, `${bytecode()} bytes of bytecode`);
  });

  test('a cache folder that cannot be written costs nothing but the cache', () => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    // a file where the folder would be: nothing can be written under it
    fs.writeFileSync(cacheDir, '');
    try {
      const r = run();
      assert.equal(r.code, 1);
      assert.equal(r.stderr, '');
      assert.ok(JSON.parse(r.stdout).length > 10);
    } finally {
      fs.rmSync(cacheDir, { force: true });
    }
  });
});
