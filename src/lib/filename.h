/* Expands profiler.output_name with Xdebug's specifiers into a file name
 * that is always a single, safe path component.
 *
 *   %c crc32 of the working directory   %p process id
 *   %r random hex                       %s script path
 *   %t time (seconds)                   %u time (seconds_microseconds)
 *   %H HTTP host                        %R request URI
 *   %U UNIQUE_ID                        %S session id
 *   %% a literal %
 *
 * Whatever a request sends, the result has no '/', no NUL, no leading '.',
 * only printable ASCII from a small set, and at most PROFILER_FILENAME_MAX
 * bytes; a longer name is shortened and keeps a hash of the full name so that
 * distinct long names stay distinct. */
#ifndef PROFILER_FILENAME_H
#define PROFILER_FILENAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Leaves room under NAME_MAX (255) for ".gz", ".folded" and a ".N" suffix. */
#define PROFILER_FILENAME_MAX 200

typedef struct {
	const char *ptr;
	size_t len;
} profiler_bytes;

typedef struct {
	long pid;
	uint64_t random;
	uint64_t time_us;
	uint32_t cwd_crc;
	profiler_bytes script;
	profiler_bytes host;
	profiler_bytes uri;
	profiler_bytes unique_id;
	profiler_bytes session_id;
} profiler_filename_values;

typedef struct {
	/* the first unknown specifier letter, or 0 */
	char unknown_specifier;
	bool shortened;
	bool was_empty;
} profiler_filename_notes;

/* Writes the name and its terminating NUL into out, which must hold at
 * least PROFILER_FILENAME_MAX + 1 bytes; returns its length. */
size_t profiler_filename_expand(const char *format, const profiler_filename_values *values,
	char *out, profiler_filename_notes *notes);

uint32_t profiler_crc32(const char *data, size_t len);

#endif
