#!/bin/bash
# Start the real `workbench` process on a virtual X screen, review the sample cable with the
# keyboard and save the window as docs/images/window.png for the README. A name in paragraph 2
# is redacted first with `workbench review find --apply` (the screenshot tool's synthetic
# Ctrl+ keys leave the letter auto-repeating in a dialog); then the keys A (release 1), J, R
# (withhold 3) are sent to the window. Needs xvfb, xdotool and imagemagick.
#   benchmarks/screenshot.sh [OUT.png]
set -eu
cd "$(dirname "$0")/.."
out=${1:-docs/images/window.png}
tool=${SCREENSHOT_TOOL:-../shared/tools/screenshot}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# A private home with settings, so the first-run dialog does not cover the window.
mkdir -p "$home/config"
echo '{"reviewer": "J. Reviewer", "case_number": "F-2026-00042"}' > "$home/config/settings.json"
raw="$home/screen.png"
WORKBENCH_HOME=$home python3 -m workbench review find "Kim Hye-jin" resources/samples/07SEOUL219.txt \
    --codes "(b)(6)" --apply --reviewer "J. Reviewer" >/dev/null
WORKBENCH_HOME=$home "$tool" "$raw" --wait 4 --keys "a j r" -- python3 -m workbench
# The window sits at the top left of the 1440x900 screen; keep the window, in 256 colours.
convert "$raw" -crop 1400x860+0+0 +repage -colors 256 PNG8:"$out"
echo "wrote $out ($(du -k "$out" | cut -f1) KB)"
