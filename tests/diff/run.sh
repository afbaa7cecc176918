#!/usr/bin/env bash
# Differential test: profiles every script in corpus/ (and one phpcs run
# over installed PHP sources) under Xdebug and under the profiler
# extension, then checks for each case that
#   0. (phpcs, twig) the program did its work without any profiler;
#   1. both wrote a profile;
#   2. the profiled program behaved as without any profiler (same exit
#      status and stdout as a plain `php` run; not checked for phpcs stdout);
#   3. compare.php finds the same function names, files and
#      (caller, callee, call-site line) call counts (known-differences.txt
#      lists allowed exceptions);
#   4. `cgparse.php check` accepts our profile;
#   5. callgrind_annotate reads our profile and exits 0.
#
# usage: tests/diff/run.sh [-k] [-v] [--no-phpcs] [--phpcs-only] [CASE...]
#   CASE      corpus script names (with or without .php) or "phpcs";
#             default: every corpus script and phpcs
#   -k        keep the work directory (printed at the end)
#   -v        verbose: also show details for passing cases
# environment:
#   PROFILER_SO      path of the extension (default: <repo>/modules/profiler.so)
#   PHP              php binary (default: php, Debian's 8.2)
#   XDEBUG_SO        Xdebug for that php, as a zend_extension= value
#                    (default: xdebug, i.e. Debian's php8.2-xdebug, 3.2);
#                    for a PHP built from source, the path that
#                    `tests/diff/build-xdebug.sh PHP_PREFIX` prints
#   CHECK_ARGS       extra options for `cgparse.php check`, e.g.
#                    "--time-tolerance=5"
#   STRICT_ANNOTATE  1: also fail when callgrind_annotate prints warnings
#   CASE_TIMEOUT / PHPCS_TIMEOUT  per-run limits in seconds (120 / 900)
#
# Output: a first line naming the PHP and Xdebug versions, one line per
# case, `ok NAME` or `FAIL NAME` (followed by indented details), then
# `N passed, M failed`.  Exit status 1 if any case failed or
# the extension is not built.

set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

keep=0
verbose=0
do_phpcs=1
only_phpcs=0
cases=()
for arg in "$@"; do
    case "$arg" in
        -k) keep=1 ;;
        -v) verbose=1 ;;
        --no-phpcs) do_phpcs=0 ;;
        --phpcs-only) only_phpcs=1 ;;
        -h|--help)
            while IFS= read -r l; do
                case "$l" in
                    '#!'*) ;;
                    '#'*) l=${l#\#}; echo "${l# }" ;;
                    *) break ;;
                esac
            done <"$0"
            exit 0
            ;;
        -*) echo "unknown option $arg" >&2; exit 2 ;;
        *) cases+=("${arg%.php}") ;;
    esac
done

if [ ! -f "$PROFILER_SO" ]; then
    echo "profiler extension not built: $PROFILER_SO does not exist"
    echo "(build it with phpize && ./configure && make in $ROOT_DIR, or set PROFILER_SO)"
    exit 1
fi
if ! command -v "$PHP_BIN" >/dev/null 2>&1; then
    echo "php not found"
    exit 1
fi
if ! have_xdebug; then
    echo "Xdebug cannot be loaded (-d zend_extension=$XDEBUG_SO) into $PHP_BIN;"
    echo "install php8.2-xdebug, or set XDEBUG_SO to what tests/diff/build-xdebug.sh prints"
    exit 1
fi
if ! command -v callgrind_annotate >/dev/null 2>&1; then
    echo "callgrind_annotate not found; install valgrind"
    exit 1
fi
if ! "$PHP_BIN" -d "extension=$PROFILER_SO" -r 'exit(extension_loaded("profiler") ? 0 : 1);' >/dev/null 2>&1; then
    echo "cannot load $PROFILER_SO:"
    "$PHP_BIN" -d "extension=$PROFILER_SO" -r '' 2>&1 | head -5
    exit 1
fi

