#!/usr/bin/env bash
# Builds one of the PHPs the suite runs on, from the upstream tarball in
# Debian's pool, into a cache outside the clone, and prints its prefix.
#   bash tests/php-builds/build.sh NAME     NAME: 8.4-nts, 8.4-zts-debug, 8.2-zts-debug
# The tarball comes from the Debian mirror this machine's apt already uses
# (read from its sources files) and must match the sha256 pinned below.
# A build is kept under $PROFILER_PHP_CACHE (default /var/cache/profiler-php),
# keyed by version and flags (and $recipe, raised when the steps below change
# what a build holds), so a later run on the same machine reuses it. Builds
# of one name are serialized by a lock, so concurrent callers wait for one
# build instead of building into each other.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=${1:?usage: build.sh 8.4-nts|8.4-zts-debug|8.2-zts-debug}
cache=${PROFILER_PHP_CACHE:-/var/cache/profiler-php}

# what the test suite needs and nothing more: CLI and CGI for phpt, pcntl
# and posix for the signal and fork tests, zlib for gzip profiles, opcache
# for the JIT test, and what phpcs needs in the differential test
# (tokenizer, ctype, simplexml, xmlwriter); PCRE is the system's library,
# which saves compiling PHP's bundled copy
common=(--disable-all --enable-cli --enable-cgi --disable-phpdbg --without-pear
	--enable-tokenizer --enable-ctype --with-zlib --enable-pcntl --enable-posix --enable-opcache
	--with-libxml --enable-xml --enable-simplexml --enable-xmlwriter --with-external-pcre)

case "$name" in
# the differential test's Twig case, run on 8.4 NTS, needs mbstring
8.4-nts) version=8.4.16; flags=(--enable-mbstring --disable-mbregex) ;;
8.4-zts-debug) version=8.4.16; flags=(--enable-zts --enable-debug --with-apxs2=/usr/bin/apxs2) ;;
8.2-zts-debug) version=8.2.29; flags=(--enable-zts --enable-debug) ;;
*) echo "unknown build $name" >&2; exit 2 ;;
esac
branch=${version%.*}
tarball=php${branch}_${version}.orig.tar.xz
sha256=$(awk -v f="$tarball" '$2 == f {print $1}' "$here/SHA256SUMS")
[ -n "$sha256" ] || { echo "no pinned sha256 for $tarball in $here/SHA256SUMS" >&2; exit 1; }

# what configure needs on a fresh Debian 12 machine
need=(gcc make pkg-config curl xz-utils libxml2-dev zlib1g-dev libpcre2-dev)
case " ${flags[*]} " in *" --with-apxs2="*) need+=(apache2 apache2-dev) ;; esac
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	for try in 1 2 3; do
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && break
		[ "$try" = 3 ] && { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
		sleep 10
		apt-get update -qq || true
	done
fi

recipe=1
key=$(printf '%s\n' "$recipe" "$version" "${common[@]}" "${flags[@]}" | sha256sum | cut -c1-12)
prefix=$cache/php-$name-$key
mkdir -p "$cache/src"
exec 9>"$cache/.lock-$name"
flock 9
if [ -x "$prefix/bin/php" ] && [ -f "$prefix/.complete" ]; then
	echo "$prefix"
	exit 0
fi

# the first Debian archive URI of this machine's apt sources (not -security)
mirror() {
	local uri
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' | grep -v security | head -n 1)
	[ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n 1)
	[ -n "$uri" ] || { echo "no Debian mirror in the apt sources" >&2; return 1; }
	echo "${uri%/}"
}

if ! echo "$sha256  $cache/src/$tarball" | sha256sum -c --quiet - >/dev/null 2>&1; then
	url="$(mirror)/pool/main/p/php$branch/$tarball"
	echo "downloading $url" >&2
	curl -fsSL --retry 3 -o "$cache/src/$tarball.part" "$url"
	echo "$sha256  $cache/src/$tarball.part" | sha256sum -c --quiet - || { echo "sha256 mismatch for $tarball" >&2; exit 1; }
	mv "$cache/src/$tarball.part" "$cache/src/$tarball"
fi

work=$cache/build-$name-$key
rm -rf "$work" "$prefix"
mkdir -p "$work"
tar -xJf "$cache/src/$tarball" -C "$work" --strip-components=1
log=$cache/build-$name-$key.log
echo "building PHP $version ($name) into $prefix; log: $log" >&2
(
	cd "$work"
	./configure --prefix="$prefix" --with-config-file-path="$prefix/etc" "${common[@]}" "${flags[@]}"
	make -j"$(nproc)"
	# mod_php is loaded from the build tree, never installed into the system's Apache
	make install-cli install-cgi install-build install-headers install-programs install-modules
	[ ! -f libs/libphp.so ] || cp libs/libphp.so "$prefix/libphp.so"
	cp run-tests.php "$prefix/lib/run-tests.php"
	mkdir -p "$prefix/etc"
) >"$log" 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
rm -rf "$work"
touch "$prefix/.complete"
echo "$prefix"
