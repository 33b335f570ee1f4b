#!/usr/bin/env bash
# Debian packages the real-VS-Code tests need: Chromium (drives the workbench), ripgrep (code-server's search and
# Quick Open), and what code-server's native modules build with (libkrb5-dev, build-essential, pkg-config).
# Installs only what is missing; a no-op (no apt-get update) when everything is there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v nvim >/dev/null 2>&1 || need+=(neovim) # test/lsp/nvim.test.ts: Neovim as a real LSP client
if [ ${#need[@]} -eq 0 ]; then echo "install-deps: chromium, ripgrep, libkrb5-dev, build-essential, pkg-config, curl, neovim present"; exit 0; fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
echo "install-deps: apt-get install ${need[*]}"
t0=$(date +%s)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-deps: done in $(( $(date +%s) - t0 ))s"
