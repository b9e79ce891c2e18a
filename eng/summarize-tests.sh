#!/usr/bin/env bash
# Sums the TRX files of one test run into the closing line CI reads: "N passed, N failed, N skipped".
set -euo pipefail
results_dir="${1:?usage: summarize-tests.sh RESULTS_DIR}"

passed=0 failed=0 total=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
  [ -n "$counters" ] || continue
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
skipped=$((total - passed - failed))
echo "$passed passed, $failed failed, $skipped skipped"
