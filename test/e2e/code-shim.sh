#!/usr/bin/env bash
# Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): no Electron build can
# be downloaded here, so we forward to run-exthost-tests.js, which runs the same extension-test contract inside
# code-server's real Node extension host with headless Chromium as the window.
# test-electron spawns: [launchArgs...] --no-sandbox ... --extensionTestsPath=X --extensionDevelopmentPath=Y ...
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
dev= tests= ws=
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) dev=${a#*=} ;;
    --extensionTestsPath=*) tests=${a#*=} ;;
    --*) ;;
    *) [ -z "$ws" ] && ws=$a ;;
  esac
done
[ -n "$dev" ] && [ -n "$tests" ] && [ -n "$ws" ] || { echo "code-shim: need --extensionDevelopmentPath, --extensionTestsPath and a folder in launchArgs" >&2; exit 2; }
exec node "$HERE/run-exthost-tests.js" "$dev" "${tests%.js}" "$ws"
