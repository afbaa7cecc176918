#!/usr/bin/env bash
# Remakes docs/images/flamegraph.svg and docs/images/flamegraph.png: a flame
# graph of a real profile of a real Debian program, phpcs (php-codesniffer)
# checking the sources of Twig (php-twig) against PSR-12, drawn from the
# folded stacks that profiler.output_format=cachegrind,folded writes.
#
# usage (as root on Debian 12, from anywhere):
#   bash docs/images/make-flamegraph.sh
#
# It installs what it needs, builds the extension if modules/profiler.so is
# missing, profiles phpcs, draws the SVG with scripts/flamegraph.php (our own
# script: flamegraph.pl, inferno and speedscope are not packaged for Debian
# 12) and converts it to PNG with rsvg-convert. It prints the profile's
# files and the heaviest line of the folded stacks.
#
# environment:
#   KEEP  1: keep the work directory (the profile) and print its path
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
svg="$root/docs/images/flamegraph.svg"
png="$root/docs/images/flamegraph.png"
cd "$root"
install_packages librsvg2-bin
build_module

work="$(mktemp -d)"
cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. The profile, with folded stacks beside the Cachegrind file.
profile_phpcs "$work" profiler.output_format=cachegrind,folded
folded="$work/phpcs-twig.out.folded"
[ -s "$folded" ] || { echo "no folded stacks were written" >&2; exit 1; }
ls -l "$work"
echo "folded stacks: $(wc -l <"$folded") lines; the heaviest:"
awk '{ n = $NF + 0; if (n > max) { max = n; line = $0 } } END { print line }' "$folded"

# 2. The flame graph: SVG, then PNG for pages that do not show SVG.
php "$root/scripts/flamegraph.php" --short-names --width=1400 \
    --title='phpcs checking the sources of Twig against PSR-12' \
    -o "$svg" "$folded"
rsvg-convert --background-color=white -o "$png" "$svg"
echo "wrote $svg"
echo "wrote $png"
