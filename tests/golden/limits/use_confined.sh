# `use` reaches only files below the folder of the root file: not a parent
# folder, not an absolute path elsewhere, not through a symbolic link that
# points outside.  The standard library (std/...) is the exception.
. ./_lib.sh
mkdir -p "$tmp/root/sub" "$tmp/outside"
printf 'unit secret "Secret"\n' >"$tmp/outside/x.charter"
printf 'unit fine "Fine"\n' >"$tmp/root/sub/ok.charter"
ln -s "$tmp/outside/x.charter" "$tmp/root/link.charter"
ln -s "$tmp/outside" "$tmp/root/dirlink"
{ printf 'use "sub/ok.charter"\nuse "../outside/x.charter"\nuse "/etc/passwd"\n'
  printf 'use "link.charter"\nuse "dirlink/x.charter"\nuse "sub/../../outside/x.charter"\n'
  head_agreement; } >"$tmp/root/main.charter"
( cd "$tmp/root" && "$CHARTERC" check main.charter ) >"$tmp/out.txt" 2>&1
st=$?
cat "$tmp/out.txt"
echo "[exit $st]"
