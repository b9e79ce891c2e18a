#!/usr/bin/env bash
# Builds the images Heimnetz's tests run, without a container registry:
# each is a Debian root file system loaded with `docker import`. One base per
# Debian suite is made by debootstrap and cached; each image unpacks its
# suite's base and apt-installs its packages in a chroot. Recipes live in
# eng/images/<name>/recipe.
#
#   eng/images/build-images.sh [--force] [NAME...]     (NAME e.g. redis-7.0)
#
# An image is rebuilt only when its recipe hash (sha256 over its recipe
# folder and eng/images/lib/) differs from the label org.heimnetz.recipe-hash
# on the existing image, so a run with nothing to do takes about a second.
#
# Environment:
#   HEIMNETZ_IMAGES  offline  build from Debian packages (needs root, debootstrap)
#                    registry pull the standard images named in the recipes
#                             (redis:7.0, redis:8.0, valkey/valkey:8.1) and tag
#                             them heimnetz/...; they differ in that they save
#                             RDB snapshots to /data by default. probe-base is
#                             built offline anyway: runtime-deps lacks its tools
#                    auto     (default) registry if a pull works, else offline
#   HEIMNETZ_IMAGE_JOBS  image builds at once (default 4, one per image: one
#                        build's downloads overlap with the others' unpacking)
#   HEIMNETZ_IMAGE_CACHE  where the per-suite base root file systems are
#                        kept (default /var/cache/heimnetz/images); a base is
#                        rebuilt when the hash of its suite, the mirror and
#                        eng/images/lib/ changes. Remove the folder to start over.
#   HEIMNETZ_IMAGE_PREFIX  repository prefix instead of heimnetz/ (e.g. to time
#                        a fresh build beside the images others are using)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../lib/debian.sh
. "$here/../lib/debian.sh"
# shellcheck source=SCRIPTDIR/lib/image.sh
. "$here/lib/image.sh"

mode=${HEIMNETZ_IMAGES:-auto}
jobs=${HEIMNETZ_IMAGE_JOBS:-4}
force=""
names=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) names+=("${arg%/}") ;;
  esac
done
case "$mode" in offline | registry | auto) ;; *)
  echo "HEIMNETZ_IMAGES must be offline, registry or auto, not '$mode'" >&2; exit 2 ;;
