#!/usr/bin/env bash
# Installs the programs the tests run for real (not mocks): redis-server for the LocalRedis tests, chromium, the
# headless browser that renders the matrix report in the Browser tests, and the `docker compose` plugin that checks
# the sample compose file. Run by `./build.sh --target=Test` (and CI) after the engine is provisioned.
# Idempotent: does nothing when everything is there. Where it cannot install (not root, not Debian) it fails with the
# exact command to run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/debian.sh
. "$here/lib/debian.sh"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
# Debian 12's docker-compose is the old Python one without the plugin; the Debian 13 package provides `docker compose`
# (provision-engine.sh offers trixie on bookworm, pinned low, so only what is named comes from there).
compose=docker-compose
if [[ -r /etc/os-release && "$(. /etc/os-release && echo "${VERSION_CODENAME:-}")" == bookworm ]]; then
  compose=docker-compose/trixie
fi
docker compose version >/dev/null 2>&1 || missing+=("$compose")

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi

command="apt-get install -y --no-install-recommends ${missing[*]}"
if ! heimnetz_is_debian || ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools: missing ${missing[*]%/trixie}; this script installs them only on Debian. Install them with your package manager (on Debian: $command)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test tools: missing ${missing[*]%/trixie}; run as root: $command" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # the command is a word list on purpose
$command -qq >/dev/null
# The package starts a system service where an init system runs; tests start their own servers on free ports.
if command -v service >/dev/null 2>&1; then service redis-server stop >/dev/null 2>&1 || true; fi
echo "test tools: installed ${missing[*]}"
