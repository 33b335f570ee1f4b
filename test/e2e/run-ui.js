// Route 2: UI tests against a throw-away code-server with the packaged VSIX installed.
// Fresh user-data, extensions and XDG folders, and a fresh copy of test/e2e/workspace (+ examples/) each run; the
// playwright-core tests in test/e2e/ui/*.test.js drive it with Debian's Chromium; code-server is stopped by killing
// its process group.
// Usage: node test/e2e/run-ui.js [extension.vsix]   (default: postmortem-lint.vsix in the repo root)
// Env: CS_BIN, PORT (default 18080), SHOT_DIR (default .e2e/screenshots; SHOT_DIR=docs/images refreshes the README's images), KEEP=1 keeps the temp folder,
//      UI_TESTS=a.test.js,b.test.js runs only those files.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, codeServerBin, userSettings, waitForServer } = require('./lib');

const vsix = path.resolve(process.argv[2] || path.join(ROOT, 'postmortem-lint.vsix'));
const PORT = Number(process.env.PORT || 18080);
const t0 = Date.now();
const lap = (m) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
  const CS_BIN = codeServerBin();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-ui-'));
  const ws = path.join(tmp, 'ws');
  fs.cpSync(path.join(__dirname, 'workspace'), ws, { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples'), path.join(ws, 'examples'), { recursive: true });
  const ud = path.join(tmp, 'ud');
  const exts = path.join(tmp, 'exts');
  // The UI tests look at the open file's findings (and the README's Problems screenshot is of one file): findings of
  // every closed postmortem in the workspace (postmortemLint.lintWorkspace, tested in the extension-host suite) would
  // push the open file's rows out of the panel's rendered part.
  userSettings(ud, { 'postmortemLint.lintWorkspace': 'off' });
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), XDG_CACHE_HOME: path.join(tmp, 'cache') };
  execFileSync(CS_BIN, ['--user-data-dir', ud, '--extensions-dir', exts, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  lap(`installed ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  const log = path.join(tmp, 'code-server.log');
  const cs = spawn(CS_BIN, ['--auth', 'none', '--bind-addr', `127.0.0.1:${PORT}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', ud, '--extensions-dir', exts, ws],
  { env, detached: true, stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')] });
  const stop = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  let rc = 1;
  let tap = '';
  try {
    await waitForServer(cs, log, /HTTP server listening on /, `http://127.0.0.1:${PORT}/healthz`, 30000);
    lap(`code-server up (pid ${cs.pid})`);
    const tests = process.env.UI_TESTS ? process.env.UI_TESTS.split(',').map((f) => path.resolve(f))
      : fs.readdirSync(path.join(__dirname, 'ui')).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(__dirname, 'ui', f));
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...tests], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CS_URL: `http://127.0.0.1:${PORT}`, WS_DIR: ws, SHOT_DIR: process.env.SHOT_DIR || path.join(ROOT, '.e2e/screenshots') },
    });
    child.stdout.on('data', (d) => { process.stdout.write(d); tap += d; });
    rc = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    lap(`UI tests exited with ${rc}`);
  } finally {
    if (rc !== 0) {
      console.log('--- code-server log (tail)');
      console.log(fs.readFileSync(log, 'utf8').slice(-2000));
      // the extension's own output channel (client and server messages) of each window the tests opened
      for (const f of fs.readdirSync(path.join(ud, 'logs'), { recursive: true }).filter((f) => String(f).endsWith('Postmortem Lint.log'))) {
        console.log(`--- ${f} (tail)`);
        console.log(fs.readFileSync(path.join(ud, 'logs', String(f)), 'utf8').slice(-1500));
      }
      // last, where a CI excerpt of the output's end shows them: each failed test with its error
      const failed = tap.match(/^not ok \d+ - [^\n]*\n(?:(?! {2}\.\.\.\n)[^\n]*\n)*/gm) ?? [];
      if (failed.length) console.log(`--- failed UI tests (${failed.length})\n${failed.join('').trimEnd()}`);
    }
    stop();
    if (process.env.KEEP) console.log('kept', tmp); else fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rc;
}

main().then((rc) => process.exit(rc), (e) => { console.error('run-ui:', e instanceof Error ? e.message : e); process.exit(1); });
