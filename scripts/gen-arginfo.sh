#!/usr/bin/env bash
# Regenerates profiler_arginfo.h from profiler.stub.php with php-src's
# gen_stub.php (shipped by phpize), using Debian's php-parser package instead
# of the PHP-Parser tarball gen_stub.php would download.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="$(php-config --extension-dir)/build"
[ -f "$build_dir/gen_stub.php" ] || { echo "gen_stub.php not found in $build_dir (install php8.2-dev)" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || apt-get install -y -qq php-parser >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$build_dir/gen_stub.php" "$work/"
version=$(grep -o '\$version = "[0-9.]*"' "$work/gen_stub.php" | grep -o '[0-9.]*')
mkdir -p "$work/PHP-Parser-$version"
ln -s /usr/share/php "$work/PHP-Parser-$version/lib"
php "$work/gen_stub.php" -f profiler.stub.php
