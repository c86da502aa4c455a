#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS on its committed seeds plus the corpus it grew
# before (WORK/corpus/<target>), and prints the executions done. A finding is saved in
# WORK/findings/<target>/ and makes this exit non-zero.
#   run_fuzzer.sh TARGET_BINARY WORK SECONDS [libFuzzer options...]
set -euo pipefail
binary=$1 work=$2 seconds=$3
shift 3
name=$(basename "$binary")
short=${name#fuzz_}
seeds=$(cd "$(dirname "$0")" && pwd)/corpus/$short
corpus=$work/corpus/$short
findings=$work/findings/$short
mkdir -p "$corpus" "$findings"
log=$work/$short.log
case $short in
  extract_document) options=(-max_len=16384 -rss_limit_mb=4096 -timeout=60) ;;
  jsonl_reader | extraction_reader) options=(-max_len=8192 -timeout=20) ;;
  *) options=(-max_len=4096 -timeout=20) ;;
esac
if [ -f "$seeds/../$short.dict" ]; then options+=(-dict="$seeds/../$short.dict"); fi
set +e
# ASan: no leak checks on exit (the extractor's models are loaded once and kept).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  "$binary" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$findings/" "$@" "$corpus" "$seeds" >"$log" 2>&1
status=$?
set -e
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log" >&2
  echo "fuzz $short: FINDING after $executions executions (exit $status); input in $findings/" >&2
  exit 1
fi
echo "fuzz $short: ${seconds}s, $executions executions, no finding"
