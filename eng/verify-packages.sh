#!/usr/bin/env bash
# Installs what `./build.sh --target=Pack` wrote to artifacts/packages, as a user would, and proves it works:
#   1. `dotnet tool install` the heimnetz tool; `heimnetz probe --json` and `heimnetz doctor` run from the installed tool;
#   2. a fresh `dotnet new web` app adds Heimnetz.Core, gets the README's snippet pasted in, and serves a request that
#      sets and gets through IDistributedCache against a real redis-server on loopback; the key must be in Redis.
# Everything happens in a clean temporary HOME and NuGet cache. Heimnetz packages come only from the local feed
# (packageSourceMapping); their dependencies come from the machine's usual NuGet sources. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
feed=$repo/artifacts/packages

fail() { echo "verify-packages: FAILED: $*" >&2; exit 1; }
step() { echo "verify-packages: $*"; }

core_package=$(find "$feed" -maxdepth 1 -name 'Heimnetz.Core.*.nupkg' 2>/dev/null | head -n 1)
[ -n "$core_package" ] || fail "no Heimnetz.Core package in $feed; run ./build.sh --target=Pack first"
version=$(basename "$core_package" .nupkg)
version=${version#Heimnetz.Core.}
[ -f "$feed/heimnetz.$version.nupkg" ] || fail "no heimnetz.$version.nupkg (the tool) beside $(basename "$core_package") in $feed"
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || fail "redis-server and redis-cli are needed (eng/install-test-tools.sh installs them)"

# The machine's NuGet sources, read before HOME changes (they serve the dependencies: StackExchange.Redis, ...).
mapfile -t upstream < <(dotnet nuget list source --format short 2>/dev/null | awk '$1 == "E" { print $2 }')
[ "${#upstream[@]}" -gt 0 ] || fail "the machine has no enabled NuGet source for the dependencies ('dotnet nuget list source' lists none)"

work=$(mktemp -d "${TMPDIR:-/tmp}/heimnetz-verify.XXXXXX")
redis_pid="" app_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$redis_pid" ] || kill "$redis_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work/home DOTNET_CLI_HOME=$work/home NUGET_PACKAGES=$work/nuget-packages
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
mkdir -p "$HOME"

config=$work/nuget.config
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"local\" value=\"$feed\" />"
  for i in "${!upstream[@]}"; do echo "    <add key=\"upstream$i\" value=\"${upstream[$i]}\" />"; done
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="local"><package pattern="Heimnetz.*" /><package pattern="heimnetz" /></packageSource>'
  for i in "${!upstream[@]}"; do echo "    <packageSource key=\"upstream$i\"><package pattern=\"*\" /></packageSource>"; done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} > "$config"

# A real Redis on a free loopback port; everything below is pointed at it, so nothing else is probed.
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 20000))
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no >"$work/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break 2
    kill -0 "$redis_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$redis_pid" 2>/dev/null || true
  redis_pid=""
done
[ -n "$redis_pid" ] || fail "could not start redis-server on a free loopback port: $(tail -n 3 "$work/redis.log")"
export REDIS_URL="redis://127.0.0.1:$port"
step "redis-server on 127.0.0.1:$port; packages $version from $feed"

# 1. The tool.
step "dotnet tool install heimnetz $version"
dotnet tool install heimnetz --version "$version" --tool-path "$work/tools" --configfile "$config" >"$work/tool-install.log" 2>&1 \
  || fail "dotnet tool install heimnetz $version: $(cat "$work/tool-install.log")"
heimnetz=$work/tools/heimnetz

step "heimnetz probe --json"
probe_exit=0
"$heimnetz" probe --json >"$work/probe.json" 2>"$work/probe.err" || probe_exit=$?
[ "$probe_exit" -eq 0 ] || fail "heimnetz probe --json exited $probe_exit: $(cat "$work/probe.err")"
grep -q '"heimnetz.probe/1"' "$work/probe.json" || fail "heimnetz probe --json printed no heimnetz.probe/1 report: $(head -c 500 "$work/probe.json")"

