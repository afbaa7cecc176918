/* Unit tests for src/lib/filename.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "filename.h"

static profiler_bytes B(const char *s)
{
	profiler_bytes b = { s, s ? strlen(s) : 0 };
	return b;
}

static profiler_bytes BL(const char *s, size_t len)
{
	profiler_bytes b = { s, len };
	return b;
}

static profiler_filename_values base_values(void)
{
	profiler_filename_values v;
	memset(&v, 0, sizeof(v));
	v.pid = 4242;
	v.random = 0xabcdef;
	v.time_us = 1700000000123456ull;
	v.cwd_crc = 0xCBF43926u;
	v.script = B("/var/www/html/index.php");
	v.host = B("www.example.org");
	v.uri = B("/app/page.php?a=1&b=2");
	v.unique_id = B("YxAbC-12@3~");
	v.session_id = B("sess,ion=42");
	return v;
}

/* The invariants every result must have. Returns the length. */
static size_t check_safe(const char *out, size_t len)
{
	size_t i;
	assert_int_equal(strlen(out), len);
	assert_true(len >= 1);
	assert_true(len <= PROFILER_FILENAME_MAX);
	assert_null(memchr(out, '/', len));
	assert_null(memchr(out, '\\', len));
	assert_true(out[0] != '.');
	assert_true(strcmp(out, ".") != 0 && strcmp(out, "..") != 0);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		assert_true(c >= 0x20 && c < 0x7f);
	}
	return len;
}

/* Expands into a buffer of exactly the documented size, so that ASan
 * catches any write past it. */
static char *expand(const char *format, const profiler_filename_values *v, profiler_filename_notes *notes, size_t *len)
{
	char *out = malloc(PROFILER_FILENAME_MAX + 1);
	profiler_filename_notes n;
	size_t l = profiler_filename_expand(format, v, out, notes ? notes : &n);
	check_safe(out, l);
	if (len) {
		*len = l;
	}
	return out;
}

static void expect(const char *format, const profiler_filename_values *v, const char *expected)
{
	char *out = expand(format, v, NULL, NULL);
	assert_string_equal(out, expected);
	free(out);
}

static void test_plain_format(void **state)
{
	profiler_filename_values v = base_values();
	profiler_filename_notes n;
	char *out;
	(void)state;
	out = expand("cachegrind.out", &v, &n, NULL);
	assert_string_equal(out, "cachegrind.out");
	assert_int_equal(n.unknown_specifier, 0);
	assert_false(n.shortened);
	assert_false(n.was_empty);
	free(out);
}

static void test_every_specifier(void **state)
{
	profiler_filename_values v = base_values();
	char crc[16];
	(void)state;
	snprintf(crc, sizeof(crc), "c.%u", 0xCBF43926u);
	expect("c.%c", &v, crc);
	expect("cachegrind.out.%p", &v, "cachegrind.out.4242");
	expect("r.%r", &v, "r.abcdef");
	expect("t.%t", &v, "t.1700000000");
	expect("u.%u", &v, "u.1700000000_123456");
	expect("s.%s", &v, "s._var_www_html_index_php");
	expect("H.%H", &v, "H.www_example_org");
	expect("R.%R", &v, "R._app_page_php_a=1_b=2");
	expect("U.%U", &v, "U.YxAbC-12@3~");
	expect("S.%S", &v, "S.sess,ion=42");
	expect("pct.%%.x", &v, "pct.%.x");
	expect("all.%p.%t.%H", &v, "all.4242.1700000000.www_example_org");
}

static void test_specifier_edge_values(void **state)
{
	profiler_filename_values v = base_values();
	(void)state;
	v.random = 0x5;
	expect("%r", &v, "000005");
	v.random = 0x123456789abcull; /* only the low 32 bits */
	expect("%r", &v, "56789abc");
	v.time_us = 5;
	expect("%u", &v, "0_000005");
	expect("%t", &v, "0");
	v.pid = 0;
	expect("x%p", &v, "x0");
	v.cwd_crc = 0;
	expect("x%c", &v, "x0");
	v.cwd_crc = 0xffffffffu;
	expect("x%c", &v, "x4294967295");
	/* a value that is not there expands to nothing */
	v.host = BL(NULL, 0);
	expect("h%Hh", &v, "hh");
}

static void test_percent_edge_cases(void **state)
{
	profiler_filename_values v = base_values();
	profiler_filename_notes n;
	char *out;
	(void)state;
	/* a trailing '%' stands for itself */
	expect("abc%", &v, "abc%");
	expect("%", &v, "%");
	expect("%%%", &v, "%%");
	/* unknown specifiers are kept visibly and reported */
	out = expand("a%zb%qc", &v, &n, NULL);
	assert_string_equal(out, "a%zb%qc");
	assert_int_equal(n.unknown_specifier, 'z');
	free(out);
	/* even when the unknown letter is '/' */
	out = expand("a%/b", &v, &n, NULL);
	assert_string_equal(out, "a%_b");
	assert_int_equal(n.unknown_specifier, '/');
	free(out);
}

