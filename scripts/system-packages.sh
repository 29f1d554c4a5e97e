#!/usr/bin/env bash
# Install the Debian packages the product and the tests need when they are missing: Pango, HarfBuzz and a font
# for the PDF documents (WeasyPrint), headless Chromium for the browser tests, PostgreSQL. Needs root or sudo,
# as on CI and the project's machines.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(npm)  # axe-core for the browser tests (package.json)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
# WeasyPrint loads these with ctypes: Pango (text layout), HarfBuzz subset (fonts embedded in the PDF)
ldconfig -p | grep -q "libpango-1.0.so.0" || need+=(libpango-1.0-0)
ldconfig -p | grep -q "libpangoft2-1.0.so.0" || need+=(libpangoft2-1.0-0)
ldconfig -p | grep -q "libharfbuzz-subset.so.0" || need+=(libharfbuzz-subset0)
# the documents' font (DejaVu Sans): the same glyphs on every machine keep a reproduced PDF identical
fc-list 2>/dev/null | grep -q "DejaVuSans.ttf" || need+=(fonts-dejavu-core fontconfig)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${need[*]}" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "Please install: ${need[*]} (apt-get install ${need[*]})" >&2; exit 1; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