esac
if ((${#names[@]} == 0)); then
  for dir in "$here"/*/recipe; do
    name=$(basename "$(dirname "$dir")")
    [[ "$name" == lib ]] || names+=("$name")
  done
fi

started_at=$(date +%s.%N)
say() { printf 'build-images: %s\n' "$*" >&2; }
elapsed() { awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# recipe_hash NAME: sha256 over the recipe folder and the shared lib/,
# file names included, so renames count too.
recipe_hash() {
  (cd "$here" && find "$1" lib -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-64)
}

# load_recipe NAME: sets TAG, SUITE, PACKAGES, SERVER, LINKS, CHANGES,
# REGISTRY_IMAGE from eng/images/NAME/recipe.
load_recipe() {
  TAG="" SUITE="" SERVER="" REGISTRY_IMAGE=""
  PACKAGES=() LINKS=() CHANGES=()
  # shellcheck disable=SC1090
  . "$here/$1/recipe"
  [[ -n "$TAG" && -n "$SUITE" ]] || { say "$1/recipe: TAG and SUITE are required"; return 1; }
  TAG=${HEIMNETZ_IMAGE_PREFIX:-heimnetz/}${TAG#heimnetz/}
}

image_label() {
  docker image inspect --format '{{ index .Config.Labels "org.heimnetz.recipe-hash" }}' "$1" 2>/dev/null || true
}
image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

# up_to_date NAME HASH: the tagged image is this recipe's build, or (unless
# offline) the registry image it stands in for.
up_to_date() {
  [[ -z "$force" ]] || return 1
  [[ "$(image_label "$TAG")" == "$2" ]] && return 0
  if [[ "$mode" != offline && -n "$REGISTRY_IMAGE" ]]; then
    local id
    id=$(image_id "$TAG")
    [[ -n "$id" && "$id" == "$(image_id "$REGISTRY_IMAGE")" ]] && return 0
  fi
  return 1
}

# pull_one: tag the standard image as ours (registry mode).
pull_one() {
  timeout 300 docker pull -q "$REGISTRY_IMAGE" >/dev/null 2>&1 && docker tag "$REGISTRY_IMAGE" "$TAG"
}

# 1. What is stale? (Only inspects local images: fast.)
todo=()
declare -A hashes=()
for name in "${names[@]}"; do
  [[ -f "$here/$name/recipe" ]] || { say "no recipe eng/images/$name/recipe"; exit 2; }
  load_recipe "$name"
  hashes[$name]=$(recipe_hash "$name")
  if up_to_date "$name" "${hashes[$name]}"; then
    say "$TAG is up to date"
  else
    todo+=("$name")
  fi
done
if ((${#todo[@]} == 0)); then
  say "all ${#names[@]} images up to date after $(elapsed)s"
  exit 0
fi

# 2. Pull where asked or (auto) where a registry answers; else build.
to_build=()
for name in "${todo[@]}"; do
  load_recipe "$name"
  if [[ "$mode" != offline && -n "$REGISTRY_IMAGE" ]] && pull_one; then
    say "$TAG <- $REGISTRY_IMAGE (registry)"
    continue
  fi
  if [[ "$mode" == registry ]]; then
    if [[ -n "$REGISTRY_IMAGE" ]]; then say "could not pull $REGISTRY_IMAGE"; exit 1; fi
    say "$TAG has no registry counterpart; building it offline"
  elif [[ "$mode" == auto && -n "$REGISTRY_IMAGE" ]]; then
    say "no registry answers (pull of $REGISTRY_IMAGE failed); building offline from now on"
    mode=offline
  fi
  to_build+=("$name")
done
((${#to_build[@]})) || { say "done after $(elapsed)s"; exit 0; }

if [[ $(id -u) -ne 0 ]] || ! command -v debootstrap >/dev/null 2>&1; then
  say "building offline needs root and debootstrap (run eng/provision-engine.sh as root, it installs it)"
  exit 1
fi
# Debian's archive as this machine's apt knows it; it carries trixie too.
mirror=$(heimnetz_debian_mirror "")

# Work dirs live outside the repo and go away however we exit. A killed
# debootstrap may leave proc/sys mounted in a rootfs: unmount before
# removing, and never cross into another file system.
# Prefer memory over disk: dpkg syncs every file it unpacks, which makes
# debootstrap on disk up to twice as slow. /dev/shm must allow exec and
# device nodes (chroot) and have room for ~6 root file systems.
tmp=${TMPDIR:-/tmp}
if [[ -z "${TMPDIR:-}" && -d /dev/shm ]] &&
  ! awk '$2 == "/dev/shm" { print $4 }' /proc/mounts | grep -qE '(^|,)(noexec|nodev)(,|$)' &&
  (($(df --output=avail -k /dev/shm | tail -n1) > 3000000)); then
  tmp=/dev/shm
fi
work=$(mktemp -d "$tmp/heimnetz-images.XXXXXX")
cleanup() {
  local m
  awk -v w="$work/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# 3. One base per suite the stale images need: cached, else debootstrapped
# (the suites in parallel). Each image then only installs its own packages.
cache=${HEIMNETZ_IMAGE_CACHE:-/var/cache/heimnetz/images}
mkdir -p "$cache"
declare -A bases=() # suite -> tarball
for name in "${to_build[@]}"; do
  load_recipe "$name"
  [[ -n "${bases[$SUITE]:-}" ]] && continue
  base_hash=$( (printf '%s %s\n' "$SUITE" "$mirror"; cd "$here" && find lib -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16)
  bases[$SUITE]="$cache/base-$SUITE-$base_hash.tar"
done

declare -A running=() # pid -> name
failed=()
wait_one() {
  local pid name status=0
  wait -n -p pid || status=$?
  name=${running[$pid]}
  unset "running[$pid]"
  if ((status == 0)); then
    say "$name built after $(elapsed)s"
  else
    failed+=("$name")
    say "$name FAILED; last lines of its log:"
    tail -n 20 "$work/$name.log" >&2 || true
  fi
}
for suite in "${!bases[@]}"; do
  if [[ -f "${bases[$suite]}" && -z "$force" ]]; then
    say "base $suite is cached (${bases[$suite]})"
    continue
  fi
  say "debootstrapping base $suite"
  mkdir -p "$work/base-$suite"
  heimnetz_base_build "${bases[$suite]}" "$suite" "$mirror" "$work/base-$suite" >"$work/base-$suite.log" 2>&1 &
  running[$!]=base-$suite
done
while ((${#running[@]})); do wait_one; done
((${#failed[@]} == 0)) || { say "failed: ${failed[*]}"; exit 1; }
# Older bases of these suites (another mirror or lib/) are not used again.
for suite in "${!bases[@]}"; do
  find "$cache" -maxdepth 1 -name "base-$suite-*.tar" ! -path "${bases[$suite]}" -delete
  rm -rf --one-file-system "$work/base-$suite"
done

# 4. The images, at most $jobs at once; each logs to its own file.
for name in "${to_build[@]}"; do
  while ((${#running[@]} >= jobs)); do wait_one; done
  load_recipe "$name"
  say "building $TAG on base $SUITE"
  mkdir -p "$work/$name"
  # Not `load_recipe && heimnetz_image_build`: errexit must stay on inside.
  (
    load_recipe "$name"
    heimnetz_image_build "$name" "${hashes[$name]}" "$work/$name" "${bases[$SUITE]}"
  ) >"$work/$name.log" 2>&1 &
  running[$!]=$name
done
while ((${#running[@]})); do wait_one; done

((${#failed[@]} == 0)) || { say "failed: ${failed[*]}"; exit 1; }
for name in "${to_build[@]}"; do
  load_recipe "$name"
  size=$(docker image inspect --format '{{.Size}}' "$TAG")
  version=$(docker image inspect --format '{{ index .Config.Labels "org.heimnetz.server-version" }}' "$TAG")
  say "$TAG: $((size / 1000000)) MB${version:+, $SERVER $version}"
done
# Drop the images these builds replaced, unless a container still uses one.
docker image prune -f --filter label=org.heimnetz.recipe >/dev/null
say "done after $(elapsed)s"
