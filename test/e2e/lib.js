// Shared bits of the real-VS-Code harness (Route 1 runner and Route 2 UI tests).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '../..');

/** Chromium flags that work on a closed network as root (see docs/testing.md). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The code-server entry: $CS_BIN, else whatever scripts/install-code-server.sh installed (or installs now). */
function codeServerBin() {
  if (process.env.CS_BIN) return process.env.CS_BIN;
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

/** User settings for a quiet, reproducible workbench: no welcome page, no tips, no telemetry, a default theme. */
function userSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'window.commandCenter': false,
    ...extra,
  }, null, 2));
}

/**
 * Waits until the server started as `child` writes `ready` (a line such as "HTTP server listening on …") to `logFile`,
 * read again on each change of the file; then checks that `url` answers. Fails at once if the server exits first, and
 * after `timeoutMs` with the log's tail.
 */
function waitForServer(child, logFile, ready, url, timeoutMs) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const log = () => { try { return fs.readFileSync(logFile, 'utf8'); } catch { return ''; } };
    const tail = () => log().slice(-2000);
    const finish = (err) => {
      if (settled) return;
      settled = true;
      watcher.close();
      clearTimeout(timer);
      child.off('exit', onExit);
      if (err) { reject(err); return; }
      fetch(url).then((r) => (r.status < 500 ? resolve() : reject(new Error(`${url} answered ${r.status}`))), reject);
    };
    const check = () => { if (ready.test(log())) finish(); };
    const onExit = (code, signal) => finish(new Error(`the server exited (${signal ?? code}) before it listened:\n${tail()}`));
    const watcher = fs.watch(logFile, check);
    const timer = setTimeout(() => finish(new Error(`${url} did not come up within ${timeoutMs} ms:\n${tail()}`)), timeoutMs);
    child.once('exit', onExit);
    check();
  });
}

module.exports = { ROOT, CHROMIUM_ARGS, codeServerBin, userSettings, waitForServer };
