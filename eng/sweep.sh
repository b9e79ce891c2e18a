#!/usr/bin/env bash
# Removes containers (in any state, Created included, with their anonymous
# volumes) and networks that test runs left behind.
#
#   eng/sweep.sh            everything labelled org.heimnetz.session (any
#                           value) or org.testcontainers=true
#   eng/sweep.sh ID         only what is labelled org.heimnetz.session=ID,
#                           so concurrent runs keep their resources
#
# Idempotent and quiet when there is nothing to do; without an engine there
# is nothing to do either.
set -euo pipefail

if [[ -n "${1:-}" ]]; then
  filters=("label=org.heimnetz.session=$1")
else
  filters=("label=org.heimnetz.session" "label=org.testcontainers=true")
fi

docker version >/dev/null 2>&1 || exit 0

# Several --filter label=... would have to match all at once; we want any.
list() { # list ps|network ls
  local f
  for f in "${filters[@]}"; do docker "$@" -q --no-trunc --filter "$f"; done | sort -u
}

mapfile -t containers < <(list ps -a)
if ((${#containers[@]})); then
  docker rm -f -v "${containers[@]}" >/dev/null
fi

mapfile -t networks < <(list network ls)
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
  echo "sweep: removed ${#containers[@]} container(s), $removed network(s)${1:+ labelled org.heimnetz.session=$1}" >&2
fi
