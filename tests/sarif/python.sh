#!/bin/sh
# sh tests/sarif/python.sh: prints the Python that can validate SARIF, one
# whose jsonschema checks the "uri-reference" format (which needs rfc3987
# or rfc3986-validator: without either, jsonschema lets any string pass).
# Tried: python3 on the PATH, then Debian's, where `make deps-test`
# installs python3-jsonschema and python3-rfc3987. Exits 1 when none can.
for py in python3 /usr/bin/python3; do
  command -v "$py" >/dev/null 2>&1 || continue
  "$py" - <<'EOF2' 2>/dev/null && { command -v "$py"; exit 0; }
import sys, jsonschema
fc = jsonschema.FormatChecker()
sys.exit(0 if "uri-reference" in fc.checkers and not fc.conforms("a b", "uri-reference") else 1)
EOF2
done
exit 1
