#!/bin/sh
# Runs the libFuzzer harnesses built by `make fuzz-build`, one after the
# other, each for FUZZ_SECONDS, nice'd (the machine is shared).
#   FUZZ_SECONDS  time per harness (default 60)
#   FUZZ_OUT      where the binaries are (default build/fuzz)
#   FUZZ_JOBS     parallel fuzzing processes per harness (default 1)
# Each harness starts from its committed seeds, tests/fuzz/corpus/NAME, and
# writes what it finds to FUZZ_OUT/corpus/NAME (kept between runs).  A crash,
# leak or timeout leaves its input in FUZZ_OUT/artifacts/ and makes the run
# fail; turn it into a regression test (tests/golden/fuzz/) before fixing it.
# The log of each run is FUZZ_OUT/NAME.log; a summary line per harness is
# printed at the end.
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_OUT=${FUZZ_OUT:-build/fuzz}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
out=$(cd "$FUZZ_OUT" && pwd) || exit 2
# The check harness compiles its input as the file fuzz.charter of the
# current directory: run it in an empty one, so `use` finds nothing but the
# standard library.
export CHARTER_PATH="$top/stdlib"
mkdir -p "$out/work" "$out/artifacts"
status=0
summary=""
[ $# -gt 0 ] || set -- parser check csv obs lsp
for name in "$@"; do
  bin="$out/fuzz_$name"
  [ -x "$bin" ] || { echo "no $bin (make fuzz-build)"; exit 2; }
  mkdir -p "$out/corpus/$name"
  dict=""
  [ -f "tests/fuzz/$name.dict" ] && dict="-dict=$top/tests/fuzz/$name.dict"
  echo "== fuzz_$name for ${FUZZ_SECONDS}s (log: $out/$name.log)"
  start=$(date +%s)
  ( cd "$out/work" && nice -n 10 "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 $dict \
      -artifact_prefix="$out/artifacts/$name-" \
      "$out/corpus/$name" "$top/tests/fuzz/corpus/$name" ) >"$out/$name.log" 2>&1
  st=$?
  secs=$(( $(date +%s) - start ))
  execs=$(grep -E '^stat::number_of_executed_units' "$out/$name.log" | awk '{print $2}')
  last=$(grep -E '^#[0-9]+' "$out/$name.log" | tail -n 1)
  cov=$(echo "$last" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
  ft=$(echo "$last" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
  units=$(echo "$last" | sed -nE 's/.*corp: ([0-9]+).*/\1/p')
  if [ $st -eq 0 ]; then verdict="no crash"; else verdict="FAILED (exit $st)"; status=1; fi
  line="fuzz_$name: ${secs}s, ${execs:-?} executions, cov ${cov:-?} edges, ft ${ft:-?}, corpus ${units:-?} inputs, $verdict"
  echo "$line"
  [ $st -eq 0 ] || { grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$out/$name.log" | head -20; }
  summary="$summary$line
"
done
echo
printf '%s' "$summary"
exit $status
