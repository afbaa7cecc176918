/* Unit tests for src/lib/sink.{h,c}: real files in a private temp dir. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <zlib.h>

#include "test_helpers.h"
#include "sink.h"

typedef struct {
	char *dir;
	char *final_path;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	f->dir = make_temp_dir();
	f->final_path = path_join(f->dir, "cachegrind.out.123");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	remove_tree(f->dir);
	free(f->dir);
	free(f->final_path);
	free(f);
	return 0;
}

static profiler_sink_options opts(const char *path, bool gzip, bool append, size_t fail_after)
{
	profiler_sink_options o;
	memset(&o, 0, sizeof(o));
	o.final_path = path;
	o.gzip = gzip;
	o.append = append;
	o.fail_after_bytes = fail_after;
	return o;
}

/* Some compressible but not trivial text. */
static char *make_payload(size_t len, uint64_t seed)
{
	char *p = malloc(len + 1);
	size_t i;
	for (i = 0; i < len; i++) {
		uint64_t r = test_rand_next(&seed);
		p[i] = (i % 61 == 60) ? '\n' : (char)('a' + (r % 7));
	}
	p[len] = '\0';
	return p;
}

/* Decompresses a gzip file, following concatenated members, as gunzip. */
static char *gunzip_file(const char *path, size_t *len)
{
	gzFile gz = gzopen(path, "rb");
	char *out = NULL;
	size_t cap = 0, used = 0;
	int n;
	*len = 0;
	if (!gz) {
		return NULL;
	}
	do {
		if (used + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			out = realloc(out, cap);
		}
		n = gzread(gz, out + used, 65536);
		if (n < 0) {
			gzclose(gz);
			free(out);
			return NULL;
		}
		used += (size_t)n;
	} while (n > 0);
	gzclose(gz);
	*len = used;
	return out;
}

/* Counts gzip members by inflating member after member. */
static int count_gzip_members(const char *data, size_t len)
{
	int members = 0;
	size_t off = 0;
	unsigned char out[16384];
	while (off < len) {
		z_stream zs;
		int rc;
		memset(&zs, 0, sizeof(zs));
		if (inflateInit2(&zs, 16 + 15) != Z_OK) {
			return -1;
		}
		zs.next_in = (Bytef *)(data + off);
		zs.avail_in = (uInt)(len - off);
		do {
			zs.next_out = out;
			zs.avail_out = sizeof(out);
			rc = inflate(&zs, Z_NO_FLUSH);
		} while (rc == Z_OK);
		if (rc != Z_STREAM_END) {
			inflateEnd(&zs);
			return -1;
		}
		off = len - zs.avail_in;
		inflateEnd(&zs);
		members++;
	}
	return members;
}

static void write_in_chunks(profiler_sink *sink, const char *data, size_t len, size_t chunk)
{
	size_t off = 0;
	while (off < len) {
		size_t n = len - off < chunk ? len - off : chunk;
		assert_true(profiler_sink_write(sink, data + off, n));
		off += n;
	}
}

static void test_plain_write_and_commit(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 0);
	profiler_sink_error err;
	profiler_sink *sink = profiler_sink_open(&o, &err);
	char *payload = make_payload(300000, 1), *back;
	size_t len, hidden;

	assert_non_null(sink);
	write_in_chunks(sink, payload, 300000, 7777);
	assert_true(profiler_sink_write(sink, "", 0));
	assert_int_equal(profiler_sink_bytes_in(sink), 300000);
	assert_true(profiler_sink_commit(sink, &err));
	back = read_whole_file(f->final_path, &len);
	assert_non_null(back);
	assert_int_equal(len, 300000);
	assert_memory_equal(back, payload, len);
	/* nothing else is left in the directory */
	assert_int_equal(count_dir_entries(f->dir, &hidden), 1);
	assert_int_equal(hidden, 0);
	free(back);
	free(payload);
}

static void test_empty_profile_commits_empty_file(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 0);
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *back;
	size_t len = 99;

	assert_non_null(sink);
	assert_true(profiler_sink_commit(sink, NULL));
	back = read_whole_file(f->final_path, &len);
	assert_non_null(back);
	assert_int_equal(len, 0);
	free(back);
}

static void test_temp_file_hidden_until_commit(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 0);
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *payload = make_payload(200000, 2);
	size_t hidden;

	assert_non_null(sink);
	write_in_chunks(sink, payload, 200000, 65536);
	/* bytes went to disk, but not under the final name */
	assert_false(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, &hidden), 1);
	assert_int_equal(hidden, 1);
	assert_true(profiler_sink_commit(sink, NULL));
	assert_true(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, &hidden), 1);
	assert_int_equal(hidden, 0);
	free(payload);
}

