# shellcheck shell=bash
# Helpers shared by the eng/ scripts that deal with Debian packages.
# Source this file; it defines functions only and changes no state.

# heimnetz_debian_mirror [codename]
# Prints the archive URI (e.g. http://mirror.example/debian/) that apt on this
# machine uses for the given release (default: the machine's own release).
# apt itself parses the config, so both /etc/apt/sources.list (one-line
# format) and *.sources files (deb822 format) are understood, and
# --no-release-info makes this work even before the first `apt-get update`.
# Matching the exact suite skips the -security and -updates archives.
heimnetz_debian_mirror() {
  local codename=${1:-}
  if [[ -z "$codename" ]]; then
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  fi
  local uri
  # shellcheck disable=SC2016 # $(...) are apt format fields, not shell
  uri=$(apt-get indextargets --no-release-info --format '$(REPO_URI) $(RELEASE) $(TARGET_OF)' 2>/dev/null |
    awk -v c="$codename" '$2 == c && $3 == "deb" { print $1; exit }')
  if [[ -z "$uri" ]]; then
    echo "error: no apt source for Debian '$codename' found in /etc/apt/sources.list{,.d/}" >&2
    return 1
  fi
  printf '%s\n' "$uri"
}

# heimnetz_is_debian: true on Debian proper (not on derivatives whose
# archives do not carry Debian's suites).
heimnetz_is_debian() {
  [[ -r /etc/os-release ]] && [[ "$(. /etc/os-release && echo "${ID:-}")" == debian ]]
}
