#!/usr/bin/env bash
# Remakes docs/images/kcachegrind.png: KCacheGrind showing a real profile of
# a real Debian program, phpcs (php-codesniffer) checking the sources of
# Twig (php-twig) against PSR-12.
#
# usage (as root on Debian 12, from anywhere):
#   bash docs/images/make-kcachegrind.sh
#
# It installs what it needs, builds the extension if modules/profiler.so is
# missing, profiles phpcs, starts KCacheGrind on a virtual X display (Xvfb),
# selects PHP_CodeSniffer\Files\File->process with xdotool, shows its Callee
# Map and Call Graph, and takes a screenshot with ImageMagick's `import`.
# The clicks are positions on a 1400x900 screen with KCacheGrind's default
# layout; another KCacheGrind version may need other positions.
#
# environment:
#   XDISPLAY  X display number for Xvfb (default 99)
#   KEEP      1: keep the work directory (the profile) and print its path
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
png="$root/docs/images/kcachegrind.png"
display=":${XDISPLAY:-99}"
cd "$root"
install_packages kcachegrind xvfb imagemagick dbus-x11 xdotool graphviz procps
build_module

work="$(mktemp -d)"
xvfb_pid=""
kc_pid=""
cleanup() {
    [ -n "$kc_pid" ] && kill "$kc_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. The profile, uncompressed.
profile_phpcs "$work" profiler.use_compression=0
profile="$work/phpcs-twig.out"
[ -s "$profile" ] || { echo "no profile was written" >&2; exit 1; }
echo "profile: $(wc -c <"$profile") bytes, $(grep -c '^fn=' "$profile") functions"

# 2. KCacheGrind on a virtual screen, with the tip-of-the-day dialog off.
Xvfb "$display" -screen 0 1400x900x24 >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 2
mkdir -p "$work/home/.config"
printf '[TipOfDay]\nRunOnStart=false\n' >"$work/home/.config/kcachegrindrc"
export DISPLAY="$display"
HOME="$work/home" XDG_RUNTIME_DIR="$work/home" \
    dbus-run-session -- kcachegrind -geometry 1400x900+0+0 "$profile" >"$work/kcachegrind.log" 2>&1 &
drs_pid=$!
timeout 60 xdotool search --sync --class kcachegrind >/dev/null
sleep 5
kc_pid="$(pgrep -P "$drs_pid" kcachegrind | head -n 1 || true)"

# 3. Select File->process through the search box, show its Call Graph (lower
#    pane) and Callee Map (upper pane), clear the search, widen the list.
xdotool mousemove 128 89 click 1
xdotool type --delay 20 'Files\File->process'
sleep 1
xdotool mousemove 255 138 click 1
sleep 1
xdotool mousemove 521 856 click 1
sleep 1
xdotool mousemove 614 99 click 1
sleep 1
xdotool mousemove 128 89 click --repeat 3 1 key BackSpace
sleep 1
xdotool mousemove 334 470 mousedown 1
sleep 0.3
xdotool mousemove 500 470
sleep 0.3
xdotool mousemove 640 470
sleep 0.3
xdotool mouseup 1
sleep 3

import -window root "$png"
echo "wrote $png"
