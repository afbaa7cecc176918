/* Unit tests for src/lib/folded.{h,c}: trees made by the recorder, text
 * checked exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "call_tree.h"
#include "folded.h"
#include "func_table.h"
#include "recorder.h"
#include "recorder_private.h"

static uint64_t tag_space[256]; /* tags are even */
#define TAG(i) ((const void *)&tag_space[(i)])

enum { K_MAIN = 1, K_FOO = 2, K_STRLEN = 3, K_ODD = 4 };

typedef struct {
	profiler_func_table *funcs;
	profiler_recorder *rec;
} fixture;

static uint32_t resolve(void *user, uintptr_t key, const void *call)
{
	fixture *f = user;
	char name[32];
	(void)call;
	switch (key) {
		case K_MAIN:
			return profiler_func_table_intern(f->funcs, "{main}", 6, "/app/index.php", 14, 1);
		case K_FOO:
			return profiler_func_table_intern(f->funcs, "foo", 3, "/app/lib.php", 12, 3);
		case K_STRLEN:
			return profiler_func_table_intern(f->funcs, "strlen", 6, "php:internal", 12, PROFILER_LINE_CALL_SITE);
		case K_ODD:
			return profiler_func_table_intern(f->funcs, "{eval a;b c\nd}", 14, "/app/x.php", 10, 1);
		default:
			snprintf(name, sizeof(name), "g%lu", (unsigned long)key);
			return profiler_func_table_intern(f->funcs, name, strlen(name), "/app/g.php", 10, 1);
	}
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	profiler_recorder_options o = { 0, resolve, NULL, NULL };
	f->funcs = profiler_func_table_create();
	o.user = f;
	f->rec = profiler_recorder_create(&o);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	profiler_recorder_destroy(f->rec);
	profiler_func_table_destroy(f->funcs);
	free(f);
	return 0;
}

static void ev(fixture *f, bool is_enter, uintptr_t key, uint32_t line, int tag, uint64_t t)
{
	profiler_sample s = { t, 0, 0 };
	if (is_enter) {
		const void *caller = profiler_recorder_top_tag(f->rec);
		profiler_recorder_enter(f->rec, key, line, TAG(tag), caller, NULL, &s);
	} else {
		profiler_recorder_leave(f->rec, TAG(tag), &s, false);
	}
}

static char *write_folded(fixture *f, double ticks_per_ns, uint64_t *total)
{
	mem_buffer buf = { 0 };
	assert_true(profiler_folded_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs,
		ticks_per_ns, total));
	if (!buf.data) {
		return strdup("");
	}
	return buf.data;
}

static void test_exact_output(void **state)
{
	fixture *f = *state;
	uint64_t total = 0;
	char *text;

	/* the script of test_cachegrind.c: main -> foo x2 -> strlen; main -> strlen */
	ev(f, true, K_MAIN, 0, 0, 0);
	ev(f, true, K_FOO, 5, 1, 10);
	ev(f, true, K_STRLEN, 12, 2, 15);
	ev(f, false, 0, 0, 2, 18);
	ev(f, false, 0, 0, 1, 30);
	ev(f, true, K_FOO, 5, 1, 40);
	ev(f, true, K_STRLEN, 12, 2, 45);
	ev(f, false, 0, 0, 2, 47);
	ev(f, false, 0, 0, 1, 50);
	ev(f, true, K_STRLEN, 7, 3, 60);
	ev(f, false, 0, 0, 3, 61);
	ev(f, false, 0, 0, 0, 100);
	text = write_folded(f, 0.1, &total);
	assert_string_equal(text,
		"{main} 69\n"
		"{main};foo 25\n"
		"{main};foo;strlen 5\n"
		"{main};strlen 1\n");
	assert_int_equal(total, 100);
	free(text);
}

static void test_call_lines_are_merged(void **state)
{
	fixture *f = *state;
	uint64_t total = 0;
	char *text;

	ev(f, true, K_MAIN, 0, 0, 0);
	ev(f, true, K_FOO, 5, 1, 10);
	ev(f, true, K_STRLEN, 1, 2, 12);
	ev(f, false, 0, 0, 2, 13);
	ev(f, false, 0, 0, 1, 20);
	ev(f, true, K_FOO, 9, 1, 30);   /* same function, another line */
	ev(f, true, K_STRLEN, 2, 2, 31);
	ev(f, false, 0, 0, 2, 33);
	ev(f, false, 0, 0, 1, 45);
	ev(f, false, 0, 0, 0, 50);
	text = write_folded(f, 0.1, &total);
	assert_string_equal(text,
		"{main} 25\n"
		"{main};foo 22\n"
		"{main};foo;strlen 3\n");
	assert_int_equal(total, 50);
	free(text);
}

