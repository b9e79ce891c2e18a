#!/usr/bin/env bash
# Make sure a rootful Podman answers Docker's API on a socket of its own, with the offline images loaded, installing
# and starting it when needed. Idempotent: a second run is a quick no-op (it loads only images Podman lacks).
#
#   eng/provision-podman.sh        then: DOCKER_HOST=unix:///run/podman/podman.sock
#
# Order of business:
#   1. root on Debian: install podman from the machine's own release (bookworm: 4.3, trixie: 5.x)
#   2. containers.conf: ulimits a sandboxed engine may set (see below)
#   3. netavark older than 1.9: keep every bridge's MAC address fixed (see below)
#   4. start `podman system service` on the socket, unless it answers already
#   5. copy every heimnetz/* image the Docker engine has and Podman lacks (docker save | podman load): the images
#      are built once from Debian packages (eng/images) and never pulled
#
# Environment:
#   HEIMNETZ_PODMAN_SOCKET  the API socket (default /run/podman/podman.sock)
#   HEIMNETZ_PODMAN_LOG     the service's log (default /var/log/heimnetz-podman.log)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/debian.sh
. "$here/lib/debian.sh"
# shellcheck source=SCRIPTDIR/lib/images.sh
. "$here/lib/images.sh"

SOCKET=${HEIMNETZ_PODMAN_SOCKET:-/run/podman/podman.sock}
LOG=${HEIMNETZ_PODMAN_LOG:-/var/log/heimnetz-podman.log}
STATE=/run/heimnetz-podman
CONF=/etc/containers/containers.conf

