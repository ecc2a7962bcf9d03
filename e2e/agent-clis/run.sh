#!/usr/bin/env bash
# Installs the real agent CLIs from the npm registry (the install is cached between runs, keyed by
# this project's lockfile and the Node version) and runs rc's presets against them, offline.
set -euo pipefail
cd "$(dirname "$0")"
cache="${RC_AGENT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rc-agent-e2e}"
key="$(sha256sum package-lock.json | cut -c1-16)-$(node -p process.version)"
if [ ! -d "$cache/$key/node_modules" ]; then
  rm -rf node_modules "$cache/$key.tmp"
  npm ci --no-audit --no-fund --cache "$cache/npm"
  mkdir -p "$cache/$key.tmp"
  mv node_modules "$cache/$key.tmp/"
  mv "$cache/$key.tmp" "$cache/$key"
fi
if [ "$(readlink node_modules 2>/dev/null || true)" != "$cache/$key/node_modules" ]; then
  rm -rf node_modules
  ln -s "$cache/$key/node_modules" node_modules
fi
# Claude Code ships a native binary through a postinstall step that npm may skip.
./node_modules/.bin/claude --version >/dev/null 2>&1 ||
  node node_modules/@anthropic-ai/claude-code/install.cjs
echo "agent CLIs: codex $(./node_modules/.bin/codex --version 2>/dev/null | awk '{print $NF}'), claude $(./node_modules/.bin/claude --version | awk '{print $1}'), gemini $(./node_modules/.bin/gemini --version)"
[ -f ../../packages/cli/dist/rc.cjs ] || (cd ../.. && npx nx run cli:build)
node --test --test-concurrency=1 test/*.test.mjs
