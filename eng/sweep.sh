#!/usr/bin/env bash
# Removes containers (in any state, Created included, with their anonymous
# volumes) and networks that Heimnetz test runs left behind. Only resources
# labelled org.heimnetz.session are ever touched: other projects' containers
# (Testcontainers labels every container org.testcontainers=true) and live
# concurrent runs keep theirs.
#
#   eng/sweep.sh            runs that are over: owner process gone (same
#                           host), or created over 6 hours ago (other hosts)
#   eng/sweep.sh ID         only what is labelled org.heimnetz.session=ID
#                           (e.g. a topology kept up with `run --keep`)
#   eng/sweep.sh --list [ID]  print what would be removed, one id a line
#
# The same rule as the harness's SessionJanitor. Idempotent and quiet when
# there is nothing to do; without an engine there is nothing to do either.
set -euo pipefail

list=""
if [[ "${1:-}" == --list ]]; then
  list=1
  shift
fi
session=${1:-}
foreign_lifetime=$((6 * 3600))

docker version >/dev/null 2>&1 || exit 0

host=$(hostname)
now=$(date +%s)
# abandoned SESSION OWNER_HOST OWNER_PID CREATED: true when that run is over.
abandoned() {
  local id=$1 owner_host=$2 pid=$3 created=$4
  [[ -n "$id" ]] || return 1
  if [[ -n "$session" ]]; then
    [[ "$id" == "$session" ]]
    return
  fi
  if [[ "$owner_host" == "$host" && "$pid" =~ ^[0-9]+$ ]]; then
    [[ ! -d /proc/$pid ]]
    return
  fi
  [[ ! "$created" =~ ^[0-9]+$ ]] || ((now - created > foreign_lifetime))
}

# finished_runs ps|network: ids of labelled resources whose run is over.
# '|'-separated: an empty (missing) label must not shift the fields.
format='{{.ID}}|{{.Label "org.heimnetz.session"}}|{{.Label "org.heimnetz.owner-host"}}|{{.Label "org.heimnetz.owner-pid"}}|{{.Label "org.heimnetz.created"}}'
finished_runs() {
  local kind=$1 id s h p c
  local args=(ps -a)
  [[ "$kind" == network ]] && args=(network ls)
  docker "${args[@]}" --no-trunc --filter label=org.heimnetz.session --format "$format" |
    while IFS='|' read -r id s h p c; do
      if abandoned "$s" "$h" "$p" "$c"; then echo "$id"; fi
    done
}

mapfile -t containers < <(finished_runs ps)
if [[ -n "$list" ]]; then
  ((${#containers[@]} == 0)) || printf '%s\n' "${containers[@]}"
  finished_runs network
  exit 0
fi
if ((${#containers[@]})); then
  docker rm -f -v "${containers[@]}" >/dev/null
fi

mapfile -t networks < <(finished_runs network)
removed=0
for net in "${networks[@]}"; do
  # A container we did not remove (unlabelled) may still be attached.
  for c in $(docker network inspect --format '{{range $id, $_ := .Containers}}{{$id}} {{end}}' "$net" 2>/dev/null); do
    docker network disconnect -f "$net" "$c" >/dev/null 2>&1 || true
  done
  if docker network rm "$net" >/dev/null 2>&1; then
    removed=$((removed + 1))
  else
    echo "sweep: could not remove network $net" >&2
  fi
done

if ((${#containers[@]} + removed)); then
  echo "sweep: removed ${#containers[@]} container(s), $removed network(s)${session:+ labelled org.heimnetz.session=$session}" >&2
fi
