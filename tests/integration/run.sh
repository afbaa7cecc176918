#!/usr/bin/env bash
# Integration tests: the profiler extension inside real php-fpm behind real
# nginx, on 127.0.0.1 only, in a private prefix under a temp dir.
#
#   bash tests/integration/run.sh
#
# Environment:
#   PROFILER_SO   the extension to load (default: modules/profiler.so)
#   LOAD_REQUESTS requests per load round (default 200)
#   LOAD_CLIENTS  clients in parallel (default 8)
#   KEEP_PREFIX=1 keep the temp prefix for inspection
#
# Every case prints "ok - ..." or "not ok - ..."; the last line is
# "N passed, M failed" and the exit status is non-zero when any failed.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SO=${PROFILER_SO:-$ROOT/modules/profiler.so}
N=${LOAD_REQUESTS:-200}
CLIENTS=${LOAD_CLIENTS:-8}
VALIDATE=$HERE/validate.php
FPM=php-fpm8.2

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
diag() { sed 's/^/#   /'; }
finish() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
	exit $?
}

# --- tools -----------------------------------------------------------------
PATH=$PATH:/usr/sbin:/sbin
need=()
command -v "$FPM" >/dev/null 2>&1 || need+=(php8.2-fpm)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v php >/dev/null 2>&1 || need+=(php8.2-cli)
if [ ${#need[@]} -gt 0 ]; then
	echo "# installing ${need[*]}"
	if [ "$(id -u)" -eq 0 ]; then
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update && apt-get install -y "${need[@]}"; } >/dev/null 2>&1 ||
			{ not_ok "apt-get install -y ${need[*]} failed"; finish; }
	else
		{ sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"; } >/dev/null 2>&1 ||
			{ not_ok "apt-get install -y ${need[*]} failed (not root)"; finish; }
	fi
fi
if [ ! -f "$SO" ]; then
	not_ok "extension not built: $SO (run make first)"
	finish
fi

# Triggers and modes in our own environment must not leak into the servers.
unset XDEBUG_TRIGGER XDEBUG_PROFILE XDEBUG_MODE PROFILER_MODE XDEBUG_CONFIG

# --- prefix ----------------------------------------------------------------
P=$(mktemp -d "${TMPDIR:-/tmp}/profiler-it.XXXXXX")
chmod 755 "$P"
FPM_PID=
NGINX_PID=
cleanup() {
	local pid
	for pid in $NGINX_PID $FPM_PID; do
		kill -TERM "$pid" 2>/dev/null
	done
	for pid in $NGINX_PID $FPM_PID; do
		for _ in $(seq 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ "${KEEP_PREFIX:-0}" = 1 ]; then
		echo "# prefix kept: $P"
	else
		rm -rf "$P"
	fi
}
trap cleanup EXIT
trap 'not_ok "interrupted by a signal"; echo "$PASSED passed, $FAILED failed"; exit 130' INT TERM

DOCROOT=$P/docroot
mkdir -p "$DOCROOT" "$P/out" "$P/tmp" "$P/logs" "$P/run" "$P/res"
cp "$HERE"/docroot/*.php "$DOCROOT/"
APP=$DOCROOT/app.php

free_port() {
	php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
		$n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

# Pools: one per configuration, each with its own output directory.
#   name    settings
POOLS="trig secret named random append"
pool_settings() {
	case $1 in
	trig) echo "php_admin_value[profiler.output_name] = cachegrind.out.%p.%r" ;;
	secret)
		echo "php_admin_value[profiler.output_name] = cachegrind.out.%p.%r"
		echo "php_admin_value[profiler.trigger_value] = \" secret1 , secret2 \""
		;;
	named) echo "php_admin_value[profiler.output_name] = cachegrind.out.%R.%u" ;;
	random) echo "php_admin_value[profiler.output_name] = cachegrind.out.%r" ;;
	append)
		echo "php_admin_value[profiler.output_name] = cachegrind.out.appended"
		echo "php_admin_flag[profiler.append] = on"
		;;
	esac
}

RUN_AS_ROOT=()
USER_LINES=
if [ "$(id -u)" -eq 0 ]; then
	RUN_AS_ROOT=(-R)
	USER_LINES=$'user = root\ngroup = root'
fi

{
	cat <<EOF
[global]
pid = $P/run/fpm.pid
error_log = $P/logs/fpm-error.log
daemonize = no
process_control_timeout = 5
EOF
	for pool in $POOLS; do
		mkdir -p "$P/out/$pool"
		cat <<EOF

[$pool]
$USER_LINES
listen = $P/run/$pool.sock
listen.mode = 0666
pm = static
pm.max_children = 4
request_terminate_timeout = 30
catch_workers_output = yes
clear_env = yes
php_admin_value[error_log] = $P/logs/php-$pool.log
php_admin_flag[log_errors] = on
php_admin_value[profiler.output_dir] = $P/out/$pool
php_admin_value[profiler.log] = $P/logs/profiler-$pool.log
$(pool_settings "$pool")
EOF
	done
} >"$P/fpm.conf"

PORT=$(free_port) || { not_ok "no free port"; finish; }
NGINX_USER=
[ "$(id -u)" -eq 0 ] && NGINX_USER="user root root;"
{
	cat <<EOF
$NGINX_USER
worker_processes 2;
pid $P/run/nginx.pid;
error_log $P/logs/nginx-error.log warn;
events { worker_connections 256; }
http {
    access_log $P/logs/nginx-access.log;
    client_body_temp_path $P/tmp/body;
    proxy_temp_path $P/tmp/proxy;
    fastcgi_temp_path $P/tmp/fastcgi;
    uwsgi_temp_path $P/tmp/uwsgi;
    scgi_temp_path $P/tmp/scgi;
    default_type text/plain;
    server {
        listen 127.0.0.1:$PORT;
        server_name localhost;
        root $DOCROOT;
        location = /health { return 200 "ok\n"; }
EOF
	for pool in $POOLS; do
		cat <<EOF
        location ~ ^/$pool(/[a-z]+\.php)$ {
            fastcgi_pass unix:$P/run/$pool.sock;
            fastcgi_param SCRIPT_FILENAME $DOCROOT\$1;
            fastcgi_param SCRIPT_NAME \$1;
            fastcgi_param DOCUMENT_ROOT $DOCROOT;
            fastcgi_param QUERY_STRING \$query_string;
            fastcgi_param REQUEST_METHOD \$request_method;
            fastcgi_param CONTENT_TYPE \$content_type;
            fastcgi_param CONTENT_LENGTH \$content_length;
            fastcgi_param REQUEST_URI \$request_uri;
            fastcgi_param DOCUMENT_URI \$document_uri;
            fastcgi_param SERVER_PROTOCOL \$server_protocol;
            fastcgi_param GATEWAY_INTERFACE CGI/1.1;
            fastcgi_param REMOTE_ADDR \$remote_addr;
            fastcgi_param REMOTE_PORT \$remote_port;
            fastcgi_param SERVER_ADDR \$server_addr;
            fastcgi_param SERVER_PORT \$server_port;
            fastcgi_param SERVER_NAME \$server_name;
            fastcgi_read_timeout 30s;
        }
EOF
	done
	echo "    }"
	echo "}"
} >"$P/nginx.conf"

# --- servers ---------------------------------------------------------------
"$FPM" -n -F "${RUN_AS_ROOT[@]}" -y "$P/fpm.conf" \
	-d "extension=$SO" \
	-d profiler.mode=profile \
	-d profiler.start_with_request=trigger \
	-d profiler.use_compression=1 \
	-d profiler.log_level=10 \
	>"$P/logs/fpm-stdout.log" 2>&1 &
FPM_PID=$!
nginx -p "$P" -c "$P/nginx.conf" -g 'daemon off;' >"$P/logs/nginx-stdout.log" 2>&1 &
NGINX_PID=$!

BASE=http://127.0.0.1:$PORT
CURL=(curl -sS --noproxy '*' --max-time 30)
up=
for _ in $(seq 100); do
	if kill -0 "$FPM_PID" 2>/dev/null && kill -0 "$NGINX_PID" 2>/dev/null &&
		[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/health" 2>/dev/null)" = 200 ]; then
		up=1
		for pool in $POOLS; do
			[ -S "$P/run/$pool.sock" ] || up=
		done
		[ -n "$up" ] && break
	fi
	sleep 0.1
done
if [ -z "$up" ]; then
	not_ok "php-fpm and nginx start"
	tail -n 15 "$P"/logs/fpm-stdout.log "$P"/logs/fpm-error.log "$P"/logs/nginx-error.log 2>&1 | diag
	finish
fi
ok "php-fpm ($FPM_PID, pools: $POOLS) and nginx ($NGINX_PID) up on 127.0.0.1:$PORT"

# --- helpers ---------------------------------------------------------------
# request TAG CURL-ARGS... : runs one request; leaves $P/res/TAG.{hdr,body,code}
request() {
	local tag=$1
	shift
	"${CURL[@]}" -D "$P/res/$tag.hdr" -o "$P/res/$tag.body" -w '%{http_code}' "$@" \
		>"$P/res/$tag.code" 2>"$P/res/$tag.err"
}
header_of() { # the X-Profile-Filename header of a request, or empty
	tr -d '\r' <"$P/res/$1.hdr" | sed -n 's/^[Xx]-[Pp]rofile-[Ff]ilename: //p' | head -n 1
}
header_count() { tr -d '\r' <"$P/res/$1.hdr" | grep -ci '^x-profile-filename:'; }
body_file_of() { sed -n 's/^profile=//p' "$P/res/$1.body" | head -n 1; }
visible_files() { find "$1" -mindepth 1 -maxdepth 1 ! -name '.*' | sort; }
hidden_files() { find "$1" -mindepth 1 -maxdepth 1 -name '.*' | sort; }

# expect_profile TAG DESCRIPTION ID: the request was profiled into a new,
# complete profile of that request, named by the header.
expect_profile() {
	local tag=$1 what=$2 id=$3 h b code out
	code=$(cat "$P/res/$tag.code")
	h=$(header_of "$tag")
	b=$(body_file_of "$tag")
	if [ "$code" != 200 ]; then
		not_ok "$what: HTTP status $code"
		cat "$P/res/$tag.err" "$P/res/$tag.body" | diag
	elif [ -z "$h" ]; then
		not_ok "$what: no X-Profile-Filename header"
		cat "$P/res/$tag.hdr" "$P/res/$tag.body" | diag
	elif [ "$(header_count "$tag")" != 1 ]; then
		not_ok "$what: $(header_count "$tag") X-Profile-Filename headers"
	elif [ "$h" != "$b" ]; then
		not_ok "$what: header '$h' differs from profiler_get_filename() '$b'"
	elif [ ! -f "$h" ]; then
		not_ok "$what: the file named by the header does not exist: $h"
	elif [ "${h%.gz}" = "$h" ]; then
		not_ok "$what: compressed profile expected (.gz), got $h"
	elif ! out=$(php -n "$VALIDATE" file "$h" --id="$id" --cmd="$APP" 2>&1); then
		not_ok "$what: $h is not a complete profile of request $id"
		echo "$out" | diag
	elif ! gzip -t "$h" 2>/dev/null; then
		not_ok "$what: gzip -t fails on $h"
	else
		ok "$what: header names $(basename "$h"), complete and readable ($out)"
	fi
}

# expect_nothing TAG DESCRIPTION DIR FILES-BEFORE
expect_nothing() {
	local tag=$1 what=$2 dir=$3 before=$4 code h b now
	code=$(cat "$P/res/$tag.code")
	h=$(header_of "$tag")
	b=$(body_file_of "$tag")
	now=$(visible_files "$dir")
	if [ "$code" != 200 ]; then
		not_ok "$what: HTTP status $code"
	elif [ -n "$h" ]; then
		not_ok "$what: unexpected X-Profile-Filename: $h"
	elif [ "$b" != false ]; then
		not_ok "$what: profiler_get_filename() returned '$b', expected false"
	elif [ "$now" != "$before" ]; then
		not_ok "$what: new file(s) in the output directory"
		diff <(echo "$before") <(echo "$now") | diag
	elif [ -n "$(hidden_files "$dir")" ]; then
		not_ok "$what: temp files left: $(hidden_files "$dir" | tr '\n' ' ')"
	else
		ok "$what: no header, no file"
	fi
}

# --- 1. triggers: cookie, GET, POST ---------------------------------------
D=$P/out/trig
request cookie -b "XDEBUG_TRIGGER=1" "$BASE/trig/app.php?id=1"
expect_profile cookie "trigger: XDEBUG_TRIGGER in a cookie" 1
request get "$BASE/trig/app.php?id=2&XDEBUG_TRIGGER=1"
expect_profile get "trigger: XDEBUG_TRIGGER in GET" 2
request post --data "id=3&XDEBUG_TRIGGER=1" "$BASE/trig/app.php"
expect_profile post "trigger: XDEBUG_TRIGGER in POST" 3
request legacy "$BASE/trig/app.php?id=4&XDEBUG_PROFILE=1"
expect_profile legacy "trigger: legacy XDEBUG_PROFILE in GET" 4
request empty "$BASE/trig/app.php?id=5&XDEBUG_TRIGGER="
expect_profile empty "trigger: XDEBUG_TRIGGER with an empty value (no trigger_value set)" 5
named=$(for t in cookie get post legacy empty; do header_of "$t"; done | sort)
n=$(visible_files "$D" | wc -l)
if [ "$n" = 5 ] && [ "$named" = "$(visible_files "$D")" ]; then
	ok "trigger: exactly 5 profiles for 5 triggered requests, the 5 the headers named"
else
	not_ok "trigger: $n profiles for 5 triggered requests"
	visible_files "$D" | diag
fi

# --- 2. no trigger --------------------------------------------------------
before=$(visible_files "$D")
request none "$BASE/trig/app.php?id=6"
expect_nothing none "no trigger: app.php" "$D" "$before"
request noneplain "$BASE/trig/plain.php"
expect_nothing noneplain "no trigger: plain.php" "$D" "$before"
request othercookie -b "XDEBUG_SESSION=1" "$BASE/trig/app.php?id=7&XDEBUG_TRIGGERX=1"
expect_nothing othercookie "no trigger: other names (XDEBUG_SESSION cookie, XDEBUG_TRIGGERX)" "$D" "$before"

# --- 3. trigger_value ------------------------------------------------------
D=$P/out/secret
before=$(visible_files "$D")
request wrong "$BASE/secret/app.php?id=11&XDEBUG_TRIGGER=wrong"
expect_nothing wrong "trigger_value: wrong value in GET" "$D" "$before"
request wrongpost --data "id=12&XDEBUG_TRIGGER=secret1x" "$BASE/secret/app.php"
expect_nothing wrongpost "trigger_value: wrong value in POST (secret1x)" "$D" "$before"
request wrongcookie -b "XDEBUG_TRIGGER=secret" "$BASE/secret/app.php?id=13"
expect_nothing wrongcookie "trigger_value: wrong value in a cookie (prefix 'secret')" "$D" "$before"
request emptyval "$BASE/secret/app.php?id=14&XDEBUG_TRIGGER="
expect_nothing emptyval "trigger_value: empty value" "$D" "$before"
request right1 "$BASE/secret/app.php?id=15&XDEBUG_TRIGGER=secret1"
expect_profile right1 "trigger_value: right value secret1 in GET" 15
request right2 -b "XDEBUG_TRIGGER=secret2" "$BASE/secret/app.php?id=16"
expect_profile right2 "trigger_value: right value secret2 in a cookie" 16
n=$(visible_files "$D" | wc -l)
if [ "$n" = 2 ]; then
	ok "trigger_value: exactly 2 profiles, for the 2 right values"
else
	not_ok "trigger_value: $n profiles, expected 2"
fi

# --- load ------------------------------------------------------------------
# load POOL: N triggered requests from CLIENTS parallel clients, each carrying
# its id in the URI; for each, $P/res/POOL/<id>.{code,hdr,body} (validate.php
# reads them).
one() { # one request of a load round: POOL ID
	local pool=$1 id=$2 dir=$P/res/$1
	curl -sS --noproxy "*" --max-time 30 -D "$dir/$id.hdr" -o "$dir/$id.body" -w "%{http_code}" \
		"$BASE/$pool/app.php?id=$id&XDEBUG_TRIGGER=1" >"$dir/$id.code" 2>"$dir/$id.err"
}
export -f one
export P BASE
load() {
	local pool=$1 start end
	mkdir -p "$P/res/$pool"
	start=${EPOCHREALTIME/[.,]/}
	seq 1 "$N" | xargs -P "$CLIENTS" -I{} bash -c "one \"\$@\"" _ "$pool" {}
	end=${EPOCHREALTIME/[.,]/}
	LOAD_TIME=$(((end - start) / 1000))ms
}

# load_case POOL DESCRIPTION [--name-ids]: a load round, with a watcher that
# reads every profile the moment it appears under its final name.
load_case() {
	local pool=$1 what=$2 out rc watcher wrc
	shift 2
	rm -f "$P/res/$pool.stop"
	php -n "$VALIDATE" watch "$P/out/$pool" "$P/res/$pool.stop" >"$P/res/$pool.watch" 2>&1 &
	watcher=$!
	load "$pool"
	touch "$P/res/$pool.stop"
	wait "$watcher"
	wrc=$?
	out=$(php -n "$VALIDATE" load "$P/out/$pool" "$P/res/$pool" "$N" --cmd="$APP" "$@" 2>&1)
	rc=$?
	echo "$out" | grep -v '^problem:' | sed "s/^/# $pool: /"
	if [ $rc -eq 0 ]; then
		ok "$what: $N requests from $CLIENTS clients ($LOAD_TIME), one complete profile each"
	else
		not_ok "$what"
		echo "$out" | grep '^problem:' | diag
	fi
	out=$(cat "$P/res/$pool.watch")
	if [ $wrc -eq 0 ]; then
		ok "$what: a watcher read each file as it appeared, none incomplete ($(echo "$out" | sed -n 's/^files read as they appeared: //p') read)"
	else
		not_ok "$what: a watcher found files incomplete when they appeared"
		echo "$out" | diag
	fi
}

# --- 4. load, one file per request ------------------------------------------
load_case named "load, output_name=cachegrind.out.%R.%u" --name-ids
load_case random "load, output_name=cachegrind.out.%r"

# --- 5. load, append to one file ---------------------------------------------
F=$P/out/append/cachegrind.out.appended.gz
load append
out=$(php -n "$VALIDATE" append "$F" "$P/res/append" "$N" --cmd="$APP" 2>&1)
rc=$?
echo "$out" | grep -v '^problem:' | sed "s/^/# append: /"
if [ $rc -eq 0 ]; then
	ok "load, profiler.append=1: $N requests from $CLIENTS clients ($LOAD_TIME), $N complete profiles in one file"
else
	not_ok "load, profiler.append=1"
	echo "$out" | grep '^problem:' | diag
fi
if [ -f "$F" ] && gzip -t "$F" 2>/dev/null && [ "$(gzip -dc "$F" | grep -c '^version: 1$')" = "$N" ] &&
	[ "$(gzip -dc "$F" | grep -c '^summary: ')" = "$N" ]; then
	ok "load, profiler.append=1: gzip -t passes, gzip -dc shows $N version: and $N summary: lines"
else
	not_ok "load, profiler.append=1: gzip -t or gzip -dc line counts (version: $(gzip -dc "$F" 2>/dev/null | grep -c '^version: 1$'), summary: $(gzip -dc "$F" 2>/dev/null | grep -c '^summary: '))"
fi
n=$(visible_files "$P/out/append" | wc -l)
if [ "$n" = 1 ]; then
	ok "load, profiler.append=1: the output directory holds only the one file"
else
	not_ok "load, profiler.append=1: the output directory holds $n files"
	visible_files "$P/out/append" | head | diag
fi

# --- 6. no temp files left ---------------------------------------------------
left=$(find "$P/out" -name '.*' | head -20)
if [ -z "$left" ]; then
	ok "no hidden temp files (.profiler.*.tmp) left in any output directory"
else
	not_ok "hidden temp files left: $(find "$P/out" -name '.*' | wc -l)"
	echo "$left" | diag
fi

# --- servers stayed healthy -----------------------------------------------
errs=$(cat "$P/logs/fpm-error.log" "$P/logs/fpm-stdout.log" 2>/dev/null |
	grep -Ei 'SIGSEGV|SIGABRT|signal|exited on|terminated|child .* exited' | grep -v 'exited with code 0' | head -5)
phperrs=$(cat "$P"/logs/php-*.log 2>/dev/null | grep -E 'PHP (Fatal|Warning|Notice|Deprecated)' | head -5)
if [ -z "$errs" ] && [ -z "$phperrs" ] && kill -0 "$FPM_PID" 2>/dev/null; then
	ok "php-fpm: no crashed workers, no PHP errors or warnings"
else
	not_ok "php-fpm: worker trouble or PHP errors"
	printf '%s\n%s\n' "$errs" "$phperrs" | diag
fi

finish
