/* The platform layer on Windows; see platform.h. Compiles to nothing
 * elsewhere.
 *
 * Files are opened with CreateFileW, so that a reparse point can be refused
 * and appends made atomic, and are then handed to the C runtime as
 * descriptors in binary mode: the rest of src/lib keeps one int per file on
 * every system. Windows is compiled here (tests/windows/cross-compile.sh),
 * not run. */
#include "platform.h"

#ifdef _WIN32

#ifndef WIN32_LEAN_AND_MEAN
# define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#if PROFILER_PLATFORM_HAVE_TSC
# include <intrin.h>
#endif

/* The errno closest to a Win32 error, for strerror() in the log. */
static int errno_from(DWORD error)
{
	switch (error) {
		case ERROR_FILE_NOT_FOUND:
		case ERROR_PATH_NOT_FOUND:
		case ERROR_INVALID_DRIVE:
		case ERROR_BAD_NETPATH:
		case ERROR_BAD_NET_NAME:
		case ERROR_INVALID_NAME:
		case ERROR_BAD_PATHNAME:
			return ENOENT;
		case ERROR_ACCESS_DENIED:
		case ERROR_SHARING_VIOLATION:
		case ERROR_LOCK_VIOLATION:
		case ERROR_WRITE_PROTECT:
			return EACCES;
		case ERROR_FILE_EXISTS:
		case ERROR_ALREADY_EXISTS:
			return EEXIST;
		case ERROR_DISK_FULL:
		case ERROR_HANDLE_DISK_FULL:
			return ENOSPC;
		case ERROR_NOT_ENOUGH_MEMORY:
		case ERROR_OUTOFMEMORY:
			return ENOMEM;
		case ERROR_FILENAME_EXCED_RANGE:
			return ENAMETOOLONG;
		case ERROR_DIRECTORY:
			return ENOTDIR;
		case ERROR_CANT_RESOLVE_FILENAME:
			return ELOOP;
		default:
			return EIO;
	}
}

/* path as UTF-16, malloc'ed, or NULL (errno set). */
static wchar_t *widen(const char *path)
{
	UINT code_page = CP_UTF8;
	DWORD flags = MB_ERR_INVALID_CHARS;
	int n = MultiByteToWideChar(code_page, flags, path, -1, NULL, 0);
	wchar_t *wide;

	if (n <= 0) {
		code_page = CP_ACP;
		flags = 0;
		n = MultiByteToWideChar(code_page, flags, path, -1, NULL, 0);
		if (n <= 0) {
			errno = EINVAL;
			return NULL;
		}
	}
	wide = malloc((size_t)n * sizeof(*wide));
	if (!wide) {
		errno = ENOMEM;
		return NULL;
	}
	MultiByteToWideChar(code_page, flags, path, -1, wide, n);
	return wide;
}

/* The clock's choice: the TSC when CPUID says it is invariant (the bit
 * from which Linux sets both constant_tsc and nonstop_tsc), else none, and
 * the clock stays on QueryPerformanceCounter. Not simply none: the handlers
 * read the clock twice per call, and RDTSC is a few cycles where
 * QueryPerformanceCounter is a call into the system's DLL. */
char *profiler_platform_cpu_flags(void)
{
#if PROFILER_PLATFORM_HAVE_TSC
	int regs[4];

	__cpuid(regs, (int)0x80000000);
	if ((unsigned)regs[0] >= 0x80000007u) {
		__cpuid(regs, (int)0x80000007);
		if (regs[3] & (1 << 8)) {
			return _strdup("constant_tsc nonstop_tsc");
		}
	}
	return _strdup("");
#else
	return NULL;
#endif
}

uint64_t profiler_platform_monotonic_ns(void)
{
	LARGE_INTEGER count, frequency;
	uint64_t c, f;

	QueryPerformanceCounter(&count);
	QueryPerformanceFrequency(&frequency);
	c = (uint64_t)count.QuadPart;
	f = (uint64_t)frequency.QuadPart;
	/* whole seconds, then the rest: c * 10^9 alone would overflow after
	 * about 30 minutes at 10 MHz (the usual frequency) */
	return c / f * 1000000000u + c % f * 1000000000u / f;
}

