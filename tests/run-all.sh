#!/bin/sh
# Runs the plain test suite one part after the other: every part that
# tests/run-part.sh --list names (the cmocka unit tests, each golden suite,
# each test script tests/*/test_*.sh). Ends with tests/summary.sh's line,
# "N passed, N failed" (", N skipped (...)" naming what was skipped).
# `make check` runs the same parts in parallel.
BUILD=${BUILD:-build}
export BUILD
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
parts=$(sh tests/run-part.sh --list)
for part in $parts; do
  sh tests/run-part.sh "$part" "$results/$part.result"
done
# shellcheck disable=SC2086
sh tests/summary.sh "$results" $parts
