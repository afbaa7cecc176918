#!/usr/bin/env bash
# Windows gate: src/lib built for 64-bit Windows with Debian's mingw-w64
# cross compiler. No PHP SDK for Windows can be had here, so this is how CI
# knows that the Windows build has a chance: Windows is compiled, not run.
#
# One result per file of src/lib:
#   - a .c file compiles (-Wall -Wextra -Werror, strict C11 and -pedantic,
#     -Wvla: MSVC has no GNU extensions and no variable-length arrays), a .h
#     file compiles on its own (it includes what it uses);
#   - outside the platform layer (platform.h, platform_posix.c,
#     platform_windows.c) it spells nothing that only POSIX, Linux, GCC or
#     MSVC has. mingw is more lenient than MSVC (it has unistd.h, getpid(),
#     open()), so the compile alone would let such things back in.
# Then two more:
#   - config.m4 and config.w32 list the same sources, every .c file of
#     src/lib and src/php;
#   - the objects link into a DLL: every function src/lib calls exists for
#     Windows (in the C runtime, kernel32 or zlib) and every function of the
#     platform layer is there.
#
# zlib: Debian's libz-mingw-w64-dev, zlib's own headers configured for mingw
# and its Windows library, so the link is real. (Linux's zconf.h would do for
# compiling only, but would bring in unistd.h.)
#
# usage: bash tests/windows/cross-compile.sh
# Output: `ok N - ...` / `not ok N - ...` (details indented), then
# `N passed, M failed`. Exit status 1 if anything failed.
set -u

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1

CC=x86_64-w64-mingw32-gcc
SYSROOT=/usr/x86_64-w64-mingw32
CFLAGS=(-std=c11 -pedantic -O2 -Wall -Wextra -Werror -Wvla -Wpointer-arith -Isrc/lib)

install_packages() {
	local missing=()
	command -v "$CC" >/dev/null 2>&1 || missing+=(mingw-w64)
	[ -f "$SYSROOT/include/zlib.h" ] || missing+=(libz-mingw-w64-dev)
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "missing ${missing[*]}: run as root, or apt-get install -y ${missing[*]}"
		return 1
	fi
	echo "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# a mirror can fail for a moment: try three times before giving up
	local try
	for try in 1 2 3; do
		apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null && return 0
		[ "$try" = 3 ] && { echo "apt-get failed"; return 1; }
		sleep 10
	done
}

if ! install_packages; then
	echo "0 passed, 1 failed"
	exit 1
fi

passed=0
failed=0
n=0
report() { # report STATUS DESCRIPTION [DETAILS-FILE]
	n=$((n + 1))
	if [ "$1" = ok ]; then
		passed=$((passed + 1))
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		if [ -n "${3:-}" ] && [ -s "$3" ]; then
			head -n 30 "$3" | sed 's/^/    /'
			local total
			total=$(wc -l <"$3")
			[ "$total" -gt 30 ] && echo "    ... and $((total - 30)) more"
		fi
	fi
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# What only one system or compiler has, outside the platform layer. Matched
# in the code with comments taken out; all but the last list also with
# string literals emptied.
COMPILER_ONLY='__attribute__|__builtin_[a-z_]+|__declspec|__forceinline|__alignof|_Alignof|_Alignas|_Static_assert|__rdtsc|__cpuid'
SYSTEM_HEADERS='#[[:space:]]*include[[:space:]]*<((unistd|fcntl|io|malloc|windows|direct|process|intrin|x86intrin|cpuid)\.h|sys/)'
SYSTEM_CALLS='(^|[^[:alnum:]_.>])(open|close|read|write|lseek|ftruncate|unlink|rename|access|stat|lstat|fstat|flock|fcntl|getpid|geteuid|getuid|getline|gmtime_r|gmtime_s|localtime_r|clock_gettime|gettimeofday|aligned_alloc|posix_memalign|_aligned_malloc|_aligned_free|realpath|mkstemp|usleep|sleep)[[:space:]]*\('
SYSTEM_NAMES='(^|[^[:alnum:]_])(ssize_t|off_t|pid_t|uid_t|O_[A-Z]+|S_IS[A-Z]+|LOCK_(EX|SH|UN|NB)|CLOCK_[A-Z]+|HANDLE|DWORD)([^[:alnum:]_]|$)'
LINUX_FILES='/proc/|/sys/'

is_platform_file() {
	case "$(basename "$1")" in
		platform.h | platform_posix.c | platform_windows.c) return 0 ;;
	esac
	return 1
}

