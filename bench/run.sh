#!/usr/bin/env bash
# Benchmark harness for the "profiler" extension.
#
#   bash bench/run.sh [--quick] [--strict] [--rounds N] [--workloads "calls phpcs twig"]
#                     [--variants "base floor ..."] [--keep] [--help]
#
# See bench/README.md for the method, variants and environment variables.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

usage() {
	sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
	cat <<'EOF'
Options:
  --quick            smoke run: 2 rounds, smaller workloads
  --strict           exit 1 if any goal check FAILs (default: always exit 0)
  --rounds N         rounds per workload (default 15, or $BENCH_ROUNDS); a round
                     runs every variant once, each between two base runs
  --xdebug-rounds N  rounds in which the "xdebug" (profiling) variant runs
                     (default 3, or $BENCH_XDEBUG_ROUNDS; it is ~30x slower)
  --peer-rounds N    rounds in which xdebug-untriggered and tideways run
                     (default 5, or $BENCH_PEER_ROUNDS): no goal check uses
                     them, and they take a third of a round
  --workloads LIST   subset of: calls phpcs twig
  --variants LIST    subset of: base profiling untriggered off floor floor0
                     xdebug xdebug-untriggered tideways (base is always run)
  --keep             keep per-run stdout/stderr logs in the results dir
Environment:
  PROFILER_SO (default $REPO/modules/profiler.so), BENCH_PHP, BENCH_TMP,
  BENCH_BUILD_DIR, BENCH_RESULTS_DIR, BENCH_ROUNDS, BENCH_XDEBUG_ROUNDS, BENCH_PEER_ROUNDS,
  BENCH_WORKLOADS, BENCH_VARIANTS, BENCH_CPU=N (taskset php to CPU N),
  BENCH_NO_INSTALL=1 (never apt-get)
EOF
}

# ---------------------------------------------------------------- options
QUICK=0
STRICT=0
KEEP=0
ROUNDS=${BENCH_ROUNDS:-}
XDEBUG_ROUNDS=${BENCH_XDEBUG_ROUNDS:-}
PEER_ROUNDS=${BENCH_PEER_ROUNDS:-}
WORKLOADS=${BENCH_WORKLOADS:-calls phpcs twig}
ALL_VARIANTS="base profiling untriggered off floor floor0 xdebug xdebug-untriggered tideways"
VARIANTS=${BENCH_VARIANTS:-$ALL_VARIANTS}
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) QUICK=1 ;;
		--strict) STRICT=1 ;;
		--keep) KEEP=1 ;;
		--rounds) ROUNDS=$2; shift ;;
		--rounds=*) ROUNDS=${1#*=} ;;
		--xdebug-rounds) XDEBUG_ROUNDS=$2; shift ;;
		--xdebug-rounds=*) XDEBUG_ROUNDS=${1#*=} ;;
		--peer-rounds) PEER_ROUNDS=$2; shift ;;
		--peer-rounds=*) PEER_ROUNDS=${1#*=} ;;
		--workloads) WORKLOADS=$2; shift ;;
		--workloads=*) WORKLOADS=${1#*=} ;;
		--variants) VARIANTS=$2; shift ;;
		--variants=*) VARIANTS=${1#*=} ;;
		-h|--help) usage; exit 0 ;;
		*) echo "run.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
if [ -z "$ROUNDS" ]; then
	if [ "$QUICK" = 1 ]; then ROUNDS=2; else ROUNDS=15; fi
fi
if [ -z "$XDEBUG_ROUNDS" ]; then
	if [ "$QUICK" = 1 ]; then XDEBUG_ROUNDS=1; else XDEBUG_ROUNDS=3; fi
fi
[ -n "$PEER_ROUNDS" ] || PEER_ROUNDS=5
[ "$XDEBUG_ROUNDS" -gt "$ROUNDS" ] && XDEBUG_ROUNDS=$ROUNDS
[ "$PEER_ROUNDS" -gt "$ROUNDS" ] && PEER_ROUNDS=$ROUNDS

