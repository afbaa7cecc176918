#!/usr/bin/env bash
# Self-test of the differential-test tools (cgparse.php, compare.php,
# known-differences handling), using Xdebug only; the profiler extension is
# not needed.  For every corpus script (and phpcs unless --no-phpcs):
#   NAME:self       an Xdebug profile compared with itself matches
#   NAME:rerun      a second Xdebug run of the same script matches (the
#                   corpus is deterministic)
#   NAME:check      `cgparse.php check` accepts Xdebug's profile (time
#                   tolerance 100% for corpus scripts, whose fixed profiler
#                   overhead is a large share; the default 2% for phpcs)
#   NAME:aggregate  the profile rewritten in aggregated, 2-section form (the
#                   shape the extension writes) still matches, passes check
#                   with the default tolerance and is read by
#                   callgrind_annotate
# and once:
#   mutate:OP       a deliberately altered profile is caught (see mutate.php)
#   gzip            a gzip-compressed copy matches the original
#   allowlist       an allowlist rule hides exactly the difference it names
#   splice          a `splice` rule removes a trampoline level
#
# usage: tests/diff/selftest.sh [-k] [--no-phpcs] [CASE...]
# Prints `ok X` / `FAIL X` lines and `N passed, M failed`; exit 1 on failure.

set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

keep=0
do_phpcs=1
cases=()
for arg in "$@"; do
    case "$arg" in
        -k) keep=1 ;;
        --no-phpcs) do_phpcs=0 ;;
        -*) echo "unknown option $arg" >&2; exit 2 ;;
        *) cases+=("${arg%.php}") ;;
    esac
done

if ! have_xdebug; then
    echo "Xdebug cannot be loaded (-d zend_extension=$XDEBUG_SO) into $PHP_BIN;"
    echo "install php8.2-xdebug, or set XDEBUG_SO to what tests/diff/build-xdebug.sh prints"
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/profiler-selftest.XXXXXX")
if [ "$keep" = 0 ]; then
    trap 'rm -rf "$work"' EXIT
fi

passed=0
failed=0
CG="$DIFF_DIR/cgparse.php"
CMP="$DIFF_DIR/compare.php"
MUT="$DIFF_DIR/mutate.php"

result() { # result NAME STATUS DETAILFILE
    if [ "$2" = 0 ]; then
        echo "ok $1"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        [ -n "${3:-}" ] && indent "$3" 20
        failed=$((failed + 1))
    fi
}

wanted() {
    local c
    [ "${#cases[@]}" -eq 0 ] && return 0
    for c in "${cases[@]}"; do
        [ "$c" = "$1" ] && return 0
    done
    return 1
}

# xdebug_case NAME CHECK_TOLERANCE SCRIPT [ARGS...]
xdebug_case() {
    local name=$1 tol=$2
    shift 2
    local d="$work/$name"
    mkdir -p "$d"
    run_xdebug "$d" a.out "$@"
    run_xdebug "$d" b.out "$@"
    if [ ! -s "$d/a.out" ] || [ ! -s "$d/b.out" ]; then
        echo "Xdebug wrote no profile; stderr:" >"$d/err.txt"
        indent "$d/a.out.stderr" 10 >>"$d/err.txt"
        result "$name:profile" 1 "$d/err.txt"
        return
    fi

    "$PHP_BIN" "$CMP" --allow= "$d/a.out" "$d/a.out" >"$d/self.txt" 2>&1
    result "$name:self" $? "$d/self.txt"

    "$PHP_BIN" "$CMP" --allow= --labels=run1,run2 "$d/a.out" "$d/b.out" >"$d/rerun.txt" 2>&1
    result "$name:rerun" $? "$d/rerun.txt"

    "$PHP_BIN" "$CG" check --time-tolerance="$tol" "$d/a.out" >"$d/check.txt" 2>&1
    result "$name:check" $? "$d/check.txt"

    local st=0
    {
        "$PHP_BIN" "$CG" aggregate --parts=2 "$d/a.out" >"$d/agg.out" || st=1
        "$PHP_BIN" "$CMP" --allow= --labels=xdebug,aggregated "$d/a.out" "$d/agg.out" || st=1
        "$PHP_BIN" "$CG" check "$d/agg.out" || st=1
        callgrind_annotate "$d/agg.out" >/dev/null 2>"$d/agg.annotate.err" || {
            st=1
            echo "callgrind_annotate failed:"
            cat "$d/agg.annotate.err"
        }
    } >"$d/agg.txt" 2>&1
    result "$name:aggregate" $st "$d/agg.txt"
}

