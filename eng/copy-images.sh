#!/usr/bin/env bash
# Copy the offline heimnetz/* images from the first engine into another one (by id; nothing is pulled):
#   eng/copy-images.sh unix:///run/heimnetz-docker2/docker.sock
# The Matrix target runs it for every engine of --engines, so each engine runs this checkout's images.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/images.sh
. "$here/lib/images.sh"
[[ $# -eq 1 && "$1" == *://* ]] || { echo "usage: eng/copy-images.sh <DOCKER_HOST-style endpoint, e.g. unix:///run/heimnetz-docker2/docker.sock>" >&2; exit 64; }
heimnetz_copy_images "$1"