for w in $WORKLOADS; do
	case "$w" in calls|phpcs|twig) ;; *) echo "run.sh: unknown workload: $w" >&2; exit 2 ;; esac
done
for v in $VARIANTS; do
	case " $ALL_VARIANTS " in *" $v "*) ;; *) echo "run.sh: unknown variant: $v" >&2; exit 2 ;; esac
done
# base is the reference for every ratio: always run it, and run it first in the list.
VARIANTS="base $(echo " $VARIANTS " | sed 's/ base / /g')"

PROFILER_SO=${PROFILER_SO:-$REPO/modules/profiler.so}
BUILD_DIR=${BENCH_BUILD_DIR:-$BENCH_DIR/.build}
RESULTS_ROOT=${BENCH_RESULTS_DIR:-$BENCH_DIR/.results}

log() { printf '%s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 2; }

# ---------------------------------------------------------------- dependencies
# Debian packages the harness needs. Installed with apt-get only if missing.
ensure_deps() {
	local missing=() f
	command -v php8.2 >/dev/null || missing+=(php8.2-cli)
	command -v phpize8.2 >/dev/null && command -v php-config8.2 >/dev/null || missing+=(php8.2-dev)
	command -v cc >/dev/null && command -v make >/dev/null || missing+=(build-essential)
	local extdir=/usr/lib/php/20220829
	for f in ctype tokenizer; do [ -e "$extdir/$f.so" ] || missing+=(php8.2-common); done
	[ -e "$extdir/mbstring.so" ] || missing+=(php8.2-mbstring)
	for f in xml xmlwriter simplexml; do [ -e "$extdir/$f.so" ] || missing+=(php8.2-xml); done
	[ -e "$extdir/xdebug.so" ] || missing+=(php8.2-xdebug)
	[ -e "$extdir/tideways_xhprof.so" ] || missing+=(php8.2-tideways)
	[ -e /usr/share/php/Twig/autoload.php ] || missing+=(php-twig)
	[ -e /usr/bin/phpcs ] || missing+=(php-codesniffer)
	[ -x /usr/bin/time ] || missing+=(time)
	command -v gzip >/dev/null || missing+=(gzip)
	[ ${#missing[@]} -eq 0 ] && return 0

	mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
	if [ "${BENCH_NO_INSTALL:-0}" = 1 ]; then
		die "missing packages: ${missing[*]} (BENCH_NO_INSTALL=1, not installing)"
	fi
	local sudo=
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || die "missing packages: ${missing[*]}; run as root or install them"
		sudo=sudo
	fi
	log "Installing missing packages: ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
	# Debian enables these globally on install; the harness loads them per command.
	if command -v phpdismod >/dev/null; then
		$sudo phpdismod xdebug tideways excimer 2>/dev/null || true
	fi
}
ensure_deps

PHP=${BENCH_PHP:-$(command -v php8.2 || command -v php)}
PHPIZE=${BENCH_PHPIZE:-$(command -v phpize8.2 || command -v phpize)}
PHP_CONFIG=${BENCH_PHP_CONFIG:-$(command -v php-config8.2 || command -v php-config)}
PHP_VERSION=$("$PHP" -n -r 'echo PHP_VERSION;')
case "$PHP_VERSION" in 8.2.*) ;; *) log "warning: expected PHP 8.2, got $PHP_VERSION" ;; esac

# ---------------------------------------------------------------- observer floors
# build_ext NAME: bench/ext/NAME built for $PHP_CONFIG's PHP, into
# $BUILD_DIR/<php key>/NAME (see lib/build_ext.sh)
# shellcheck source-path=SCRIPTDIR source=lib/build_ext.sh
. "$BENCH_DIR/lib/build_ext.sh"

# ---------------------------------------------------------------- environment
# Every run uses `php -n` (no php.ini, no conf.d scan => no opcache, no
# globally enabled xdebug/tideways/excimer) plus this fixed set of shared
# extensions the workloads need, identical for all variants and workloads.
COMMON_INI=(-d extension=ctype -d extension=mbstring -d extension=tokenizer
	-d extension=xml -d extension=xmlwriter -d extension=simplexml)

# Triggers must not leak in from the caller's environment.
unset XDEBUG_TRIGGER XDEBUG_PROFILE XDEBUG_SESSION XDEBUG_CONFIG XDEBUG_MODE \
	PROFILER_TRIGGER PROFILER_CONFIG PROFILER_MODE 2>/dev/null || true

# Optional: pin every php process to one CPU (BENCH_CPU=1 -> taskset -c 1).
PIN=()
if [ -n "${BENCH_CPU:-}" ]; then
	command -v taskset >/dev/null || die "BENCH_CPU set but taskset not found"
	PIN=(taskset -c "$BENCH_CPU")
fi

RUN_ID=$(date +%Y%m%d-%H%M%S)-$$
RESULTS=$RESULTS_ROOT/$RUN_ID
mkdir -p "$RESULTS"
RUN_TMP=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/profiler-bench.XXXXXX")
# shellcheck disable=SC2317
cleanup() { rm -rf "$RUN_TMP"; }
trap cleanup EXIT

# Returns 0 if `php -n <args> -r ''` starts without startup warnings.
loads_ok() {
	local err
	# Startup warnings go to stdout or stderr depending on display_errors.
	err=$("$PHP" -n "${COMMON_INI[@]}" "$@" -r '' 2>&1) || return 1
	[ -z "$err" ]
}

declare -A SKIP=()
FLOOR_SO=
FLOOR0_SO=
PROFILER_STATUS=
if [ -e "$PROFILER_SO" ]; then
	# Snapshot it: a rebuild of the extension during the run must not mix builds.
	cp "$PROFILER_SO" "$RUN_TMP/profiler.so"
	PROFILER_SRC=$PROFILER_SO
	PROFILER_SO=$RUN_TMP/profiler.so
	if loads_ok -d extension="$PROFILER_SO"; then
		PROFILER_STATUS="$PROFILER_SRC ($(stat -c %y "$PROFILER_SRC" | cut -d. -f1), md5 $(md5sum <"$PROFILER_SO" | cut -c1-12); run from a copy)"
	else
		PROFILER_STATUS="$PROFILER_SRC does not load: $("$PHP" -n -d extension="$PROFILER_SO" -r '' 2>&1 | grep -v '^$' | head -3 | tr '\n' ' ')"
		for v in profiling untriggered off; do SKIP[$v]="profiler.so failed to load"; done
	fi
else
	PROFILER_STATUS="NOT FOUND: $PROFILER_SO -- profiler variants skipped (build the extension or set PROFILER_SO)"
	for v in profiling untriggered off; do SKIP[$v]="profiler.so not found"; done
fi
case " $VARIANTS " in *" floor "*) FLOOR_SO=$(build_ext floor) ;; esac
case " $VARIANTS " in *" floor0 "*) FLOOR0_SO=$(build_ext floor0) ;; esac
loads_ok -d zend_extension=xdebug || { SKIP[xdebug]="xdebug does not load"; SKIP[xdebug-untriggered]="xdebug does not load"; }
loads_ok -d extension=tideways_xhprof || SKIP[tideways]="tideways_xhprof does not load"

