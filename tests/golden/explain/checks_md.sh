# docs/checks.md is generated from the check table (compiler/checks/checktab.c):
# this case fails when the table changed and `make docs` was not run.
"$CHARTERC" explain --markdown | diff -u ../../../docs/checks.md - && echo "docs/checks.md is up to date"