for script in "$CORPUS_DIR"/*.php; do
    name=$(basename "$script" .php)
    wanted "$name" || continue
    xdebug_case "$name" 100 "$script"
done

if [ "$do_phpcs" = 1 ] && wanted phpcs; then
    if [ -f "$PHPCS_BIN" ] && target=$(phpcs_target); then
        mapfile -t pargs < <(phpcs_args "$target")
        IS_PHPCS=1 xdebug_case phpcs 2 "${pargs[@]}"
    else
        echo "FAIL phpcs"
        echo "    phpcs ($PHPCS_BIN) or the sources to check are missing"
        failed=$((failed + 1))
    fi
fi

# ---- mutations, on a profile with a bit of everything
if wanted mutate; then
    d="$work/mutate"
    mkdir -p "$d"
    run_xdebug "$d" base.out "$CORPUS_DIR/26_mini_interpreter.php"
    for op in calls rename line dropcall; do
        if "$PHP_BIN" "$MUT" "$op" "$d/base.out" "$d/$op.out" 2>"$d/$op.txt"; then
            "$PHP_BIN" "$CMP" --allow= "$d/base.out" "$d/$op.out" >"$d/$op.txt" 2>&1
            st=$?
            # must be reported as a difference (1), not as an error (2)
            [ "$st" = 1 ]
            result "mutate:$op" $? "$d/$op.txt"
        else
            result "mutate:$op" 1 "$d/$op.txt"
        fi
    done
    for op in undef field noheader truncgz; do
        if "$PHP_BIN" "$MUT" "$op" "$d/base.out" "$d/$op.out" 2>"$d/$op.txt"; then
            "$PHP_BIN" "$CG" check --time-tolerance=100 "$d/$op.out" >"$d/$op.txt" 2>&1
            st=$?
            [ "$st" != 0 ]
            result "mutate:$op" $? "$d/$op.txt"
        else
            result "mutate:$op" 1 "$d/$op.txt"
        fi
    done
    # the summary mutation must also fail with the default tolerance on an
    # otherwise exact (aggregated) profile, while the unmutated one passes
    "$PHP_BIN" "$CG" aggregate "$d/base.out" >"$d/exact.out"
    "$PHP_BIN" "$MUT" summary "$d/exact.out" "$d/exact.bad.out"
    if "$PHP_BIN" "$CG" check "$d/exact.out" >"$d/exact.txt" 2>&1 &&
        ! "$PHP_BIN" "$CG" check "$d/exact.bad.out" >>"$d/exact.txt" 2>&1; then
        result "mutate:summary-exact" 0
    else
        result "mutate:summary-exact" 1 "$d/exact.txt"
    fi

    "$PHP_BIN" "$MUT" gzip "$d/base.out" "$d/base.out.gz"
    {
        "$PHP_BIN" "$CMP" --allow= "$d/base.out" "$d/base.out.gz" &&
            "$PHP_BIN" "$CG" check --time-tolerance=100 "$d/base.out.gz"
    } >"$d/gzip.txt" 2>&1
    result gzip $? "$d/gzip.txt"

    # allowlist: a rule naming exactly the mutated edge hides it
    key=$("$PHP_BIN" -r '
        require $argv[1];
        $a = CgParse::parseFile($argv[2]);
        $b = CgParse::parseFile($argv[3]);
        foreach ($b->edges as $k => $v) {
            if (($a->edges[$k] ?? 0) !== $v) { echo preg_quote($k, "~"); break; }
        }' "$CG" "$d/base.out" "$d/calls.out")
    printf '# test rule\nedge ^%s$\n' "$key" >"$d/allow.txt"
    printf '# unrelated rule\nedge ^nothing\\|matches\\|this$\n' >"$d/allow-other.txt"
    {
        "$PHP_BIN" "$CMP" --allow="$d/allow.txt" "$d/base.out" "$d/calls.out" &&
            ! "$PHP_BIN" "$CMP" --allow="$d/allow-other.txt" "$d/base.out" "$d/calls.out"
    } >"$d/allow.out.txt" 2>&1
    result allowlist $? "$d/allow.out.txt"
fi

# ---- splice: Xdebug-style trampoline level vs. none
if wanted splice; then
    d="$work/splice"
    mkdir -p "$d"
    cat >"$d/a.out" <<'EOF'
version: 1
creator: test
cmd: /t.php
part: 1
positions: line

events: Time_(10ns) Memory_(bytes)

fl=(1) /t.php
fn=(1) A->__call
3 10 0

fl=(1)
fn=(2) A->zz
3 5 0
cfl=(1)
cfn=(1)
calls=1 0 0
6 10 0

fl=(1)
fn=(3) {main}
1 20 0
cfl=(1)
cfn=(2)
calls=1 0 0
6 15 0

summary: 35 0

EOF
    cat >"$d/b.out" <<'EOF'
version: 1
creator: test
cmd: /t.php
part: 1
positions: line

events: Time_(10ns) Memory_(bytes)

fl=(1) /t.php
fn=(1) A->__call
3 10 0

fl=(1)
fn=(2) {main}
1 25 0
cfl=(1)
cfn=(1)
calls=1 0 0
6 10 0

summary: 35 0

EOF
    printf 'splice (->__call|::__callStatic)$\n' >"$d/allow.txt"
    {
        ! "$PHP_BIN" "$CMP" --allow= "$d/a.out" "$d/b.out" &&
            "$PHP_BIN" "$CMP" --allow="$d/allow.txt" "$d/a.out" "$d/b.out" &&
            "$PHP_BIN" "$CG" check "$d/a.out" && "$PHP_BIN" "$CG" check "$d/b.out"
    } >"$d/splice.txt" 2>&1
    result splice $? "$d/splice.txt"
fi

[ "$keep" = 1 ] && echo "work directory kept: $work"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
