#!/bin/bash
# Deterministic companion to run.sh: counts what plain PHP, the floor and
# profiler execute on one workload under valgrind's cachegrind (instructions,
# L1 instruction and data misses, misses of a 1 MB last level), so two builds
# can be compared where wall time is too noisy to tell them apart.
#
#   bash bench/cachegrind.sh [calls|phpcs|twig] [profiler.so ...]
#   BENCH_PHP_PREFIX=/path/to/prefix bash bench/cachegrind.sh calls /path/profiler.so
#
# The PHP is Debian's php8.2, or the one installed under $BENCH_PHP_PREFIX
# (its bin/php, bin/phpize and bin/php-config); the floor is built for that
# PHP (lib/build_ext.sh, into bench/.build/<php key>/floor), and each
# profiler.so given must be built for it too. Of the extensions the
# workloads use, those built into that PHP are not loaded again, and those
# it has neither built in nor shared are left out with a note (a PHP built
# without mbstring runs `calls`, not necessarily phpcs or Twig).
#
# Prints, per variant, the counts and an estimate of cycles
# (instructions + 10 per L1 miss + 40 per last-level miss), then each
# profiler build's extra over plain PHP as a multiple of the floor's. The
# estimate leaves out what the TSC read costs on real hardware (the floor
# and profiler pay the same two per call), so it overstates that multiple.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
WORKLOAD=${1:-calls}
shift || true
BUILDS=("$@")
[ ${#BUILDS[@]} -gt 0 ] || BUILDS=("$REPO/modules/profiler.so")
BUILD_DIR=${BENCH_BUILD_DIR:-$BENCH_DIR/.build}

log() { printf '%s\n' "$*" >&2; }
die() { printf 'cachegrind.sh: %s\n' "$*" >&2; exit 2; }

command -v valgrind >/dev/null || {
	echo "Installing valgrind" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >&2
}
if [ -n "${BENCH_PHP_PREFIX:-}" ]; then
	PHP=$BENCH_PHP_PREFIX/bin/php
	PHPIZE=$BENCH_PHP_PREFIX/bin/phpize
	PHP_CONFIG=$BENCH_PHP_PREFIX/bin/php-config
	for f in "$PHP" "$PHPIZE" "$PHP_CONFIG"; do
		[ -x "$f" ] || die "BENCH_PHP_PREFIX=$BENCH_PHP_PREFIX: no $f"
	done
else
	if ! command -v php8.2 >/dev/null || ! command -v phpize8.2 >/dev/null ||
		! command -v php-config8.2 >/dev/null; then
		# run.sh installs what the workloads need (and builds the floor)
		bash "$BENCH_DIR/run.sh" --quick --workloads calls --variants floor >/dev/null
	fi
	PHP=$(command -v php8.2)
	PHPIZE=$(command -v phpize8.2)
	PHP_CONFIG=$(command -v php-config8.2)
fi
# shellcheck source-path=SCRIPTDIR source=lib/build_ext.sh
. "$BENCH_DIR/lib/build_ext.sh"
FLOOR_SO=$(build_ext floor)

# The extensions the workloads use: loaded where shared, skipped where built in.
EXT=(-n)
BUILTIN=$("$PHP" -n -m | tr '[:upper:]' '[:lower:]')
EXT_DIR=$("$PHP" -n -r 'echo ini_get("extension_dir");')
ABSENT=()
for e in ctype mbstring tokenizer xml xmlwriter simplexml; do
	if grep -qx "$e" <<<"$BUILTIN"; then
		continue
	elif [ -e "$EXT_DIR/$e.so" ]; then
		EXT+=(-d extension="$e")
	else
		ABSENT+=("$e")
	fi
done
log "php: $("$PHP" -n -v | head -n1) ($PHP); floor: $FLOOR_SO"
[ ${#ABSENT[@]} -eq 0 ] || log "note: not in this PHP, left out: ${ABSENT[*]}"
for so in "${BUILDS[@]}"; do
	if ! err=$("$PHP" "${EXT[@]}" -d extension="$so" -r '' 2>&1) || [ -n "$err" ]; then
		die "$so does not load in $PHP: $(printf '%s' "$err" | head -3 | tr '\n' ' ')"
	fi
done

case "$WORKLOAD" in
	calls) ARGS=("$BENCH_DIR/workloads/calls.php" 0.05) ;;
	twig) ARGS=("$BENCH_DIR/workloads/twig.php" 1) ;;
	phpcs) ARGS=(/usr/bin/phpcs --standard=PSR12 --report=summary -q --no-colors --parallel=1 --no-cache
		--extensions=php /usr/share/php/Twig/Node) ;;
	*) echo "cachegrind.sh: unknown workload: $WORKLOAD" >&2; exit 2 ;;
esac

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

case "$WORKLOAD" in phpcs) OK_RC=" 0 1 2 " ;; *) OK_RC=" 0 " ;; esac

# count NAME EXTRA_ARGS... -> "Ir I1 D1 LL estimate"; stops the script if
# PHP fails (a missing extension, a crash), as its counts would mean nothing
count() {
	local name=$1 rc=0
	shift
	valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,16,64 --cachegrind-out-file="$OUT/$name.out" \
		"$PHP" "${EXT[@]}" "$@" "${ARGS[@]}" >"$OUT/$name.stdout" 2>"$OUT/$name.err" || rc=$?
	case "$OK_RC" in *" $rc "*) ;; *)
		{ grep -m1 -E '(Fatal error|Warning):' "$OUT/$name.stdout"; tail -n 3 "$OUT/$name.stdout"; grep -Ev '^(==|--)[0-9]+(==|--)' "$OUT/$name.err" | tail -n 5; } >&2
		die "$name: $PHP exited with $rc" ;;
	esac
	awk '/I +refs/ {gsub(",", "", $4); ir = $4}
		/I1 +misses/ {gsub(",", "", $4); i1 = $4}
		/D1 +misses/ {gsub(",", "", $4); d1 = $4}
		/LL misses/ {gsub(",", "", $4); ll = $4}
		END {printf "%d %d %d %d %d\n", ir, i1, d1, ll, ir + 10 * (i1 + d1) + 40 * ll}' "$OUT/$name.err"
}

printf '%-12s %14s %12s %12s %10s %14s\n' variant instructions I1-misses D1-misses LL-misses est-cycles
# shellcheck disable=SC2086 # $2 is the five counts, split on purpose
show() { printf '%-12s %14d %12d %12d %10d %14d\n' "$1" $2; }
BASE=$(count base)
show base "$BASE"
FLOOR=$(count floor -d extension="$FLOOR_SO")
show floor "$FLOOR"
base_est=${BASE##* }
floor_extra=$(( ${FLOOR##* } - base_est ))
i=0
for so in "${BUILDS[@]}"; do
	i=$((i + 1))
	mkdir -p "$OUT/p$i"
	R=$(count "profiler$i" -d extension="$so" -d profiler.mode=profile -d profiler.start_with_request=yes \
		-d profiler.output_dir="$OUT/p$i")
	show "profiler$i" "$R"
	awk -v e=$(( ${R##* } - base_est )) -v f=$floor_extra -v so="$so" \
		'BEGIN {printf "  %s: extra %.1f%% of plain PHP, %.3f x the floor'"'"'s %.1f%% (goal: at most 1.25 x)\n", so, 100 * e / '"$base_est"', e / f, 100 * f / '"$base_est"'}'
done
