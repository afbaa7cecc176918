#!/usr/bin/env bash
# Builds Xdebug 3.5.3, the peer of the differential test on PHPs that have no
# Debian xdebug package (PHP 8.4 here), against one PHP build, and prints the
# path of its xdebug.so.
#   bash tests/diff/build-xdebug.sh PHP_PREFIX
# PHP_PREFIX holds bin/php, bin/phpize and bin/php-config (a prefix printed
# by tests/php-builds/build.sh). The source is the unmodified Xdebug tarball
# in the shared/peers/ folder beside this tree or, for a clone, beside the
# repository it was cloned from (override with XDEBUG_TARBALL), checked
# against the
# sha256 pinned below; nothing of it is copied into this tree. The build is
# kept under $PROFILER_PHP_CACHE (default /var/cache/profiler-php), keyed by
# the tarball and the PHP it was built for (its prefix, version, extension
# build id and configure options), so a later run reuses it; builds for one
# PHP are serialized by a lock. Only progress goes to stderr.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:?usage: build-xdebug.sh PHP_PREFIX}
prefix=$(cd "$prefix" && pwd)
cache=${PROFILER_PHP_CACHE:-/var/cache/profiler-php}
version=3.5.3
tarball=${XDEBUG_TARBALL:-}
if [ -z "$tarball" ]; then
	# beside this tree, then beside the repository a clone came from, then
	# the workplace's shared folder
	origin=$(git -C "$here" remote get-url origin 2>/dev/null || true)
	for dir in "$here/../../.." "${origin%/}/.." /work; do
		[ -f "$dir/shared/peers/xdebug-$version.tar.gz" ] || continue
		tarball=$dir/shared/peers/xdebug-$version.tar.gz
		break
	done
	[ -n "$tarball" ] || { echo "xdebug-$version.tar.gz not found in shared/peers/ beside $here/../.. or ${origin:-its origin}; set XDEBUG_TARBALL" >&2; exit 1; }
fi
sha256=4893c67c6cb262ff2539c64bd47f24761967e08137db9dc2ae6a00bfccf22fb1

for t in php phpize php-config; do
	[ -x "$prefix/bin/$t" ] || { echo "$prefix/bin/$t not found" >&2; exit 1; }
done
[ -f "$tarball" ] || { echo "$tarball not found" >&2; exit 1; }

# raise when the steps below change what a build holds
recipe=1
php_version=$("$prefix/bin/php-config" --version)
build_id=$("$prefix/bin/php" -n -r 'echo PHP_VERSION, " ", PHP_ZTS, " ", PHP_DEBUG, " ", PHP_EXTENSION_DIR;')
key=$(printf '%s\n' "$recipe" "$sha256" "$prefix" "$php_version" "$build_id" \
	"$("$prefix/bin/php-config" --configure-options)" | sha256sum | cut -c1-12)
dir=$cache/xdebug-$version-$(basename "$prefix")-$key
so=$dir/xdebug.so

mkdir -p "$cache"
exec 9>"$cache/.lock-xdebug-$(basename "$prefix")"
flock 9
if [ -f "$so" ] && [ -f "$dir/.complete" ]; then
	echo "$so"
	exit 0
fi

echo "$sha256  $tarball" | sha256sum -c --quiet - >/dev/null 2>&1 \
	|| { echo "sha256 mismatch for $tarball (want $sha256)" >&2; exit 1; }

work=$dir.build
rm -rf "$work" "$dir"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work" --strip-components=1
log=$dir.log
echo "building Xdebug $version for $prefix into $dir; log: $log" >&2
(
	cd "$work"
	"$prefix/bin/phpize"
	./configure --with-php-config="$prefix/bin/php-config" --enable-xdebug
	make -j"$(nproc)"
) >"$log" 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
mkdir -p "$dir"
cp "$work/modules/xdebug.so" "$so"
# it must load into that PHP
if ! "$prefix/bin/php" -n -d "zend_extension=$so" -r 'exit(extension_loaded("xdebug") ? 0 : 1);' >>"$log" 2>&1; then
	echo "the Xdebug just built does not load into $prefix/bin/php; see $log" >&2
	exit 1
fi
rm -rf "$work"
touch "$dir/.complete"
echo "$so"
