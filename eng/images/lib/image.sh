# shellcheck shell=bash
# How one image is made: a base root file system per Debian suite (one
# debootstrap, cached), then per image: unpack the base, apt-get install the
# recipe's packages in a chroot, trim, add the entrypoint, import.
# Sourced by build-images.sh. Everything that shapes an image's content is in
# this folder, which is part of every image's recipe hash: a change here
# rebuilds all images (and the bases).

heimnetz_images_lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# heimnetz_base_build TARBALL SUITE MIRROR WORKDIR
# debootstraps SUITE (minbase: essential packages + apt only) with the
# package lists fetched, and writes it as TARBALL. The lists stay in the base
# so each image's install downloads only its own packages; every image trims
# them after installing.
heimnetz_base_build() {
  local tarball=$1 suite=$2 mirror=$3 work=$4
  local root="$work/rootfs"
  debootstrap --variant=minbase --components=main "$suite" "$root" "$mirror"
  # Never start a service in the chroot (a server's postinst would try).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  # Keep every `apt-get install` (here and in a container) lean.
  cat >"$root/etc/dpkg/dpkg.cfg.d/heimnetz-slim" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
SLIM
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/90heimnetz-no-recommends"
  heimnetz_chroot_apt "$root" update -qq
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
}

# heimnetz_chroot_apt ROOT ARGS...: apt-get ARGS in the chroot, with the
# host's name resolution and apt proxy, and /proc for maintainer scripts.
heimnetz_chroot_apt() {
  local root=$1
  shift
  local proxy="" status=0
  eval "$(apt-config shell proxy Acquire::http::Proxy)"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get ${proxy:+-o "Acquire::http::Proxy=$proxy"} "$@" || status=$?
  umount "$root/proc"
  return "$status"
}

# heimnetz_rootfs DIR BASE_TARBALL PACKAGE...: the base with PACKAGE... installed, trimmed.
heimnetz_rootfs() {
  local root=$1 base=$2
  shift 2
  mkdir -p "$root"
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -xf "$base"
  heimnetz_chroot_apt "$root" install -y -qq "$@" >/dev/null
  rm -f "$root/usr/sbin/policy-rc.d"
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

# heimnetz_image_build NAME HASH WORKDIR BASE_TARBALL
# Builds the image of recipe NAME (whose variables load_recipe has set:
# TAG SUITE PACKAGES SERVER LINKS CHANGES) on its suite's base and tags it TAG.
heimnetz_image_build() {
  local name=$1 hash=$2 work=$3 base=$4
  local root="$work/rootfs" version="" package_version=""
  # docker import sets no PATH; `docker exec img redis-cli` relies on one.
  local changes=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  heimnetz_rootfs "$root" "$base" "${PACKAGES[@]}"
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
  # shellcheck disable=SC2153 # SUITE comes from the recipe
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -cf - . |
    docker import "${args[@]}" --message "heimnetz $name ($SUITE${version:+, $SERVER $version})" - "$TAG" >/dev/null
}
