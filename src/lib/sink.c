/* Temporary-file-then-publish output, plain or gzip; see sink.h. */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* small buffers: they add to the peak memory of the process profiled */
#define BUFFER_SIZE 16384

struct profiler_sink {
	profiler_sink_options options;
	char *final_path;
	char *temp_path;
	int fd;
	bool failed;
	profiler_sink_error error;
	z_stream zs;
	bool zs_ready;
	size_t bytes_in;
	size_t bytes_on_disk;
	size_t used;
	unsigned char buffer[BUFFER_SIZE];
	unsigned char zbuffer[BUFFER_SIZE];
};

static void set_error(profiler_sink_error *error, int errno_value, const char *fmt, const char *path)
{
	if (!error) {
		return;
	}
	error->errno_value = errno_value;
	snprintf(error->message, sizeof(error->message), fmt, path, errno_value ? strerror(errno_value) : "");
}

static void fail(profiler_sink *sink, int errno_value, const char *fmt)
{
	if (!sink->failed) {
		sink->failed = true;
		set_error(&sink->error, errno_value, fmt, sink->final_path);
	}
}

bool profiler_sink_path_is_symlink(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

bool profiler_sink_check_directory(const char *dir, profiler_sink_error *error)
{
	struct stat st;

	if (dir == NULL || dir[0] == '\0') {
		set_error(error, 0, "The output directory is not set (empty)%s%s", "");
		return true;
	}
	if (stat(dir, &st) != 0) {
		set_error(error, errno, "The output directory '%s' cannot be used: %s", dir);
		return true;
	}
	if (!S_ISDIR(st.st_mode)) {
		set_error(error, 0, "The output directory '%s' is not a directory%s", dir);
		return true;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		int e = errno;
		if (error) {
			error->errno_value = e;
			snprintf(error->message, sizeof(error->message),
				"The output directory '%s' is not writable: %s (mode %04o, owner uid %ld, process uid %ld)",
				dir, strerror(e), (unsigned)(st.st_mode & 07777), (long)st.st_uid, (long)geteuid());
		}
		return true;
	}
	return false;
}

/* Writes all of data to the temp file, honouring failure injection. */
static bool write_fully(profiler_sink *sink, const unsigned char *data, size_t len)
{
	while (len > 0) {
		size_t chunk = len;
		ssize_t n;

		if (sink->options.fail_after_bytes) {
			if (sink->bytes_on_disk >= sink->options.fail_after_bytes) {
				fail(sink, ENOSPC, "Writing '%s' failed: %s");
				return false;
			}
			if (chunk > sink->options.fail_after_bytes - sink->bytes_on_disk) {
				chunk = sink->options.fail_after_bytes - sink->bytes_on_disk;
			}
		}
		n = write(sink->fd, data, chunk);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			fail(sink, errno, "Writing '%s' failed: %s");
			return false;
		}
		data += n;
		len -= (size_t)n;
		sink->bytes_on_disk += (size_t)n;
	}
	return true;
}

static bool deflate_out(profiler_sink *sink, const unsigned char *data, size_t len, int flush)
{
	sink->zs.next_in = (Bytef *)data;
	sink->zs.avail_in = (uInt)len;
	do {
		int rc;
		sink->zs.next_out = sink->zbuffer;
		sink->zs.avail_out = BUFFER_SIZE;
		rc = deflate(&sink->zs, flush);
		if (rc == Z_STREAM_ERROR) {
			fail(sink, 0, "Compressing '%s' failed%s");
			return false;
		}
		if (!write_fully(sink, sink->zbuffer, BUFFER_SIZE - sink->zs.avail_out)) {
			return false;
		}
	} while (sink->zs.avail_out == 0 || (flush == Z_FINISH && sink->zs.avail_in > 0));
	return true;
}

static bool flush_buffer(profiler_sink *sink, int zflush)
{
	bool ok;
	if (sink->failed) {
		return false;
	}
	ok = sink->options.gzip
		? deflate_out(sink, sink->buffer, sink->used, zflush)
		: write_fully(sink, sink->buffer, sink->used);
	sink->used = 0;
	return ok;
}

