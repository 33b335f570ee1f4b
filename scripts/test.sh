#!/usr/bin/env bash
# `npm test`: everything, in order of cost. Build, type-check, lint, unit/CLI/LSP tests, then the real-VS-Code tests
# (installing Chromium and code-server first when missing): Route 1, the vscode-API mocha suite in code-server's
# extension host; Route 2, playwright UI tests against code-server with the packaged VSIX installed.
# Exits non-zero when any step fails; the last line is the total "N passed, N failed" over all test runners.
# Env: SKIP_E2E=1 stops after the unit tests (for a quick loop; CI runs everything).
set -uo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
LOG=$(mktemp -d -t pm-test.XXXXXX)
passed=0; failed=0; steps_failed=()
lap() { echo "== [$(( $(date +%s) - T0 ))s] $*"; }
# step <name> <cmd...>: runs the command, echoing its output; a failing command marks the step failed.
step() {
  local name=$1; shift
  lap "$name"
  local s; s=$(date +%s)
  if "$@" 2>&1 | tee "$LOG/$name.log"; then lap "$name ok ($(( $(date +%s) - s ))s)"; return 0; fi
  lap "$name FAILED ($(( $(date +%s) - s ))s)"; steps_failed+=("$name"); return 1
}
# counts from node's test runner ("# pass N" / "ℹ pass N") and the extension-host runner ("N passed, N failed")
count() {
  local f=$LOG/$1.log p q
  p=$(grep -aE '^(# |ℹ )pass [0-9]+' "$f" | tail -1 | grep -oE '[0-9]+$' || true)
  q=$(grep -aE '^(# |ℹ )fail [0-9]+' "$f" | tail -1 | grep -oE '[0-9]+$' || true)
  if [ -z "$p" ]; then
    p=$(grep -aoE '[0-9]+ passed, [0-9]+ failed' "$f" | tail -1 | cut -d' ' -f1 || true)
    q=$(grep -aoE '[0-9]+ passed, [0-9]+ failed' "$f" | tail -1 | cut -d' ' -f3 || true)
  fi
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${q:-0} ))
  # a runner that died before reporting counts as one failure
  if [ -z "$p$q" ] && printf '%s\n' "${steps_failed[@]}" | grep -qx "$1"; then failed=$(( failed + 1 )); fi
}

# Debian packages first: the unit step's Neovim client test needs nvim, the e2e steps need Chromium (no-op when present)
step deps bash scripts/install-deps.sh
step build npm run --silent build
step typecheck npx tsc -p .
step eslint npx eslint .
shopt -s nullglob globstar
unit=(test/unit/**/*.test.ts test/cli/**/*.test.ts test/lsp/**/*.test.ts)
step unit node --import tsx --test --test-concurrency=2 --test-reporter=tap "${unit[@]}"; count unit
# property fuzzer (scripts/fuzz.ts), fixed seeds, both cores, every property; prints "# pass N / # fail N" per property.
step fuzz node --import tsx scripts/fuzz.ts --n 1200 --seed 1 --jobs 2 --render-every 3; count fuzz

if [ "${SKIP_E2E:-0}" != 1 ]; then
  if step e2e-setup bash scripts/install-code-server.sh; then
    CS_BIN=$(tail -1 "$LOG/e2e-setup.log"); export CS_BIN
    step package npm run --silent package
    [ -f postmortem-lint.vsix ] && lap "postmortem-lint.vsix: $(du -k postmortem-lint.vsix | cut -f1) KB"
    step e2e-suite-build node test/e2e/build.mjs
    step exthost node test/e2e/runTest.js; count exthost
    if [ -f postmortem-lint.vsix ]; then step ui node test/e2e/run-ui.js postmortem-lint.vsix; count ui; fi
  fi
fi

rm -rf "$LOG"
lap "done; steps failed: ${steps_failed[*]:-none}"
if [ ${#steps_failed[@]} -gt 0 ] && [ "$failed" = 0 ]; then failed=${#steps_failed[@]}; fi
echo "$passed passed, $failed failed"
[ ${#steps_failed[@]} -eq 0 ] && [ "$failed" = 0 ]
