#!/usr/bin/env bash
# Make sure a Docker engine with API >= 1.44 (Docker 25+) answers, installing
# and starting one when needed. Idempotent: a second run is a quick no-op.
#
#   eng/provision-engine.sh
#
# Order of business:
#   1. an engine already answers (DOCKER_HOST, else /var/run/docker.sock) -> done
#   2. root on Debian: install docker.io (from Debian 13 "trixie" on bookworm,
#      whose own docker.io 20.10 speaks only API 1.41), plus debootstrap and
#      iptables, then start dockerd without systemd if need be
#   3. anything else: fail, saying what to install
#
# Environment:
#   HEIMNETZ_DOCKERD_LOG  dockerd's log file (default /var/log/heimnetz-dockerd.log)
#   HEIMNETZ_ENGINE_WAIT  seconds to wait for dockerd to answer (default 60)
#   HEIMNETZ_DOCKERD_FLAGS extra dockerd flags, e.g. --storage-driver=vfs where
#                         overlayfs is missing (none are needed on Debian 12
#                         with a stock kernel: overlay2, iptables-nft, cgroup v1/v2)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/debian.sh
. "$here/lib/debian.sh"

MIN_API=1.44
DOCKERD_LOG=${HEIMNETZ_DOCKERD_LOG:-/var/log/heimnetz-dockerd.log}
WAIT_SECONDS=${HEIMNETZ_ENGINE_WAIT:-60}
TRIXIE_SOURCE=/etc/apt/sources.list.d/heimnetz-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/heimnetz-trixie

started_at=$(date +%s.%N)
say() { printf 'provision-engine: %s\n' "$*" >&2; }
elapsed() { awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# version_ge A B: true when version A >= version B.
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }

