#!/usr/bin/env bash
# Install code-server (the real VS Code workbench + Node extension host) from npm, with no network beyond the npm
# registry and Debian apt. Idempotent: exits at once when "$DEST/.install-ok" exists.
# Prints the code-server entry point on its last line (so callers can do CS_BIN=$(scripts/install-code-server.sh | tail -1)).
#
# Where: $CS_DIR if set; else /opt/code-server-<ver> when it is already installed there; else .cache/code-server-<ver>
# in the repo (git-ignored).
# Why not a plain `npm install code-server`: its postinstall fails here (root needs unsafe-perm; kerberos needs
# libkrb5-dev; @vscode/ripgrep downloads rg from GitHub; node-pty runs `npx node-gyp` without --yes). So we install with
# --ignore-scripts and replay the postinstall by hand, with Debian's ripgrep dropped in.
# code-server 4.100.x runs on Node 20 (VS Code 1.100); 4.133+ needs Node 24.
set -euo pipefail
VER=${CS_VERSION:-4.100.3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${CS_DIR:-}" ]; then DEST=$CS_DIR
elif [ -f "/opt/code-server-$VER/.install-ok" ]; then DEST=/opt/code-server-$VER
else DEST=$ROOT/.cache/code-server-$VER; fi
BIN=$DEST/node_modules/.bin/code-server
if [ -f "$DEST/.install-ok" ] && [ -x "$BIN" ]; then echo "code-server $VER already installed at $DEST" >&2; echo "$BIN"; exit 0; fi
t0=$(date +%s)
bash "$ROOT/scripts/install-deps.sh" >&2
# node-gyp must find Node's headers locally (no header download here).
NODE_BIN=$(readlink -f "$(command -v node)")
NODE_PREFIX=$(dirname "$(dirname "$NODE_BIN")")
for d in "$NODE_PREFIX" "$NODE_PREFIX"/node_modules/node-linux-*; do
  if [ "$d" != /usr ] && [ -f "$d/include/node/node_version.h" ]; then export npm_config_nodedir=$d; break; fi
done
echo "install-code-server: $VER into $DEST (node $(node --version))" >&2
rm -rf "$DEST"; mkdir -p "$DEST"; cd "$DEST"
{
  npm init -y >/dev/null
  npm install "code-server@$VER" --ignore-scripts --no-audit --no-fund --loglevel=error
  npm rebuild argon2 --loglevel=error
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm rebuild --loglevel=error
  [ -e node_modules.asar ] || ln -s node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm_config_yes=true npm install --omit=dev --no-audit --no-fund --loglevel=error)
} >&2
touch "$DEST/.install-ok"
echo "install-code-server: done in $(( $(date +%s) - t0 ))s ($(du -sh "$DEST" | cut -f1))" >&2
echo "$BIN"
