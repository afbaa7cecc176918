/* libFuzzer target for src/lib/filename.c: random formats and request
 * values must always expand to a single, safe path component.
 *
 * Input layout (missing bytes read as 0):
 *   [format length: 1][format bytes][pid: 8][random: 8][time_us: 8][crc: 4]
 *   then five values (script, host, uri, unique_id, session_id), each
 *   [length: 2, little endian][bytes]
 * Values point into a copy of exactly their length, so that ASan catches a
 * read past a value's end; the output buffer is exactly
 * PROFILER_FILENAME_MAX + 1 bytes. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filename.h"

typedef struct {
	const uint8_t *data;
	size_t size, pos;
} reader;

static uint8_t next_byte(reader *r)
{
	return r->pos < r->size ? r->data[r->pos++] : 0;
}

static uint64_t next_u64(reader *r, int bytes)
{
	uint64_t v = 0;
	int i;
	for (i = 0; i < bytes; i++) {
		v |= (uint64_t)next_byte(r) << (8 * i);
	}
	return v;
}

/* A malloc'ed copy of the next n bytes (fewer if the input ends). */
static char *next_bytes(reader *r, size_t n, size_t *got)
{
	size_t avail = r->size - r->pos;
	char *p;
	if (n > avail) {
		n = avail;
	}
	p = malloc(n ? n : 1);
	if (n) {
		memcpy(p, r->data + r->pos, n);
	}
	r->pos += n;
	*got = n;
	return p;
}

static void fail(const char *why, const char *out, size_t len)
{
	fprintf(stderr, "fuzz_filename: invariant violated: %s (len %zu): '%.*s'\n", why, len, (int)len, out);
	abort();
}

static bool is_safe_request_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '-' || c == '_' || c == '=' || c == ',' || c == '@' || c == '~';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reader r = { data, size, 0 };
	profiler_filename_values v;
	profiler_filename_notes notes, notes2;
	char *format, *values[5];
	size_t format_len, value_len[5], len, len2, i;
	char *out, *out2;
	bool format_only_letters = true;

	/* the format as the administrator's C string: stops at a NUL */
	{
		size_t want = next_byte(&r), got;
		char *raw = next_bytes(&r, want, &got);
		format = malloc(got + 1);
		memcpy(format, raw, got);
		format[got] = '\0';
		format_len = strlen(format);
		free(raw);
	}
	memset(&v, 0, sizeof(v));
	v.pid = (long)next_u64(&r, 8);
	v.random = next_u64(&r, 8);
	v.time_us = next_u64(&r, 8);
	v.cwd_crc = (uint32_t)next_u64(&r, 4);
	for (i = 0; i < 5; i++) {
		size_t want = (size_t)next_u64(&r, 2);
		values[i] = next_bytes(&r, want, &value_len[i]);
	}
	v.script.ptr = values[0];
	v.script.len = value_len[0];
	v.host.ptr = values[1];
	v.host.len = value_len[1];
	v.uri.ptr = values[2];
	v.uri.len = value_len[2];
	v.unique_id.ptr = values[3];
	v.unique_id.len = value_len[3];
	v.session_id.ptr = values[4];
	v.session_id.len = value_len[4];

	out = malloc(PROFILER_FILENAME_MAX + 1);
	out2 = malloc(PROFILER_FILENAME_MAX + 1);
	len = profiler_filename_expand(format, &v, out, &notes);

	if (len < 1) {
		fail("empty", out, len);
	}
	if (len > PROFILER_FILENAME_MAX) {
		fail("too long", out, PROFILER_FILENAME_MAX);
	}
	if (out[len] != '\0' || strlen(out) != len) {
		fail("NUL inside or not terminated", out, len);
	}
	if (memchr(out, '/', len)) {
		fail("contains '/'", out, len);
	}
	if (memchr(out, '\\', len)) {
		fail("contains a backslash", out, len);
	}
	if (out[0] == '.') {
		fail("starts with '.'", out, len);
	}
	if (strcmp(out, ".") == 0 || strcmp(out, "..") == 0) {
		fail("is . or ..", out, len);
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		if (c < 0x20 || c >= 0x7f) {
			fail("non-printable byte", out, len);
		}
	}
	if (notes.shortened) {
		if (len != PROFILER_FILENAME_MAX || out[len - 17] != '-') {
			fail("shortened name without its hash", out, len);
		}
		for (i = len - 16; i < len; i++) {
			if (!strchr("0123456789abcdef", out[i])) {
				fail("hash is not hex", out, len);
			}
		}
	}
	if (notes.was_empty && strcmp(out, "_") != 0) {
		fail("empty expansion is not '_'", out, len);
	}
	/* A format of plain letters only: request bytes can only add characters
	 * from the small safe set. */
	for (i = 0; i < format_len; i++) {
		unsigned char c = (unsigned char)format[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%')) {
			format_only_letters = false;
		}
	}
	if (format_only_letters) {
		size_t end = notes.shortened ? len - 17 : len;
		for (i = 0; i < end; i++) {
			unsigned char c = (unsigned char)out[i];
			if (!is_safe_request_char(c) && c != '%') {
				fail("request byte outside the safe set", out, len);
			}
		}
	}
	/* deterministic */
	len2 = profiler_filename_expand(format, &v, out2, &notes2);
	if (len2 != len || memcmp(out, out2, len + 1) != 0 || notes2.shortened != notes.shortened
			|| notes2.unknown_specifier != notes.unknown_specifier) {
		fail("not deterministic", out2, len2);
	}

	free(out);
	free(out2);
	for (i = 0; i < 5; i++) {
		free(values[i]);
	}
	free(format);
	return 0;
}
