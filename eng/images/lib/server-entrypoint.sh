#!/bin/sh
# Entrypoint of the heimnetz server images; behaves like the official
# redis/valkey images' docker-entrypoint.sh:
#   (no arguments)          -> the server, reachable from other containers
#   --opt value ...         -> the server with these options appended
#   redis-server [--opt..]  -> the same (also for the image's own server name)
#   some.conf [--opt..]     -> the server with that config file, no defaults
#   any other command       -> run as is (e.g. sh, redis-cli)
# @SERVER@ is replaced with redis-server or valkey-server at build time.
set -e
server=@SERVER@

# Defaults the official images get by patching the server: listen on all
# interfaces without protected mode. Unlike them, no persistence: a test
# server starts empty and leaves nothing behind.
defaults() {
  set -- "$server" --port 6379 --bind '* -::*' --protected-mode no \
    --save '' --appendonly no "$@"
  exec "$@"
}

case "${1:-}" in
  '' | -*) defaults "$@" ;;
  "$server" | redis-server) shift; defaults "$@" ;;
  *.conf) exec "$server" "$@" ;;
esac
exec "$@"
