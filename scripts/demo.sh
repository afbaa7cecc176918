#!/usr/bin/env bash
# Builds the profiler extension and profiles the bundled example,
# examples/demo.php, then prints the profile's path and its top functions by
# self time (callgrind_annotate --inclusive=no).
#
# usage: bash scripts/demo.sh
#
# On a fresh Debian 12 machine, run it as root: it installs what it needs
# (php8.2-dev, php8.2-cli, zlib1g-dev, valgrind for callgrind_annotate, and
# gcc/make). The build happens in the source tree (phpize, configure, make),
# as in docs/install.md; nothing is installed into PHP's extension directory.
#
# environment:
#   PROFILER_DEMO_DIR   where the profile goes (default /tmp/profiler-demo)
#   PROFILER_DEMO_LINES how many lines of callgrind_annotate to show (30)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="${PROFILER_DEMO_DIR:-/tmp/profiler-demo}"
lines="${PROFILER_DEMO_LINES:-30}"
cd "$root"

# 1. Packages. Only missing ones are installed, so a second run is quick.
packages=(php8.2-dev php8.2-cli zlib1g-dev valgrind gcc make)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "demo.sh: these packages are missing: ${missing[*]}" >&2
        echo "demo.sh: run as root, or install them first: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "==> Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Build: phpize && ./configure --enable-profiler && make, as a user would.
#    phpize and configure run again only when config.m4 changed.
if [ ! -f Makefile ] || [ ! -f configure ] || [ config.m4 -nt configure ]; then
    echo "==> phpize && ./configure --enable-profiler"
    phpize8.2 >/dev/null 2>&1 || phpize >/dev/null
    ./configure --enable-profiler --with-php-config="$(command -v php-config8.2 || command -v php-config)" >/dev/null
fi
echo "==> make"
make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
so="$root/modules/profiler.so"
php_bin="$(command -v php8.2 || command -v php)"
[ -f "$so" ] || { echo "demo.sh: the build did not produce $so" >&2; exit 1; }

# 3. Profile the example. Plain text (use_compression=0), because
#    callgrind_annotate does not read gzip; -n keeps any php.ini (and any
#    other profiler or debugger loaded there) out of the way.
mkdir -p "$out_dir"
name="cachegrind.out.demo"
rm -f "$out_dir/$name"
echo "==> php examples/demo.php, profiled"
"$php_bin" -n \
    -d "extension=$so" \
    -d profiler.mode=profile \
    -d "profiler.output_dir=$out_dir" \
    -d "profiler.output_name=$name" \
    -d profiler.use_compression=0 \
    examples/demo.php >/dev/null
profile="$out_dir/$name"
[ -s "$profile" ] || { echo "demo.sh: no profile was written to $profile" >&2; exit 1; }

echo
echo "Profile: $profile"
echo
echo "Top functions by self time (callgrind_annotate --inclusive=no):"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
callgrind_annotate --inclusive=no "$profile" >"$report"
# skip callgrind_annotate's preamble: show the totals and the function table
start="$(grep -n -m1 'PROGRAM TOTALS' "$report" | cut -d: -f1 || true)"
first=$(( ${start:-3} > 2 ? ${start:-3} - 2 : 1 ))
sed -n "${first},$(( first + lines - 1 ))p" "$report"
echo
echo "Open it in KCacheGrind or QCacheGrind: kcachegrind $profile"
echo "More: docs/viewing.md"
