# shellcheck shell=bash
# Shared helpers for run.sh and selftest.sh (sourced, not executed).
# Uses only bash, coreutils, php and callgrind_annotate.

DIFF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$DIFF_DIR/../.." && pwd)
CORPUS_DIR="$DIFF_DIR/corpus"
PHP_BIN=${PHP:-php}
PROFILER_SO=${PROFILER_SO:-$ROOT_DIR/modules/profiler.so}
# Xdebug as a zend_extension= value: a path (tests/diff/build-xdebug.sh
# prints one for a PHP built from source) or, by default, the name of the
# xdebug.so in PHP's extension_dir (Debian's php8.2-xdebug)
XDEBUG_SO=${XDEBUG_SO:-xdebug}
# per-run time limits (seconds)
CASE_TIMEOUT=${CASE_TIMEOUT:-120}
PHPCS_TIMEOUT=${PHPCS_TIMEOUT:-900}

# Same settings for every PHP run: no opcache (the optimizer would change
# which calls exist), fixed locale and time zone, and Debian's include_path
# (its php.ini sets it; a PHP built from source has no php.ini, and phpcs
# finds its autoloader through it).
PHP_COMMON=(-d opcache.enable_cli=0 -d opcache.enable=0 -d date.timezone=UTC
    -d include_path=.:/usr/share/php)
export LC_ALL=C TZ=UTC

# Xdebug must be loadable but is not loaded by default.
have_xdebug() {
    "$PHP_BIN" -d "zend_extension=$XDEBUG_SO" -r 'exit(extension_loaded("xdebug") ? 0 : 1);' 2>/dev/null
}

# versions of the PHP and the Xdebug under test, e.g. "8.4.16 3.5.3"
peer_versions() {
    "$PHP_BIN" -d "zend_extension=$XDEBUG_SO" -r 'echo PHP_VERSION, " ", phpversion("xdebug");' 2>/dev/null
}

# phpcs command line used for the "real program" case.  --report=json is
# used instead of --report=summary because the summary report prints the
# run time through PHP_CodeSniffer\Util\Timing::printRunTime(), whose
# round() call sits on a different line depending on whether the run took
# more or less than one second (time-dependent control flow).
PHPCS_BIN=${PHPCS_BIN:-/usr/bin/phpcs}
phpcs_target() {
    local t
    for t in /usr/share/php/Twig /usr/share/php/PHP/CodeSniffer/src/Standards/PSR12; do
        if [ -d "$t" ]; then
            echo "$t"
            return 0
        fi
    done
    return 1
}
phpcs_args() {
    printf '%s\n' "$PHPCS_BIN" --standard=PSR12 --report=json --no-colors -q \
        --parallel=1 --no-cache --extensions=php "$1"
}

# run_xdebug OUTDIR OUTNAME SCRIPT [ARGS...]
#   profiles SCRIPT with Xdebug into OUTDIR/OUTNAME (uncompressed);
#   stdout/stderr/exit code go to OUTDIR/OUTNAME.{stdout,stderr,rc}
run_xdebug() {
    local dir=$1 name=$2
    shift 2
    case "$1" in /*) ;; *) set -- "$PWD/$1" "${@:2}" ;; esac
    local limit=$CASE_TIMEOUT
    [ "${IS_PHPCS:-0}" = 1 ] && limit=$PHPCS_TIMEOUT
    (
        cd "$(dirname "$1")" || exit 99
        timeout "$limit" "$PHP_BIN" "${PHP_COMMON[@]}" \
            -d "zend_extension=$XDEBUG_SO" \
            -d xdebug.mode=profile \
            -d xdebug.start_with_request=yes \
            -d "xdebug.output_dir=$dir" \
            -d xdebug.use_compression=0 \
            -d "xdebug.profiler_output_name=$name" \
            "$@" >"$dir/$name.stdout" 2>"$dir/$name.stderr" </dev/null
        echo $? >"$dir/$name.rc"
    )
}

# run_profiler OUTDIR OUTNAME COMPRESSION SCRIPT [ARGS...]
#   profiles SCRIPT with the profiler extension; COMPRESSION is 0, 1 or
#   "default" (setting not passed)
run_profiler() {
    local dir=$1 name=$2 comp=$3
    shift 3
    case "$1" in /*) ;; *) set -- "$PWD/$1" "${@:2}" ;; esac
    local limit=$CASE_TIMEOUT
    [ "${IS_PHPCS:-0}" = 1 ] && limit=$PHPCS_TIMEOUT
    local extra=()
    [ "$comp" != default ] && extra=(-d "profiler.use_compression=$comp")
    (
        cd "$(dirname "$1")" || exit 99
        timeout "$limit" "$PHP_BIN" "${PHP_COMMON[@]}" \
            -d "extension=$PROFILER_SO" \
            -d profiler.mode=profile \
            -d "profiler.output_dir=$dir" \
            -d "profiler.output_name=$name" \
            "${extra[@]}" \
            "$@" >"$dir/$name.stdout" 2>"$dir/$name.stderr" </dev/null
        echo $? >"$dir/$name.rc"
    )
}

# run_plain OUTDIR NAME SCRIPT [ARGS...]  -- no profiler at all
run_plain() {
    local dir=$1 name=$2
    shift 2
    case "$1" in /*) ;; *) set -- "$PWD/$1" "${@:2}" ;; esac
    local limit=$CASE_TIMEOUT
    [ "${IS_PHPCS:-0}" = 1 ] && limit=$PHPCS_TIMEOUT
    (
        cd "$(dirname "$1")" || exit 99
        timeout "$limit" "$PHP_BIN" "${PHP_COMMON[@]}" "$@" \
            >"$dir/$name.stdout" 2>"$dir/$name.stderr" </dev/null
        echo $? >"$dir/$name.rc"
    )
}

# indent FILE [MAXLINES] -- print a file indented, at most MAXLINES lines
indent() {
    local max=${2:-40} n=0 line
    [ -f "$1" ] || return 0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        if [ "$n" -gt "$max" ]; then
            echo "    ..."
            break
        fi
        printf '    %s\n' "$line"
    done <"$1"
}

# same_file A B -- byte comparison (cmp is diffutils, not coreutils: use php)
same_file() {
    "$PHP_BIN" -r 'exit(@file_get_contents($argv[1]) === @file_get_contents($argv[2]) ? 0 : 1);' "$1" "$2"
}

# annotate FILE OUTPREFIX -- run callgrind_annotate on a (possibly gzip)
# profile; returns its exit status; stderr in OUTPREFIX.stderr
annotate() {
    local f=$1 out=$2 plain=$1
    if [ "$("$PHP_BIN" -r 'echo bin2hex((string) @file_get_contents($argv[1], false, null, 0, 2));' "$f")" = 1f8b ]; then
        plain="$out.plain"
        "$PHP_BIN" "$DIFF_DIR/cgparse.php" cat "$f" >"$plain" || return 2
    fi
    callgrind_annotate "$plain" >"$out.stdout" 2>"$out.stderr"
}
