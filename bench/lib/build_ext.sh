# shellcheck shell=bash
# Sourced by run.sh and cachegrind.sh: builds the observer floors of
# bench/ext for one PHP. Needs BENCH_DIR, BUILD_DIR, PHPIZE and PHP_CONFIG
# set, and log and die defined.

# A directory name for the PHP that PHP_CONFIG belongs to: its version and a
# hash of where it lives and where its extensions go (API number, ZTS or
# not), so floors built for two PHPs never share a directory.
bench_php_key() {
	local ver where
	ver=$("$PHP_CONFIG" --version)
	where=$(readlink -f "$PHP_CONFIG")$'\n'$("$PHP_CONFIG" --extension-dir)
	printf 'php%s-%s\n' "$ver" "$(printf '%s\n' "$where" | md5sum | cut -c1-8)"
}

# build_ext NAME -> prints the path of NAME.so built for that PHP.
# Builds bench/ext/NAME out of tree into $BUILD_DIR/<php key>/NAME (phpize
# litters the source dir, so sources are copied first). Rebuilt only when
# its sources change.
build_ext() {
	local name=$1 src=$BENCH_DIR/ext/$1 dir dst so stamp
	dir=$BUILD_DIR/$(bench_php_key)
	dst=$dir/$name
	so=$dst/modules/$name.so
	# one build at a time: two harnesses (or cachegrind.sh runs) started
	# together would otherwise build into the same directory (this runs in
	# a $(...) subshell, whose exit drops the lock)
	mkdir -p "$dir"
	exec 9>"$dir/.$name.lock"
	flock 9
	stamp=$(cat "$src"/config.m4 "$src"/*.c | md5sum | cut -d' ' -f1)-$("$PHP_CONFIG" --version)
	if [ -e "$so" ] && [ "$(cat "$dst/.bench-stamp" 2>/dev/null)" = "$stamp" ]; then
		echo "$so"
		return 0
	fi
	log "Building $name.so in $dst ..."
	rm -rf "$dst"
	mkdir -p "$dst"
	cp "$src"/config.m4 "$src"/*.c "$dst"/
	(
		cd "$dst"
		"$PHPIZE" >phpize.log 2>&1
		CFLAGS="-O2 -g -Wall -Wextra" ./configure --with-php-config="$PHP_CONFIG" >configure.log 2>&1
		make >make.log 2>&1
	) || { cat "$dst"/*.log >&2; die "building $name failed (logs in $dst)"; }
	if grep -E ': (warning|error):' "$dst/make.log" >&2; then
		log "warning: $name built with compiler warnings (see $dst/make.log)"
	fi
	echo "$stamp" >"$dst/.bench-stamp"
	echo "$so"
}