say() { printf 'provision-podman: %s\n' "$*" >&2; }
answers() { curl -fsS --max-time 5 --unix-socket "$SOCKET" http://localhost/_ping >/dev/null 2>&1; }

# netavark before 1.9 lets a bridge take the lowest MAC address of its ports, so stopping or starting one container can
# change it, and the other containers on that network lose their gateway and DNS until their ARP entry expires (30 to
# 100 s; failover-stop found it: the restarted Redis answered, but 'redis' did not resolve for 45 s). netavark 1.9 pins
# the address; eng/podman/netavark-pinned-bridge does the same in front of an older one, from the first of Podman's
# helper folders. Copied again when it changed. Needs root, not Debian: other distributions may ship an older netavark too.
pin_bridge_addresses() {
  local netavark=/usr/lib/podman/netavark pinning=/usr/local/libexec/podman/netavark version
  [[ -x "$netavark" ]] || return 0
  version=$("$netavark" --version 2>/dev/null | awk '{ print $2 }')
  if [[ -n "$version" && $(printf '%s\n' "$version" 1.9.0 | sort -V | head -n 1) != 1.9.0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      cmp -s "$here/podman/netavark-pinned-bridge" "$pinning" ||
        say "warning: netavark $version lets bridge addresses change (a restarted container cuts the others off from DNS for up to 100 s); run this script as root once to pin them"
      return 0
    fi
    command -v ip >/dev/null 2>&1 || apt-get install -y -qq iproute2 >/dev/null
    if ! cmp -s "$here/podman/netavark-pinned-bridge" "$pinning"; then
      install -D -m 0755 "$here/podman/netavark-pinned-bridge" "$pinning"
      say "netavark $version changes a bridge's MAC address as containers come and go: installed $pinning, which pins it (as netavark 1.9 does)"
      restart_running_service
    fi
  elif [[ $(id -u) -eq 0 && -e "$pinning" ]] && cmp -s "$here/podman/netavark-pinned-bridge" "$pinning"; then
    rm -f "$pinning"
    say "netavark $version pins bridge addresses itself: removed $pinning"
    restart_running_service
  fi
}

# Podman finds its netavark once, when it starts: a service that is already running keeps using the one it found.
# Containers keep running across the restart (conmon holds them, not the service).
restart_running_service() {
  local pid
  answers || return 0
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet podman.service 2>/dev/null; then
    say "restarting podman.service, so it uses the new netavark"
    systemctl restart podman.service
    return 0
  fi
  pid=$(cat "$STATE/service.pid" 2>/dev/null || true)
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    # Started before this script kept its pid.
    pid=$(pgrep -fx "podman system service --time=0 unix://$SOCKET" | head -n 1 || true)
  fi
  if [[ -z "$pid" ]]; then
    say "warning: restart Podman's API service on $SOCKET, so it uses the new netavark"
    return 0
  fi
  say "restarting the podman system service (pid $pid), so it uses the new netavark"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  rm -f "$STATE/service.pid"
}

# 4. The service, detached from this shell. It runs in a mount namespace of its own whose /etc/resolv.conf names only
#    Podman's default bridge address, where nothing answers DNS: container names still resolve through aardvark-dns,
#    and every other name fails at once instead of being forwarded to the machine's resolver (as the Docker engine
#    from provision-engine.sh does with --dns), so no test traffic leaves this machine.
start_service() {
  answers && return 0
  mkdir -p "$STATE" "$(dirname "$SOCKET")" "$(dirname "$LOG")"
  echo "nameserver 10.88.0.1" >"$STATE/resolv.conf"
  say "starting podman system service on $SOCKET (log: $LOG)"
  setsid nohup unshare --mount --propagation slave \
    sh -c "mount --bind '$STATE/resolv.conf' /etc/resolv.conf && exec podman system service --time=0 'unix://$SOCKET'" \
    >>"$LOG" 2>&1 </dev/null &
  # setsid, unshare and sh all exec: this is the service's own pid, for a restart.
  echo $! >"$STATE/service.pid"
  for ((i = 0; i < 60; i++)); do
    answers && break
    sleep 0.5
  done
  answers || { say "Podman did not answer on $SOCKET; last lines of $LOG:"; tail -n 15 "$LOG" >&2; exit 1; }
}

# A service can answer /_ping and still fail every container start (seen after hours of runs: "write child: broken
# pipe"): start one container from an offline image and remove it again.
starts_containers() {
  local id failed=0
  id=$(curl -fsS --max-time 60 --unix-socket "$SOCKET" -H 'Content-Type: application/json' \
    -d '{"Image":"heimnetz/probe-base:1","Cmd":["true"]}' http://localhost/v1.41/containers/create 2>/dev/null |
    sed -n 's/.*"Id":"\([0-9a-f]*\)".*/\1/p')
  [[ -n "$id" ]] || return 1
  curl -fsS --max-time 60 --unix-socket "$SOCKET" -X POST "http://localhost/v1.41/containers/$id/start" >/dev/null 2>&1 || failed=1
  curl -fsS --max-time 60 --unix-socket "$SOCKET" -X DELETE "http://localhost/v1.41/containers/$id?force=true" >/dev/null 2>&1 || true
  return $failed
}

if [[ $(id -u) -ne 0 ]] || ! heimnetz_is_debian; then
  if answers; then
    pin_bridge_addresses
    heimnetz_copy_images "unix://$SOCKET"

# 6. A service that answers but cannot start containers is restarted once.
if ! starts_containers; then
  say "Podman answers on $SOCKET but cannot start a container; restarting its service"
  restart_running_service
  start_service
  starts_containers || { say "Podman still cannot start a container; last lines of $LOG:"; tail -n 15 "$LOG" >&2; exit 1; }
fi
    say "ready: DOCKER_HOST=unix://$SOCKET"
    exit 0
  fi
  say "no Podman answers on $SOCKET, and this script can set one up only as root on Debian:"
  say "  apt-get install podman; podman system service --time=0 unix://$SOCKET &"
  say "  (with systemd: systemctl start podman.socket)"
  exit 1
fi

# 1. The machine's own release's podman: bookworm's 4.3 serves Testcontainers (it accepts API 1.44 requests while
#    reporting 1.41), and taking trixie's would pull a newer libc.
if ! command -v podman >/dev/null 2>&1; then
  say "installing podman"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq podman curl >/dev/null
fi

# 2. Rootful Podman raises every container's nofile and nproc limits to its own maximum. An engine that may not raise
#    limits (a sandbox, a CI container without CAP_SYS_RESOURCE) then fails every start with "error setting rlimit
#    type 7: operation not permitted". Ask for limits below what this machine allows instead. An existing
#    containers.conf is the machine owner's: it is left alone.
if [[ ! -e "$CONF" ]]; then
  nofile=$(ulimit -Hn); [[ "$nofile" == unlimited || "$nofile" -gt 65536 ]] && nofile=65536
  mkdir -p "$(dirname "$CONF")"
  printf '%s\n' "# Written by Heimnetz's eng/provision-podman.sh: limits a sandboxed engine may set." \
    "[containers]" "default_ulimits = [" "  \"nofile=$nofile:$nofile\"," "  \"nproc=8192:8192\"," "]" >"$CONF"
  say "wrote $CONF (nofile $nofile, nproc 8192)"
fi

# 3. Bridge addresses that stay put (see pin_bridge_addresses).
pin_bridge_addresses

# 4. The service (see start_service).
start_service

# 5. The offline images, by content: an image Podman holds with the same id is not copied again.
heimnetz_copy_images "unix://$SOCKET"

# 6. A service that answers but cannot start containers is restarted once.
if ! starts_containers; then
  say "Podman answers on $SOCKET but cannot start a container; restarting its service"
  restart_running_service
  start_service
  starts_containers || { say "Podman still cannot start a container; last lines of $LOG:"; tail -n 15 "$LOG" >&2; exit 1; }
fi

say "ready: DOCKER_HOST=unix://$SOCKET ($(podman version --format '{{.Server.Version}}' 2>/dev/null || podman --version))"
