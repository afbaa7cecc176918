/* Unit tests for src/lib/output.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "output.h"

static void test_formatting(void **state)
{
	mem_buffer buf = { 0 };
	profiler_text *text = malloc(sizeof(*text));
	(void)state;
	profiler_text_init(text, mem_buffer_output(&buf));
	profiler_text_str(text, "n=");
	profiler_text_u64(text, 0);
	profiler_text_char(text, ' ');
	profiler_text_u64(text, 1234567890);
	profiler_text_char(text, ' ');
	profiler_text_u64(text, UINT64_MAX);
	profiler_text_bytes(text, "\0x", 2);
	/* nothing reaches the output before it is needed */
	assert_int_equal(buf.writes, 0);
	assert_true(profiler_text_finish(text));
	assert_int_equal(buf.len, strlen("n=0 1234567890 18446744073709551615") + 2);
	assert_memory_equal(buf.data, "n=0 1234567890 18446744073709551615\0x", buf.len);
	/* finishing twice writes nothing more */
	assert_true(profiler_text_finish(text));
	assert_int_equal(buf.writes, 1);
	mem_buffer_free(&buf);
	free(text);
}

static void test_large_output_is_exact(void **state)
{
	mem_buffer buf = { 0 };
	profiler_text *text = malloc(sizeof(*text));
	char *expected = malloc(200000);
	size_t n = 0, i;
	uint64_t rng = 7;
	(void)state;
	profiler_text_init(text, mem_buffer_output(&buf));
	for (i = 0; n < 190000; i++) {
		uint64_t r = test_rand_next(&rng);
		switch (r % 4) {
			case 0:
				profiler_text_char(text, (char)('a' + r % 26));
				expected[n++] = (char)('a' + r % 26);
				break;
			case 1: {
				char tmp[32];
				int len = snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long)(r >> 3));
				profiler_text_u64(text, r >> 3);
				memcpy(expected + n, tmp, (size_t)len);
				n += (size_t)len;
				break;
			}
			case 2: {
				size_t len = (r >> 8) % 9000;
				char *chunk = malloc(len + 1);
				memset(chunk, 'k', len);
				profiler_text_bytes(text, chunk, len);
				memcpy(expected + n, chunk, len);
				n += len;
				free(chunk);
				break;
			}
			default:
				profiler_text_str(text, "str\n");
				memcpy(expected + n, "str\n", 4);
				n += 4;
				break;
		}
	}
	assert_true(profiler_text_finish(text));
	assert_int_equal(buf.len, n);
	assert_memory_equal(buf.data, expected, n);
	assert_true(buf.writes > 10);
	mem_buffer_free(&buf);
	free(expected);
	free(text);
}

static void test_write_failure_sticks(void **state)
{
	mem_buffer buf = { 0 };
	profiler_text *text = malloc(sizeof(*text));
	char big[20000];
	(void)state;
	memset(big, 'b', sizeof(big));
	buf.fail_after_writes = 1; /* the first write succeeds, then all fail */
	profiler_text_init(text, mem_buffer_output(&buf));
	profiler_text_bytes(text, big, sizeof(big));
	assert_false(profiler_text_finish(text));
	assert_false(profiler_text_finish(text));
	/* after the failure nothing more was handed to the output */
	assert_int_equal(buf.writes, 1);
	assert_int_equal(buf.len, sizeof(text->data));
	mem_buffer_free(&buf);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formatting),
		cmocka_unit_test(test_large_output_is_exact),
		cmocka_unit_test(test_write_failure_sticks),
	};
	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
