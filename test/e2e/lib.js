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

async function waitForHttp(url, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { if ((await fetch(url)).status < 500) return; } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

module.exports = { ROOT, CHROMIUM_ARGS, codeServerBin, userSettings, waitForHttp };
