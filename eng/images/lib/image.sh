# shellcheck shell=bash
# How one image is made: debootstrap, trim, add the entrypoint, import.
# Sourced by build-images.sh. Everything that shapes an image's content is in
# this folder, which is part of every image's recipe hash: a change here
# rebuilds all images.

heimnetz_images_lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# heimnetz_rootfs DIR SUITE MIRROR PACKAGE...
heimnetz_rootfs() {
  local root=$1 suite=$2 mirror=$3
  shift 3
  local include
  include=$(IFS=,; echo "$*")
  # minbase: essential packages + apt only. debootstrap swaps in a dummy
  # start-stop-daemon while configuring, so no server starts on the host.
  debootstrap --variant=minbase --components=main --include="$include" \
    "$suite" "$root" "$mirror"

  # Keep future `apt-get install` in a container as lean as this build.
  cat >"$root/etc/dpkg/dpkg.cfg.d/heimnetz-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
  # Trim what a container never reads: package lists and caches, docs
  # (but the copyright files), man pages, translations, logs.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/usr/share/locale/* "$root"/usr/share/lintian \
    "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old \
    "$root"/tmp/* "$root"/var/tmp/*
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$root/var/log" -type f -delete
  # The engine provides these per container; don't ship the build host's.
  rm -f "$root/etc/hostname"
  : >"$root/etc/resolv.conf"
}

# heimnetz_pkg_version DIR PACKAGE: version of PACKAGE installed in DIR.
heimnetz_pkg_version() {
  dpkg-query --admindir="$1/var/lib/dpkg" -W -f='${Version}' "$2"
}

# heimnetz_image_build NAME HASH WORKDIR MIRROR
# Builds the image of recipe NAME (whose variables load_recipe has set:
# TAG SUITE PACKAGES SERVER LINKS CHANGES) and tags it TAG.
heimnetz_image_build() {
  local name=$1 hash=$2 work=$3 mirror=$4
  local root="$work/rootfs" version="" package_version=""
  # docker import sets no PATH; `docker exec img redis-cli` relies on one.
  local changes=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  # shellcheck disable=SC2153 # SUITE comes from the recipe
  heimnetz_rootfs "$root" "$SUITE" "$mirror" "${PACKAGES[@]}"
  if [[ -n "$SERVER" ]]; then
    install -D -m 0755 /dev/null "$root/usr/local/bin/docker-entrypoint.sh"
    sed "s/@SERVER@/$SERVER/" "$heimnetz_images_lib/server-entrypoint.sh" >"$root/usr/local/bin/docker-entrypoint.sh"
    mkdir -p "$root/data"
    # 5:7.0.15-1~deb12u7 -> 7.0.15
    package_version=$(heimnetz_pkg_version "$root" "$SERVER")
    version=${package_version#*:}
    version=${version%%[-+~]*}
    changes+=(
      'ENTRYPOINT ["docker-entrypoint.sh"]' "CMD [\"$SERVER\"]"
      'EXPOSE 6379' 'WORKDIR /data'
      "LABEL org.heimnetz.server-version=$version"
      "LABEL org.heimnetz.debian-package=$SERVER=$package_version"
    )
  fi
  local link
  for link in "${LINKS[@]}"; do
    ln -sfn "${link#*:}" "$root/usr/bin/${link%%:*}"
  done
  changes+=("${CHANGES[@]}" "LABEL org.heimnetz.recipe=$name" "LABEL org.heimnetz.recipe-hash=$hash")
  local args=() c
  for c in "${changes[@]}"; do args+=(--change "$c"); done
  # --numeric-owner: the rootfs's users are not the host's. --xattrs keeps
  # file capabilities (ping).
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -cf - . |
    docker import "${args[@]}" --message "heimnetz $name ($SUITE${version:+, $SERVER $version})" - "$TAG" >/dev/null
}
