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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svg="$root/docs/images/flamegraph.svg"
png="$root/docs/images/flamegraph.png"
cd "$root"

packages=(librsvg2-bin php-codesniffer php-twig php8.2-dev php8.2-cli zlib1g-dev gcc make)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

so="$root/modules/profiler.so"
if [ ! -f "$so" ]; then
    phpize >/dev/null
    ./configure --enable-profiler >/dev/null
    make -j"$(nproc)" >/dev/null
fi

work="$(mktemp -d)"
cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. The profile, with folded stacks beside the Cachegrind file. phpcs exits
#    with 1 or 2 when it finds violations, which it does here; that is not a
#    failure of this script.
php -d "extension=$so" \
    -d profiler.mode=profile \
    -d "profiler.output_dir=$work" \
    -d profiler.output_name=phpcs-twig.out \
    -d profiler.output_format=cachegrind,folded \
    /usr/bin/phpcs --standard=PSR12 --report=summary -q --no-colors /usr/share/php/Twig >"$work/phpcs.txt" || true
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
