#!/usr/bin/env bash
# Threaded test: the profiler extension in a thread-safe (ZTS) mod_php under
# Apache's event MPM, one process with many threads, on 127.0.0.1 only, with
# a config, docroot and php.ini of its own in a temp dir.
#
#   PHP_PREFIX=$(bash tests/php-builds/build.sh 8.4-zts-debug) \
#   PROFILER_SO=/path/to/profiler.so bash tests/threads/run.sh
#
# Environment:
#   PHP_PREFIX     a ZTS PHP prefix holding bin/php and libphp.so (required)
#   PROFILER_SO    the extension, built for that PHP (required)
#   THREADS_CLIENTS   clients in parallel (default 8)
#   THREADS_REQUESTS  requests per client for count.php (default 50)
#   THREADS_WINDOWS   requests per client for window.php (default 25)
#   KEEP_PREFIX=1     keep the temp dir for inspection
#
# 1. count.php, profiled by trigger: CLIENTS x REQUESTS requests, each with
#    its own n; each must name (X-Profile-Filename) its own complete profile
#    in which f was called exactly n times.
# 2. window.php under start_with_request=no (a virtual host of its own):
#    two profiler_start()/profiler_stop() windows per request, each with its
#    own exact count.
# Both: every request's thread shows "Mode profile" in profiler_info(), and
# more than one thread of the one process served them (each page reports its
# kernel thread id from /proc/thread-self, and zend_thread_id() on debug
# builds). callgrind_annotate must read every profile. Then Apache is stopped
# and its error log (where the children's stderr goes too) must hold no
# crash, assertion failure, leak report ("Freeing ...", "=== Total N memory
# leaks detected ===") or PHP error or warning.
#
# Every case prints "ok - ..." or "not ok - ..."; the last line is
# "N passed, M failed" and the exit status is non-zero when any failed.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLIENTS=${THREADS_CLIENTS:-8}
REQUESTS=${THREADS_REQUESTS:-50}
WINDOW_REQUESTS=${THREADS_WINDOWS:-25}
APACHE=/usr/sbin/apache2
MODULES=/usr/lib/apache2/modules

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
diag() { sed 's/^/#   /'; }
T0=${EPOCHREALTIME/[.,]/}
finish() {
	echo "# $(((${EPOCHREALTIME/[.,]/} - T0) / 1000)) ms in all"
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
	exit $?
}
# report: passes through check.php's lines, counting its ok / not ok
report() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok - "*) PASSED=$((PASSED + 1)) ;;
		"not ok - "*) FAILED=$((FAILED + 1)) ;;
		"files: "*) continue ;;
		esac
		printf '%s\n' "$line"
	done
}

# --- inputs and tools --------------------------------------------------------
if [ -z "${PHP_PREFIX:-}" ] || [ ! -f "$PHP_PREFIX/libphp.so" ] || [ ! -x "$PHP_PREFIX/bin/php" ]; then
	not_ok "PHP_PREFIX must name a PHP prefix with bin/php and libphp.so (got '${PHP_PREFIX:-}')"
	finish
fi
PHP=$PHP_PREFIX/bin/php
if ! "$PHP" -n -r 'exit(PHP_ZTS ? 0 : 1);'; then
	not_ok "$PHP is not a thread-safe (ZTS) build"
	finish
fi
if [ -z "${PROFILER_SO:-}" ] || [ ! -f "$PROFILER_SO" ]; then
	not_ok "PROFILER_SO must name the extension built for $PHP_PREFIX (got '${PROFILER_SO:-}')"
	finish
fi
SO=$(cd "$(dirname "$PROFILER_SO")" && pwd)/$(basename "$PROFILER_SO")