# variant_args VARIANT OUTDIR -> sets global array VARGS
variant_args() {
	local out=$2
	case "$1" in
		base) VARGS=() ;;
		profiling) VARGS=(-d extension="$PROFILER_SO" -d profiler.mode=profile
			-d profiler.output_dir="$out" -d profiler.start_with_request=yes) ;;
		untriggered) VARGS=(-d extension="$PROFILER_SO" -d profiler.mode=profile
			-d profiler.start_with_request=trigger -d profiler.output_dir="$out") ;;
		off) VARGS=(-d extension="$PROFILER_SO" -d profiler.mode=off) ;;
		floor) VARGS=(-d extension="$FLOOR_SO") ;;
		floor0) VARGS=(-d extension="$FLOOR0_SO") ;;
		xdebug) VARGS=(-d zend_extension=xdebug -d xdebug.mode=profile
			-d xdebug.start_with_request=yes -d xdebug.output_dir="$out"
			-d xdebug.use_compression=0) ;;
		xdebug-untriggered) VARGS=(-d zend_extension=xdebug -d xdebug.mode=profile
			-d xdebug.start_with_request=trigger -d xdebug.output_dir="$out") ;;
		tideways) VARGS=(-d extension=tideways_xhprof
			-d auto_prepend_file="$BENCH_DIR/lib/tideways_prepend.php") ;;
	esac
}

