#!/usr/bin/env bash
# Builds the sample service image from this checkout's source, with no registry:
# publishes the service and the heimnetz CLI self-contained for linux-x64 into
# artifacts/sample-image/, then builds samples/Heimnetz.Sample.Service/Dockerfile
# on that folder.
#
#   eng/sample-image.sh [--base IMAGE] [--tag TAG] [--cli FILE] [--no-publish]
#
#   --base IMAGE   BASE_IMAGE of the Dockerfile (default heimnetz/probe-base:1,
#                  from eng/images/build-images.sh; never pulled)
#   --tag TAG      image tag (default heimnetz/sample-service:dev)
#   --cli FILE     a heimnetz CLI this run already published the same way (the
#                  Cake Probe target's), instead of publishing it again
#   --no-publish   reuse what artifacts/sample-image/ already holds
#
# Prints the image id on stdout; progress goes to stderr.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base=heimnetz/probe-base:1
tag=heimnetz/sample-service:dev
publish=1
cli=""
while (($#)); do
  case "$1" in
    --base) base=${2:?--base needs an image}; shift 2 ;;
    --tag) tag=${2:?--tag needs a tag}; shift 2 ;;
    --cli) cli=${2:?--cli needs a file}; shift 2 ;;
    --no-publish) publish=""; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "sample-image: unknown argument '$1'; expected --base IMAGE, --tag TAG, --cli FILE or --no-publish" >&2; exit 2 ;;
  esac
done

out="$root/artifacts/sample-image"
say() { printf 'sample-image: %s\n' "$*" >&2; }

if ! docker image inspect "$base" >/dev/null 2>&1; then
  say "base image '$base' is not on this engine; build it (eng/images/build-images.sh probe-base-1) or pass --base"
  exit 1
fi

if [[ -n "$publish" ]]; then
  rm -rf "$out"
  say "publishing the service into $out/app"
  dotnet publish "$root/samples/Heimnetz.Sample.Service/Heimnetz.Sample.Service.csproj" -c Release -r linux-x64 \
    --self-contained -p:DebugType=none -o "$out/app" --nologo >&2
  if [[ -n "$cli" ]]; then
    [[ -x "$cli" ]] || { say "--cli '$cli' is not an executable file; expected a published heimnetz"; exit 1; }
    say "using the heimnetz CLI $cli"
    cp "$cli" "$out/heimnetz"
  else
    say "publishing the heimnetz CLI into $out"
    dotnet publish "$root/src/Heimnetz.Cli/Heimnetz.Cli.csproj" -c Release -r linux-x64 --self-contained \
      -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:DebugType=none -o "$out/cli" --nologo >&2
    mv "$out/cli/heimnetz" "$out/heimnetz"
    rm -rf "$out/cli"
  fi
fi

for needed in "$out/app/heimnetz-sample" "$out/heimnetz"; do
  [[ -x "$needed" ]] || { say "'$needed' is missing; run without --no-publish"; exit 1; }
done

say "building $tag on $base"
docker build --pull=false --quiet --build-arg "BASE_IMAGE=$base" --label org.heimnetz.sample=1 \
  -f "$root/samples/Heimnetz.Sample.Service/Dockerfile" -t "$tag" "$out"
