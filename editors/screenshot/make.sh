#!/usr/bin/env bash
# Regenerates editors/screenshot.png, the picture of a highlighted plan in docs/editors.md: the first
# lines of editors/samples/sample.piano, coloured by the VS Code grammar (render.js), shot
# with headless Chromium. Needs node, `npm ci` in editors/vscode, and chromium.
#
#   editors/screenshot/make.sh [FIRST-LAST]      # default 1-74
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1-74}
first=${lines%-*}
last=${lines#*-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node editors/screenshot/render.js editors/samples/sample.piano "$lines" >"$work/page.html"
# 20px per line, plus the code's padding, the tab bar and the page margins.
height=$(((last - first + 1) * 20 + 20 + 32 + 34))
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
  --screenshot="$PWD/editors/screenshot.png" --window-size="1000,$height" \
  "file://$work/page.html" 2>"$work/chromium.log" ||
  { cat "$work/chromium.log"; exit 1; }
echo "wrote editors/screenshot.png (1000x$height)"