static void test_commit_replaces_existing_file(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 0);
	profiler_sink *sink;
	char *back;
	size_t len;

	assert_true(write_whole_file(f->final_path, "old profile, quite long\n", 24));
	sink = profiler_sink_open(&o, NULL);
	assert_non_null(sink);
	assert_true(profiler_sink_write(sink, "new\n", 4));
	/* the old file is untouched until the commit */
	back = read_whole_file(f->final_path, &len);
	assert_int_equal(len, 24);
	free(back);
	assert_true(profiler_sink_commit(sink, NULL));
	back = read_whole_file(f->final_path, &len);
	assert_int_equal(len, 4);
	assert_memory_equal(back, "new\n", 4);
	free(back);
	assert_int_equal(count_dir_entries(f->dir, NULL), 1);
}

static void test_discard_leaves_nothing(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, true, false, 0);
	profiler_sink *sink = profiler_sink_open(&o, NULL);

	assert_non_null(sink);
	assert_true(profiler_sink_write(sink, "abc", 3));
	profiler_sink_discard(sink);
	profiler_sink_discard(NULL);
	assert_false(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, NULL), 0);
}

static void test_gzip_round_trip(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, true, false, 0);
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *payload = make_payload(500000, 3), *raw, *back;
	size_t raw_len, len;

	assert_non_null(sink);
	write_in_chunks(sink, payload, 500000, 1000);
	assert_int_equal(profiler_sink_bytes_in(sink), 500000);
	assert_true(profiler_sink_commit(sink, NULL));
	raw = read_whole_file(f->final_path, &raw_len);
	assert_non_null(raw);
	assert_true(raw_len > 18);
	assert_true(raw_len < 500000); /* it was compressed */
	assert_int_equal((unsigned char)raw[0], 0x1f);
	assert_int_equal((unsigned char)raw[1], 0x8b);
	assert_int_equal(count_gzip_members(raw, raw_len), 1);
	back = gunzip_file(f->final_path, &len);
	assert_non_null(back);
	assert_int_equal(len, 500000);
	assert_memory_equal(back, payload, len);
	free(back);
	free(raw);
	free(payload);
}

static void test_gzip_empty_profile_is_valid_gzip(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, true, false, 0);
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *raw, *back;
	size_t raw_len, len = 99;

	assert_non_null(sink);
	assert_true(profiler_sink_commit(sink, NULL));
	raw = read_whole_file(f->final_path, &raw_len);
	assert_int_equal(count_gzip_members(raw, raw_len), 1);
	back = gunzip_file(f->final_path, &len);
	assert_non_null(back);
	assert_int_equal(len, 0);
	free(back);
	free(raw);
}

static void test_append_plain(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, true, 0);
	profiler_sink *sink;
	char *back;
	size_t len;

	/* appending to a file that does not exist yet creates it */
	sink = profiler_sink_open(&o, NULL);
	assert_true(profiler_sink_write(sink, "first\n", 6));
	assert_true(profiler_sink_commit(sink, NULL));
	sink = profiler_sink_open(&o, NULL);
	assert_true(profiler_sink_write(sink, "second\n", 7));
	assert_true(profiler_sink_commit(sink, NULL));
	back = read_whole_file(f->final_path, &len);
	assert_int_equal(len, 13);
	assert_memory_equal(back, "first\nsecond\n", 13);
	free(back);
	/* the temp files are gone */
	assert_int_equal(count_dir_entries(f->dir, NULL), 1);
}

static void test_append_gzip_members_gunzip_as_one_stream(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, true, true, 0);
	char *a = make_payload(100000, 4), *b = make_payload(70000, 5);
	char *raw, *back;
	size_t raw_len, len;
	profiler_sink *sink;

	sink = profiler_sink_open(&o, NULL);
	write_in_chunks(sink, a, 100000, 4096);
	assert_true(profiler_sink_commit(sink, NULL));
	sink = profiler_sink_open(&o, NULL);
	write_in_chunks(sink, b, 70000, 4096);
	assert_true(profiler_sink_commit(sink, NULL));

	raw = read_whole_file(f->final_path, &raw_len);
	assert_int_equal(count_gzip_members(raw, raw_len), 2);
	back = gunzip_file(f->final_path, &len);
	assert_non_null(back);
	assert_int_equal(len, 170000);
	assert_memory_equal(back, a, 100000);
	assert_memory_equal(back + 100000, b, 70000);
	free(back);
	free(raw);
	free(a);
	free(b);
}

