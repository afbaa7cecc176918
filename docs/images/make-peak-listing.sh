#!/usr/bin/env bash
# Remakes the callgrind_annotate listings of the PeakMemory_(bytes) event
# shown in docs/viewing.md: a real profile of a real Debian program, phpcs
# (php-codesniffer) checking the sources of Twig (php-twig) against PSR-12,
# made with profiler.peak_memory=1.
#
# usage (as root on Debian 12, from anywhere):
#   bash docs/images/make-peak-listing.sh
#
# writes:
#   docs/images/peak-memory.txt            self cost, sorted by peak memory:
#       callgrind_annotate --show='PeakMemory_(bytes)' --sort='PeakMemory_(bytes)' FILE | head -n 30
#   docs/images/peak-memory-inclusive.txt  the same with --inclusive=yes --auto=no
#   docs/images/peak-memory.png            peak-memory.txt as a picture (SVG
#                                          text drawn by rsvg-convert)
#
# environment:
#   KEEP  1: keep the work directory (the profile) and print its path
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
images="$root/docs/images"
cd "$root"
install_packages valgrind librsvg2-bin fonts-dejavu-core
build_module

work="$(mktemp -d)"
cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# 1. The profile, uncompressed (callgrind_annotate does not read gzip), with
#    the third event.
profile_phpcs "$work" profiler.use_compression=0 profiler.peak_memory=1
[ -s "$work/phpcs-twig.out" ] || { echo "no profile was written" >&2; exit 1; }
grep '^events:' "$work/phpcs-twig.out"
grep '^summary:' "$work/phpcs-twig.out"

# 2. The listings. Run from the work directory, which holds none of the
#    profiled sources, so that callgrind_annotate prints full paths (see
#    docs/viewing.md) and names the profile without a temporary path. The
#    whole output is kept first: `| head` would end callgrind_annotate with
#    SIGPIPE, which `set -o pipefail` takes for a failure.
cd "$work"
callgrind_annotate --show='PeakMemory_(bytes)' --sort='PeakMemory_(bytes)' phpcs-twig.out >self.txt
head -n 30 self.txt >"$images/peak-memory.txt"
callgrind_annotate --inclusive=yes --auto=no --show='PeakMemory_(bytes)' --sort='PeakMemory_(bytes)' \
    phpcs-twig.out >inclusive.txt
head -n 30 inclusive.txt >"$images/peak-memory-inclusive.txt"
cat "$images/peak-memory.txt"

# 3. The picture: the self listing as monospaced text on a dark background.
php -n -r '
    $lines = file($argv[1], FILE_IGNORE_NEW_LINES);
    $font = 14; $lh = 18; $cw = 8.43; $pad = 16;
    $cols = max(array_map("strlen", $lines));
    $w = (int)ceil($cols * $cw + 2 * $pad); $h = count($lines) * $lh + 2 * $pad;
    $out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$w\" height=\"$h\">\n"
        . "<rect width=\"100%\" height=\"100%\" fill=\"#1e1e1e\"/>\n"
        . "<g font-family=\"DejaVu Sans Mono\" font-size=\"$font\" fill=\"#e0e0e0\">\n";
    foreach ($lines as $i => $l) {
        $y = $pad + ($i + 1) * $lh - 5;
        $out .= "<text x=\"$pad\" y=\"$y\" xml:space=\"preserve\">"
            . htmlspecialchars($l, ENT_XML1 | ENT_QUOTES | ENT_SUBSTITUTE, "UTF-8") . "</text>\n";
    }
    file_put_contents($argv[2], $out . "</g>\n</svg>\n");
' "$images/peak-memory.txt" "$work/peak-memory.svg"
rsvg-convert -o "$images/peak-memory.png" "$work/peak-memory.svg"
echo "wrote $images/peak-memory.txt"
echo "wrote $images/peak-memory-inclusive.txt"
echo "wrote $images/peak-memory.png"
