# Numbers are doubles: a literal beyond their range (1e999) is refused,
# and so is one of 128 characters or more; 2^53 and 1e308 are fine.
. ./_lib.sh
{ head_agreement
  printf 'indicator i "I" {\n  unit people\n  direction up\n'
  printf '  baseline 9_007_199_254_740_992 on 2025-01-01\n  target 1e308 by 2026-01-01\n}\n'
} >"$tmp/ok.charter"
accepted ok.charter
{ head_agreement
  printf 'indicator i "I" {\n  unit people\n  baseline 1e999 on 2025-01-01\n'
  printf '  target -1e400 by 2026-01-01\n  target '
  i=0; while [ $i -lt 130 ]; do printf '9'; i=$((i + 1)); done
  printf ' by 2026-06-01\n}\n'
} >"$tmp/over.charter"
run over.charter
