/* Unit tests for src/lib/cachegrind.{h,c}: trees made by the recorder, text
 * checked exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "cachegrind.h"
#include "call_tree.h"
#include "func_table.h"
#include "recorder.h"
#include "recorder_private.h"

static uint64_t tag_space[256]; /* tags are even */
#define TAG(i) ((const void *)&tag_space[(i)])

enum { K_MAIN = 1, K_FOO = 2, K_STRLEN = 3, K_BAR = 4 };

typedef struct {
	profiler_func_table *funcs;
	profiler_recorder *rec;
} fixture;

static uint32_t resolve(void *user, uintptr_t key, const void *call)
{
	fixture *f = user;
	(void)call;
	switch (key) {
		case K_MAIN:
			return profiler_func_table_intern(f->funcs, "{main}", 6, "/app/index.php", 14, 1);
		case K_FOO:
			return profiler_func_table_intern(f->funcs, "foo", 3, "/app/lib.php", 12, 3);
		case K_STRLEN:
			return profiler_func_table_intern(f->funcs, "strlen", 6, "php:internal", 12, PROFILER_LINE_CALL_SITE);
		case K_BAR:
			return profiler_func_table_intern(f->funcs, "bar", 3, "/app/lib.php", 12, 20);
		default: {
			char name[32];
			snprintf(name, sizeof(name), "gen_%lu", (unsigned long)key);
			return profiler_func_table_intern(f->funcs, name, strlen(name), "/app/gen.php", 12, (uint32_t)(key % 50) + 1);
		}
	}
}

static fixture *fixture_new(void)
{
	fixture *f = calloc(1, sizeof(*f));
	profiler_recorder_options o = { 0, resolve, NULL, NULL };
	f->funcs = profiler_func_table_create();
	o.user = f;
	f->rec = profiler_recorder_create(&o);
	return f;
}

static void fixture_free(fixture *f)
{
	profiler_recorder_destroy(f->rec);
	profiler_func_table_destroy(f->funcs);
	free(f);
}

static void ev(fixture *f, bool is_enter, uintptr_t key, uint32_t line, int tag, uint64_t t, uint64_t mem, uint64_t peak)
{
	profiler_sample s = { t, mem, peak };
	if (is_enter) {
		const void *caller = profiler_recorder_top_tag(f->rec);
		profiler_recorder_enter(f->rec, key, line, TAG(tag), caller, NULL, &s);
	} else {
		profiler_recorder_leave(f->rec, TAG(tag), &s, false);
	}
}

/* main -> foo (twice, line 5) -> strlen (line 12); main -> strlen (line 7) */
static void record_small_script(fixture *f, bool close_main)
{
	ev(f, true, K_MAIN, 0, 0, 0, 1000, 1000);
	ev(f, true, K_FOO, 5, 1, 10, 1000, 1000);
	ev(f, true, K_STRLEN, 12, 2, 15, 1100, 1100);
	ev(f, false, 0, 0, 2, 18, 1100, 1100);
	ev(f, false, 0, 0, 1, 30, 1200, 1200);
	ev(f, true, K_FOO, 5, 1, 40, 1200, 1200);
	ev(f, true, K_STRLEN, 12, 2, 45, 1200, 1200);
	ev(f, false, 0, 0, 2, 47, 1200, 1200);
	ev(f, false, 0, 0, 1, 50, 1150, 1200);
	ev(f, true, K_STRLEN, 7, 3, 60, 1150, 1200);
	ev(f, false, 0, 0, 3, 61, 1150, 1200);
	if (close_main) {
		ev(f, false, 0, 0, 0, 100, 1300, 1300);
	}
}

static const char expected_small[] =
	"version: 1\n"
	"creator: profiler-test 0.1\n"
	"cmd: /app/index.php\n"
	"part: 1\n"
	"positions: line\n"
	"\n"
	"events: Time_(10ns) Memory_(bytes)\n"
	"\n"
	"fl=(1) /app/index.php\n"
	"fn=(1) {main}\n"
	"1 69 100\n"
	"cfl=(2) /app/lib.php\n"
	"cfn=(2) foo\n"
	"calls=2 0 0\n"
	"5 30 200\n"
	"cfl=(3) php:internal\n"
	"cfn=(3) strlen\n"
	"calls=1 0 0\n"
	"7 1 0\n"
	"\n"
	"fl=(2)\n"
	"fn=(2)\n"
	"3 25 200\n"
	"cfl=(3)\n"
	"cfn=(3)\n"
	"calls=2 0 0\n"
	"12 5 0\n"
	"\n"
	"fl=(3)\n"
	"fn=(3)\n"
	"7 1 0\n"
	"12 5 0\n"
	"\n"
	"summary: 100 300\n"
	"\n";