static void test_open_frames_are_not_lines(void **state)
{
	fixture *f = *state;
	uint64_t total = 99;
	char *text;

	ev(f, true, K_MAIN, 0, 0, 0);
	ev(f, true, K_FOO, 5, 1, 10);
	ev(f, true, K_STRLEN, 1, 2, 12);
	ev(f, false, 0, 0, 2, 14);
	/* main and foo are still open */
	text = write_folded(f, 0.1, &total);
	assert_string_equal(text, "{main};foo;strlen 2\n");
	assert_int_equal(total, 2);
	free(text);
}

static void test_empty_tree(void **state)
{
	fixture *f = *state;
	uint64_t total = 99;
	char *text = write_folded(f, 1.0, &total);
	assert_string_equal(text, "");
	assert_int_equal(total, 0);
	free(text);
	/* total is optional */
	text = write_folded(f, 1.0, NULL);
	free(text);
}

static void test_separators_in_names_are_replaced(void **state)
{
	fixture *f = *state;
	char *text;

	ev(f, true, K_MAIN, 0, 0, 0);
	ev(f, true, K_ODD, 1, 1, 0);
	ev(f, false, 0, 0, 1, 10);
	ev(f, false, 0, 0, 0, 10);
	text = write_folded(f, 0.1, NULL);
	assert_string_equal(text, "{main} 0\n{main};{eval_a_b_c_d} 10\n");
	free(text);
}

static void test_rounding_and_total(void **state)
{
	fixture *f = *state;
	uint64_t rng = 5, t = 0, total = 0, sum = 0;
	int depth = 0, i;
	char *text, *line, *save = NULL;
	size_t lines = 0;

	for (i = 0; i < 20000; i++) {
		uint64_t r = test_rand_next(&rng);
		t += r % 37;
		if (depth < 40 && (depth == 0 || (r >> 20) % 3 != 0)) {
			ev(f, true, 100 + (r >> 24) % 30, (uint32_t)((r >> 40) % 5), depth, t);
			depth++;
		} else {
			depth--;
			ev(f, false, 0, 0, depth, t);
		}
	}
	while (depth > 0) {
		depth--;
		ev(f, false, 0, 0, depth, t += 3);
	}
	text = write_folded(f, 2.7, &total);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *space = strrchr(line, ' ');
		char *end;
		assert_non_null(space);
		assert_null(strchr(line, '\n'));
		sum += strtoull(space + 1, &end, 10);
		assert_int_equal(*end, '\0');
		assert_true(space > line);
		lines++;
	}
	assert_true(lines > 100);
	assert_int_equal(sum, total);
	assert_true(total > 0);
	free(text);
}

static void test_output_failure_is_reported(void **state)
{
	fixture *f = *state;
	mem_buffer buf = { 0 };

	ev(f, true, K_MAIN, 0, 0, 0);
	ev(f, false, 0, 0, 0, 10);
	buf.fail_after_writes = 1;
	buf.writes = 1;
	assert_false(profiler_folded_write(mem_buffer_output(&buf), profiler_recorder_tree(f->rec), f->funcs, 1.0, NULL));
	mem_buffer_free(&buf);
}

/* A call at the bottom of a very deep recursion is one line; writing it
 * must not need C stack in proportion to the depth. Runs in a child with
 * an 8 MiB stack: 0 when the write worked, -1 when the child crashed. */
#define DEEP_PATH 500000

static bool count_bytes(void *ctx, const void *data, size_t len)
{
	(void)data;
	*(size_t *)ctx += len;
	return true;
}

static int write_deep_path(void *arg)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_func_table *funcs = profiler_func_table_create();
	uint32_t id = profiler_func_table_intern(funcs, "f", 1, "/r.php", 6, 2);
	profiler_call_node *n = profiler_call_tree_root(tree);
	size_t i, bytes = 0;
	uint64_t total = 0;
	profiler_output out = { count_bytes, &bytes };

	(void)arg;
	for (i = 0; i < DEEP_PATH; i++) {
		n = profiler_call_tree_add(tree, n, 16, 2, id);
		if (!n) {
			return 2;
		}
	}
	/* only the innermost call has ended: one line, "f;f;...;f 100" */
	n->calls_low = 1;
	n->incl_ticks = 1000;
	if (!profiler_folded_write(out, tree, funcs, 1.0, &total)) {
		return 3;
	}
	if (total != 100 || bytes != DEEP_PATH * 2 - 1 + 5) {
		return 4;
	}
	profiler_call_tree_destroy(tree);
	profiler_func_table_destroy(funcs);
	return 0;
}

static void test_very_deep_path(void **state)
{
	(void)state;
	assert_int_equal(run_with_stack_limit(write_deep_path, NULL, 8u << 20), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_exact_output),
		T(test_call_lines_are_merged),
		T(test_open_frames_are_not_lines),
		T(test_empty_tree),
		T(test_separators_in_names_are_replaced),
		T(test_rounding_and_total),
		T(test_output_failure_is_reported),
		cmocka_unit_test(test_very_deep_path),
	};
	return cmocka_run_group_tests_name("folded", tests, NULL, NULL);
}