PATH=$PATH:/usr/sbin:/sbin
need=()
[ -x "$APACHE" ] && [ -f "$MODULES/mod_mpm_event.so" ] || need+=(apache2)
command -v apxs2 >/dev/null 2>&1 || need+=(apache2-dev)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v callgrind_annotate >/dev/null 2>&1 || need+=(valgrind)
if [ ${#need[@]} -gt 0 ]; then
	echo "# installing ${need[*]}"
	if [ "$(id -u)" -eq 0 ]; then
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; } >/dev/null 2>&1 ||
			{ not_ok "apt-get install -y ${need[*]} failed"; finish; }
	else
		{ sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"; } >/dev/null 2>&1 ||
			{ not_ok "apt-get install -y ${need[*]} failed (not root)"; finish; }
	fi
fi

# Triggers and modes in our own environment must not reach the server.
unset XDEBUG_TRIGGER XDEBUG_PROFILE XDEBUG_MODE PROFILER_MODE XDEBUG_CONFIG PHP_INI_SCAN_DIR PHPRC

# --- prefix ----------------------------------------------------------------
P=$(mktemp -d "${TMPDIR:-/tmp}/profiler-threads.XXXXXX")
chmod 755 "$P"
APACHE_PID=
stop_apache() {
	[ -n "$APACHE_PID" ] || return 0
	kill -TERM "$APACHE_PID" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$APACHE_PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$APACHE_PID" 2>/dev/null; then
		echo "# apache did not stop within 10 s of SIGTERM; killing it"
		kill -KILL "$APACHE_PID" 2>/dev/null
	fi
	wait "$APACHE_PID" 2>/dev/null
	APACHE_PID=
}
cleanup() {
	stop_apache
	if [ "${KEEP_PREFIX:-0}" = 1 ]; then
		echo "# prefix kept: $P"
	else
		rm -rf "$P"
	fi
}
trap cleanup EXIT
trap 'not_ok "interrupted by a signal"; echo "$PASSED passed, $FAILED failed"; exit 130' INT TERM

DOCROOT=$P/docroot
mkdir -p "$DOCROOT/win" "$P/out/count" "$P/out/win" "$P/logs" "$P/run" "$P/res/count" "$P/res/win"
cp "$HERE"/docroot/*.php "$HERE"/docroot/*.inc "$DOCROOT/"
cp "$HERE"/docroot/win/*.php "$DOCROOT/win/"
chmod -R a+rX "$DOCROOT"

# Apache refuses to serve as root: its children run as www-data (or nobody),
# who must be able to write the profiles and the profiler's log.
USER_LINES=
if [ "$(id -u)" -eq 0 ]; then
	run_user=www-data
	id -u "$run_user" >/dev/null 2>&1 || run_user=nobody
	run_group=$(id -gn "$run_user")
	USER_LINES="User $run_user
Group $run_group"
	chown "$run_user:$run_group" "$P/out/count" "$P/out/win" "$P/logs"
fi

free_port() {
	"$PHP" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
		$n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

cat >"$P/php.ini" <<EOF
extension=$SO
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=$P/out/count
profiler.output_name=cachegrind.out.%R
profiler.use_compression=0
profiler.log=$P/logs/profiler.log
profiler.log_level=7
error_reporting=E_ALL
display_errors=Off
display_startup_errors=Off
log_errors=On
report_memleaks=On
EOF

WIN_HOST=windows.test
write_conf() {
	cat >"$P/httpd.conf" <<EOF
ServerRoot "$P"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$P/run/httpd.pid"
DefaultRuntimeDir "$P/run"
ErrorLog "$P/logs/error.log"
LogLevel notice
$USER_LINES

LoadModule mpm_event_module $MODULES/mod_mpm_event.so
LoadModule authn_core_module $MODULES/mod_authn_core.so
LoadModule authz_core_module $MODULES/mod_authz_core.so
LoadModule php_module $PHP_PREFIX/libphp.so

# one process, many threads: every request is served by a thread of it
StartServers 1
ServerLimit 1
ThreadLimit 16
ThreadsPerChild 16
MinSpareThreads 1
MaxSpareThreads 32
MaxRequestWorkers 16
MaxConnectionsPerChild 0
KeepAlive Off
Timeout 30

PHPIniDir "$P"
DocumentRoot "$DOCROOT"
<Directory "$DOCROOT">
    Require all granted
</Directory>
<FilesMatch "\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>

# The windows' settings are a virtual host's, chosen by the Host header, and
# not a <Directory>'s: mod_php (8.4.16, ZTS) merges a <Directory>'s
# php_admin_value entries into each request's config sharing their key
# strings between threads, whose non-atomic reference counts then free them
# early (helgrind: merge_php_config -> zend_hash_merge_ex ->
# zend_string_addref), which corrupts the heap within a few hundred
# concurrent requests. A virtual host's values are merged once, at startup.
<VirtualHost 127.0.0.1:$PORT>
    ServerName 127.0.0.1
</VirtualHost>
<VirtualHost 127.0.0.1:$PORT>
    ServerName $WIN_HOST
    php_admin_value profiler.start_with_request no
    php_admin_value profiler.output_dir "$P/out/win"
</VirtualHost>
EOF
}

# --- server ------------------------------------------------------------------
BASE=
for _ in 1 2 3; do
	PORT=$(free_port) || { not_ok "no free port"; finish; }
	write_conf
	if ! out=$("$APACHE" -f "$P/httpd.conf" -t 2>&1); then
		not_ok "apache2 -t rejects the test's config"
		echo "$out" | diag
		finish
	fi
	"$APACHE" -f "$P/httpd.conf" -DFOREGROUND >"$P/logs/apache-stdout.log" 2>&1 &
	APACHE_PID=$!
	BASE=http://127.0.0.1:$PORT
	up=
	for _ in $(seq 100); do
		kill -0 "$APACHE_PID" 2>/dev/null || break
		if [ "$(curl -sS --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' "$BASE/" 2>/dev/null)" != 000 ]; then
			up=1
			break
		fi
		sleep 0.1
	done
	[ -n "$up" ] && break
	stop_apache
	grep -q 'Address already in use' "$P/logs/error.log" "$P/logs/apache-stdout.log" 2>/dev/null || break
done
if [ -z "$up" ]; then
	not_ok "apache2 starts with the event MPM and $PHP_PREFIX/libphp.so"
	tail -n 20 "$P/logs/apache-stdout.log" "$P/logs/error.log" 2>&1 | diag
	finish
fi
ok "apache2 ($APACHE_PID) up on 127.0.0.1:$PORT: event MPM, 1 process x 16 threads, mod_php from $PHP_PREFIX"

# --- load ------------------------------------------------------------------
# client KIND FIRST COUNT: one curl that makes COUNT requests one after
# another, ids FIRST..; leaves $P/res/KIND/<id>.{code,hdr,body}
client() {
	local kind=$1 first=$2 count=$3 id url dir=$P/res/$1
	for ((id = first; id < first + count; id++)); do
		case $kind in
		count) url="$BASE/count.php?id=$id&n=$((997 + 3 * id))&XDEBUG_TRIGGER=1" ;;
		win) url="$BASE/win/window.php?id=$id&a=$((2 * id + 1))&b=$((3 * id + 2))" ;;
		esac
		printf 'url = "%s"\noutput = "%s"\ndump-header = "%s"\nwrite-out = "%s %%{http_code}\\n"\n' \
			"$url" "$dir/$id.body" "$dir/$id.hdr" "$id"
		[ "$kind" = win ] && printf 'header = "Host: %s"\n' "$WIN_HOST"
		printf 'noproxy = "*"\nmax-time = 30\nsilent\nshow-error\nnext\n'
	done >"$dir/client$first.curl"
	curl -K "$dir/client$first.curl" >"$dir/client$first.codes" 2>"$dir/client$first.err"
	while read -r id code; do
		echo "$code" >"$dir/$id.code"
	done <"$dir/client$first.codes"
}
# load KIND PER-CLIENT: CLIENTS clients in parallel; sets LOAD_TIME
load() {
	local kind=$1 per=$2 c start end pids=()
	start=${EPOCHREALTIME/[.,]/}
	for ((c = 0; c < CLIENTS; c++)); do
		client "$kind" $((c * per + 1)) "$per" &
		pids+=($!)
	done
	wait "${pids[@]}"
	end=${EPOCHREALTIME/[.,]/}
	LOAD_TIME=$(((end - start) / 1000))ms
}

# annotate LISTFILE: callgrind_annotate reads every profile, exit 0, and
# finds its totals (summary: or totals:) line
annotate() {
	local list=$1 what=$2 total bad start
	total=$(wc -l <"$list")
	start=${EPOCHREALTIME/[.,]/}
	# shellcheck disable=SC2016
	bad=$(xargs -r -P "$(nproc)" -n 20 bash -c '
		for f; do
			if ! out=$(callgrind_annotate --inclusive=no --auto=no --threshold=100 "$f" 2>&1); then
				echo "$f: exit status $?: $(echo "$out" | head -n 2)"
			elif ! grep -q "PROGRAM TOTALS" <<<"$out" || ! grep -qE "^(summary|totals):" "$f"; then
				echo "$f: no summary:/totals: line or no PROGRAM TOTALS"
			fi
		done' _ <"$list")
	if [ "$total" -eq 0 ]; then
		not_ok "$what: no profiles for callgrind_annotate to read"
	elif [ -z "$bad" ]; then
		ok "$what: callgrind_annotate reads all $total profiles (exit 0, PROGRAM TOTALS, summary: line; $(((${EPOCHREALTIME/[.,]/} - start) / 1000)) ms)"
	else
		not_ok "$what: callgrind_annotate fails on $(printf '%s' "$bad" | grep -c .) of $total profiles"
		printf '%s\n' "$bad" | head -n 5 | diag
	fi
}

# --- 1. count.php, profiled by trigger -------------------------------------
N=$((CLIENTS * REQUESTS))
load count "$REQUESTS"
echo "# count.php: $N requests from $CLIENTS clients in $LOAD_TIME"
"$PHP" -n "$HERE/check.php" count "$P/res/count" "$P/out/count" "$N" >"$P/res/count.out" 2>&1
rc=$?
report <"$P/res/count.out"
if [ $rc -ne 0 ]; then
	not_ok "check.php count exited with status $rc"
	tail -n 5 "$P/res/count.out" | diag
fi
sed -n 's/^files: //p' "$P/res/count.out" >"$P/res/count.files"
annotate "$P/res/count.files" "count.php"

# --- 2. windows: profiler_start()/profiler_stop() -----------------------------
W=$((CLIENTS * WINDOW_REQUESTS))
load win "$WINDOW_REQUESTS"
echo "# window.php: $W requests from $CLIENTS clients in $LOAD_TIME"
"$PHP" -n "$HERE/check.php" window "$P/res/win" "$P/out/win" "$W" >"$P/res/win.out" 2>&1
rc=$?
report <"$P/res/win.out"
if [ $rc -ne 0 ]; then
	not_ok "check.php window exited with status $rc"
	tail -n 5 "$P/res/win.out" | diag
fi
sed -n 's/^files: //p' "$P/res/win.out" >"$P/res/win.files"
annotate "$P/res/win.files" "window.php"

# --- 3. the server stayed healthy ---------------------------------------------
if kill -0 "$APACHE_PID" 2>/dev/null; then
	ok "apache2 is still running after $((N + W)) requests"
else
	not_ok "apache2 died during the test"
fi
start=${EPOCHREALTIME/[.,]/}
stop_apache
echo "# apache2 stopped in $(((${EPOCHREALTIME/[.,]/} - start) / 1000)) ms"
LOGS=("$P/logs/error.log" "$P/logs/apache-stdout.log")
pattern=':(emerg|alert|crit|error)\]|exit signal|Segmentation|SIGSEGV|SIGABRT|Aborted|Assertion|assertion|core dumped|Freeing 0x|memory leaks detected|Last leak repeated|zend_mm_heap corrupted|PHP (Fatal|Parse|Warning|Notice|Deprecated)|AddressSanitizer|terminated'
bad=$(grep -hE "$pattern" "${LOGS[@]}" 2>/dev/null | head -n 10)
if [ -z "$bad" ]; then
	ok "error log: no crash, assertion failure, leak report or PHP error/warning (after a clean stop)"
else
	not_ok "error log: $(cat "${LOGS[@]}" 2>/dev/null | grep -cE "$pattern") lines with crashes, assertions, leaks or PHP errors"
	echo "$bad" | diag
fi
bad=$(grep -E '\] (ERR|CRIT):' "$P/logs/profiler.log" 2>/dev/null | head -n 5)
if [ -z "$bad" ]; then
	ok "profiler.log: no ERR or CRIT lines ($(cat "$P/logs/profiler.log" 2>/dev/null | grep -c .) lines)"
else
	not_ok "profiler.log: ERR or CRIT lines"
	echo "$bad" | diag
fi

finish