static profiler_cachegrind_options options(unsigned part, bool peak)
{
	profiler_cachegrind_options o;
	o.creator = "profiler-test 0.1";
	o.cmd = "/app/index.php";
	o.part = part;
	o.peak_memory = peak;
	o.ticks_per_ns = 0.1; /* one tick is 10 ns: costs are ticks */
	return o;
}

static void test_exact_output(void **state)
{
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(1, false);
	profiler_cachegrind_summary sum;

	(void)state;
	record_small_script(f, true);
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, &sum));
	assert_non_null(buf.data);
	assert_string_equal(buf.data, expected_small);
	assert_int_equal(sum.time_10ns, 100);
	assert_int_equal(sum.memory, 300);
	assert_int_equal(sum.functions, 3);
	assert_int_equal(sum.edges, 3);
	mem_buffer_free(&buf);
	fixture_free(f);
}

static void test_peak_memory_event_and_part(void **state)
{
	static const char expected[] =
		"version: 1\n"
		"creator: profiler-test 0.1\n"
		"cmd: /app/index.php\n"
		"part: 7\n"
		"positions: line\n"
		"\n"
		"events: Time_(10ns) Memory_(bytes) PeakMemory_(bytes)\n"
		"\n"
		"fl=(1) /app/index.php\n"
		"fn=(1) {main}\n"
		"1 69 100 100\n"
		"cfl=(2) /app/lib.php\n"
		"cfn=(2) foo\n"
		"calls=2 0 0\n"
		"5 30 200 200\n"
		"cfl=(3) php:internal\n"
		"cfn=(3) strlen\n"
		"calls=1 0 0\n"
		"7 1 0 0\n"
		"\n"
		"fl=(2)\n"
		"fn=(2)\n"
		"3 25 200 200\n"
		"cfl=(3)\n"
		"cfn=(3)\n"
		"calls=2 0 0\n"
		"12 5 0 0\n"
		"\n"
		"fl=(3)\n"
		"fn=(3)\n"
		"7 1 0 0\n"
		"12 5 0 0\n"
		"\n"
		"summary: 100 300 300\n"
		"\n";
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(7, true);
	profiler_cachegrind_summary sum;

	(void)state;
	record_small_script(f, true);
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, &sum));
	assert_string_equal(buf.data, expected);
	assert_int_equal(sum.peak_memory, 300);
	mem_buffer_free(&buf);
	fixture_free(f);
}

/* A file whose main is still open: no self line for main, but its closed
 * callees and the edges to them are written. */
static void test_open_frames_are_not_written(void **state)
{
	static const char expected_body[] =
		"\n"
		"fl=(1) /app/index.php\n"
		"fn=(1) {main}\n"
		"cfl=(2) /app/lib.php\n"
		"cfn=(2) foo\n"
		"calls=2 0 0\n"
		"5 30 200\n"
		"cfl=(3) php:internal\n"
		"cfn=(3) strlen\n"
		"calls=1 0 0\n"
		"7 1 0\n"
		"\n"
		"fl=(2)\n"
		"fn=(2)\n"
		"3 25 200\n"
		"cfl=(3)\n"
		"cfn=(3)\n"
		"calls=2 0 0\n"
		"12 5 0\n"
		"\n"
		"fl=(3)\n"
		"fn=(3)\n"
		"7 1 0\n"
		"12 5 0\n"
		"\n"
		"summary: 31 200\n"
		"\n";
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(1, false);
	const char *body;

	(void)state;
	record_small_script(f, false);
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, NULL));
	body = strstr(buf.data, "events: Time_(10ns) Memory_(bytes)\n");
	assert_non_null(body);
	body += strlen("events: Time_(10ns) Memory_(bytes)\n");
	assert_string_equal(body, expected_body);
	mem_buffer_free(&buf);
	fixture_free(f);
}

static void test_empty_tree(void **state)
{
	static const char expected[] =
		"version: 1\n"
		"creator: profiler-test 0.1\n"
		"cmd: /app/index.php\n"
		"part: 2\n"
		"positions: line\n"
		"\n"
		"events: Time_(10ns) Memory_(bytes)\n"
		"\n"
		"summary: 0 0\n"
		"\n";
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(2, false);
	profiler_cachegrind_summary sum;

	(void)state;
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, &sum));
	assert_string_equal(buf.data, expected);
	assert_int_equal(sum.functions, 0);
	assert_int_equal(sum.edges, 0);
	mem_buffer_free(&buf);
	fixture_free(f);
}

