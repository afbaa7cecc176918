/* What differs by compiler and by operating system, in one place.
 *
 * The rest of src/lib includes this header and no header of POSIX's or
 * Windows' own. Compiler spellings are macros here; under GCC and Clang they
 * expand to exactly what the code spelled before there was a layer, so the
 * hot paths (recorder_private.h, call_tree.h) compile to the same
 * instructions. What differs by operating system is a function, implemented
 * in platform_posix.c and platform_windows.c; each compiles to nothing on the
 * other system, so both are listed in every build.
 *
 * Functions that can fail return -1 (or false) and leave the reason in
 * errno, on Windows too (its error codes are mapped to errno's), so callers
 * report failures with strerror() alike everywhere. Paths are bytes as PHP
 * has them: on Windows they are read as UTF-8, as PHP's own file functions
 * read them, or in the ANSI code page when they are not valid UTF-8. */
#ifndef PROFILER_PLATFORM_H
#define PROFILER_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

/* --- Compiler spellings --- */

#if defined(__GNUC__) || defined(__clang__)
/* A hot-path helper: inlined even where the compiler would rather call it. */
# define PROFILER_ALWAYS_INLINE static inline __attribute__((always_inline))
/* Branch hints: the condition's value, with the side the compiler lays out
 * as the straight path. */
# define PROFILER_LIKELY(x) __builtin_expect((x), 1)
# define PROFILER_UNLIKELY(x) __builtin_expect((x), 0)
/* Placed after the struct keyword: struct PROFILER_ALIGNED(64) name {...} */
# define PROFILER_ALIGNED(n) __attribute__((aligned(n)))
/* Checks a printf-like function's arguments against its format (parameter
 * numbers from 1). */
# define PROFILER_PRINTF_FORMAT(format_index, first_arg) __attribute__((format(printf, format_index, first_arg)))
#elif defined(_MSC_VER)
# define PROFILER_ALWAYS_INLINE static __forceinline
# define PROFILER_LIKELY(x) (x)
# define PROFILER_UNLIKELY(x) (x)
# define PROFILER_ALIGNED(n) __declspec(align(n))
# define PROFILER_PRINTF_FORMAT(format_index, first_arg)
#else
# error "profiler is built with GCC, Clang or MSVC"
#endif

/* The alignment a type needs. MSVC knows _Alignof only under /std:c11. */
#if defined(_MSC_VER) && !defined(__clang__)
# define PROFILER_ALIGNOF(type) __alignof(type)
#else
# define PROFILER_ALIGNOF(type) _Alignof(type)
#endif

/* A condition the build checks. MSVC has _Static_assert only under /std:c11
 * (which defines __STDC_VERSION__); without it, a false condition is an
 * array of negative size, and the error points at the line with the
 * message. */
#if defined(_MSC_VER) && !defined(__clang__) && !defined(__STDC_VERSION__)
# define PROFILER_CONCAT_(a, b) a##b
# define PROFILER_CONCAT(a, b) PROFILER_CONCAT_(a, b)
# define PROFILER_STATIC_ASSERT(cond, message) \
	typedef char PROFILER_CONCAT(profiler_static_assert_, __LINE__)[(cond) ? 1 : -1]
#else
# define PROFILER_STATIC_ASSERT(cond, message) _Static_assert(cond, message)
#endif

/* --- The time-stamp counter --- */

/* PROFILER_PLATFORM_HAVE_TSC is 1 on x86, where profiler_platform_rdtsc()
 * reads the counter; whether it is steady enough to be the clock is the
 * CPU's to say (profiler_platform_cpu_flags). */
#if defined(__x86_64__) || defined(__i386__) || defined(_M_X64) || defined(_M_IX86)
# define PROFILER_PLATFORM_HAVE_TSC 1
# if defined(_MSC_VER) && !defined(__clang__)
#  include <intrin.h>
# else
#  include <x86intrin.h>
# endif
PROFILER_ALWAYS_INLINE uint64_t profiler_platform_rdtsc(void)
{
	return __rdtsc();
}
#else
# define PROFILER_PLATFORM_HAVE_TSC 0
#endif

/* The CPU's feature flags, space-separated in /proc/cpuinfo's spelling,
 * malloc'ed; NULL when they cannot be read. On Windows only the two that the
 * clock asks for (constant_tsc and nonstop_tsc, both from CPUID's invariant
 * TSC bit) are ever listed. */
char *profiler_platform_cpu_flags(void);

/* --- Clocks and time --- */

/* A monotonic clock in nanoseconds, and its name for profiler_info(). */
#ifdef _WIN32
# define PROFILER_PLATFORM_MONOTONIC_NAME "QueryPerformanceCounter"
uint64_t profiler_platform_monotonic_ns(void);
#else
# define PROFILER_PLATFORM_MONOTONIC_NAME "clock_gettime(CLOCK_MONOTONIC)"
static inline uint64_t profiler_platform_monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#endif

