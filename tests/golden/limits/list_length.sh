# A list has no length limit of its own, only the file's: 10,000 partners
# named in one activity are read.
. ./_lib.sh
{ head_agreement
  i=0; while [ $i -lt 10000 ]; do printf 'partner p%d "P%d" { sector government }\n' $i $i; i=$((i + 1)); done
  printf 'activity act "A" {\n  lead p0\n  partners '
  i=1; while [ $i -lt 10000 ]; do printf 'p%d, ' $i; i=$((i + 1)); done
  printf 'p0\n}\n'
} >"$tmp/list.charter"
accepted list.charter