/* A self memory that went down is written as 0, and the summary is the
 * sum of what was written. */
static void test_negative_self_memory_and_summary(void **state)
{
	static const char expected_body[] =
		"\n"
		"fl=(1) /app/index.php\n"
		"fn=(1) {main}\n"
		"1 5 0\n"
		"cfl=(2) /app/lib.php\n"
		"cfn=(2) foo\n"
		"calls=1 0 0\n"
		"5 5 500\n"
		"\n"
		"fl=(2)\n"
		"fn=(2)\n"
		"3 5 500\n"
		"\n"
		"summary: 10 500\n"
		"\n";
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(1, false);
	const char *body;

	(void)state;
	ev(f, true, K_MAIN, 0, 0, 0, 1000, 1000);
	ev(f, true, K_FOO, 5, 1, 0, 1000, 1000);
	ev(f, false, 0, 0, 1, 5, 1500, 1500);
	ev(f, false, 0, 0, 0, 10, 800, 1500); /* main frees more than foo took */
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, NULL));
	body = strstr(buf.data, "Memory_(bytes)\n");
	assert_non_null(body);
	assert_string_equal(body + strlen("Memory_(bytes)\n"), expected_body);
	mem_buffer_free(&buf);
	fixture_free(f);
}

/* Recursion and the same callee from two call sites of the same caller,
 * reached through different paths, are merged per (caller, callee, line). */
static void test_edges_merge_across_paths(void **state)
{
	static const char expected_body[] =
		"\n"
		"fl=(1) /app/index.php\n"
		"fn=(1) {main}\n"
		"1 30 0\n"
		"cfl=(2) /app/lib.php\n"
		"cfn=(2) foo\n"
		"calls=1 0 0\n"
		"2 40 0\n"
		"cfl=(2)\n"
		"cfn=(3) bar\n"
		"calls=1 0 0\n"
		"3 30 0\n"
		"\n"
		"fl=(2)\n"
		"fn=(2)\n"
		"3 20 0\n"
		"cfl=(2)\n"
		"cfn=(3)\n"
		"calls=2 0 0\n"
		"8 40 0\n"
		"\n"
		"fl=(2)\n"
		"fn=(3)\n"
		"20 50 0\n"
		"cfl=(2)\n"
		"cfn=(2)\n"
		"calls=1 0 0\n"
		"0 20 0\n"
		"\n"
		"summary: 100 0\n"
		"\n";
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(1, false);
	profiler_cachegrind_summary sum;
	const char *body;

	(void)state;
	ev(f, true, K_MAIN, 0, 0, 0, 0, 0);
	ev(f, true, K_FOO, 2, 1, 0, 0, 0);       /* main:2 -> foo */
	ev(f, true, K_BAR, 8, 2, 10, 0, 0);      /* foo:8 -> bar */
	ev(f, false, 0, 0, 2, 30, 0, 0);
	ev(f, false, 0, 0, 1, 40, 0, 0);
	ev(f, true, K_BAR, 3, 3, 40, 0, 0);      /* main:3 -> bar */
	ev(f, true, K_FOO, 0, 4, 50, 0, 0);      /* bar -> foo (line 0) */
	ev(f, true, K_BAR, 8, 5, 50, 0, 0);      /* foo:8 -> bar, on another path */
	ev(f, false, 0, 0, 5, 70, 0, 0);
	ev(f, false, 0, 0, 4, 70, 0, 0);
	ev(f, false, 0, 0, 3, 70, 0, 0);
	ev(f, false, 0, 0, 0, 100, 0, 0);
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, &sum));
	body = strstr(buf.data, "Memory_(bytes)\n");
	assert_non_null(body);
	assert_string_equal(body + strlen("Memory_(bytes)\n"), expected_body);
	assert_int_equal(sum.functions, 3);
	assert_int_equal(sum.edges, 4);
	mem_buffer_free(&buf);
	fixture_free(f);
}

/* Parses a part: returns the summary's time and the sum of the time column
 * of self cost lines (cost lines not right after a calls= line); checks
 * that every "(N)" reference was named before it was used bare. */
