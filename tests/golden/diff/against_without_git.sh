# Without git, an --against case is skipped and counted as skipped, not
# failed: tests/run-golden.sh, run over a copy of against_committed.sh with
# a PATH that has every tool it needs but git, reports one skip.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/tests/golden/diff" "$t/bin"
cp ../../run-golden.sh "$t/tests/"
cp _against.sh against_committed.sh "$t/tests/golden/diff/"
for tool in sh dirname basename mktemp cat diff sed cp rm head tail; do
    ln -s "$(command -v "$tool")" "$t/bin/$tool"
done
PATH="$t/bin" SUITE=diff sh "$t/tests/run-golden.sh"; echo "[exit $?]"