# workload_args WORKLOAD -> sets global array WARGS; OK_RC = accepted exit codes
PHPCS_ARGS=(--standard=PSR12 --report=summary -q --no-colors --parallel=1 --no-cache --extensions=php)
if [ "$QUICK" = 1 ]; then
	CALLS_SCALE=0.25
	TWIG_REPS=4
	PHPCS_PATHS=(/usr/share/php/Twig/Node /usr/share/php/Twig/TokenParser)
else
	CALLS_SCALE=1
	TWIG_REPS=16
	PHPCS_PATHS=(/usr/share/php/Twig /usr/share/php/PHP/CodeSniffer/src/Files
		/usr/share/php/PHP/CodeSniffer/src/Tokenizers /usr/share/php/PHP/CodeSniffer/src/Util)
fi
workload_args() {
	case "$1" in
		calls) WARGS=("$BENCH_DIR/workloads/calls.php" "$CALLS_SCALE"); OK_RC=" 0 " ;;
		twig) WARGS=("$BENCH_DIR/workloads/twig.php" "$TWIG_REPS"); OK_RC=" 0 " ;;
		# phpcs exits 1/2 when it finds violations, which it does here.
		phpcs) WARGS=(/usr/bin/phpcs "${PHPCS_ARGS[@]}" "${PHPCS_PATHS[@]}"); OK_RC=" 0 1 2 " ;;
	esac
}

# Sum profile sizes in a directory: prints "<files> <on-disk bytes> <uncompressed bytes>".
profile_sizes() {
	local dir=$1 files=0 disk=0 raw=0 f sz
	while IFS= read -r -d '' f; do
		files=$((files + 1))
		sz=$(stat -c %s "$f")
		disk=$((disk + sz))
		if [ "$(head -c2 "$f" | od -An -tx1 | tr -d ' \n')" = 1f8b ]; then
			raw=$((raw + $(gzip -dc <"$f" | wc -c)))
		else
			raw=$((raw + sz))
		fi
	done < <(find "$dir" -type f -print0)
	echo "$files $disk $raw"
}

# Normalised output digest (phpcs prints its own timing/memory line).
out_digest() { grep -v -E '^Time: .*Memory: ' "$1" | md5sum | cut -c1-16; }

TSV=$RESULTS/results.tsv
printf 'workload\tvariant\tround\tseq\twall_s\trss_kb\tprof_files\tprof_disk\tprof_raw\trc\tout_ok\n' >"$TSV"

