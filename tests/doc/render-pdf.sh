#!/bin/sh
# render-pdf.sh HTML PDF [PNG] - prints an HTML document to PDF (and, with
# a third argument, a screenshot of its first screen to PNG) in headless
# Chromium, which `make deps-test` installs.  Used by `make doc-pdf`.
set -e
html=$1
pdf=$2
png=$3
[ -f "$html" ] || { echo "render-pdf.sh: no such file: $html" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-pdf.sh: Chromium is not installed (make deps-test installs it)" >&2; exit 1; }
case $html in /*) url="file://$html" ;; *) url="file://$(pwd)/$html" ;; esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --no-first-run --user-data-dir=$profile"
rm -f "$pdf"
# shellcheck disable=SC2086
timeout 180 "$browser" $flags --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null 2>&1 || true
if ! head -c 5 "$pdf" 2>/dev/null | grep -q '%PDF-'; then
  echo "render-pdf.sh: Chromium did not print $html" >&2
  exit 1
fi
if [ -n "$png" ]; then
  # shellcheck disable=SC2086
  timeout 180 "$browser" $flags --hide-scrollbars --window-size=1000,1400 \
    --screenshot="$png" "$url" >/dev/null 2>&1 || true
fi
echo "wrote $pdf${png:+ and $png}"