static void test_fail_after_bytes_replace_mode(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 100);
	profiler_sink_error err;
	profiler_sink *sink = profiler_sink_open(&o, &err);
	char *payload = make_payload(1000, 6);

	assert_non_null(sink);
	/* buffered: the failure shows at the latest on commit */
	profiler_sink_write(sink, payload, 1000);
	memset(&err, 0, sizeof(err));
	assert_false(profiler_sink_commit(sink, &err));
	assert_int_equal(err.errno_value, ENOSPC);
	assert_non_null(strstr(err.message, f->final_path));
	assert_non_null(strstr(err.message, strerror(ENOSPC)));
	assert_false(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, NULL), 0);
	free(payload);
}

static void test_fail_after_bytes_reported_by_write(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, false, 1000);
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *payload = make_payload(300000, 7);
	size_t off;
	bool failed = false;

	assert_non_null(sink);
	for (off = 0; off < 300000; off += 10000) {
		if (!profiler_sink_write(sink, payload + off, 10000)) {
			failed = true;
			break;
		}
	}
	/* once the buffer reached the disk, writes report the failure */
	assert_true(failed);
	assert_false(profiler_sink_write(sink, "x", 1));
	assert_false(profiler_sink_commit(sink, NULL));
	assert_false(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, NULL), 0);
	free(payload);
}

static void test_fail_after_bytes_gzip(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, true, false, 50);
	profiler_sink_error err;
	profiler_sink *sink = profiler_sink_open(&o, NULL);
	char *payload = make_payload(200000, 8);

	assert_non_null(sink);
	profiler_sink_write(sink, payload, 200000);
	assert_false(profiler_sink_commit(sink, &err));
	assert_int_equal(err.errno_value, ENOSPC);
	assert_false(file_exists(f->final_path));
	assert_int_equal(count_dir_entries(f->dir, NULL), 0);
	free(payload);
}

static void test_fail_after_bytes_append_keeps_previous_file(void **state)
{
	fixture *f = *state;
	static const char previous[] = "part one, already there\n";
	profiler_sink_error err;
	profiler_sink_options o;
	profiler_sink *sink;
	char *payload = make_payload(5000, 9), *back;
	size_t len;
	int gz;

	for (gz = 0; gz < 2; gz++) {
		assert_true(write_whole_file(f->final_path, previous, sizeof(previous) - 1));
		o = opts(f->final_path, gz == 1, true, 64);
		sink = profiler_sink_open(&o, NULL);
		assert_non_null(sink);
		profiler_sink_write(sink, payload, 5000);
		assert_false(profiler_sink_commit(sink, &err));
		assert_int_equal(err.errno_value, ENOSPC);
		back = read_whole_file(f->final_path, &len);
		assert_non_null(back);
		assert_int_equal(len, sizeof(previous) - 1);
		assert_memory_equal(back, previous, len);
		free(back);
		assert_int_equal(count_dir_entries(f->dir, NULL), 1);
	}
	free(payload);
}

static void test_open_in_missing_directory_fails(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->dir, "no-such-dir/cachegrind.out.1");
	profiler_sink_options o = opts(path, false, false, 0);
	profiler_sink_error err;

	memset(&err, 0, sizeof(err));
	assert_null(profiler_sink_open(&o, &err));
	assert_int_equal(err.errno_value, ENOENT);
	assert_non_null(strstr(err.message, path));
	assert_non_null(strstr(err.message, strerror(ENOENT)));
	free(path);
}

typedef struct {
	const char *path;
	const char *dir;
} unprivileged_args;

/* Runs in a child with no privileges: 0 when the open failed as expected. */
static int open_in_unwritable_dir(void *arg)
{
	unprivileged_args *a = arg;
	profiler_sink_options o = opts(a->path, false, false, 0);
	profiler_sink_error err;

	memset(&err, 0, sizeof(err));
	if (profiler_sink_open(&o, &err) != NULL) {
		return 1;
	}
	if (err.errno_value != EACCES) {
		return 2;
	}
	if (!strstr(err.message, a->path) || !strstr(err.message, strerror(EACCES))) {
		return 3;
	}
	return 0;
}

static void test_open_in_unwritable_directory_fails(void **state)
{
	fixture *f = *state;
	char *sub = path_join(f->dir, "ro");
	char *path = path_join(sub, "cachegrind.out.1");
	unprivileged_args a = { path, sub };

	assert_int_equal(chmod(f->dir, 0755), 0);
	assert_int_equal(mkdir(sub, 0555), 0);
	assert_int_equal(chmod(sub, 0555), 0);
	assert_int_equal(run_unprivileged(open_in_unwritable_dir, &a), 0);
	assert_false(file_exists(path));
	free(path);
	free(sub);
}

