#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine (run as root):
#   bash tests/run-all.sh
# It installs what it needs, builds the extension with -Wall -Wextra (any
# warning fails), then runs every stage below and ends with one line
# "N passed, M failed" summed over all stages. Exit status is non-zero when
# anything failed. Set STAGES="unit phpt" to run a subset while developing.
#
# The first stages test Debian 12's PHP 8.2 (NTS). The php-* stages test
# PHPs built from source (tests/php-builds/build.sh, cached outside the
# clone): 8.4 NTS, 8.4 ZTS debug and 8.2 ZTS debug. Those run in a second
# lane, in the background, beside the 8.2 stages.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
export PROFILER_SO="$ROOT/modules/profiler.so"
LOGDIR=$(mktemp -d /tmp/profiler-tests.XXXXXX)
STAGES=${STAGES:-"build unit asan fuzz phpt valgrind diff jit integration package windows php-8.4-nts php-8.4-zts-debug php-8.2-zts-debug"}
# every result, "NAME<TAB>PASSED<TAB>FAILED" per line: stages run in two
# lanes (below), so results are summed from here at the end
RESULTS=$LOGDIR/results
: >"$RESULTS"

note() { printf '\n=== %s\n' "$*"; }

install_packages() {
	local pkgs=(php8.2-dev php8.2-cli php8.2-cgi php8.2-fpm php8.2-xdebug php8.2-opcache
		libcmocka-dev zlib1g-dev valgrind php-pear php-codesniffer php-twig
		nginx curl clang libclang-rt-14-dev make gcc)
	local missing=()
	for p in "${pkgs[@]}"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		note "installing: ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		# a mirror can fail for a moment: try three times before giving up
		local try
		for try in 1 2 3; do
			apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null && break
			[ "$try" = 3 ] && { echo "apt-get failed"; exit 1; }
			sleep 10
		done
	fi
	# Debian enables these for every PHP run once installed: the suite loads
	# them per command where they are the point.
	phpdismod xdebug tideways excimer >/dev/null 2>&1 || true
	# nginx and php-fpm services are not needed: the integration test starts
	# its own on 127.0.0.1.
}

# record NAME PASSED FAILED
record() {
	printf '%s\t%d\t%d\n' "$1" "$2" "$3" >>"$RESULTS"
	printf -- '--- %s: %d passed, %d failed\n' "$1" "$2" "$3"
}

# Reads the "N passed, M failed" line a stage printed; a stage that failed
# without one counts as one failure.
record_from_log() {
	local name=$1 rc=$2 log=$3 line p f
	line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed.*/\2/')
		f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	else
		p=0; f=0
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	record "$name" "$p" "$f"
}

stage_build() {
	note "build (phpize && ./configure --enable-profiler && make, -Wall -Wextra)"
	local log=$LOGDIR/build.log
	{ make distclean >/dev/null 2>&1; phpize && ./configure --enable-profiler && make clean && make -j"$(nproc)"; } >"$log" 2>&1
	local rc=$?
	if [ $rc -ne 0 ]; then tail -n 40 "$log"; record build 0 1; return; fi
	# warnings from our own sources (configure's own checks do not count)
	if grep -E '^(/[^ ]*)?(src/|php_profiler\.h|profiler_arginfo\.h)[^ ]*:[0-9]+:[0-9]+: warning' "$log"; then
		echo "the build has warnings"; record build 0 1; return
	fi
	[ -f "$PROFILER_SO" ] || { echo "no $PROFILER_SO"; record build 0 1; return; }
	php -n -d extension="$PROFILER_SO" -r 'exit(extension_loaded("profiler") ? 0 : 1);' || { record build 0 1; return; }
	record build 1 0
}

cmocka_counts() { # log -> "passed failed"
	local p f
	p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$1" | awk '{s+=$4} END {print s+0}')
	f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$1" | awk '{s+=$4} END {print s+0}')
	echo "$p $f"
}

stage_unit() {
	note "cmocka unit tests (src/lib without PHP)"
	local log=$LOGDIR/unit.log
	make -C tests/unit check >"$log" 2>&1; local rc=$?
	cat "$log" | grep -E '^\[  (PASSED|FAILED)  \]|FAILED|error' | head -40
	read -r p f < <(cmocka_counts "$log")
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -n 30 "$log"; fi
	record unit "$p" "$f"
}

