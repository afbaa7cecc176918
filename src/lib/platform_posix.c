/* The platform layer on POSIX systems (Linux, the BSDs, macOS); see
 * platform.h. Compiles to nothing on Windows. */
#include "platform.h"

#ifndef _WIN32

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Linux lists the CPU's flags in /proc/cpuinfo (elsewhere there is no such
 * file, and the clock stays monotonic). Returns the first "flags" line as it
 * is, "flags\t\t: fpu vme ...". */
char *profiler_platform_cpu_flags(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char *line = NULL;
	size_t cap = 0;
	char *found = NULL;

	if (!f) {
		return NULL;
	}
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, "flags", 5) == 0) {
			found = line;
			line = NULL;
			break;
		}
	}
	free(line);
	fclose(f);
	return found;
}

void profiler_platform_realtime(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
}

bool profiler_platform_gmtime(time_t t, struct tm *out)
{
	return gmtime_r(&t, out) != NULL;
}

long profiler_platform_getpid(void)
{
	return (long)getpid();
}

int profiler_platform_file_open(const char *path, profiler_platform_file_mode mode)
{
	int flags;

	switch (mode) {
		case PROFILER_PLATFORM_FILE_READ:
			flags = O_RDONLY | O_CLOEXEC;
			break;
		case PROFILER_PLATFORM_FILE_CREATE:
			flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
			break;
		case PROFILER_PLATFORM_FILE_APPEND:
		case PROFILER_PLATFORM_FILE_APPEND_LOCKED:
			/* O_APPEND makes every write atomic at the end already */
			flags = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC;
			break;
		default:
			errno = EINVAL;
			return -1;
	}
	return open(path, flags, 0666);
}

ptrdiff_t profiler_platform_file_read(int fd, void *buf, size_t len)
{
	return read(fd, buf, len);
}

ptrdiff_t profiler_platform_file_write(int fd, const void *buf, size_t len)
{
	return write(fd, buf, len);
}

int profiler_platform_file_close(int fd)
{
	return close(fd);
}

int64_t profiler_platform_file_seek_end(int fd)
{
	return lseek(fd, 0, SEEK_END);
}

int profiler_platform_file_truncate(int fd, int64_t length)
{
	return ftruncate(fd, (off_t)length);
}

/* flock: the lock belongs to the open file description, not to the process
 * (as fcntl's locks do), so two descriptors of one process exclude each
 * other too. */
int profiler_platform_file_lock(int fd)
{
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			return -1;
		}
	}
	return 0;
}

int profiler_platform_file_unlock(int fd)
{
	return flock(fd, LOCK_UN);
}

int profiler_platform_file_replace(const char *from, const char *to)
{
	return rename(from, to);
}

int profiler_platform_file_remove(const char *path)
{
	return unlink(path);
}

bool profiler_platform_path_is_symlink(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

size_t profiler_platform_dir_length(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) + 1 : 0;
}

profiler_platform_dir_state profiler_platform_dir_check(const char *dir, char *detail, size_t detail_size)
{
	struct stat st;

	if (detail_size) {
		detail[0] = '\0';
	}
	if (stat(dir, &st) != 0) {
		return PROFILER_PLATFORM_DIR_INACCESSIBLE;
	}
	if (!S_ISDIR(st.st_mode)) {
		return PROFILER_PLATFORM_DIR_NOT_DIRECTORY;
	}
	/* writing a file in it takes write and search permission */
	if (access(dir, W_OK | X_OK) != 0) {
		int e = errno;
		snprintf(detail, detail_size, " (mode %04o, owner uid %ld, process uid %ld)",
			(unsigned)(st.st_mode & 07777), (long)st.st_uid, (long)geteuid());
		errno = e;
		return PROFILER_PLATFORM_DIR_NOT_WRITABLE;
	}
	return PROFILER_PLATFORM_DIR_USABLE;
}

#endif
