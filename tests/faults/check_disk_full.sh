#!/usr/bin/env bash
# A full disk never leaves a partial file in place of a good one, and the message says so.
#   check_disk_full.sh KGFORGE SOURCE_DIR rlimit   (unprivileged: a file size limit, EFBIG)
#   check_disk_full.sh KGFORGE SOURCE_DIR tmpfs    (a small tmpfs as output folder, ENOSPC;
#       mounted in a user + mount namespace, so no root is needed where user namespaces are
#       allowed; exits 77, "skipped", with the reason when no tmpfs can be mounted)
set -uo pipefail
kgforge=$1 source_dir=$2 mode=$3
work=$(mktemp -d)
trap 'umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
samples=$source_dir/samples
other=("$source_dir/tests/data/adversarial.jsonl" --from-extractions)
formats=(graphml gexf cypher neo4j-csv jsonld turtle ntriples nquads json)
# The file --format all gives each single-file format.
file_of() {
  case $1 in
    turtle) echo graph.ttl ;;
    ntriples) echo graph.nt ;;
    nquads) echo graph.nq ;;
    *) echo "graph.$1" ;;
  esac
}

# The good outputs (of samples/) in $1, a copy kept in $work/good to compare with.
write_good() {
  "$kgforge" build "$samples" --format all -o "$1" -q || fail "writing the good outputs"
  rm -rf "$work/good" && cp -a "$1" "$work/good"
}
# After a failed write into $1: exit 2, the message, the good outputs untouched, no litter.
check_intact() {
  local out=$1 status=$2 pattern=$3 what=$4
  [ "$status" -eq 2 ] || fail "$what: exit $status, expected 2: $(head -c 300 "$work/stderr")"
  grep -qE "$pattern" "$work/stderr" || fail "$what: message lacks /$pattern/: $(head -c 400 "$work/stderr")"
  grep -q "nothing was replaced" "$work/stderr" || fail "$what: the message does not say nothing was replaced"
  diff -r "$work/good" "$out" >/dev/null || fail "$what: a good output was changed"
  if ls -A "$out" | grep -q '\.tmp-'; then fail "$what: temporary files left: $(ls -A "$out")"; fi
}

if [ "$mode" = rlimit ]; then
  out=$work/out
  write_good "$out"
  for format in "${formats[@]}" all; do
    target=$out
    [ "$format" = all ] || [ "$format" = neo4j-csv ] || target=$out/$(file_of "$format")
    [ "$format" = neo4j-csv ] && target=$out/neo4j-import
    # 8 KiB: each output of the other input is larger.
    (ulimit -f 8; exec "$kgforge" build "${other[@]}" --format "$format" -o "$target" -q) 2>"$work/stderr"
    check_intact "$out" $? "write failed: File too large" "file size limit, --format $format"
  done
  echo "disk full (file size limit): every format failed cleanly, good outputs unchanged"
elif [ "$mode" = tmpfs ]; then
  mkdir -p "$work/disk"
  if [ -z "${KGFORGE_IN_NAMESPACE:-}" ]; then
    # Mount in a namespace of our own: works unprivileged, and root needs no clean-up.
    if unshare --user --map-root-user --mount true 2>/dev/null; then
      KGFORGE_IN_NAMESPACE=1 exec unshare --user --map-root-user --mount "$0" "$@"
    elif [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
      KGFORGE_IN_NAMESPACE=1 exec unshare --mount "$0" "$@"
    fi
    echo "SKIP: cannot mount a tmpfs: no user namespaces (unshare --user fails) and not root;" \
      "the file size limit test (faults.disk_full_rlimit) still covers a failing write" >&2
    exit 77
  fi
  if ! mount -t tmpfs -o size=16m tmpfs "$work/disk" 2>"$work/stderr"; then
    echo "SKIP: cannot mount a tmpfs: $(cat "$work/stderr")" >&2
    exit 77
  fi
  out=$work/disk/out
  write_good "$out"
  # Fill the disk, then write another graph over the good one.
  dd if=/dev/zero of="$work/disk/filler" bs=4k 2>/dev/null
  df -k "$work/disk" | tail -1 | awk '{ exit !($4 == 0) }' || fail "the disk is not full"
  for format in "${formats[@]}" all; do
    target=$out
    [ "$format" = all ] || [ "$format" = neo4j-csv ] || target=$out/$(file_of "$format")
    [ "$format" = neo4j-csv ] && target=$out/neo4j-import
    "$kgforge" build "${other[@]}" --format "$format" -o "$target" -q 2>"$work/stderr"
    check_intact "$out" $? "(write failed|cannot create output (file|folder)): No space left on device" "full tmpfs, --format $format"
  done
  # Space again: the same command now succeeds.
  rm -f "$work/disk/filler"
  "$kgforge" build "${other[@]}" --format all -o "$out" -q || fail "no success once there is space"
  echo "disk full (tmpfs): every format failed cleanly, good outputs unchanged"
fi
if [ "$failures" -gt 0 ]; then echo "$failures failed" >&2; exit 1; fi