stage_asan() {
	note "cmocka unit tests under ASan and UBSan"
	local log=$LOGDIR/asan.log
	make -C tests/unit check-asan >"$log" 2>&1; local rc=$?
	grep -E '^\[  (PASSED|FAILED)  \]|runtime error|ERROR: AddressSanitizer' "$log" | head -40
	read -r p f < <(cmocka_counts "$log")
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -n 30 "$log"; fi
	record asan "$p" "$f"
}

stage_fuzz() {
	note "fuzzing (libFuzzer, bounded time)"
	local log=$LOGDIR/fuzz.log
	make -C tests/fuzz run SECONDS="${FUZZ_SECONDS:-20}" >"$log" 2>&1; local rc=$?
	tail -n 3 "$log"
	# one result per target: a crash or a broken invariant fails it
	local targets failed
	targets=$(ls tests/fuzz/fuzz_*.c | wc -l)
	failed=$(grep -c '^### FAILED' "$log")
	if [ $rc -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
	record fuzz $((targets - failed)) "$failed"
}

# The PHP that run_phpt tests: Debian's 8.2 unless a php-* stage says so.
PHPT_PHP=/usr/bin/php8.2
PHPT_CGI=/usr/bin/php-cgi8.2
PHPT_RUNNER=run-tests.php

run_phpt() { # name log extra-args dirs...
	local name=$1 log=$2; shift 2
	local args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
	shift
	# The tests share fixed names under /tmp (profiles named in --INI--,
	# the --CLEAN-- lists of cg.inc), so the two lanes take turns: one of
	# them cleaned the other's directories while it ran.
	(
		flock 9
		TEST_PHP_EXECUTABLE=$PHPT_PHP TEST_PHP_CGI_EXECUTABLE=$PHPT_CGI NO_INTERACTION=1 \
			"$PHPT_PHP" -n "$PHPT_RUNNER" -q -n --show-diff -d extension="$PROFILER_SO" "${args[@]}" "$@" >"$log" 2>&1
	) 9>"$LOGDIR/phpt.lock"
	local rc=$?
	grep -E '^(FAIL|SKIP|LEAK|BORK)' "$log" | head -40
	local p f s
	p=$(grep -E '^Tests passed' "$log" | grep -oE ':\s+[0-9]+' | grep -oE '[0-9]+' | head -1)
	f=$(grep -E '^Tests failed' "$log" | grep -oE ':\s+[0-9]+' | grep -oE '[0-9]+' | head -1)
	s=$(grep -E '^Tests skipped' "$log" | grep -oE ':\s+[0-9]+' | grep -oE '[0-9]+' | head -1)
	local leaks
	leaks=$(grep -cE '^LEAK' "$log")
	p=${p:-0}; f=${f:-0}; s=${s:-0}
	# a skipped test hides a defect: it counts as a failure
	f=$((f + s + leaks))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -n 20 "$log"; fi
	record "$name" "$p" "$f"
}

PHPT_DIRS=(tests/profile tests/activation tests/robustness)

stage_phpt() {
	note "phpt tests (CLI and CGI)"
	[ -f run-tests.php ] || cp "$(php-config --extension-dir)/build/run-tests.php" . 2>/dev/null || cp /usr/lib/php/*/build/run-tests.php .
	run_phpt phpt "$LOGDIR/phpt.log" -- "${PHPT_DIRS[@]}"
}

# Not run under valgrind, with the reason; each still runs in the phpt stage:
VALGRIND_EXCLUDED=(
	# wall-time assertions (self times vs the script's own clock) cannot hold
	# under valgrind's 20-50x slowdown
	tests/profile/selftime_summary.phpt
	tests/robustness/fiber_suspended_costs_nothing.phpt
	tests/robustness/fibers_counts_selftime.phpt
	# drops privileges to nobody, who cannot write valgrind's log file
	tests/robustness/bad_output_dir_unwritable.phpt
)

stage_valgrind() {
	note "phpt tests under valgrind (USE_ZEND_ALLOC=0, run-tests -m)"
	[ -f run-tests.php ] || cp /usr/lib/php/*/build/run-tests.php .
	local tests=() t x skip
	for t in $(find "${PHPT_DIRS[@]}" -name '*.phpt' | sort); do
		skip=0
		for x in "${VALGRIND_EXCLUDED[@]}"; do [ "$t" = "$x" ] && skip=1; done
		[ $skip -eq 1 ] || tests+=("$t")
	done
	echo "${#tests[@]} tests; ${#VALGRIND_EXCLUDED[@]} timing or privilege tests run in the phpt stage only"
	USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 run_phpt valgrind "$LOGDIR/valgrind.log" -m -d pcre.jit=0 -- "${tests[@]}"
}

stage_diff() {
	note "differential test against Xdebug 3.2"
	local log=$LOGDIR/diff.log
	bash tests/diff/run.sh >"$log" 2>&1; local rc=$?
	grep -E '^(FAIL|not ok)' "$log" | head -20; tail -n 3 "$log"
	record_from_log diff $rc "$log"
}

stage_jit() {
	note "call counts with opcache and the tracing JIT"
	local log=$LOGDIR/jit.log
	bash tests/jit/run.sh >"$log" 2>&1; local rc=$?
	tail -n 5 "$log"
	record_from_log jit $rc "$log"
}

stage_integration() {
	note "php-fpm behind nginx on 127.0.0.1"
	local log=$LOGDIR/integration.log
	bash tests/integration/run.sh >"$log" 2>&1; local rc=$?
	grep -E '^(ok|not ok)' "$log" | head -40; tail -n 3 "$log"
	record_from_log integration $rc "$log"
}

stage_package() {
	note "package.xml"
	local log=$LOGDIR/package.log
	bash tests/package/check.sh >"$log" 2>&1; local rc=$?
	grep -E '^(ok|not ok)' "$log" | head -20
	record_from_log package $rc "$log"
}

stage_windows() {
	note "src/lib for Windows, with mingw-w64 (compiled, not run)"
	local log=$LOGDIR/windows.log
	bash tests/windows/cross-compile.sh >"$log" 2>&1; local rc=$?
	grep -E '^(FAIL|not ok)' "$log" | head -20; tail -n 1 "$log"
	record_from_log windows $rc "$log"
}

# The extension, built against PREFIX's PHP in a copy of the tree (the
# clone's own build stays Debian's); prints the .so's path.
build_extension_for() { # name prefix
	local name=$1 prefix=$2 dir=$LOGDIR/ext-$1
	rm -rf "$dir"
	mkdir -p "$dir"
	git ls-files -z | xargs -0 cp --parents -t "$dir"
	(
		cd "$dir" &&
			"$prefix/bin/phpize" &&
			./configure --with-php-config="$prefix/bin/php-config" --enable-profiler &&
			make -j"$(nproc)"
	) >"$LOGDIR/ext-$name.log" 2>&1 || { tail -n 30 "$LOGDIR/ext-$name.log" >&2; return 1; }
	if grep -E '^(/[^ ]*)?(src/|php_profiler\.h|profiler_arginfo\.h)[^ ]*:[0-9]+:[0-9]+: warning' "$LOGDIR/ext-$name.log" >&2; then
		echo "the build for $name has warnings" >&2
		return 1
	fi
	echo "$dir/modules/profiler.so"
}

# One PHP built from source: the extension, the phpt suite (a debug build
# fails a test on a leak report or an assertion), the JIT test, and what
# else suits that build.
stage_php() { # name
	local name=$1 prefix so
	note "PHP $name (built from source)"
	if ! prefix=$(bash tests/php-builds/build.sh "$name" 2>>"$LOGDIR/php-builds.log"); then
		tail -n 20 "$LOGDIR/php-builds.log"
		record "php-$name" 0 1
		return
	fi
	echo "PHP: $("$prefix/bin/php" -n -v | head -n 1)"
	if ! so=$(build_extension_for "$name" "$prefix"); then
		record "php-$name build" 0 1
		return
	fi
	record "php-$name build" 1 0
	# run_phpt reads these; bash's locals are seen by the functions called
	local PROFILER_SO=$so PHPT_PHP=$prefix/bin/php PHPT_CGI=$prefix/bin/php-cgi
	local PHPT_RUNNER=$prefix/lib/run-tests.php
	run_phpt "php-$name phpt" "$LOGDIR/phpt-$name.log" -- "${PHPT_DIRS[@]}"
	local log=$LOGDIR/jit-$name.log
	PHP=$prefix/bin/php PROFILER_SO=$so bash tests/jit/run.sh >"$log" 2>&1; local rc=$?
	tail -n 2 "$log"
	record_from_log "php-$name jit" $rc "$log"
	case "$name" in
	8.4-nts)
		local xdebug
		log=$LOGDIR/diff-$name.log
		if xdebug=$(bash tests/diff/build-xdebug.sh "$prefix" 2>"$LOGDIR/xdebug-$name.log"); then
			PHP=$prefix/bin/php PROFILER_SO=$so XDEBUG_SO=$xdebug bash tests/diff/run.sh >"$log" 2>&1; rc=$?
		else
			tail -n 20 "$LOGDIR/xdebug-$name.log" >"$log"; rc=1
		fi
		grep -E '^(FAIL|not ok)' "$log" | head -20; tail -n 3 "$log"
		record_from_log "php-$name diff" $rc "$log"
		;;
	8.4-zts-debug)
		log=$LOGDIR/threads-$name.log
		PHP_PREFIX=$prefix PROFILER_SO=$so bash tests/threads/run.sh >"$log" 2>&1; rc=$?
		grep -E '^(ok|not ok)' "$log" | head -20; tail -n 3 "$log"
		record_from_log "php-$name threads" $rc "$log"
		;;
	esac
}

