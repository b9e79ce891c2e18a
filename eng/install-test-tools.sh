#!/usr/bin/env bash
# Installs the programs the tests run for real (not mocks): redis-server for the LocalRedis tests, and chromium, the
# headless browser that renders the matrix report in the Browser tests.
# Idempotent: does nothing when everything is there.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools: missing ${missing[*]}; install them with your package manager (Debian: apt-get install ${missing[*]})" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The package starts a system service where an init system runs; tests start their own servers on free ports.
if command -v service >/dev/null 2>&1; then service redis-server stop >/dev/null 2>&1 || true; fi
echo "test tools: installed ${missing[*]}"
