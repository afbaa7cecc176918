#!/bin/bash
# Deterministic companion to run.sh: counts what plain PHP, the floor and
# profiler execute on one workload under valgrind's cachegrind (instructions,
# L1 instruction and data misses, misses of a 1 MB last level), so two builds
# can be compared where wall time is too noisy to tell them apart.
#
#   bash bench/cachegrind.sh [calls|phpcs|twig] [profiler.so ...]
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
FLOOR_SO=${BENCH_BUILD_DIR:-$BENCH_DIR/.build}/floor/modules/floor.so

command -v valgrind >/dev/null || {
	echo "Installing valgrind" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >&2
}
if [ ! -e "$FLOOR_SO" ]; then
	# run.sh builds the floor (and installs what the workloads need)
	bash "$BENCH_DIR/run.sh" --quick --workloads calls --variants floor >/dev/null
fi

EXT=(-n -d extension=ctype -d extension=mbstring -d extension=tokenizer -d extension=xml
	-d extension=xmlwriter -d extension=simplexml)
case "$WORKLOAD" in
	calls) ARGS=("$BENCH_DIR/workloads/calls.php" 0.05) ;;
	twig) ARGS=("$BENCH_DIR/workloads/twig.php" 1) ;;
	phpcs) ARGS=(/usr/bin/phpcs --standard=PSR12 --report=summary -q --no-colors --parallel=1 --no-cache
		--extensions=php /usr/share/php/Twig/Node) ;;
	*) echo "cachegrind.sh: unknown workload: $WORKLOAD" >&2; exit 2 ;;
esac

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# count NAME EXTRA_ARGS... -> "Ir I1 D1 LL estimate"
count() {
	local name=$1
	shift
	valgrind --tool=cachegrind --cache-sim=yes --LL=1048576,16,64 --cachegrind-out-file="$OUT/$name.out" \
		php8.2 "${EXT[@]}" "$@" "${ARGS[@]}" >/dev/null 2>"$OUT/$name.err" || true
	awk '/I +refs/ {gsub(",", "", $4); ir = $4}
		/I1 +misses/ {gsub(",", "", $4); i1 = $4}
		/D1 +misses/ {gsub(",", "", $4); d1 = $4}
		/LL misses/ {gsub(",", "", $4); ll = $4}
		END {printf "%d %d %d %d %d\n", ir, i1, d1, ll, ir + 10 * (i1 + d1) + 40 * ll}' "$OUT/$name.err"
}

printf '%-12s %14s %12s %12s %10s %14s\n' variant instructions I1-misses D1-misses LL-misses est-cycles
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
		'BEGIN {printf "  %s: extra %.1f%% of plain PHP, %.2f x the floor'"'"'s %.1f%% (goal: at most 1.25 x)\n", so, 100 * e / '"$base_est"', e / f, 100 * f / '"$base_est"'}'
done