step "heimnetz doctor"
doctor_exit=0
"$heimnetz" doctor >"$work/doctor.out" 2>&1 || doctor_exit=$?
# 0 healthy, 1 degraded, 2 broken, 3 inconclusive: each means the doctor ran and judged; anything else is a crash or usage error.
case "$doctor_exit" in
  0|1|2|3) step "heimnetz doctor ran (exit $doctor_exit)" ;;
  *) fail "heimnetz doctor exited $doctor_exit: $(cat "$work/doctor.out")" ;;
esac

# 2. An app, as the README says: add the package, paste the snippet.
app=$work/app
step "dotnet new web + dotnet add package Heimnetz.Core $version"
dotnet new web --framework net10.0 --name VerifyApp --output "$app" >"$work/new.log" 2>&1 || fail "dotnet new web: $(cat "$work/new.log")"
cp "$config" "$app/nuget.config"
(cd "$app" && dotnet add package Heimnetz.Core --version "$version" >"$work/add.log" 2>&1) || fail "dotnet add package Heimnetz.Core $version: $(cat "$work/add.log")"

snippet=$(awk '/^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside' README.md)
[ -n "$snippet" ] || fail "README.md has no csharp snippet to paste"
echo "$snippet" | grep -q 'AddHeimnetzCache' || fail "README.md's first csharp snippet does not call AddHeimnetzCache"
{
  echo "$snippet" | grep '^using '
  echo 'using Microsoft.Extensions.Caching.Distributed;'
  echo
  echo 'var builder = WebApplication.CreateBuilder(args);'
  echo "$snippet" | grep -v '^using '
  cat <<'EOF'
var app = builder.Build();
app.MapHealthChecks("/health");
app.MapGet("/roundtrip/{key}", async (string key, string value, IDistributedCache cache) =>
{
    await cache.SetStringAsync(key, value);
    return await cache.GetStringAsync(key);
});
app.Run();
EOF
} >"$app/Program.cs"

step "dotnet build the app"
(cd "$app" && dotnet build -c Release --disable-build-servers >"$work/build.log" 2>&1) || fail "the app with the README's snippet does not build:
$(grep -E 'error|warn' "$work/build.log" | sort -u)
Program.cs:
$(cat "$app/Program.cs")"

app_port=0
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 20000))
  (echo > "/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { app_port=$candidate; break; }
done
[ "$app_port" -ne 0 ] || fail "no free loopback port for the app"
(cd "$app" && exec dotnet bin/Release/net10.0/VerifyApp.dll --urls "http://127.0.0.1:$app_port") >"$work/app.log" 2>&1 &
app_pid=$!

# The cache starts on memory and moves to Redis once it has connected; /health says Healthy from then on.
health=""
for _ in $(seq 1 300); do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(tail -n 20 "$work/app.log")"
  health=$(curl -s "http://127.0.0.1:$app_port/health" || true)
  [ "$health" = "Healthy" ] && break
  sleep 0.1
done
[ "$health" = "Healthy" ] || fail "the app's cache never reported Healthy on Redis 127.0.0.1:$port (last: '$health'): $(tail -n 20 "$work/app.log")"

key=verify-$RANDOM$RANDOM value=from-the-package-$RANDOM
answer=$(curl -sf "http://127.0.0.1:$app_port/roundtrip/$key?value=$value") || fail "GET /roundtrip/$key failed: $(tail -n 20 "$work/app.log")"
[ "$answer" = "$value" ] || fail "the cache returned '$answer' for $key, expected '$value'"
stored=$(redis-cli -p "$port" --scan --pattern "*$key*")
[ -n "$stored" ] || fail "the app answered '$value' but no key matching *$key* is in Redis 127.0.0.1:$port"
redis-cli -p "$port" get "$stored" | grep -q "$value" || fail "Redis key '$stored' does not hold '$value'"

step "OK: tool installed and ran (doctor exit $doctor_exit); the app served '$value' through Redis key '$stored'"
