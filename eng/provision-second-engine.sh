#!/usr/bin/env bash
# Start a second, independent Docker engine on this machine: the stand-in for a remote CI runner when one matrix is
# spread over several engines (docs/scaling.md). Idempotent: a second run is a quick no-op.
#
#   eng/provision-second-engine.sh          then: DOCKER_HOST=unix:///run/heimnetz-docker2/docker.sock
#   eng/provision-second-engine.sh --stop   stops it and removes its bridge (its data root stays for the next start)
#
# It has its own socket, data root, exec root, pid file, default bridge (172.31.0.1/16) and address pool
# (10.210.0.0/16), so nothing it creates overlaps the first engine's. It leaves iptables to the first engine
# (two daemons programming the same chains undo each other) and instead lets its own two ranges through the
# DOCKER-USER chain, which exists for rules like these. Published ports work through docker-proxy.
# Needs the first engine's packages (eng/provision-engine.sh) and root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/images.sh
. "$here/lib/images.sh"

ROOT_NAME=heimnetz-docker2
RUN=/run/$ROOT_NAME
SOCKET=$RUN/docker.sock
DATA=/var/lib/$ROOT_NAME
LOG=${HEIMNETZ_DOCKERD2_LOG:-/var/log/$ROOT_NAME.log}
BRIDGE=hn-docker2
BRIDGE_CIDR=172.31.0.1/16
POOL=10.210.0.0/16

say() { printf 'provision-second-engine: %s\n' "$*" >&2; }
answers() { curl -fsS --max-time 5 --unix-socket "$SOCKET" http://localhost/_ping >/dev/null 2>&1; }
allow() { iptables -C DOCKER-USER "$@" -j ACCEPT 2>/dev/null || iptables -I DOCKER-USER "$@" -j ACCEPT; }
disallow() { while iptables -D DOCKER-USER "$@" -j ACCEPT 2>/dev/null; do :; done; }

if [[ "${1:-}" == --stop ]]; then
  if pid=$(cat "$RUN/docker.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  for range in "${BRIDGE_CIDR%.*/*}.0/16" "$POOL"; do disallow -s "$range"; disallow -d "$range"; done
  ip link del "$BRIDGE" 2>/dev/null || true
  say "stopped"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || { say "needs root (it starts a daemon and a bridge)"; exit 1; }
command -v dockerd >/dev/null 2>&1 || { say "no dockerd: run eng/provision-engine.sh first"; exit 1; }

if answers; then
  heimnetz_copy_images "unix://$SOCKET"
  say "ready: DOCKER_HOST=unix://$SOCKET"
  exit 0
fi

# DOCKER-USER is the first engine's; it must be up (and own the chain) before rules go in.
iptables -nL DOCKER-USER >/dev/null 2>&1 || { say "the first engine is not running (no DOCKER-USER chain): run eng/provision-engine.sh"; exit 1; }

if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
  ip link add "$BRIDGE" type bridge
  ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
fi
ip link set "$BRIDGE" up
for range in "${BRIDGE_CIDR%.*/*}.0/16" "$POOL"; do allow -s "$range"; allow -d "$range"; done

mkdir -p "$RUN" "$DATA" "$(dirname "$LOG")"
say "starting a second dockerd on $SOCKET (log: $LOG)"
# As with the first engine, names a container cannot resolve through Docker's own DNS are asked of the bridge's
# own address, where nothing answers, so no lookup leaves this machine.
setsid nohup dockerd \
  --host "unix://$SOCKET" --data-root "$DATA" --exec-root "$RUN/exec" --pidfile "$RUN/docker.pid" \
  --bridge "$BRIDGE" --default-address-pool "base=$POOL,size=24" --dns "${BRIDGE_CIDR%/*}" \
  --iptables=false --ip6tables=false \
  >>"$LOG" 2>&1 </dev/null &
for ((i = 0; i < 120; i++)); do
  answers && break
  sleep 0.5
done
answers || { say "the second dockerd did not answer; last lines of $LOG:"; tail -n 15 "$LOG" >&2; exit 1; }
heimnetz_copy_images "unix://$SOCKET"
say "ready: DOCKER_HOST=unix://$SOCKET"