declare -A BASE_DIGEST=()
# run_one WORKLOAD VARIANT ROUND  (ROUND 0 = warm-up, not recorded). SEQ
# numbers the recorded runs in the order they ran, so the report can find the
# base runs on either side of each run.
SEQ=0
run_one() {
	local w=$1 v=$2 r=$3 out=$RUN_TMP/prof rc=0 t0 t1
	rm -rf "$out"; mkdir -p "$out"
	variant_args "$v" "$out"
	workload_args "$w"
	local so=$RUN_TMP/stdout se=$RUN_TMP/stderr tf=$RUN_TMP/time
	t0=$EPOCHREALTIME
	BENCH_PROFILE_DIR=$out /usr/bin/time -o "$tf" -f '%M' "${PIN[@]}" \
		"$PHP" -n "${COMMON_INI[@]}" "${VARGS[@]}" "${WARGS[@]}" >"$so" 2>"$se" || rc=$?
	t1=$EPOCHREALTIME
	# /usr/bin/time prefixes a note when the child fails; the number is the last line.
	local rss
	rss=$(tail -n1 "$tf")
	case "$rss" in ''|*[!0-9]*) rss=0 ;; esac
	local sizes
	sizes=$(profile_sizes "$out")
	rm -rf "$out"
	local digest ok=1
	digest=$(out_digest "$so")
	if [ "$v" = base ] && [ -z "${BASE_DIGEST[$w]:-}" ]; then BASE_DIGEST[$w]=$digest; fi
	[ "$digest" = "${BASE_DIGEST[$w]}" ] || ok=0
	case "$OK_RC" in *" $rc "*) ;; *) ok=0 ;; esac
	if [ -s "$se" ]; then ok=0; fi
	if [ "$ok" = 0 ]; then
		log "  ! $w/$v round $r: rc=$rc, output $( [ "$digest" = "${BASE_DIGEST[$w]}" ] && echo same || echo DIFFERS)"
		head -c 600 "$se" | sed 's/^/    stderr: /' >&2
	fi
	if [ "$KEEP" = 1 ]; then
		cp "$so" "$RESULTS/$w.$v.$r.stdout"; cp "$se" "$RESULTS/$w.$v.$r.stderr"
	fi
	[ "$r" = 0 ] && return 0
	SEQ=$((SEQ + 1))
	local wall
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
	# shellcheck disable=SC2086
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$v" "$r" "$SEQ" "$wall" "$rss" \
		$sizes "$rc" "$ok" >>"$TSV"
	printf '    %-19s %8.3f s  %7s KB  rc=%s\n' "$v" "$wall" "$rss" "$rc" >&2
}

# ---------------------------------------------------------------- header
CPU=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
[ -n "$CPU" ] || CPU=$(uname -m)
perf_note() {
	command -v perf >/dev/null || { echo "perf not installed"; return; }
	if perf stat -x, -e instructions:u true 2>&1 >/dev/null | grep -q '^[0-9]'; then
		echo "perf instructions counter available"
	else
		echo "perf instructions counter NOT available (VM/paranoid), wall time only"
	fi
}
GIT_REV=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commits")
{
	echo "# profiler benchmark ($RUN_ID)"
	echo
	echo "- machine: $CPU, nproc $(nproc), $(uname -sr), $(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')"
	echo "- php: $("$PHP" -n -v | head -n1) ($PHP)"
	echo "- xdebug: $("$PHP" -n -d zend_extension=xdebug -r 'echo phpversion("xdebug");' 2>/dev/null || echo n/a)," \
		"tideways_xhprof: $("$PHP" -n -d extension=tideways_xhprof -r 'echo phpversion("tideways_xhprof");' 2>/dev/null || echo n/a)"
	echo "- profiler.so: $PROFILER_STATUS"
	echo "- repo: $REPO @ $GIT_REV; $(perf_note)"
	echo "- mode: $([ "$QUICK" = 1 ] && echo quick || echo full), $ROUNDS rounds, each running every variant once" \
		"between two base runs (xdebug profiling: only in the first $XDEBUG_ROUNDS rounds;" \
		"xdebug-untriggered and tideways: the first $PEER_ROUNDS)," \
		"variant order rotated each round, alternating direction"
	echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)${PIN:+; php pinned to CPU $BENCH_CPU}"
	echo "- php flags: -n ${COMMON_INI[*]} + per-variant flags; profiles written to $RUN_TMP"
	echo "- wall = elapsed time of the whole php process (EPOCHREALTIME around /usr/bin/time);" \
		"ratio = median over runs of (the run's wall / mean wall of the base runs just before and after it);" \
		"RSS = median max RSS (/usr/bin/time %M), RSS ratio = median RSS / median base RSS"
} >"$RESULTS/header.md"
cat "$RESULTS/header.md"
echo