static int check_unwritable_dir(void *arg)
{
	unprivileged_args *a = arg;
	profiler_sink_error err;

	memset(&err, 0, sizeof(err));
	if (!profiler_sink_check_directory(a->dir, &err)) {
		return 1;
	}
	if (err.errno_value != EACCES) {
		return 2;
	}
	if (!strstr(err.message, "not writable") || !strstr(err.message, a->dir)) {
		return 3;
	}
	return 0;
}

static void test_check_directory(void **state)
{
	fixture *f = *state;
	profiler_sink_error err;
	char *missing = path_join(f->dir, "missing");
	char *file = path_join(f->dir, "a-file");
	char *ro = path_join(f->dir, "ro");
	unprivileged_args a = { NULL, ro };

	/* usable */
	assert_false(profiler_sink_check_directory(f->dir, &err));
	assert_false(profiler_sink_check_directory(f->dir, NULL));

	/* missing */
	memset(&err, 0, sizeof(err));
	assert_true(profiler_sink_check_directory(missing, &err));
	assert_int_equal(err.errno_value, ENOENT);
	{
		char expected[600];
		snprintf(expected, sizeof(expected), "The output directory '%s' cannot be used: %s", missing, strerror(ENOENT));
		assert_string_equal(err.message, expected);
	}

	/* not a directory */
	assert_true(write_whole_file(file, "x", 1));
	memset(&err, 0, sizeof(err));
	assert_true(profiler_sink_check_directory(file, &err));
	{
		char expected[600];
		snprintf(expected, sizeof(expected), "The output directory '%s' is not a directory", file);
		assert_string_equal(err.message, expected);
	}

	/* empty or unset */
	memset(&err, 0, sizeof(err));
	assert_true(profiler_sink_check_directory("", &err));
	assert_string_equal(err.message, "The output directory is not set (empty)");
	memset(&err, 0, sizeof(err));
	assert_true(profiler_sink_check_directory(NULL, &err));
	assert_string_equal(err.message, "The output directory is not set (empty)");
	assert_true(profiler_sink_check_directory(NULL, NULL));

	/* not writable (checked without privileges) */
	assert_int_equal(chmod(f->dir, 0755), 0);
	assert_int_equal(mkdir(ro, 0555), 0);
	assert_int_equal(chmod(ro, 0555), 0);
	assert_int_equal(run_unprivileged(check_unwritable_dir, &a), 0);

	free(missing);
	free(file);
	free(ro);
}

static void test_path_is_symlink(void **state)
{
	fixture *f = *state;
	char *target = path_join(f->dir, "target");
	char *link = path_join(f->dir, "link");
	char *dangling = path_join(f->dir, "dangling");

	assert_true(write_whole_file(target, "t", 1));
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(symlink("/nonexistent/x", dangling), 0);
	assert_true(profiler_sink_path_is_symlink(link));
	assert_true(profiler_sink_path_is_symlink(dangling));
	assert_false(profiler_sink_path_is_symlink(target));
	assert_false(profiler_sink_path_is_symlink(f->dir));
	assert_false(profiler_sink_path_is_symlink(f->final_path)); /* missing */
	free(target);
	free(link);
	free(dangling);
}

/* A symlink planted under the final name is never followed. */
static void test_symlink_at_final_path_is_not_followed(void **state)
{
	fixture *f = *state;
	char *victim = path_join(f->dir, "victim");
	profiler_sink_options o;
	profiler_sink *sink;
	char *back;
	size_t len;

	assert_true(write_whole_file(victim, "precious\n", 9));
	assert_int_equal(symlink(victim, f->final_path), 0);

	/* append mode: refuses to open through the link */
	o = opts(f->final_path, false, true, 0);
	sink = profiler_sink_open(&o, NULL);
	assert_non_null(sink);
	assert_true(profiler_sink_write(sink, "evil\n", 5));
	assert_false(profiler_sink_commit(sink, NULL));
	back = read_whole_file(victim, &len);
	assert_int_equal(len, 9);
	assert_memory_equal(back, "precious\n", 9);
	free(back);

	/* replace mode: the link itself is replaced, the target untouched */
	o = opts(f->final_path, false, false, 0);
	sink = profiler_sink_open(&o, NULL);
	assert_true(profiler_sink_write(sink, "profile\n", 8));
	assert_true(profiler_sink_commit(sink, NULL));
	assert_false(profiler_sink_path_is_symlink(f->final_path));
	back = read_whole_file(victim, &len);
	assert_int_equal(len, 9);
	assert_memory_equal(back, "precious\n", 9);
	free(back);
	back = read_whole_file(f->final_path, &len);
	assert_int_equal(len, 8);
	free(back);
	free(victim);
}

