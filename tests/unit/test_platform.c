/* Unit tests for src/lib/platform.h on POSIX (platform_posix.c): real files
 * in a private temp dir. The Windows file is compiled, not run
 * (tests/windows/cross-compile.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "platform.h"

typedef struct {
	char *dir;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->dir = make_temp_dir();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	remove_tree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static void write_text(int fd, const char *text)
{
	assert_int_equal(profiler_platform_file_write(fd, text, strlen(text)), (ptrdiff_t)strlen(text));
}

static void assert_file_is(const char *path, const char *expected)
{
	size_t len;
	char *data = read_whole_file(path, &len);
	assert_non_null(data);
	assert_string_equal(data, expected);
	free(data);
}

static void test_create_makes_a_new_file_only(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->dir, "new");
	char *link = path_join(f->dir, "dangling");
	char *target = path_join(f->dir, "nowhere");
	int fd = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_CREATE);

	assert_true(fd >= 0);
	write_text(fd, "one");
	assert_int_equal(profiler_platform_file_close(fd), 0);
	assert_file_is(path, "one");

	/* anything at the path, a dangling link too, is never reused */
	errno = 0;
	assert_int_equal(profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_CREATE), -1);
	assert_int_equal(errno, EEXIST);
	assert_int_equal(symlink(target, link), 0);
	errno = 0;
	assert_int_equal(profiler_platform_file_open(link, PROFILER_PLATFORM_FILE_CREATE), -1);
	assert_int_equal(errno, EEXIST);
	assert_false(file_exists(target));
	free(path);
	free(link);
	free(target);
}

static void test_append_writes_at_the_end_and_refuses_links(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->dir, "log");
	char *link = path_join(f->dir, "link");
	int a, b;

	assert_true(write_whole_file(path, "start\n", 6));
	a = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_APPEND);
	b = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_APPEND_LOCKED);
	assert_true(a >= 0 && b >= 0);
	write_text(a, "a1\n");
	write_text(b, "b1\n");
	write_text(a, "a2\n");
	assert_int_equal(profiler_platform_file_close(a), 0);
	assert_int_equal(profiler_platform_file_close(b), 0);
	assert_file_is(path, "start\na1\nb1\na2\n");

	/* a link to an existing file is refused, and the file is untouched */
	assert_int_equal(symlink(path, link), 0);
	errno = 0;
	assert_int_equal(profiler_platform_file_open(link, PROFILER_PLATFORM_FILE_APPEND), -1);
	assert_int_equal(errno, ELOOP);
	errno = 0;
	assert_int_equal(profiler_platform_file_open(link, PROFILER_PLATFORM_FILE_APPEND_LOCKED), -1);
	assert_int_equal(errno, ELOOP);
	assert_file_is(path, "start\na1\nb1\na2\n");
	free(path);
	free(link);
}

static void test_read_seek_and_truncate(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->dir, "data");
	char *missing = path_join(f->dir, "missing");
	char buf[16];
	int fd;

	assert_true(write_whole_file(path, "0123456789", 10));
	fd = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_READ);
	assert_true(fd >= 0);
	assert_int_equal(profiler_platform_file_read(fd, buf, 4), 4);
	assert_memory_equal(buf, "0123", 4);
	assert_int_equal(profiler_platform_file_close(fd), 0);

	fd = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_APPEND_LOCKED);
	assert_true(fd >= 0);
	assert_int_equal(profiler_platform_file_seek_end(fd), 10);
	write_text(fd, "ab");
	assert_int_equal(profiler_platform_file_truncate(fd, 10), 0);
	assert_int_equal(profiler_platform_file_close(fd), 0);
	assert_file_is(path, "0123456789");

	errno = 0;
	assert_int_equal(profiler_platform_file_open(missing, PROFILER_PLATFORM_FILE_READ), -1);
	assert_int_equal(errno, ENOENT);
	free(path);
	free(missing);
}

/* The lock excludes another process: a child that asks for it while the
 * parent holds it writes only after the parent has unlocked. */
