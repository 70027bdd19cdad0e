#!/bin/sh
# The property test of small-cell suppression: many random small ledgers
# (a fixed seed, so the same every run), and in every output the tracker
# writes (status's JSON, the dashboard's scorecard, tables and tooltips) no
# figure below the threshold is printed or can be worked out from the
# figures printed, totals add up where nothing is hidden, and nothing
# crashes (tests/tracker/privacy_random.py says how).  Run by
# tests/run-all.sh (`make test`); ends with "N passed, N failed".
. "$(dirname "$0")/harness.sh"

if ! command -v python3 >/dev/null 2>&1; then
  echo "skip privacy_random: python3 is not installed"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
"$CHARTERC" tracker "$here/privacy_random.charter" -o pr >/dev/null 2>&1 || bad "the tracker builds"
python3 "$here/privacy_random.py" "$tmp/pr" "$tmp" 60 >out.txt 2>&1
grep '^FAIL' out.txt
# Its checks count as this script's.
set -- $(tail -n 1 out.txt)
if [ "$2" = passed, ]; then
  pass=$((pass + $1)) fail=$((fail + $3))
else
  bad "privacy_random.py ends with its counts" out.txt
fi
finish
