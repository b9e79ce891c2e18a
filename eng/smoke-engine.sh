#!/usr/bin/env bash
# Proves that the engine and the heimnetz images can do what the tests need:
# bridge networks with DNS aliases, server options as arguments, published
# ports on 127.0.0.1, host/none/internal networks and host-gateway.
#
#   eng/smoke-engine.sh      (after provision-engine.sh and images/build-images.sh)
#
# Everything it creates carries org.heimnetz.session=smoke-<pid> and is
# removed on exit via eng/sweep.sh. Uses host ports 16379-16381.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_id="smoke-$$"
label=(--label "org.heimnetz.session=$run_id")
failures=0
trap '"$here/sweep.sh" "$run_id"' EXIT

ok() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s: %s\n' "$1" "$2"; failures=$((failures + 1)); }
# expect NAME PATTERN ACTUAL
expect() { if [[ "$3" =~ $2 ]]; then ok "$1"; else fail "$1" "got '${3//$'\r'/}'"; fi; }

# server NAME PORT [docker run options...] IMAGE [args...]: start detached
# and wait like Testcontainers does, until `redis-cli ping` succeeds inside.
server() {
  local name=$1 port=$2
  shift 2
  docker run -d --name "$name" "${label[@]}" "$@" >/dev/null
  for _ in $(seq 50); do
    docker exec "$name" redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "server $name did not come up:" >&2
  docker logs "$name" >&2 || true
  return 1
}

# probe [docker run options...] -- SHELL-COMMAND: run in heimnetz/probe-base.
probe() {
  local opts=()
  while [[ "$1" != -- ]]; do opts+=("$1"); shift; done
  shift
  docker run --rm "${label[@]}" "${opts[@]}" heimnetz/probe-base:1 sh -c "$*" 2>&1 || true
}

# resp HOST PORT COMMAND...: one RESP exchange from inside a probe (socat).
resp() { printf "printf '%s' | socat -t2 - TCP:%s:%s" "$3" "$1" "$2"; }

# host_resp PORT LINES: the same from the host, with bash's /dev/tcp.
host_resp() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "$2" >&3; sleep 0.3; timeout 1 cat <&3' _ "$1" "$2" 2>&1 || true
}

net="heimnetz-$run_id"
docker network create "${label[@]}" "$net" >/dev/null

# 1. Bridge network, DNS by alias, default command.
server "$run_id-r7" 6379 --network "$net" --network-alias redis heimnetz/redis:7.0
expect "redis 7.0 answers PING by alias 'redis' on a user-defined network" '^\+PONG' \
  "$(probe --network "$net" -- "$(resp redis 6379 'PING\r\n')")"
expect "redis 7.0 is 7.0.x" 'redis_version:7\.0\.' \
  "$(docker exec "$run_id-r7" redis-cli info server)"
expect "no persistence by default" '^save:+$' \
  "$(docker exec "$run_id-r7" redis-cli config get save | tr '\n' ':')"

# 2. Arguments starting with '-' are appended to the server command.
server "$run_id-auth" 6379 --network "$net" --network-alias secured heimnetz/redis:7.0 --requirepass s3cret
expect "--requirepass as arguments: unauthenticated PING refused" '^-NOAUTH' \
  "$(probe --network "$net" -- "$(resp secured 6379 'PING\r\n')")"
expect "--requirepass as arguments: AUTH then PING" $'^\\+OK\r?\n\\+PONG' \
  "$(probe --network "$net" -- "$(resp secured 6379 'AUTH s3cret\r\nPING\r\n')")"
expect "a first argument that is not an option runs as a command" '^redis-cli 7\.0' \
  "$(docker run --rm "${label[@]}" heimnetz/redis:7.0 redis-cli --version)"

# 3. Redis 8.0 and Valkey 8.1 (valkey also answers to redis-cli).
server "$run_id-r8" 6379 --network "$net" heimnetz/redis:8.0
expect "redis 8.0 is 8.0.x" 'redis_version:8\.0\.' "$(docker exec "$run_id-r8" redis-cli info server)"
server "$run_id-vk" 6379 --network "$net" heimnetz/valkey:8.1
expect "valkey 8.1 is 8.1.x" 'valkey_version:8\.1\.' "$(docker exec "$run_id-vk" valkey-cli info server)"

# 4. Published ports on 127.0.0.1, fixed and engine-chosen (Testcontainers).
server "$run_id-pub" 6379 -p 127.0.0.1:16379:6379 -p 127.0.0.1::6379 heimnetz/redis:7.0
expect "published 127.0.0.1:16379 reachable from the host" '^\+PONG' "$(host_resp 16379 'PING\r\n')"
random_port=$(docker port "$run_id-pub" 6379/tcp | sed -n 's/^127\.0\.0\.1:\([0-9]*\)$/\1/p' | grep -vx 16379 | head -n1)
expect "engine-chosen port 127.0.0.1:${random_port:-?} reachable from the host" '^\+PONG' \
  "$(host_resp "${random_port:-1}" 'PING\r\n')"

# 5. Host network: the server listens in the host's own namespace.
server "$run_id-host" 16380 --network host heimnetz/redis:7.0 --port 16380
expect "--network host: server on host port 16380" '^\+PONG' "$(host_resp 16380 'PING\r\n')"

# 6. No network: loopback only.
expect "--network none: only lo" '^lo$' \
  "$(probe --network none -- "ip -o link | cut -d: -f2 | tr -d ' '")"

# 7. Internal network: peers by alias, but no route out.
inet="heimnetz-$run_id-internal"
docker network create --internal "${label[@]}" "$inet" >/dev/null
server "$run_id-int" 6379 --network "$inet" --network-alias cache heimnetz/redis:7.0
expect "internal network: peer reachable by alias" '^\+PONG' \
  "$(probe --network "$inet" -- "$(resp cache 6379 'PING\r\n')")"
expect "internal network: no default route" '^none$' \
  "$(probe --network "$inet" -- "ip route show default | grep -q . && echo some || echo none")"

# 8. host-gateway: a container reaches a server on the host.
server "$run_id-hostsrv" 16381 --network host heimnetz/redis:7.0 --port 16381
expect "--add-host host.docker.internal:host-gateway reaches the host" '^\+PONG' \
  "$(probe --network "$net" --add-host host.docker.internal:host-gateway -- \
    "$(resp host.docker.internal 16381 'PING\r\n')")"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