static void test_empty_format(void **state)
{
	profiler_filename_values v = base_values();
	profiler_filename_notes n;
	char *out;
	(void)state;
	out = expand("", &v, &n, NULL);
	assert_string_equal(out, "_");
	assert_true(n.was_empty);
	free(out);
	out = expand(NULL, &v, &n, NULL);
	assert_string_equal(out, "_");
	assert_true(n.was_empty);
	free(out);
	/* a format that expands to nothing is empty too */
	v.session_id = BL("", 0);
	out = expand("%S", &v, &n, NULL);
	assert_string_equal(out, "_");
	assert_true(n.was_empty);
	free(out);
}

static void test_format_cannot_add_directories(void **state)
{
	profiler_filename_values v = base_values();
	(void)state;
	expect("../x", &v, "_._x");
	expect("a/b/c", &v, "a_b_c");
	expect("/etc/passwd", &v, "_etc_passwd");
	expect("a\\b", &v, "a_b");
	expect(".", &v, "_");
	expect("..", &v, "_.");
	expect(".hidden.%p", &v, "_hidden.4242");
	expect("tab\there\x01\x7f\xff", &v, "tab_here___");
}

static void test_hostile_values(void **state)
{
	profiler_filename_values v = base_values();
	(void)state;
	v.uri = B("../../etc/passwd");
	expect("%R", &v, "______etc_passwd");
	v.uri = B("..");
	expect("%R", &v, "__");
	v.host = B(".");
	expect("%H", &v, "_");
	v.script = B("/");
	expect("%s", &v, "_");
	v.uri = B("a/../../b");
	expect("cachegrind.out.%R", &v, "cachegrind.out.a_______b");
	v.uri = B("%2e%2e%2f");
	expect("%R", &v, "_2e_2e_2f");
	/* a value is bytes, not a C string: an embedded NUL does not end it */
	v.uri = BL("a\0/b\0..", 7);
	expect("x%Ry", &v, "xa__b___y");
	/* non-UTF-8 and UTF-8 alike become '_' */
	v.uri = BL("\xff\xfe\xc3\x28\xe2\x82\xac", 7);
	expect("%R", &v, "_______");
	/* a value with a leading dot after a format that starts with it */
	v.host = B(".evil");
	expect("%H", &v, "_evil");
}

static bool is_safe_request_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '-' || c == '_' || c == '=' || c == ',' || c == '@' || c == '~';
}

static void test_all_bytes_from_request_are_from_small_set(void **state)
{
	profiler_filename_values v = base_values();
	char all[256];
	char *out;
	size_t len, i;
	int c;
	(void)state;
	for (c = 0; c < 256; c++) {
		all[c] = (char)c;
	}
	v.uri = BL(all, 256);
	out = expand("%R", &v, NULL, &len);
	assert_int_equal(len, PROFILER_FILENAME_MAX); /* 256 is too long: shortened */
	for (i = 0; i < len - 17; i++) {
		assert_true(is_safe_request_char(out[i]));
	}
	free(out);
	for (c = 1; c < 256; c++) {
		char one = (char)c;
		v.uri = BL(&one, 1);
		out = expand("%R", &v, NULL, &len);
		assert_int_equal(len, 1);
		assert_true(is_safe_request_char(out[0]));
		assert_true(out[0] == one || out[0] == '_');
		free(out);
	}
}

static void test_length_limit(void **state)
{
	profiler_filename_values v = base_values();
	profiler_filename_notes n;
	char value[PROFILER_FILENAME_MAX + 2];
	char *out;
	size_t len, i;
	(void)state;

	memset(value, 'a', sizeof(value));
	/* exactly at the limit: kept as is */
	v.uri = BL(value, PROFILER_FILENAME_MAX);
	out = expand("%R", &v, &n, &len);
	assert_int_equal(len, PROFILER_FILENAME_MAX);
	assert_false(n.shortened);
	for (i = 0; i < len; i++) {
		assert_int_equal(out[i], 'a');
	}
	free(out);

	/* one more: shortened, with a hash at the end */
	v.uri = BL(value, PROFILER_FILENAME_MAX + 1);
	out = expand("%R", &v, &n, &len);
	assert_int_equal(len, PROFILER_FILENAME_MAX);
	assert_true(n.shortened);
	assert_int_equal(out[PROFILER_FILENAME_MAX - 17], '-');
	for (i = PROFILER_FILENAME_MAX - 16; i < PROFILER_FILENAME_MAX; i++) {
		assert_non_null(strchr("0123456789abcdef", out[i]));
	}
	free(out);
}

