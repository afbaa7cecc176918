/* Where a profile's bytes go: a plain or gzip file that appears under its
 * final name only once it is complete.
 *
 * Bytes are written to a hidden temporary file in the output directory. On
 * commit the file is renamed over the final name (replace mode), or copied to
 * the end of the final file under an exclusive lock (append mode), so a tool
 * watching the directory never reads half a profile and processes appending
 * at once never interleave. A gzip profile appended to a gzip file is a new
 * gzip member, and concatenated members are one valid gzip stream. */
#ifndef PROFILER_SINK_H
#define PROFILER_SINK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *final_path;
	bool gzip;
	bool append;
	/* Failure injection for tests: writes fail with ENOSPC once this many
	 * bytes have reached the disk (0: never). */
	size_t fail_after_bytes;
} profiler_sink_options;

/* Why an operation failed: errno and a sentence for the log. */
typedef struct {
	int errno_value;
	char message[512];
} profiler_sink_error;

typedef struct profiler_sink profiler_sink;

profiler_sink *profiler_sink_open(const profiler_sink_options *options, profiler_sink_error *error);
/* Returns false once anything has failed; the error is kept for commit. */
bool profiler_sink_write(profiler_sink *sink, const void *data, size_t len);
/* Makes the profile visible under its final name and frees the sink. On any
 * failure nothing is left under the final name (append mode: the file is
 * restored to its previous length) and false is returned. */
bool profiler_sink_commit(profiler_sink *sink, profiler_sink_error *error);
/* Frees the sink without touching its files: for a forked child, whose
 * inherited temp file belongs to the parent. */
void profiler_sink_abandon(profiler_sink *sink);
/* Throws the profile away and frees the sink. */
void profiler_sink_discard(profiler_sink *sink);
/* Bytes accepted so far, before compression. */
size_t profiler_sink_bytes_in(const profiler_sink *sink);

/* Returns true when path exists and is a symbolic link. */
bool profiler_sink_path_is_symlink(const char *path);

/* Describes why a directory cannot take profiles (missing, not a directory,
 * not writable), or returns false when it can. */
bool profiler_sink_check_directory(const char *dir, profiler_sink_error *error);

#endif
