# shellcheck shell=bash
# Helpers shared by the eng/ scripts that start another engine beside the first one.
# Source this file; it defines functions only and changes no state.

# heimnetz_copy_images TARGET_DOCKER_HOST
# Copies every heimnetz/* image the first engine (the default socket) has and the engine at TARGET_DOCKER_HOST lacks,
# by image id, through the target's Docker API (Podman's compatible one included). The images are built once from
# Debian packages (eng/images) and never pulled; an image the target already holds with the same id is not copied.
heimnetz_copy_images() {
  local target=$1 reference id
  if ! command -v docker >/dev/null 2>&1 || ! DOCKER_HOST= docker info >/dev/null 2>&1; then
    echo "no Docker engine to copy images from: run eng/provision-engine.sh and eng/images/build-images.sh first" >&2
    return 0
  fi
  while read -r reference id; do
    [[ "$(DOCKER_HOST="$target" docker image inspect --format '{{.Id}}' "$reference" 2>/dev/null)" == "$id" ]] && continue
    echo "loading $reference into $target" >&2
    DOCKER_HOST= docker save "$reference" | DOCKER_HOST="$target" docker load -q >/dev/null
  done < <(DOCKER_HOST= docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' --no-trunc | awk '$1 ~ /^heimnetz\// && $1 !~ /<none>/')
}