# ---------------------------------------------------------------- main loop
# System-wide busy CPU ticks (user+nice+system+irq+softirq+steal), to estimate
# how much CPU other processes took while the benchmark ran.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# own_cpu VAR: set VAR to the CPU seconds used so far by this shell and all its
# waited-for children. `times` must run in this shell: a $(...) subshell
# would count from zero.
own_cpu() {
	times >"$RUN_TMP/times"
	printf -v "$1" '%s' "$(awk '{ for (i = 1; i <= NF; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } }
		END { printf "%.2f", t }' "$RUN_TMP/times")"
}
START=$EPOCHSECONDS
START_REAL=$EPOCHREALTIME
START_BUSY=$(busy_ticks)
own_cpu START_OWN
read -r -a VLIST <<<"$VARIANTS"
RUNNABLE=()
for v in "${VLIST[@]}"; do
	if [ -n "${SKIP[$v]:-}" ]; then log "skipping variant $v: ${SKIP[$v]}"; else RUNNABLE+=("$v"); fi
done
# the variants other than base (base runs between them)
OTHERS=("${RUNNABLE[@]:1}")
m=${#OTHERS[@]}
for w in $WORKLOADS; do
	log "== $w: warm-up"
	run_one "$w" base 0
	# The machine's speed drifts over seconds (on this VM a run's slowdown
	# is correlated with its neighbours', fading over about 5 runs), so every run of
	# a variant is put between two base runs and measured against them:
	# B v1 B v2 B ... The report divides each run's wall by the mean of the
	# base runs just before and after it.
	last_was_base=0
	for ((r = 1; r <= ROUNDS; r++)); do
		# Round r starts with variant (r-1) mod m and walks the list forwards on
		# odd rounds, backwards on even ones: every variant gets a turn at each
		# position and both neighbours, so warm-up effects average out.
		order=()
		for ((i = 0; i < m; i++)); do
			if ((r % 2)); then j=$(((r - 1 + i) % m)); else j=$((((r - 1 - i) % m + m) % m)); fi
			order+=("${OTHERS[$j]}")
		done
		log "== $w: round $r/$ROUNDS"
		for v in "${order[@]}"; do
			case "$v" in
				xdebug) ((r <= XDEBUG_ROUNDS)) || continue ;;
				xdebug-untriggered|tideways) ((r <= PEER_ROUNDS)) || continue ;;
			esac
			if [ "$last_was_base" = 0 ]; then run_one "$w" base "$r"; sync; fi
			run_one "$w" "$v" "$r"
			sync
			last_was_base=0
		done
		if [ "$last_was_base" = 0 ]; then run_one "$w" base "$r"; sync; last_was_base=1; fi
	done
done
ELAPSED=$((EPOCHSECONDS - START))
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
own_cpu END_OWN
FOREIGN=$(awk -v b0="$START_BUSY" -v b1="$(busy_ticks)" -v o0="$START_OWN" -v o1="$END_OWN" \
	-v t0="$START_REAL" -v t1="$EPOCHREALTIME" -v hz="$HZ" \
	'BEGIN { f = ((b1 - b0) / hz - (o1 - o0)) / (t1 - t0); if (f < 0) f = 0; printf "%.2f", f }')

# ---------------------------------------------------------------- report
{
	for v in "${VLIST[@]}"; do [ -n "${SKIP[$v]:-}" ] && printf '%s\t%s\n' "$v" "${SKIP[$v]}"; done
	true
} >"$RESULTS/skipped.tsv"
rc=0
"$PHP" -n "$BENCH_DIR/lib/report.php" "$TSV" "$RESULTS/skipped.tsv" "$VARIANTS" >"$RESULTS/report.md" || rc=$?
cat "$RESULTS/report.md"
echo
echo "Total benchmark time: ${ELAPSED}s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg);" \
	"other processes used ${FOREIGN} CPUs on average while it ran. Raw data: $TSV"
if awk -v f="$FOREIGN" 'BEGIN { exit !(f > 0.15) }'; then
	echo "WARNING: the machine was busy with other work during the run; timings are noisy, re-run on an idle machine."
fi
cat "$RESULTS/header.md" "$RESULTS/report.md" >"$RESULTS/full.md"
if [ "$rc" -gt 1 ]; then die "report generation failed"; fi
if [ "$STRICT" = 1 ] && [ "$rc" = 1 ]; then exit 1; fi
exit 0
