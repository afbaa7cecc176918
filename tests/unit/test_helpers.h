/* Small helpers shared by the unit tests (header-only, static functions).
 *
 * Must be included after <cmocka.h>'s prerequisites. */
#ifndef PROFILER_TEST_HELPERS_H
#define PROFILER_TEST_HELPERS_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output.h"

/* A growable in-memory byte buffer that is also a profiler_output. */
typedef struct {
	char *data;
	size_t len, cap;
	/* fail every write once this many writes have been accepted (0: never) */
	size_t fail_after_writes;
	size_t writes;
} mem_buffer;

static inline bool mem_buffer_write(void *ctx, const void *data, size_t len)
{
	mem_buffer *b = ctx;
	if (b->fail_after_writes && b->writes >= b->fail_after_writes) {
		return false;
	}
	b->writes++;
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (b->len + len + 1 > cap) {
			cap *= 2;
		}
		b->data = realloc(b->data, cap);
		if (!b->data) {
			abort();
		}
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return true;
}

static inline profiler_output mem_buffer_output(mem_buffer *b)
{
	profiler_output out = { mem_buffer_write, b };
	return out;
}

static inline void mem_buffer_free(mem_buffer *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

/* A fresh private directory under $TMPDIR (or /tmp); the caller frees the
 * returned string after remove_tree(). */
static inline char *make_temp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char *path;
	if (!base || !*base) {
		base = "/tmp";
	}
	path = malloc(strlen(base) + 32);
	if (!path) {
		abort();
	}
	sprintf(path, "%s/profiler-unit-XXXXXX", base);
	if (!mkdtemp(path)) {
		perror("mkdtemp");
		abort();
	}
	return path;
}

/* rm -rf, for directories made by make_temp_dir (no symlink following). */
static inline void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d;
		struct dirent *e;
		chmod(path, 0700);
		d = opendir(path);
		if (d) {
			while ((e = readdir(d)) != NULL) {
				char *child;
				if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
					continue;
				}
				child = malloc(strlen(path) + strlen(e->d_name) + 2);
				if (!child) {
					abort();
				}
				sprintf(child, "%s/%s", path, e->d_name);
				remove_tree(child);
				free(child);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

static inline char *path_join(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	if (!p) {
		abort();
	}
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/* Number of entries in dir other than "." and ".."; hidden counts those
 * whose name starts with '.'. */
static inline size_t count_dir_entries(const char *dir, size_t *hidden)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0, h = 0;
	if (!d) {
		return (size_t)-1;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
			continue;
		}
		n++;
		if (e->d_name[0] == '.') {
			h++;
		}
	}
	closedir(d);
	if (hidden) {
		*hidden = h;
	}
	return n;
}

/* Reads a whole file; returns NULL if it cannot be opened. NUL-terminated. */
static inline char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, used = 0, n;
	*len = 0;
	if (!f) {
		return NULL;
	}
	do {
		if (used + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			data = realloc(data, cap);
			if (!data) {
				abort();
			}
		}
		n = fread(data + used, 1, cap - used - 1, f);
		used += n;
	} while (n > 0);
	fclose(f);
	data[used] = '\0';
	*len = used;
	return data;
}

static inline bool write_whole_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok;
	if (!f) {
		return false;
	}
	ok = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && ok;
}

static inline bool file_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* Runs fn(arg) in a child process; when the tests run as root the child
 * first drops to an unprivileged uid/gid (nobody), so that permission
 * checks apply. Returns fn's result, or -1 when the child died abnormally
 * or could not drop privileges. */
static inline int run_unprivileged(int (*fn)(void *arg), void *arg)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		return -1;
	}
	if (pid == 0) {
		if (geteuid() == 0) {
			if (setgroups(0, NULL) != 0 || setresgid(65534, 65534, 65534) != 0
					|| setresuid(65534, 65534, 65534) != 0) {
				_exit(120);
			}
		}
		_exit(fn(arg) & 0x7f);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return -1;
	}
	return WEXITSTATUS(status);
}

/* Runs fn(arg) in a child process whose stack may grow to stack_bytes (as
 * with the usual "ulimit -s 8192"); returns fn's result, or -1 when the
 * child crashed (for instance on a stack overflow). */
static inline int run_with_stack_limit(int (*fn)(void *arg), void *arg, size_t stack_bytes)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		return -1;
	}
	if (pid == 0) {
		struct rlimit rl;
		if (getrlimit(RLIMIT_STACK, &rl) == 0) {
			rl.rlim_cur = stack_bytes;
			if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < stack_bytes) {
				rl.rlim_cur = rl.rlim_max;
			}
			setrlimit(RLIMIT_STACK, &rl);
		}
		_exit(fn(arg) & 0x7f);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return -1;
	}
	return WEXITSTATUS(status);
}

/* A deterministic PRNG for table-driven and randomised tests. */
static inline uint64_t test_rand_next(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

#endif