void profiler_platform_realtime(struct timespec *ts)
{
	FILETIME ft;
	uint64_t t;

	/* 100 ns units since 1601 */
	GetSystemTimePreciseAsFileTime(&ft);
	t = (uint64_t)ft.dwHighDateTime << 32 | ft.dwLowDateTime;
	t -= 116444736000000000u; /* 1601 to 1970 */
	ts->tv_sec = (time_t)(t / 10000000u);
	ts->tv_nsec = (long)(t % 10000000u * 100u);
}

bool profiler_platform_gmtime(time_t t, struct tm *out)
{
	return gmtime_s(out, &t) == 0;
}

long profiler_platform_getpid(void)
{
	return (long)GetCurrentProcessId();
}

static bool is_reparse_point(HANDLE h)
{
	BY_HANDLE_FILE_INFORMATION info;
	return GetFileInformationByHandle(h, &info) && (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT);
}

int profiler_platform_file_open(const char *path, profiler_platform_file_mode mode)
{
	DWORD access, disposition;
	DWORD flags = FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT;
	int crt_flags = _O_BINARY;
	bool no_follow = true;
	wchar_t *wide;
	HANDLE h;
	int fd;

	switch (mode) {
		case PROFILER_PLATFORM_FILE_READ:
			access = GENERIC_READ;
			disposition = OPEN_EXISTING;
			flags = FILE_ATTRIBUTE_NORMAL;
			crt_flags |= _O_RDONLY;
			no_follow = false;
			break;
		case PROFILER_PLATFORM_FILE_CREATE:
			access = GENERIC_WRITE | FILE_READ_ATTRIBUTES;
			disposition = CREATE_NEW;
			crt_flags |= _O_WRONLY;
			break;
		case PROFILER_PLATFORM_FILE_APPEND:
			/* append-only access: the system puts every write at the
			 * end, whatever other handles write meanwhile */
			access = FILE_APPEND_DATA | FILE_READ_ATTRIBUTES | SYNCHRONIZE;
			disposition = OPEN_ALWAYS;
			crt_flags |= _O_WRONLY;
			break;
		case PROFILER_PLATFORM_FILE_APPEND_LOCKED:
			/* write access, which truncating needs; the C runtime seeks
			 * to the end before each write */
			access = GENERIC_WRITE | FILE_READ_ATTRIBUTES;
			disposition = OPEN_ALWAYS;
			crt_flags |= _O_WRONLY | _O_APPEND;
			break;
		default:
			errno = EINVAL;
			return -1;
	}
	wide = widen(path);
	if (!wide) {
		return -1;
	}
	/* FILE_FLAG_OPEN_REPARSE_POINT opens a link itself, not what it points
	 * to, so that it can be seen and refused without touching the target;
	 * sharing delete lets a profile be renamed over a file open here */
	h = CreateFileW(wide, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, disposition,
		flags, NULL);
	free(wide);
	if (h == INVALID_HANDLE_VALUE) {
		errno = errno_from(GetLastError());
		return -1;
	}
	if (no_follow && is_reparse_point(h)) {
		CloseHandle(h);
		errno = ELOOP;
		return -1;
	}
	fd = _open_osfhandle((intptr_t)h, crt_flags);
	if (fd < 0) {
		CloseHandle(h);
		errno = EMFILE;
		return -1;
	}
	return fd;
}

ptrdiff_t profiler_platform_file_read(int fd, void *buf, size_t len)
{
	return _read(fd, buf, len > INT_MAX ? INT_MAX : (unsigned)len);
}

ptrdiff_t profiler_platform_file_write(int fd, const void *buf, size_t len)
{
	return _write(fd, buf, len > INT_MAX ? INT_MAX : (unsigned)len);
}

