// Runs a vscode-API mocha suite (the @vscode/test-electron contract: extensionTestsPath exports run()) inside the
// real Node extension host of code-server's bundled VS Code server. Chromium is only the window: the exit code comes
// from window.codeAutomationExit, per-test lines from the results file named by PM_TEST_RESULTS (the extension host
// inherits the server's environment).
// Usage: node run-exthost-tests.js <extensionDevelopmentPath> <extensionTestsPath (no .js)> <workspace folder>
// Env: CS_BIN (else scripts/install-code-server.sh's answer), PORT (default 18081), CHROMIUM, TIMEOUT_MS, KEEP=1
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS, ROOT, codeServerBin, userSettings, waitForServer } = require('./lib');

const [devPath, testsPath, fixture] = process.argv.slice(2).map((p) => path.resolve(p));
const PORT = Number(process.env.PORT || 18081);
const t0 = Date.now();
const lap = (m) => console.log(`[exthost ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

(async () => {
  const CS_BIN = codeServerBin();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-exthost-'));
  const ws = path.join(tmp, 'ws');
  fs.cpSync(fixture, ws, { recursive: true });
  const results = path.join(tmp, 'results.json');
  fs.mkdirSync(path.join(ROOT, '.e2e'), { recursive: true });
  const ud = path.join(tmp, 'ud');
  userSettings(ud);
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), XDG_CACHE_HOME: path.join(tmp, 'cache'), PM_TEST_RESULTS: results, PM_E2E_WORKSPACE: ws,
    // the 200 KB test records its edit → squiggles and Ctrl+. times here; npm run bench prints them
    PM_E2E_LATENCY: path.join(ROOT, '.e2e', 'latency.json') };
  // Newer VS Code honours the URL payload's extensionDevelopmentPath/extensionTestsPath only when the server runs with
  // --enable-smoke-test-driver, which code-server's CLI rejects: start the bundled VS Code server directly.
  const vscodeDir = path.join(path.dirname(fs.realpathSync(CS_BIN)), '..', '..', 'lib', 'vscode');
  const args = [path.join(vscodeDir, 'out', 'server-main.js'), '--host', '127.0.0.1', '--port', String(PORT),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver', '--telemetry-level', 'off',
    '--server-data-dir', path.join(tmp, 'server-data'), '--disable-workspace-trust', '--user-data-dir', ud,
    '--extensions-dir', path.join(tmp, 'exts')];
  const logFile = path.join(tmp, 'server.log');
  const cs = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')] });
  let browser;
  let code = 1;
  try {
    // VS Code's server says "Extension host agent listening on PORT" once it serves
    await waitForServer(cs, logFile, /Extension host agent listening on \d+/, `http://127.0.0.1:${PORT}/version`, 30000);
    lap('VS Code server up');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    page.on('console', (m) => {
      const t = m.text();
      if (/\[pm-e2e\]/.test(t) || m.type() === 'error' && /postmortem/i.test(t)) console.log('  [window]', t.replace(/%c/g, '').slice(0, 400));
    });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c) => resolve(c)));
    const remote = (p) => `vscode-remote://127.0.0.1:${PORT}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]);
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    lap('workbench loaded; mocha runs in the extension host');
    const timeout = Number(process.env.TIMEOUT_MS || 300000);
    let timer;
    code = await Promise.race([exited, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`no result after ${timeout} ms`)), timeout); })]);
    clearTimeout(timer);
    lap(`extension host tests exited with code ${code}`);
  } catch (e) {
    console.error('ERROR', e instanceof Error ? e.message : e);
    code = 1;
  } finally {
    if (fs.existsSync(results)) {
      const r = JSON.parse(fs.readFileSync(results, 'utf8'));
      for (const l of r.lines) console.log(l);
      console.log(`extension host: ${r.passes} passed, ${r.failures} failed`);
      if (r.failures > 0) code = code || 1;
    } else {
      console.log('no results file; server log tail:');
      console.log(fs.readFileSync(logFile, 'utf8').slice(-3000));
      code = code || 1;
    }
    if (code !== 0) {
      for (const f of findLogs(path.join(tmp, 'server-data'), /exthost|postmortem/i)) console.log(`--- ${f}\n${fs.readFileSync(f, 'utf8').slice(-2500)}`);
    }
    await browser?.close();
    try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* already gone */ }
    if (process.env.KEEP) console.log('kept', tmp); else fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  }
})();

function findLogs(dir, re) {
  const out = [];
  const walk = (d) => {
    let entries = [];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (e.name.endsWith('.log') && re.test(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
