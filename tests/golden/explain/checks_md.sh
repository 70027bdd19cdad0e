# docs/checks.md is generated from the list of checks (compiler/checks/checks.def):
# this case fails when the table changed and `make docs` was not run.
"$CHARTERC" explain --markdown | diff -u ../../../docs/checks.md - && echo "docs/checks.md is up to date"