static void test_lock_excludes_another_process(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->dir, "locked");
	int pipe_fds[2], fd, status;
	char go;
	pid_t pid;

	assert_true(write_whole_file(path, "", 0));
	fd = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_APPEND_LOCKED);
	assert_true(fd >= 0);
	assert_int_equal(profiler_platform_file_lock(fd), 0);
	assert_int_equal(pipe(pipe_fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int child = profiler_platform_file_open(path, PROFILER_PLATFORM_FILE_APPEND_LOCKED);
		bool ok = child >= 0 && write(pipe_fds[1], "x", 1) == 1
			&& profiler_platform_file_lock(child) == 0
			&& profiler_platform_file_write(child, "child\n", 6) == 6
			&& profiler_platform_file_unlock(child) == 0;
		_exit(ok ? 0 : 1);
	}
	/* the child has its descriptor and is about to wait for the lock */
	assert_int_equal(read(pipe_fds[0], &go, 1), 1);
	usleep(200 * 1000);
	write_text(fd, "parent\n");
	assert_int_equal(profiler_platform_file_unlock(fd), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(profiler_platform_file_close(fd), 0);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	assert_file_is(path, "parent\nchild\n");
	free(path);
}

static void test_replace_and_remove(void **state)
{
	fixture *f = *state;
	char *from = path_join(f->dir, ".tmp");
	char *to = path_join(f->dir, "final");

	assert_true(write_whole_file(from, "new", 3));
	assert_true(write_whole_file(to, "old", 3));
	assert_int_equal(profiler_platform_file_replace(from, to), 0);
	assert_false(file_exists(from));
	assert_file_is(to, "new");
	assert_int_equal(profiler_platform_file_remove(to), 0);
	assert_false(file_exists(to));
	errno = 0;
	assert_int_equal(profiler_platform_file_remove(to), -1);
	assert_int_equal(errno, ENOENT);
	free(from);
	free(to);
}

static void test_path_is_symlink(void **state)
{
	fixture *f = *state;
	char *file = path_join(f->dir, "file");
	char *link = path_join(f->dir, "link");
	char *missing = path_join(f->dir, "missing");

	assert_true(write_whole_file(file, "x", 1));
	assert_int_equal(symlink(file, link), 0);
	assert_true(profiler_platform_path_is_symlink(link));
	assert_false(profiler_platform_path_is_symlink(file));
	assert_false(profiler_platform_path_is_symlink(f->dir));
	assert_false(profiler_platform_path_is_symlink(missing));
	free(file);
	free(link);
	free(missing);
}

static void test_dir_length(void **state)
{
	(void)state;
	assert_int_equal(profiler_platform_dir_length("/tmp/cachegrind.out.1"), 5);
	assert_int_equal(profiler_platform_dir_length("/name"), 1);
	assert_int_equal(profiler_platform_dir_length("name"), 0);
	assert_int_equal(profiler_platform_dir_length("a/b/"), 4);
	/* a backslash is a file name's character on POSIX */
	assert_int_equal(profiler_platform_dir_length("a\\b"), 0);
}

static void test_dir_check(void **state)
{
	fixture *f = *state;
	char *file = path_join(f->dir, "file");
	char *missing = path_join(f->dir, "missing");
	char detail[128];

	assert_int_equal(profiler_platform_dir_check(f->dir, detail, sizeof(detail)), PROFILER_PLATFORM_DIR_USABLE);
	assert_string_equal(detail, "");
	errno = 0;
	assert_int_equal(profiler_platform_dir_check(missing, detail, sizeof(detail)),
		PROFILER_PLATFORM_DIR_INACCESSIBLE);
	assert_int_equal(errno, ENOENT);
	assert_true(write_whole_file(file, "x", 1));
	assert_int_equal(profiler_platform_dir_check(file, detail, sizeof(detail)), PROFILER_PLATFORM_DIR_NOT_DIRECTORY);
	if (geteuid() != 0) { /* root may write anywhere */
		assert_int_equal(chmod(f->dir, 0555), 0);
		errno = 0;
		assert_int_equal(profiler_platform_dir_check(f->dir, detail, sizeof(detail)),
			PROFILER_PLATFORM_DIR_NOT_WRITABLE);
		assert_int_equal(errno, EACCES);
		assert_non_null(strstr(detail, " (mode 0555, owner uid "));
		chmod(f->dir, 0700);
	}
	free(file);
	free(missing);
}

static void test_time_and_process(void **state)
{
	struct timespec ts;
	struct tm tm;
	uint64_t a, b;
	(void)state;

	assert_true(profiler_platform_gmtime(86400 + 3661, &tm));
	assert_int_equal(tm.tm_year, 70);
	assert_int_equal(tm.tm_mday, 2);
	assert_int_equal(tm.tm_hour, 1);
	assert_int_equal(tm.tm_min, 1);
	assert_int_equal(tm.tm_sec, 1);

	profiler_platform_realtime(&ts);
	/* time() may read a coarser clock: a second either way */
	assert_true(ts.tv_sec >= time(NULL) - 1 && ts.tv_sec <= time(NULL) + 1);
	assert_true(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);

	a = profiler_platform_monotonic_ns();
	b = profiler_platform_monotonic_ns();
	assert_true(b >= a);
	assert_int_equal(profiler_platform_getpid(), (long)getpid());
#if PROFILER_PLATFORM_HAVE_TSC
	a = profiler_platform_rdtsc();
	b = profiler_platform_rdtsc();
	assert_true(b > a);
#endif
}

static void test_cpu_flags(void **state)
{
	char *flags = profiler_platform_cpu_flags();
	(void)state;
	/* Linux: /proc/cpuinfo's line as it is; elsewhere NULL */
	if (flags) {
		assert_int_equal(strncmp(flags, "flags", 5), 0);
		assert_non_null(strchr(flags, ':'));
	} else {
		assert_false(file_exists("/proc/cpuinfo"));
	}
	free(flags);
}

static void test_aligned_alloc(void **state)
{
	void *p = profiler_platform_aligned_alloc(128, 128 * 3);
	(void)state;
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 128, 0);
	memset(p, 0xa5, 128 * 3);
	profiler_platform_aligned_free(p);
	profiler_platform_aligned_free(NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create_makes_a_new_file_only),
		T(test_append_writes_at_the_end_and_refuses_links),
		T(test_read_seek_and_truncate),
		T(test_lock_excludes_another_process),
		T(test_replace_and_remove),
		T(test_path_is_symlink),
		T(test_dir_length),
		T(test_dir_check),
		T(test_time_and_process),
		T(test_cpu_flags),
		T(test_aligned_alloc),
	};
	return cmocka_run_group_tests_name("platform", tests, NULL, NULL);
}