/* The wall clock: seconds and nanoseconds since 1970 (UTC). */
void profiler_platform_realtime(struct timespec *ts);

/* t broken down in UTC; false (out untouched) when it cannot be. */
bool profiler_platform_gmtime(time_t t, struct tm *out);

long profiler_platform_getpid(void);

/* --- Memory --- */

/* size bytes aligned to alignment (a power of two that divides size), or
 * NULL; freed with profiler_platform_aligned_free and nothing else (on
 * Windows free() cannot take it). */
#ifdef _WIN32
# include <malloc.h>
static inline void *profiler_platform_aligned_alloc(size_t alignment, size_t size)
{
	return _aligned_malloc(size, alignment);
}

static inline void profiler_platform_aligned_free(void *p)
{
	_aligned_free(p);
}
#else
static inline void *profiler_platform_aligned_alloc(size_t alignment, size_t size)
{
	return aligned_alloc(alignment, size);
}

static inline void profiler_platform_aligned_free(void *p)
{
	free(p);
}
#endif

/* --- Files --- */

/* How a file is opened. Every mode but READ refuses a symbolic link at the
 * path (POSIX: O_NOFOLLOW; Windows: any reparse point), failing with ELOOP,
 * so that a link planted where a profile or the log goes is never written
 * through. No descriptor is inherited by child processes. Files are created
 * with mode 0666 less the umask (Windows: default permissions). */
typedef enum {
	/* an existing file, read-only */
	PROFILER_PLATFORM_FILE_READ,
	/* a new file, write-only; fails with EEXIST when anything is at the
	 * path, a dangling link included */
	PROFILER_PLATFORM_FILE_CREATE,
	/* write-only, created when missing; every write lands at the end of
	 * the file whole, even with other processes appending at once */
	PROFILER_PLATFORM_FILE_APPEND,
	/* the same, but a write lands whole at the end only while the caller
	 * holds the file's lock (Windows cannot both append atomically and
	 * truncate through one descriptor); profiler_platform_file_truncate
	 * works on it */
	PROFILER_PLATFORM_FILE_APPEND_LOCKED,
} profiler_platform_file_mode;

/* A descriptor (Windows: a C runtime descriptor in binary mode), or -1. */
int profiler_platform_file_open(const char *path, profiler_platform_file_mode mode);
/* Bytes read or written (possibly fewer than len), or -1 (errno EINTR:
 * try again). */
ptrdiff_t profiler_platform_file_read(int fd, void *buf, size_t len);
ptrdiff_t profiler_platform_file_write(int fd, const void *buf, size_t len);
int profiler_platform_file_close(int fd);
/* Moves to the end; returns that offset, the file's length, or -1. */
int64_t profiler_platform_file_seek_end(int fd);
int profiler_platform_file_truncate(int fd, int64_t length);
/* Waits for, then holds, the exclusive lock on the whole file, which other
 * processes' profiler_platform_file_lock calls wait for; released by
 * unlock or by closing fd. On Windows the lock is mandatory: other
 * processes cannot read or write the file meanwhile. */
int profiler_platform_file_lock(int fd);
int profiler_platform_file_unlock(int fd);
/* Renames from to to, replacing any file at to in one step. */
int profiler_platform_file_replace(const char *from, const char *to);
int profiler_platform_file_remove(const char *path);

/* True when path exists and is a symbolic link (Windows: a reparse point,
 * which also takes in junctions and other redirections: refusing those too
 * is the safe side). */
bool profiler_platform_path_is_symlink(const char *path);

/* The length of path's directory part with its final separator ("/" or,
 * on Windows, "\\" too, or a drive's "C:"): 0 when path names a file in the
 * current directory. */
size_t profiler_platform_dir_length(const char *path);

typedef enum {
	PROFILER_PLATFORM_DIR_USABLE,
	/* it cannot be looked at (errno says why: missing, no permission) */
	PROFILER_PLATFORM_DIR_INACCESSIBLE,
	PROFILER_PLATFORM_DIR_NOT_DIRECTORY,
	/* files cannot be made in it (errno says why) */
	PROFILER_PLATFORM_DIR_NOT_WRITABLE,
} profiler_platform_dir_state;

/* Whether files can be made in dir. For NOT_WRITABLE, detail gets what the
 * system knows beyond errno, starting with a space (POSIX: the directory's
 * mode and owner and this process's user), or "". */
profiler_platform_dir_state profiler_platform_dir_check(const char *dir, char *detail, size_t detail_size);

#endif
