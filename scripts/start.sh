#!/usr/bin/env bash
# `npm start`: a real VS Code (code-server) on 127.0.0.1 with Postmortem Lint installed and examples/ open.
# Builds and packages the extension, installs code-server when missing, then runs in the foreground until Ctrl+C.
# Env: PORT (default 8080), HOST (default 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
[ -d node_modules ] || { echo "npm start: run npm install first" >&2; exit 1; }
echo "npm start: packaging the extension…"
npm run --silent package >/dev/null
CS_BIN=$(bash scripts/install-code-server.sh | tail -1)
STATE=$ROOT/.cache/start
rm -rf "$STATE/user-data" "$STATE/extensions"
mkdir -p "$STATE"
node -e "require('./test/e2e/lib').userSettings(process.argv[1], { 'workbench.startupEditor': 'none', 'editor.minimap.enabled': true })" "$STATE/user-data"
export XDG_CONFIG_HOME=$STATE/config XDG_DATA_HOME=$STATE/data XDG_CACHE_HOME=$STATE/cache
"$CS_BIN" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" --install-extension "$ROOT/postmortem-lint.vsix" >/dev/null
setsid "$CS_BIN" --auth none --bind-addr "$HOST:$PORT" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" \
  "$ROOT/examples" >"$STATE/code-server.log" 2>&1 &
CS_PID=$!
stop() { kill -- -"$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
trap stop EXIT
for _ in $(seq 1 150); do
  curl -sf "http://$HOST:$PORT/healthz" >/dev/null && break
  kill -0 "$CS_PID" 2>/dev/null || { echo "code-server exited; log:" >&2; tail -30 "$STATE/code-server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://$HOST:$PORT/healthz" >/dev/null || { echo "code-server did not answer on $HOST:$PORT; log: $STATE/code-server.log" >&2; exit 1; }
URL="http://$HOST:$PORT/?folder=$ROOT/examples"
echo
echo "  Postmortem Lint is running in VS Code (code-server): $URL"
echo "  Open weak-postmortem.md for findings and quick fixes (Ctrl+.), good-postmortem.md for a clean one,"
echo "  and run \"Postmortem: Open Reader View\" from the command palette (F1). Ctrl+C stops it."
echo
wait "$CS_PID"