/* Two sinks open at once for the same final name do not collide. */
static void test_concurrent_sinks_use_distinct_temp_files(void **state)
{
	fixture *f = *state;
	profiler_sink_options o = opts(f->final_path, false, true, 0);
	profiler_sink *a = profiler_sink_open(&o, NULL);
	profiler_sink *b = profiler_sink_open(&o, NULL);
	size_t hidden;
	char *back;
	size_t len;

	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(count_dir_entries(f->dir, &hidden), 2);
	assert_int_equal(hidden, 2);
	assert_true(profiler_sink_write(a, "AAAA\n", 5));
	assert_true(profiler_sink_write(b, "BBBB\n", 5));
	assert_true(profiler_sink_commit(b, NULL));
	assert_true(profiler_sink_commit(a, NULL));
	back = read_whole_file(f->final_path, &len);
	assert_int_equal(len, 10);
	assert_memory_equal(back, "BBBB\nAAAA\n", 10);
	free(back);
}

/* A final path without a directory part uses the working directory. */
static void test_relative_final_path(void **state)
{
	fixture *f = *state;
	char cwd[4096];
	profiler_sink_options o = opts("relative.out", false, false, 0);
	profiler_sink *sink;
	char *full = path_join(f->dir, "relative.out");

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);
	sink = profiler_sink_open(&o, NULL);
	assert_non_null(sink);
	assert_true(profiler_sink_write(sink, "r\n", 2));
	assert_true(profiler_sink_commit(sink, NULL));
	assert_int_equal(chdir(cwd), 0);
	assert_true(file_exists(full));
	assert_int_equal(count_dir_entries(f->dir, NULL), 1);
	free(full);
}

/* Runs in a child chrooted into the test directory, the working directory
 * being a subdirectory: a final path right under "/" must get its temp
 * file in "/" too, not in the working directory (which may be elsewhere on
 * another file system, or unwritable). */
static int final_path_under_root(void *arg)
{
	const char *dir = arg;
	profiler_sink_options o = opts("/under-root.out", false, false, 0);
	profiler_sink *sink;
	size_t hidden = 0;

	if (chroot(dir) != 0 || chdir("/cwd") != 0) {
		return 10;
	}
	sink = profiler_sink_open(&o, NULL);
	if (!sink) {
		return 11;
	}
	if (count_dir_entries("/cwd", NULL) != 0) {
		return 1; /* the temp file went to the working directory */
	}
	if (count_dir_entries("/", &hidden) != 2 || hidden != 1) {
		return 2;
	}
	profiler_sink_write(sink, "x\n", 2);
	if (!profiler_sink_commit(sink, NULL)) {
		return 3;
	}
	if (!file_exists("/under-root.out")) {
		return 4;
	}
	return 0;
}

static void test_final_path_directly_under_root(void **state)
{
	fixture *f = *state;
	char *cwd = path_join(f->dir, "cwd");
	pid_t pid;
	int status;

	if (geteuid() != 0) {
		free(cwd);
		skip(); /* needs chroot */
	}
	assert_int_equal(mkdir(cwd, 0755), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		_exit(final_path_under_root(f->dir));
	}
	free(cwd);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_plain_write_and_commit),
		T(test_empty_profile_commits_empty_file),
		T(test_temp_file_hidden_until_commit),
		T(test_commit_replaces_existing_file),
		T(test_discard_leaves_nothing),
		T(test_gzip_round_trip),
		T(test_gzip_empty_profile_is_valid_gzip),
		T(test_append_plain),
		T(test_append_gzip_members_gunzip_as_one_stream),
		T(test_fail_after_bytes_replace_mode),
		T(test_fail_after_bytes_reported_by_write),
		T(test_fail_after_bytes_gzip),
		T(test_fail_after_bytes_append_keeps_previous_file),
		T(test_open_in_missing_directory_fails),
		T(test_open_in_unwritable_directory_fails),
		T(test_check_directory),
		T(test_path_is_symlink),
		T(test_symlink_at_final_path_is_not_followed),
		T(test_concurrent_sinks_use_distinct_temp_files),
		T(test_relative_final_path),
		T(test_final_path_directly_under_root),
	};
	return cmocka_run_group_tests_name("sink", tests, NULL, NULL);
}