# engine_api: prints the API version of the engine that answers, or nothing.
# Any docker client will do (it negotiates the API version down to the
# engine's); without a client, ask the unix socket directly with curl.
engine_api() {
  local v=""
  if command -v docker >/dev/null 2>&1; then
    v=$(timeout 15 docker version --format '{{.Server.APIVersion}}' 2>/dev/null) || true
  elif command -v curl >/dev/null 2>&1; then
    local host=${DOCKER_HOST:-unix:///var/run/docker.sock}
    if [[ "$host" == unix://* ]]; then
      v=$(curl -fsS --max-time 15 --unix-socket "${host#unix://}" http://localhost/version 2>/dev/null |
        sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p') || true
    fi
  fi
  [[ "$v" =~ ^[0-9]+\.[0-9]+$ ]] && printf '%s\n' "$v"
  return 0
}

report() {
  if command -v docker >/dev/null 2>&1; then
    docker version --format 'engine {{.Server.Version}} (API {{.Server.APIVersion}}), client {{.Client.Version}} at '"$(command -v docker)"
  else
    echo "engine API $1"
  fi
}

# 1. Already there?
api=$(engine_api)
if [[ -n "$api" ]]; then
  if version_ge "$api" "$MIN_API"; then
    say "ready after $(elapsed)s: $(report "$api")"
    exit 0
  fi
  say "the engine that answers speaks API $api, but Heimnetz needs >= $MIN_API (Docker 25+)."
  say "upgrade it (on Debian 12: docker.io from Debian 13 'trixie', or docker-ce 25+)."
  exit 1
fi

# An explicit DOCKER_HOST elsewhere is the caller's engine: starting a local
# one would not help, since the client would still talk to DOCKER_HOST.
if [[ -n "${DOCKER_HOST:-}" && "$DOCKER_HOST" != unix:///var/run/docker.sock && "$DOCKER_HOST" != unix:///run/docker.sock ]]; then
  say "DOCKER_HOST=$DOCKER_HOST does not answer. Start that engine, or unset DOCKER_HOST to provision a local one."
  exit 1
fi

# 3. Without root on Debian we can only say what is missing.
if [[ $(id -u) -ne 0 ]] || ! heimnetz_is_debian; then
  say "no Docker engine answers, and this script can install one only as root on Debian."
  say "install Docker Engine 25 or newer (API >= $MIN_API) and start it, e.g.:"
  say "  Debian 13+:  apt-get install docker.io iptables debootstrap"
  say "  Debian 12:   run this script as root (it installs docker.io from trixie)"
  say "  elsewhere:   docker-ce >= 25 from your distribution or Docker Inc.; debootstrap for eng/images"
  say "then make sure 'docker version' shows a Server section."
  exit 1
fi

# 2. Root on Debian: install what is missing.
export DEBIAN_FRONTEND=noninteractive
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")

dockerd_ok() {
  command -v dockerd >/dev/null 2>&1 || return 1
  local v
  v=$(dockerd --version 2>/dev/null | sed -n 's/^Docker version \([0-9][0-9.]*\).*/\1/p')
  [[ -n "$v" ]] && version_ge "$v" 25.0
}

packages=()
if ! dockerd_ok; then
  # docker-buildx keeps `docker build` off the deprecated legacy builder.
  docker_packages=(docker.io docker-cli containerd docker-buildx)
  if [[ "$codename" == bookworm ]]; then
    mirror=$(heimnetz_debian_mirror bookworm)
    # Offer trixie beside bookworm, pinned below it (100 < 500) so nothing
    # is taken from trixie unless asked for by name.
    new_source=$(printf '%s\n' \
      "# Debian 13 for docker.io >= 25 only; pinned low by ${TRIXIE_PIN}." \
      "Types: deb" "URIs: $mirror" "Suites: trixie" "Components: main" \
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg")
    new_pin=$(printf '%s\n' \
      "# Take packages from trixie only when asked for by name (pkg/trixie)." \
      "Package: *" "Pin: release n=trixie" "Pin-Priority: 100")
    [[ -f "$TRIXIE_SOURCE" && "$(cat "$TRIXIE_SOURCE")" == "$new_source" ]] || printf '%s\n' "$new_source" >"$TRIXIE_SOURCE"
    [[ -f "$TRIXIE_PIN" && "$(cat "$TRIXIE_PIN")" == "$new_pin" ]] || printf '%s\n' "$new_pin" >"$TRIXIE_PIN"
    # pkg/trixie (not -t trixie, which would upgrade libc6 and friends).
    # runc stays bookworm's: trixie's needs libc6 >= 2.38.
    packages+=("${docker_packages[@]/%//trixie}")
  else
    packages+=("${docker_packages[@]}")
  fi
fi
command -v iptables >/dev/null 2>&1 || packages+=(iptables)
command -v debootstrap >/dev/null 2>&1 || packages+=(debootstrap)

if ((${#packages[@]})); then
  say "installing: ${packages[*]}"
  apt-get update -qq
  # The packages' init scripts would start dockerd with default flags (and
  # fail the install if that fails); deny that, we start it ourselves below.
  policy_rc=/usr/sbin/policy-rc.d
  own_policy=""
  if [[ ! -e "$policy_rc" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy_rc" && chmod +x "$policy_rc"
    own_policy=1
    trap 'rm -f "$policy_rc"' EXIT
  fi
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  if [[ -n "$own_policy" ]]; then rm -f "$policy_rc"; trap - EXIT; fi
  say "installed after $(elapsed)s: $(dockerd --version)"
  dockerd_ok || { say "dockerd is still older than 25.0"; exit 1; }
fi

# Start the engine. With systemd as init the unit knows best; otherwise
# (containers, sandboxes) run dockerd detached from this shell.
if [[ -d /run/systemd/system ]]; then
  systemctl start docker
elif pid=$(cat /var/run/docker.pid 2>/dev/null) && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dockerd ]]; then
  say "dockerd (pid $pid) is running already; waiting for it to answer"
else
  # The engine we start serves tests. Its containers resolve container names through Docker's own DNS; every other
  # name is asked of the default bridge's own address, where nothing answers, so a lookup fails at once and no test
  # traffic leaves this machine. HEIMNETZ_DOCKERD_FLAGS replaces these defaults.
  read -r -a dockerd_flags <<<"${HEIMNETZ_DOCKERD_FLAGS:---bip=172.17.0.1/16 --dns=172.17.0.1}"
  say "starting dockerd ${dockerd_flags[*]:-} (log: $DOCKERD_LOG)"
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  setsid nohup dockerd "${dockerd_flags[@]}" >>"$DOCKERD_LOG" 2>&1 </dev/null &
  dockerd_pid=$!
fi

for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
  api=$(engine_api)
  [[ -n "$api" ]] && break
  # No use waiting for a dockerd that has already given up.
  [[ -z "${dockerd_pid:-}" ]] || kill -0 "$dockerd_pid" 2>/dev/null || break
  sleep 0.5
done
if [[ -z "$api" ]]; then
  say "dockerd did not answer; last lines of $DOCKERD_LOG:"
  tail -n 15 "$DOCKERD_LOG" >&2 || true
  say "hints: iptables errors -> update-alternatives --set iptables /usr/sbin/iptables-legacy;"
  say "       overlay errors -> HEIMNETZ_DOCKERD_FLAGS=--storage-driver=vfs; then run this again."
  exit 1
fi
version_ge "$api" "$MIN_API" || { say "engine speaks API $api < $MIN_API"; exit 1; }
say "ready after $(elapsed)s: $(report "$api")"