static void parse_part(const char *text, uint64_t *summary_time, uint64_t *self_time, uint64_t *self_mem,
	uint64_t *summary_mem, size_t *fn_blocks)
{
	const char *p = text;
	bool after_calls = false;
	static bool named_fn[100000];
	static bool named_fl[100000];

	*summary_time = *self_time = *self_mem = *summary_mem = 0;
	*fn_blocks = 0;
	memset(named_fn, 0, sizeof(named_fn));
	memset(named_fl, 0, sizeof(named_fl));
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len;
		assert_non_null(eol);
		len = (size_t)(eol - p);
		if (len > 0 && p[0] >= '0' && p[0] <= '9') {
			unsigned long long line, time, mem;
			assert_int_equal(sscanf(p, "%llu %llu %llu", &line, &time, &mem), 3);
			if (!after_calls) {
				*self_time += time;
				*self_mem += mem;
			}
			after_calls = false;
		} else if (strncmp(p, "calls=", 6) == 0) {
			after_calls = true;
		} else if (strncmp(p, "summary: ", 9) == 0) {
			unsigned long long t, m;
			assert_int_equal(sscanf(p + 9, "%llu %llu", &t, &m), 2);
			*summary_time = t;
			*summary_mem = m;
		} else if (strncmp(p, "fn=(", 4) == 0 || strncmp(p, "cfn=(", 5) == 0
				|| strncmp(p, "fl=(", 4) == 0 || strncmp(p, "cfl=(", 5) == 0) {
			bool is_fn = strstr(p, "fn=(") == p || strstr(p, "cfn=(") == p;
			const char *open = strchr(p, '(');
			char *close;
			unsigned long id = strtoul(open + 1, &close, 10);
			bool *named = is_fn ? named_fn : named_fl;
			assert_true(id >= 1 && id < 100000);
			assert_int_equal(*close, ')');
			if (close + 1 < eol) {
				/* "(N) name": only the first time */
				assert_int_equal(close[1], ' ');
				assert_false(named[id]);
				named[id] = true;
			} else {
				assert_true(named[id]);
			}
			if (strncmp(p, "fn=", 3) == 0) {
				(*fn_blocks)++;
			}
		}
		p = eol + 1;
	}
}

/* A big random tree, written through several text-buffer flushes, with a
 * tick rate that makes rounding matter: the summary is still the sum of the
 * self costs written. */
static void test_summary_is_sum_of_written_self_costs(void **state)
{
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(3, false);
	profiler_cachegrind_summary sum;
	uint64_t rng = 42, t = 0, mem = 0, summary_time, self_time, self_mem, summary_mem;
	size_t blocks;
	int depth = 0, i;

	(void)state;
	o.ticks_per_ns = 2.7;
	for (i = 0; i < 20000; i++) {
		uint64_t r = test_rand_next(&rng);
		t += r % 97;
		mem += (r >> 8) % 50;
		if (depth < 60 && (depth == 0 || (r >> 20) % 3 != 0)) {
			profiler_sample s = { t, mem, mem };
			profiler_recorder_enter(f->rec, 100 + (r >> 24) % 400, (uint32_t)((r >> 40) % 9), TAG(depth),
				depth ? TAG(depth - 1) : NULL, NULL, &s);
			depth++;
		} else {
			profiler_sample s = { t, mem, mem };
			depth--;
			profiler_recorder_leave(f->rec, TAG(depth), &s, false);
		}
	}
	while (depth > 0) {
		profiler_sample s = { t += 5, mem, mem };
		depth--;
		profiler_recorder_leave(f->rec, TAG(depth), &s, false);
	}
	assert_true(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, &sum));
	assert_true(buf.len > 3 * 8192); /* several buffer flushes */
	assert_true(buf.writes > 3);
	assert_non_null(strstr(buf.data, "\npart: 3\n"));
	parse_part(buf.data, &summary_time, &self_time, &self_mem, &summary_mem, &blocks);
	assert_int_equal(summary_time, self_time);
	assert_int_equal(summary_mem, self_mem);
	assert_int_equal(sum.time_10ns, self_time);
	assert_int_equal(blocks, sum.functions);
	assert_true(self_time > 0);
	mem_buffer_free(&buf);
	fixture_free(f);
}

static void test_output_failure_is_reported(void **state)
{
	fixture *f = fixture_new();
	mem_buffer buf = { 0 };
	profiler_cachegrind_options o = options(1, false);

	(void)state;
	record_small_script(f, true);
	/* every write fails */
	buf.fail_after_writes = 1;
	buf.writes = 1;
	assert_false(profiler_cachegrind_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, &o, NULL));
	mem_buffer_free(&buf);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_output),
		cmocka_unit_test(test_peak_memory_event_and_part),
		cmocka_unit_test(test_open_frames_are_not_written),
		cmocka_unit_test(test_empty_tree),
		cmocka_unit_test(test_negative_self_memory_and_summary),
		cmocka_unit_test(test_edges_merge_across_paths),
		cmocka_unit_test(test_summary_is_sum_of_written_self_costs),
		cmocka_unit_test(test_output_failure_is_reported),
	};
	return cmocka_run_group_tests_name("cachegrind", tests, NULL, NULL);
}