# portability_check FILE DETAILS-FILE: what FILE spells that it should not
portability_check() {
	local file=$1 out=$2 code=$work/code.txt bare=$work/bare.txt
	: >"$out"
	is_platform_file "$file" && return 0
	# the C preprocessor takes the comments out (and nothing else: includes
	# and macros stay as they are written)
	if ! gcc -fpreprocessed -dD -E -P -x c "$file" >"$code" 2>"$out"; then
		return 1
	fi
	sed -E 's/"([^"\\]|\\.)*"/""/g' "$code" >"$bare"
	local what pattern
	for what in COMPILER_ONLY SYSTEM_HEADERS SYSTEM_CALLS SYSTEM_NAMES; do
		pattern=${!what}
		grep -E "$pattern" "$bare" | sed "s/^/$what (use platform.h): /" >>"$out"
	done
	grep -E "$LINUX_FILES" "$code" | sed "s/^/LINUX_FILES (use platform.h): /" >>"$out"
	[ ! -s "$out" ]
}

objects=()
for file in src/lib/*.c src/lib/*.h; do
	details=$work/details.txt
	: >"$details"
	ok=1
	case "$file" in
		*.c)
			obj=$work/$(basename "$file" .c).o
			if ! "$CC" "${CFLAGS[@]}" -c "$file" -o "$obj" >"$details" 2>&1; then
				ok=0
			else
				objects+=("$obj")
			fi
			;;
		*.h)
			if ! "$CC" "${CFLAGS[@]}" -fsyntax-only -x c "$file" >"$details" 2>&1; then
				ok=0
			fi
			;;
	esac
	if ! portability_check "$file" "$work/port.txt"; then
		ok=0
		cat "$work/port.txt" >>"$details"
	fi
	if [ $ok = 1 ]; then
		report ok "$file compiles for Windows and uses the platform layer for what differs"
	else
		report "not ok" "$file compiles for Windows and uses the platform layer for what differs" "$details"
	fi
done

# config.m4 and config.w32: the same sources, and every .c file there is
m4_list() { # the files named in config.m4's code, not in its dnl comments
	grep -vE '^[[:space:]]*dnl' config.m4 | grep -oE 'src/(lib|php)/[A-Za-z0-9_]+\.c' | LC_ALL=C sort
}
w32_list() { # the PROFILER_LIB_SOURCES and PROFILER_PHP_SOURCES strings
	local var dir
	for var in LIB PHP; do
		dir=src/$(echo "$var" | tr 'A-Z' 'a-z')
		sed -nE "s/^[[:space:]]*var PROFILER_${var}_SOURCES[[:space:]]*=[[:space:]]*\"([^\"]*)\".*/\\1/p" config.w32 |
			tr ' ' '\n' | grep -v '^$' | sed "s|^|$dir/|"
	done | LC_ALL=C sort
}
m4_list >"$work/m4.txt"
w32_list >"$work/w32.txt"
ls src/lib/*.c src/php/*.c | LC_ALL=C sort >"$work/files.txt"
{
	LC_ALL=C comm -3 "$work/m4.txt" "$work/w32.txt" | sed -E 's/^\t/only in config.w32: /; t; s/^/only in config.m4: /'
	LC_ALL=C comm -23 "$work/files.txt" "$work/m4.txt" | sed 's/^/in no build list: /'
} >"$work/lists.txt"
if [ ! -s "$work/m4.txt" ]; then
	echo "no sources found in config.m4" >>"$work/lists.txt"
fi
if [ -s "$work/lists.txt" ]; then
	report "not ok" "config.m4 and config.w32 list the same sources, every .c file of src/lib and src/php" "$work/lists.txt"
else
	report ok "config.m4 and config.w32 list the same sources, every .c file of src/lib and src/php ($(wc -l <"$work/m4.txt") files)"
fi

# The link: a DLL must have every symbol resolved.
if [ ${#objects[@]} -eq "$(ls src/lib/*.c | wc -l)" ] &&
	"$CC" -shared -o "$work/profiler_lib.dll" "${objects[@]}" -lz >"$work/link.txt" 2>&1; then
	report ok "src/lib links into a Windows DLL (C runtime, kernel32, zlib)"
else
	[ -s "$work/link.txt" ] || echo "not every file compiled" >"$work/link.txt"
	report "not ok" "src/lib links into a Windows DLL (C runtime, kernel32, zlib)" "$work/link.txt"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
