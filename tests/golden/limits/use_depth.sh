# A chain of `use` 2,000 files deep: refused at 64 levels with one message,
# never a stack overflow.
d=$(mktemp -d)
i=0
while [ $i -lt 2000 ]; do
  echo "use \"f$((i + 1)).charter\"" > "$d/f$i.charter"
  i=$((i + 1))
done
echo 'unit deep "deep"' > "$d/f2000.charter"
printf 'use "f0.charter"\nagreement a "A" {}\n' > "$d/root.charter"
(cd "$d" && "$CHARTERC" check root.charter 2>&1 | grep -c 'limit')
(cd "$d" && "$CHARTERC" check root.charter 2>&1 | grep 'limit' | sed 's/^f[0-9]*/fN/')
rm -rf "$d"