static void test_10k_uri(void **state)
{
	profiler_filename_values v = base_values();
	profiler_filename_notes n;
	char *uri = malloc(10240);
	char *out;
	size_t len;
	(void)state;

	memset(uri, '/', 10240);
	v.uri = BL(uri, 10240);
	out = expand("cachegrind.out.%R.%p", &v, &n, &len);
	assert_true(n.shortened);
	assert_int_equal(len, PROFILER_FILENAME_MAX);
	assert_memory_equal(out, "cachegrind.out.____", 19);
	free(out);

	memset(uri, '.', 10240);
	out = expand("%R", &v, &n, &len);
	assert_true(n.shortened);
	assert_true(out[0] != '.');
	free(out);
	free(uri);
}

static void test_distinct_long_inputs_give_distinct_names(void **state)
{
	enum { LEN = 10240, N = 64 };
	profiler_filename_values v = base_values();
	char *uri = malloc(LEN);
	char *names[N * 3];
	size_t count = 0, i, j;
	(void)state;

	memset(uri, '~', LEN);
	/* differing at the very end, in the middle (past any internal buffer)
	 * and just after the part that is kept */
	for (i = 0; i < N; i++) {
		size_t positions[3] = { LEN - 1, LEN / 2, PROFILER_FILENAME_MAX };
		for (j = 0; j < 3; j++) {
			char saved = uri[positions[j]];
			uri[positions[j]] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-="[i];
			v.uri = BL(uri, LEN);
			names[count++] = expand("%R", &v, NULL, NULL);
			uri[positions[j]] = saved;
		}
	}
	for (i = 0; i < count; i++) {
		for (j = i + 1; j < count; j++) {
			assert_string_not_equal(names[i], names[j]);
		}
	}
	for (i = 0; i < count; i++) {
		free(names[i]);
	}
	free(uri);
}

static void test_same_input_same_name(void **state)
{
	profiler_filename_values v = base_values();
	char *uri = malloc(5000), *a, *b;
	(void)state;
	memset(uri, 'q', 5000);
	v.uri = BL(uri, 5000);
	a = expand("%R.%p", &v, NULL, NULL);
	b = expand("%R.%p", &v, NULL, NULL);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(uri);
}

static void test_crc32(void **state)
{
	(void)state;
	assert_int_equal(profiler_crc32("", 0), 0);
	assert_int_equal(profiler_crc32("123456789", 9), 0xCBF43926u);
	assert_int_equal(profiler_crc32("The quick brown fox jumps over the lazy dog", 43), 0x414FA339u);
	assert_int_equal(profiler_crc32("a\0b", 3), profiler_crc32("a\0b", 3));
	assert_int_not_equal(profiler_crc32("a\0b", 3), profiler_crc32("a", 1));
}

/* Random formats and values: the invariants always hold. */
static void test_random_inputs(void **state)
{
	static const char pieces[] = "%%cprstuHRUS/\\..-_aZ9 \x01\xff";
	uint64_t rng = 0xfeedface;
	char format[64];
	char value[5][600];
	int round;
	(void)state;

	for (round = 0; round < 20000; round++) {
		profiler_filename_values v;
		size_t flen = test_rand_next(&rng) % sizeof(format), i, k;
		size_t vlen[5];
		char *out;
		for (i = 0; i + 1 < flen; i++) {
			format[i] = pieces[test_rand_next(&rng) % (sizeof(pieces) - 1)];
		}
		format[flen ? flen - 1 : 0] = '\0';
		for (k = 0; k < 5; k++) {
			vlen[k] = test_rand_next(&rng) % (round % 10 == 0 ? 600 : 20);
			for (i = 0; i < vlen[k]; i++) {
				value[k][i] = (char)test_rand_next(&rng);
			}
		}
		memset(&v, 0, sizeof(v));
		v.pid = (long)test_rand_next(&rng);
		v.random = test_rand_next(&rng);
		v.time_us = test_rand_next(&rng);
		v.cwd_crc = (uint32_t)test_rand_next(&rng);
		v.script = BL(value[0], vlen[0]);
		v.host = BL(value[1], vlen[1]);
		v.uri = BL(value[2], vlen[2]);
		v.unique_id = BL(value[3], vlen[3]);
		v.session_id = BL(value[4], vlen[4]);
		out = expand(format, &v, NULL, NULL);
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_format),
		cmocka_unit_test(test_every_specifier),
		cmocka_unit_test(test_specifier_edge_values),
		cmocka_unit_test(test_percent_edge_cases),
		cmocka_unit_test(test_empty_format),
		cmocka_unit_test(test_format_cannot_add_directories),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_all_bytes_from_request_are_from_small_set),
		cmocka_unit_test(test_length_limit),
		cmocka_unit_test(test_10k_uri),
		cmocka_unit_test(test_distinct_long_inputs_give_distinct_names),
		cmocka_unit_test(test_same_input_same_name),
		cmocka_unit_test(test_crc32),
		cmocka_unit_test(test_random_inputs),
	};
	return cmocka_run_group_tests_name("filename", tests, NULL, NULL);
}