int profiler_platform_file_close(int fd)
{
	return _close(fd);
}

int64_t profiler_platform_file_seek_end(int fd)
{
	return _lseeki64(fd, 0, SEEK_END);
}

int profiler_platform_file_truncate(int fd, int64_t length)
{
	errno_t e = _chsize_s(fd, length);
	if (e != 0) {
		errno = e;
		return -1;
	}
	return 0;
}

/* The lock covers the whole file, as far as it can ever grow: from offset 0
 * (at), 2^64 - 1 bytes. */
int profiler_platform_file_lock(int fd)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	OVERLAPPED at;

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	memset(&at, 0, sizeof(at));
	/* without LOCKFILE_FAIL_IMMEDIATELY: waits until it is granted */
	if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK, 0, MAXDWORD, MAXDWORD, &at)) {
		errno = errno_from(GetLastError());
		return -1;
	}
	return 0;
}

int profiler_platform_file_unlock(int fd)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	OVERLAPPED at;

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	memset(&at, 0, sizeof(at));
	if (!UnlockFileEx(h, 0, MAXDWORD, MAXDWORD, &at)) {
		errno = errno_from(GetLastError());
		return -1;
	}
	return 0;
}

int profiler_platform_file_replace(const char *from, const char *to)
{
	wchar_t *wide_from = widen(from);
	wchar_t *wide_to = wide_from ? widen(to) : NULL;
	BOOL ok;

	if (!wide_to) {
		free(wide_from);
		return -1;
	}
	/* rename() on Windows fails when to exists */
	ok = MoveFileExW(wide_from, wide_to, MOVEFILE_REPLACE_EXISTING);
	if (!ok) {
		errno = errno_from(GetLastError());
	}
	free(wide_from);
	free(wide_to);
	return ok ? 0 : -1;
}

int profiler_platform_file_remove(const char *path)
{
	wchar_t *wide = widen(path);
	BOOL ok;

	if (!wide) {
		return -1;
	}
	ok = DeleteFileW(wide);
	if (!ok) {
		errno = errno_from(GetLastError());
	}
	free(wide);
	return ok ? 0 : -1;
}

/* INVALID_FILE_ATTRIBUTES when path cannot be looked at (errno set). */
static DWORD attributes_of(const char *path)
{
	wchar_t *wide = widen(path);
	DWORD attributes;

	if (!wide) {
		return INVALID_FILE_ATTRIBUTES;
	}
	attributes = GetFileAttributesW(wide);
	if (attributes == INVALID_FILE_ATTRIBUTES) {
		errno = errno_from(GetLastError());
	}
	free(wide);
	return attributes;
}

bool profiler_platform_path_is_symlink(const char *path)
{
	DWORD attributes = attributes_of(path);
	return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_REPARSE_POINT);
}

size_t profiler_platform_dir_length(const char *path)
{
	size_t len = 0, i;

	if (((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) && path[1] == ':') {
		len = 2;
	}
	for (i = len; path[i]; i++) {
		if (path[i] == '/' || path[i] == '\\') {
			len = i + 1;
		}
	}
	return len;
}

profiler_platform_dir_state profiler_platform_dir_check(const char *dir, char *detail, size_t detail_size)
{
	DWORD attributes = attributes_of(dir);

	if (detail_size) {
		detail[0] = '\0';
	}
	if (attributes == INVALID_FILE_ATTRIBUTES) {
		return PROFILER_PLATFORM_DIR_INACCESSIBLE;
	}
	if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) {
		return PROFILER_PLATFORM_DIR_NOT_DIRECTORY;
	}
	/* Whether files can be made in it is for its access control list to
	 * say, which nothing short of trying reads (the read-only attribute
	 * of a directory does not stop that): opening the profile reports a
	 * refusal. */
	return PROFILER_PLATFORM_DIR_USABLE;
}

#endif
