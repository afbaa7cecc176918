/* Temporary-file-then-publish output, plain or gzip; see sink.h. */
#include "sink.h"
#include "platform.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
	return profiler_platform_path_is_symlink(path);
}

bool profiler_sink_check_directory(const char *dir, profiler_sink_error *error)
{
	char detail[128];
	profiler_platform_dir_state state;
	int e;

	if (dir == NULL || dir[0] == '\0') {
		set_error(error, 0, "The output directory is not set (empty)%s%s", "");
		return true;
	}
	state = profiler_platform_dir_check(dir, detail, sizeof(detail));
	e = errno;
	switch (state) {
		case PROFILER_PLATFORM_DIR_USABLE:
			return false;
		case PROFILER_PLATFORM_DIR_INACCESSIBLE:
			set_error(error, e, "The output directory '%s' cannot be used: %s", dir);
			return true;
		case PROFILER_PLATFORM_DIR_NOT_DIRECTORY:
			set_error(error, 0, "The output directory '%s' is not a directory%s", dir);
			return true;
		default:
			if (error) {
				error->errno_value = e;
				snprintf(error->message, sizeof(error->message), "The output directory '%s' is not writable: %s%s",
					dir, strerror(e), detail);
			}
			return true;
	}
}

/* Writes all of data to the temp file, honouring failure injection. */
static bool write_fully(profiler_sink *sink, const unsigned char *data, size_t len)
{
	while (len > 0) {
		size_t chunk = len;
		ptrdiff_t n;

		if (sink->options.fail_after_bytes) {
			if (sink->bytes_on_disk >= sink->options.fail_after_bytes) {
				fail(sink, ENOSPC, "Writing '%s' failed: %s");
				return false;
			}
			if (chunk > sink->options.fail_after_bytes - sink->bytes_on_disk) {
				chunk = sink->options.fail_after_bytes - sink->bytes_on_disk;
			}
		}
		n = profiler_platform_file_write(sink->fd, data, chunk);
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
	/* the directory part, with its slash ("/" itself for "/name") */
	dir_len = profiler_platform_dir_length(options->final_path);
	sink->temp_path = malloc(dir_len + 64);
	if (!sink->final_path || !sink->temp_path) {
		set_error(error, ENOMEM, "No memory to write '%s': %s", options->final_path);
		profiler_sink_discard(sink);
		return NULL;
	}
	/* The temporary name is short and hidden, whatever the final name's
	 * length; created new (PROFILER_PLATFORM_FILE_CREATE), so nothing
	 * already there, a link included, is ever reused. */
	for (attempt = 0; attempt < 16; attempt++) {
		struct timespec ts;
		profiler_platform_realtime(&ts);
		snprintf(sink->temp_path, dir_len + 64, "%.*s.profiler.%ld.%08lx%02x.tmp",
			(int)dir_len, options->final_path,
			profiler_platform_getpid(), (unsigned long)(ts.tv_nsec ^ (ts.tv_sec << 20)), attempt);
		sink->fd = profiler_platform_file_open(sink->temp_path, PROFILER_PLATFORM_FILE_CREATE);
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
	int in = profiler_platform_file_open(sink->temp_path, PROFILER_PLATFORM_FILE_READ);
	int out;
	int64_t start;
	bool ok = true;
	unsigned char *buf = sink->zbuffer;

	if (in < 0) {
		fail(sink, errno, "Reading back the profile for '%s' failed: %s");
		return false;
	}
	out = profiler_platform_file_open(sink->final_path, PROFILER_PLATFORM_FILE_APPEND_LOCKED);
	if (out < 0) {
		fail(sink, errno, "File '%s' could not be opened for appending: %s");
		profiler_platform_file_close(in);
		return false;
	}
	if (profiler_platform_file_lock(out) != 0) {
		fail(sink, errno, "File '%s' could not be locked: %s");
		profiler_platform_file_close(in);
		profiler_platform_file_close(out);
		return false;
	}
	start = profiler_platform_file_seek_end(out);
	for (;;) {
		ptrdiff_t n = profiler_platform_file_read(in, buf, BUFFER_SIZE), off = 0;
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
			ptrdiff_t w = profiler_platform_file_write(out, buf + off, (size_t)(n - off));
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
	if (!ok && start >= 0 && profiler_platform_file_truncate(out, start) != 0) {
		/* nothing more can be done; the error above is what gets reported */
	}
	profiler_platform_file_unlock(out);
	profiler_platform_file_close(in);
	if (profiler_platform_file_close(out) != 0 && ok) {
		fail(sink, errno, "Closing '%s' failed: %s");
		ok = false;
	}
	return ok;
}

bool profiler_sink_commit(profiler_sink *sink, profiler_sink_error *error)
{
	bool ok;

	flush_buffer(sink, sink->options.gzip ? Z_FINISH : Z_NO_FLUSH);
	if (!sink->failed && profiler_platform_file_close(sink->fd) != 0) {
		fail(sink, errno, "Closing '%s' failed: %s");
	} else if (sink->failed) {
		profiler_platform_file_close(sink->fd);
	}
	sink->fd = -1;
	if (!sink->failed) {
		if (sink->options.append) {
			append_to_final(sink);
		} else if (profiler_platform_file_replace(sink->temp_path, sink->final_path) != 0) {
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
		profiler_platform_file_close(sink->fd);
	}
	if (sink->temp_path) {
		profiler_platform_file_remove(sink->temp_path); /* gone already after a rename */
	}
	if (sink->zs_ready) {
		deflateEnd(&sink->zs);
	}
	free(sink->final_path);
	free(sink->temp_path);
	free(sink);
}
