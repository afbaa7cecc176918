/* The one interface profile writers write through: a byte consumer.
 *
 * Writers (Cachegrind, folded stacks) format into a small buffer and hand
 * bytes to an output, which is a sink on disk or memory in a unit test. */
#ifndef PROFILER_OUTPUT_H
#define PROFILER_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	bool (*write)(void *ctx, const void *data, size_t len);
	void *ctx;
} profiler_output;

/* A small formatting buffer in front of an output. */
typedef struct {
	profiler_output out;
	bool failed;
	size_t used;
	char data[8192];
} profiler_text;

void profiler_text_init(profiler_text *text, profiler_output out);
void profiler_text_bytes(profiler_text *text, const char *s, size_t len);
void profiler_text_str(profiler_text *text, const char *s);
void profiler_text_u64(profiler_text *text, uint64_t v);
void profiler_text_char(profiler_text *text, char c);
/* Returns false if any write failed. */
bool profiler_text_finish(profiler_text *text);

#endif
