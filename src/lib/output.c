/* Buffered text formatting for writers; see output.h. */
#include "output.h"

#include <string.h>

void profiler_text_init(profiler_text *text, profiler_output out)
{
	text->out = out;
	text->failed = false;
	text->used = 0;
}

static void drain(profiler_text *text)
{
	if (text->used && !text->failed && !text->out.write(text->out.ctx, text->data, text->used)) {
		text->failed = true;
	}
	text->used = 0;
}

void profiler_text_bytes(profiler_text *text, const char *s, size_t len)
{
	while (len > 0) {
		size_t room = sizeof(text->data) - text->used;
		size_t n = len < room ? len : room;
		memcpy(text->data + text->used, s, n);
		text->used += n;
		s += n;
		len -= n;
		if (text->used == sizeof(text->data)) {
			drain(text);
		}
	}
}

void profiler_text_str(profiler_text *text, const char *s)
{
	profiler_text_bytes(text, s, strlen(s));
}

void profiler_text_char(profiler_text *text, char c)
{
	if (text->used == sizeof(text->data)) {
		drain(text);
	}
	text->data[text->used++] = c;
}

void profiler_text_u64(profiler_text *text, uint64_t v)
{
	char digits[20];
	size_t n = 0;

	do {
		digits[sizeof(digits) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	profiler_text_bytes(text, digits + sizeof(digits) - n, n);
}

bool profiler_text_finish(profiler_text *text)
{
	drain(text);
	return !text->failed;
}
