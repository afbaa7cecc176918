#!/usr/bin/env bash
# Profiling with opcache and the tracing JIT gives the same call counts as
# without: every corpus script of the differential test, plus a hot loop the
# JIT compiles, is profiled both ways and the (caller, callee, line) call
# counts compared. Two comparisons per script:
#  - no opcache, against opcache with its optimizer off and the tracing JIT;
#  - opcache without JIT, against opcache with the tracing JIT, both with the
#    default optimizer (which folds constant calls such as str_repeat("x", 3)
#    away before anything runs: those calls are not in the program any more,
#    so the baseline must have them folded too).
set -u
cd "$(dirname "$0")/../.."
SO=${PROFILER_SO:-$PWD/modules/profiler.so}
# the PHP under test (default: the one on PATH); compare.php runs on any
PHP=${PHP:-php}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

profile() { # out-dir script extra-args...
	local dir=$1 script=$2; shift 2
	mkdir -p "$dir"
	"$PHP" -n -d extension="$SO" -d profiler.mode=profile -d profiler.output_dir="$dir" \
		-d profiler.output_name=out -d profiler.use_compression=0 "$@" "$script" >/dev/null 2>&1
}

opcache_args=(-d zend_extension=opcache -d opcache.enable=1 -d opcache.enable_cli=1)
jit_args=("${opcache_args[@]}" -d opcache.jit=tracing -d opcache.jit_buffer_size=64M -d opcache.jit_hot_loop=1
	-d opcache.jit_hot_func=1 -d opcache.jit_hot_return=1 -d opcache.jit_hot_side_exit=1)
nojit_args=("${opcache_args[@]}" -d opcache.jit=disable)
unoptimized=(-d opcache.optimization_level=0)

# JIT must really be on, or this test proves nothing
if ! "$PHP" -n "${jit_args[@]}" -r '$s = opcache_get_status(); exit(!empty($s["jit"]["on"]) ? 0 : 1);'; then
	echo "not ok - the tracing JIT could not be enabled"
	echo "0 passed, 1 failed"
	exit 1
fi

cat > "$work/hot.php" <<'PHP'
<?php
function add($a, $b) { return $a + $b; }
class P { public function m($x) { return add($x, 1); } public static function s($x) { return $x * 2; } }
$p = new P; $t = 0;
for ($i = 0; $i < 20000; $i++) { $t = add($t, $p->m($i)); $t -= P::s(1); $f = fn($z) => $z + 1; $t = $f($t); strlen("x$i"); }
echo $t, "\n";
PHP

compare_runs() { # label script baseline-args... -- jit-args...
	local label=$1 script=$2; shift 2
	local base=() jit=()
	while [ "$1" != "--" ]; do base+=("$1"); shift; done
	shift
	jit=("$@")
	rm -rf "$work/base" "$work/jit"
	profile "$work/base" "$script" "${base[@]}"
	profile "$work/jit" "$script" "${jit[@]}"
	if [ ! -f "$work/base/out" ] || [ ! -f "$work/jit/out" ]; then
		echo "not ok - $label: no profile"; failed=$((failed + 1)); return
	fi
	if php tests/diff/compare.php --allow= --labels=plain,jit "$work/base/out" "$work/jit/out" >"$work/cmp" 2>&1; then
		echo "ok - $label"; passed=$((passed + 1))
	else
		echo "not ok - $label"; head -n 20 "$work/cmp"; failed=$((failed + 1))
	fi
}

for script in "$work/hot.php" tests/diff/corpus/*.php; do
	name=$(basename "$script" .php)
	compare_runs "$name: plain vs unoptimized opcache + tracing JIT" "$script" -d opcache.enable=0 -- "${jit_args[@]}" "${unoptimized[@]}"
	compare_runs "$name: opcache vs opcache + tracing JIT" "$script" "${nojit_args[@]}" -- "${jit_args[@]}"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