read -r php_version xdebug_version <<<"$(peer_versions)"
echo "# PHP $php_version ($("$PHP_BIN" -r 'echo PHP_BINARY;')), Xdebug $xdebug_version, profiler $PROFILER_SO"

work=$(mktemp -d "${TMPDIR:-/tmp}/profiler-diff.XXXXXX")
if [ "$keep" = 0 ]; then
    trap 'rm -rf "$work"' EXIT
fi

passed=0
failed=0
read -r -a check_args <<<"${CHECK_ARGS:-}"

wanted() {
    local c
    [ "${#cases[@]}" -eq 0 ] && return 0
    for c in "${cases[@]}"; do
        [ "$c" = "$1" ] && return 0
    done
    return 1
}

# run_case NAME COMPRESSION COMPARE_STDOUT SCRIPT [ARGS...]
run_case() {
    local name=$1 comp=$2 cmp_stdout=$3
    shift 3
    local d="$work/$name"
    mkdir -p "$d"
    local problems="$d/problems.txt"
    : >"$problems"

    run_plain "$d" plain "$@"
    run_xdebug "$d" xdebug.out "$@"
    run_profiler "$d" profiler.out "$comp" "$@"

    local xp="$d/xdebug.out" pp=""
    [ -f "$d/profiler.out" ] && pp="$d/profiler.out"
    [ -z "$pp" ] && [ -f "$d/profiler.out.gz" ] && pp="$d/profiler.out.gz"

    local prc xrc plrc
    prc=$(cat "$d/profiler.out.rc")
    xrc=$(cat "$d/xdebug.out.rc")
    plrc=$(cat "$d/plain.rc")

    if [ ! -s "$xp" ]; then
        {
            echo "Xdebug wrote no profile (exit status $xrc); stderr:"
            indent "$d/xdebug.out.stderr" 10
        } >>"$problems"
    fi
    if [ "$comp" = 0 ] && [ -f "$d/profiler.out.gz" ]; then
        echo "profiler.use_compression=0 but a .gz file was written" >>"$problems"
    fi
    if [ "$comp" != 0 ] && [ -f "$d/profiler.out" ] && [ ! -f "$d/profiler.out.gz" ]; then
        echo "compression enabled but no .gz file was written (found uncompressed profiler.out)" >>"$problems"
    fi
    if [ -z "$pp" ]; then
        {
            echo "profiler wrote no profile in $d (exit status $prc); stderr:"
            indent "$d/profiler.out.stderr" 10
        } >>"$problems"
    fi
    if [ "$prc" != "$plrc" ]; then
        {
            echo "exit status with profiler is $prc, without any profiler $plrc; stderr:"
            indent "$d/profiler.out.stderr" 10
        } >>"$problems"
    fi
    # the program must do its work without any profiler: a phpcs that
    # cannot find its autoloader or a Twig without mbstring would compare
    # two profiles of the same fatal error
    if [ -n "${EXPECT_RC:-}" ] && ! [[ "$plrc" =~ ^($EXPECT_RC)$ ]]; then
        {
            echo "without any profiler the program exits with $plrc (expected $EXPECT_RC):"
            cat "$d/plain.stdout" "$d/plain.stderr" >"$d/plain.all"
            "$PHP_BIN" -r 'echo implode("", array_slice(preg_grep("/Fatal error|Uncaught/", file($argv[1])), 0, 3));' \
                "$d/plain.all" >"$d/plain.fatal"
            if [ -s "$d/plain.fatal" ]; then indent "$d/plain.fatal" 3; else indent "$d/plain.all" 10; fi
        } >>"$problems"
    elif [ -n "${EXPECT_STDOUT:-}" ] && ! "$PHP_BIN" -r 'exit(preg_match($argv[1], (string) file_get_contents($argv[2])) ? 0 : 1);' \
            "$EXPECT_STDOUT" "$d/plain.stdout"; then
        {
            echo "without any profiler the program's stdout does not match $EXPECT_STDOUT:"
            indent "$d/plain.stdout" 10
        } >>"$problems"
    fi
    if [ "$cmp_stdout" = 1 ] && ! same_file "$d/profiler.out.stdout" "$d/plain.stdout"; then
        echo "stdout with profiler differs from stdout without any profiler" >>"$problems"
    fi

    if [ -s "$xp" ] && [ -n "$pp" ]; then
        if ! "$PHP_BIN" "$DIFF_DIR/compare.php" "--versions=php=$php_version,xdebug=$xdebug_version" \
                "$xp" "$pp" >"$d/compare.txt" 2>&1; then
            indent "$d/compare.txt" 40 >>"$problems"
        elif [ "$verbose" = 1 ]; then
            indent "$d/compare.txt" 5 >"$d/info.txt"
        fi
    fi
    if [ -n "$pp" ]; then
        if ! "$PHP_BIN" "$DIFF_DIR/cgparse.php" check "${check_args[@]}" "$pp" >"$d/check.txt" 2>&1; then
            {
                echo "cgparse.php check rejects our profile:"
                indent "$d/check.txt" 15
            } >>"$problems"
        fi
        annotate "$pp" "$d/annotate"
        local arc=$?
        if [ "$arc" != 0 ]; then
            {
                echo "callgrind_annotate exited with $arc:"
                indent "$d/annotate.stderr" 10
            } >>"$problems"
        elif [ -s "$d/annotate.stderr" ]; then
            if [ "${STRICT_ANNOTATE:-0}" = 1 ]; then
                {
                    echo "callgrind_annotate printed warnings:"
                    indent "$d/annotate.stderr" 10
                } >>"$problems"
            elif [ "$verbose" = 1 ]; then
                {
                    echo "note: callgrind_annotate warnings:"
                    indent "$d/annotate.stderr" 5
                } >>"$d/info.txt"
            fi
        fi
    fi

    if [ -s "$problems" ]; then
        echo "FAIL $name"
        cat "$problems"
        failed=$((failed + 1))
    else
        echo "ok $name"
        [ "$verbose" = 1 ] && [ -f "$d/info.txt" ] && cat "$d/info.txt"
        passed=$((passed + 1))
    fi
}

