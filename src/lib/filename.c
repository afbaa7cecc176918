/* Output file name expansion and sanitising; see filename.h. */
#include "filename.h"

#include <stdio.h>
#include <string.h>

/* Room while building: long enough for any cut we might make. */
#define BUILD_MAX 4096

typedef struct {
	char data[BUILD_MAX];
	size_t len;
	bool overflow;
	uint64_t hash; /* of everything appended, even past BUILD_MAX */
} builder;

static void add_char(builder *b, char c)
{
	b->hash = (b->hash ^ (unsigned char)c) * 1099511628211ull;
	if (b->len < BUILD_MAX) {
		b->data[b->len++] = c;
	} else {
		b->overflow = true;
	}
}

/* Characters a request may contribute unchanged; everything else becomes
 * '_', as Xdebug does for '/', '.', '?', '&', '+', ':' and spaces. */
static bool is_safe_request_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '-' || c == '_' || c == '=' || c == ',' || c == '@' || c == '~';
}

static void add_request_value(builder *b, profiler_bytes v)
{
	size_t i;
	for (i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.ptr[i];
		add_char(b, is_safe_request_char(c) ? (char)c : '_');
	}
}

static void add_text(builder *b, const char *s)
{
	while (*s) {
		add_char(b, *s++);
	}
}

/* Characters the format itself may keep; the administrator wrote it, but it
 * still cannot add a directory. */
static char format_char(unsigned char c)
{
	if (c == '/' || c == '\\' || c < 0x20 || c >= 0x7f) {
		return '_';
	}
	return (char)c;
}

size_t profiler_filename_expand(const char *format, const profiler_filename_values *v,
	char *out, profiler_filename_notes *notes)
{
	builder b;
	char num[64];
	const char *p;
	size_t len;

	b.len = 0;
	b.overflow = false;
	b.hash = 1469598103934665603ull;
	notes->unknown_specifier = 0;
	notes->shortened = false;
	notes->was_empty = false;

	for (p = format ? format : ""; *p; p++) {
		if (*p != '%') {
			add_char(&b, format_char((unsigned char)*p));
			continue;
		}
		p++;
		switch (*p) {
			case 'c':
				snprintf(num, sizeof(num), "%lu", (unsigned long)v->cwd_crc);
				add_text(&b, num);
				break;
			case 'p':
				snprintf(num, sizeof(num), "%ld", v->pid);
				add_text(&b, num);
				break;
			case 'r':
				snprintf(num, sizeof(num), "%06lx", (unsigned long)(v->random & 0xffffffffu));
				add_text(&b, num);
				break;
			case 't':
				snprintf(num, sizeof(num), "%lu", (unsigned long)(v->time_us / 1000000u));
				add_text(&b, num);
				break;
			case 'u':
				snprintf(num, sizeof(num), "%lu_%06lu", (unsigned long)(v->time_us / 1000000u),
					(unsigned long)(v->time_us % 1000000u));
				add_text(&b, num);
				break;
			case 's':
				add_request_value(&b, v->script);
				break;
			case 'H':
				add_request_value(&b, v->host);
				break;
			case 'R':
				add_request_value(&b, v->uri);
				break;
			case 'U':
				add_request_value(&b, v->unique_id);
				break;
			case 'S':
				add_request_value(&b, v->session_id);
				break;
			case '%':
				add_char(&b, '%');
				break;
			case '\0':
				/* a trailing '%' stands for itself */
				add_char(&b, '%');
				p--;
				break;
			default:
				if (!notes->unknown_specifier) {
					notes->unknown_specifier = *p;
				}
				/* keep it visibly, so the user sees what was not understood */
				add_char(&b, '%');
				add_char(&b, format_char((unsigned char)*p));
				break;
		}
	}

	if (b.len == 0) {
		notes->was_empty = true;
		add_char(&b, '_');
	}
	/* no hidden files, and never "." or ".." */
	if (b.data[0] == '.') {
		b.data[0] = '_';
	}
	len = b.len;
	if (len > PROFILER_FILENAME_MAX || b.overflow) {
		/* keep the start, then a hash of the whole name */
		len = PROFILER_FILENAME_MAX - 17;
		snprintf(b.data + len, 18, "-%016llx", (unsigned long long)b.hash);
		len += 17;
		notes->shortened = true;
	}
	memcpy(out, b.data, len);
	out[len] = '\0';
	return len;
}

uint32_t profiler_crc32(const char *data, size_t len)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		crc ^= (unsigned char)data[i];
		for (k = 0; k < 8; k++) {
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
		}
	}
	return ~crc;
}