profiler_sink *profiler_sink_open(const profiler_sink_options *options, profiler_sink_error *error)
{
	profiler_sink *sink;
	const char *slash;
	size_t dir_len;
	int attempt;

	sink = calloc(1, sizeof(*sink));
	if (!sink) {
		set_error(error, ENOMEM, "No memory to write '%s': %s", options->final_path);
		return NULL;
	}
	sink->options = *options;
	sink->fd = -1;
	sink->final_path = strdup(options->final_path);
	slash = strrchr(options->final_path, '/');
	/* the directory part, with its slash ("/" itself for "/name") */
	dir_len = slash ? (size_t)(slash - options->final_path) + 1 : 0;
	sink->temp_path = malloc(dir_len + 64);
	if (!sink->final_path || !sink->temp_path) {
		set_error(error, ENOMEM, "No memory to write '%s': %s", options->final_path);
		profiler_sink_discard(sink);
		return NULL;
	}
	/* The temporary name is short and hidden, whatever the final name's
	 * length; O_EXCL|O_NOFOLLOW so nothing already there is ever reused. */
	for (attempt = 0; attempt < 16; attempt++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(sink->temp_path, dir_len + 64, "%.*s.profiler.%ld.%08lx%02x.tmp",
			(int)dir_len, options->final_path,
			(long)getpid(), (unsigned long)(ts.tv_nsec ^ (ts.tv_sec << 20)), attempt);
		sink->fd = open(sink->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (sink->fd >= 0 || errno != EEXIST) {
			break;
		}
	}
	if (sink->fd < 0) {
		set_error(error, errno, "File '%s' could not be opened: %s", options->final_path);
		profiler_sink_discard(sink);
		return NULL;
	}
	if (options->gzip) {
		/* Level 1: the profile is written as the request ends, so its
		 * compression is time the request pays. On a 123 KB profile (phpcs)
		 * level 1 takes about a third of level 6's time for a file 20%
		 * larger (35 KB against 29 KB). */
		if (deflateInit2(&sink->zs, 1, Z_DEFLATED, 15 + 16, 6, Z_DEFAULT_STRATEGY) != Z_OK) {
			set_error(error, ENOMEM, "Compression could not start for '%s'%s", options->final_path);
			profiler_sink_discard(sink);
			return NULL;
		}
		sink->zs_ready = true;
	}
	return sink;
}

bool profiler_sink_write(profiler_sink *sink, const void *data, size_t len)
{
	const unsigned char *p = data;

	if (sink->failed) {
		return false;
	}
	sink->bytes_in += len;
	while (len > 0) {
		size_t room = BUFFER_SIZE - sink->used;
		size_t n = len < room ? len : room;
		memcpy(sink->buffer + sink->used, p, n);
		sink->used += n;
		p += n;
		len -= n;
		if (sink->used == BUFFER_SIZE && !flush_buffer(sink, Z_NO_FLUSH)) {
			return false;
		}
	}
	return true;
}

size_t profiler_sink_bytes_in(const profiler_sink *sink)
{
	return sink->bytes_in;
}

/* Copies the finished temp file to the end of the final file under an
 * exclusive lock; on failure the final file is cut back to its old length. */
static bool append_to_final(profiler_sink *sink)
{
	int in = open(sink->temp_path, O_RDONLY | O_CLOEXEC);
	int out;
	off_t start;
	bool ok = true;
	unsigned char *buf = sink->zbuffer;

	if (in < 0) {
		fail(sink, errno, "Reading back the profile for '%s' failed: %s");
		return false;
	}
	out = open(sink->final_path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (out < 0) {
		fail(sink, errno, "File '%s' could not be opened for appending: %s");
		close(in);
		return false;
	}
	while (flock(out, LOCK_EX) != 0) {
		if (errno != EINTR) {
			fail(sink, errno, "File '%s' could not be locked: %s");
			close(in);
			close(out);
			return false;
		}
	}
	start = lseek(out, 0, SEEK_END);
	for (;;) {
		ssize_t n = read(in, buf, BUFFER_SIZE), off = 0;
		if (n == 0) {
			break;
		}
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			fail(sink, errno, "Reading back the profile for '%s' failed: %s");
			ok = false;
			break;
		}
		while (off < n) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0) {
				if (errno == EINTR) {
					continue;
				}
				fail(sink, errno, "Appending to '%s' failed: %s");
				ok = false;
				break;
			}
			off += w;
		}
		if (!ok) {
			break;
		}
	}
	if (!ok && start >= 0 && ftruncate(out, start) != 0) {
		/* nothing more can be done; the error above is what gets reported */
	}
	flock(out, LOCK_UN);
	close(in);
	if (close(out) != 0 && ok) {
		fail(sink, errno, "Closing '%s' failed: %s");
		ok = false;
	}
	return ok;
}

bool profiler_sink_commit(profiler_sink *sink, profiler_sink_error *error)
{
	bool ok;

	flush_buffer(sink, sink->options.gzip ? Z_FINISH : Z_NO_FLUSH);
	if (!sink->failed && close(sink->fd) != 0) {
		fail(sink, errno, "Closing '%s' failed: %s");
	} else if (sink->failed) {
		close(sink->fd);
	}
	sink->fd = -1;
	if (!sink->failed) {
		if (sink->options.append) {
			append_to_final(sink);
		} else if (rename(sink->temp_path, sink->final_path) != 0) {
			fail(sink, errno, "File '%s' could not be put in place: %s");
		} else {
			free(sink->temp_path);
			sink->temp_path = NULL;
		}
	}
	ok = !sink->failed;
	if (!ok && error) {
		*error = sink->error;
	}
	profiler_sink_discard(sink);
	return ok;
}

void profiler_sink_abandon(profiler_sink *sink)
{
	if (!sink) {
		return;
	}
	free(sink->temp_path);
	sink->temp_path = NULL;
	profiler_sink_discard(sink);
}

void profiler_sink_discard(profiler_sink *sink)
{
	if (!sink) {
		return;
	}
	if (sink->fd >= 0) {
		close(sink->fd);
	}
	if (sink->temp_path) {
		unlink(sink->temp_path); /* gone already after a rename */
	}
	if (sink->zs_ready) {
		deflateEnd(&sink->zs);
	}
	free(sink->final_path);
	free(sink->temp_path);
	free(sink);
}