if [ "$only_phpcs" = 0 ]; then
    for script in "$CORPUS_DIR"/*.php; do
        name=$(basename "$script" .php)
        wanted "$name" || continue
        run_case "$name" 0 1 "$script"
    done
fi

if [ "$do_phpcs" = 1 ] && wanted phpcs; then
    if [ ! -f "$PHPCS_BIN" ]; then
        echo "FAIL phpcs"
        echo "    $PHPCS_BIN not found (install php-codesniffer)"
        failed=$((failed + 1))
    elif ! target=$(phpcs_target); then
        echo "FAIL phpcs"
        echo "    no PHP sources to check found (install php-twig)"
        failed=$((failed + 1))
    else
        mapfile -t pargs < <(phpcs_args "$target")
        # default compression (gzip) for this case; phpcs's stdout is its
        # JSON report, which is deterministic, so it is compared too.
        # phpcs exits 0 (clean), 1 or 2 (violations found) with a JSON report
        IS_PHPCS=1 EXPECT_RC='0|1|2' EXPECT_STDOUT='/^\{"totals":\{"errors":\d+,/' \
            run_case phpcs default 1 "${pargs[@]}"
    fi
fi

# A second real program: a Twig render (Debian's php-twig), the benchmark's
# template workload at its smallest size.
if [ "$do_phpcs" = 1 ] && wanted twig; then
    twig_script="$DIFF_DIR/../../bench/workloads/twig.php"
    if [ ! -f /usr/share/php/Twig/autoload.php ] || [ ! -f "$twig_script" ]; then
        echo "FAIL twig"
        echo "    php-twig or $twig_script not found"
        failed=$((failed + 1))
    else
        EXPECT_RC=0 EXPECT_STDOUT='/^twig reps=1 .* digest=[0-9a-f]{32}$/m' run_case twig 0 1 "$twig_script" 1
    fi
fi

[ "$keep" = 1 ] && echo "work directory kept: $work"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