# Two lanes: Debian's PHP 8.2 stages in the foreground, and the PHPs built
# from source (each tested once built) in the background, whose report is
# printed when both are done.
run_stage() { # stage
	local start=$SECONDS
	case "$1" in
	php-*) stage_php "${1#php-}" ;;
	*) "stage_$1" ;;
	esac
	printf -- '    (%s: %d s)\n' "$1" $((SECONDS - start))
}

debian_stages=()
built_stages=()
for stage in $STAGES; do
	case "$stage" in
	php-*) built_stages+=("$stage") ;;
	*) debian_stages+=("$stage") ;;
	esac
done

install_packages
built_pid=
if [ ${#built_stages[@]} -gt 0 ]; then
	# the PHPs are built one after the other from the start, with every
	# core make can get, while the two lanes test: the built lane's stages
	# ask build.sh for each build, which waits for it (a lock per build)
	(
		for stage in "${built_stages[@]}"; do
			start=$SECONDS
			bash tests/php-builds/build.sh "${stage#php-}" && echo "${stage#php-}: ready after $((SECONDS - start)) s"
		done
	) >>"$LOGDIR/php-builds.log" 2>&1 &
	note "PHPs built from source (${built_stages[*]}) run in the background; log: $LOGDIR/built.log"
	(for stage in "${built_stages[@]}"; do run_stage "$stage"; done) >"$LOGDIR/built.log" 2>&1 &
	built_pid=$!
fi
for stage in "${debian_stages[@]}"; do
	run_stage "$stage"
	if [ "$stage" = build ] && grep -q $'^build\t0\t' "$RESULTS"; then
		echo "the build failed; nothing else of Debian's PHP can run"
		break
	fi
done
if [ -n "$built_pid" ]; then
	wait "$built_pid"
	note "PHPs built from source"
	grep -E '^[0-9.]+-[a-z-]+: ready after' "$LOGDIR/php-builds.log"
	cat "$LOGDIR/built.log"
fi

echo
echo "logs: $LOGDIR"
failed_stages=$(awk -F'\t' '$3 > 0 {print $1}' "$RESULTS" | sort -u | paste -sd, -)
[ -z "$failed_stages" ] || echo "failed stages: $failed_stages"
read -r total_passed total_failed < <(awk -F'\t' '{p += $2; f += $3} END {print p + 0, f + 0}' "$RESULTS")
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
