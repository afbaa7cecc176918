/* Unit tests for src/lib/func_table.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "func_table.h"

#define INTERN(t, name, file, line) \
	profiler_func_table_intern((t), (name), strlen(name), (file), strlen(file), (line))

static void test_intern_dedups_and_numbers_from_zero(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	uint32_t a, b, c, a2;

	(void)state;
	assert_non_null(t);
	assert_int_equal(profiler_func_table_count(t), 0);
	a = INTERN(t, "foo", "/app/a.php", 3);
	b = INTERN(t, "bar", "/app/a.php", 9);
	c = INTERN(t, "foo", "/app/b.php", 3); /* same name, other file: other function */
	a2 = INTERN(t, "foo", "/app/a.php", 3);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	assert_int_equal(c, 2);
	assert_int_equal(a2, a);
	assert_int_equal(profiler_func_table_count(t), 3);
	assert_int_equal(profiler_func_table_file_count(t), 2);
	profiler_func_table_destroy(t);
	profiler_func_table_destroy(NULL);
}

static void test_info_and_files(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	const profiler_func_info *info;
	const char *file;
	size_t len;
	uint32_t id, internal;

	(void)state;
	id = INTERN(t, "App\\Model::save", "/srv/app/Model.php", 42);
	internal = INTERN(t, "strlen", "php:internal", PROFILER_LINE_CALL_SITE);

	info = profiler_func_table_get(t, id);
	assert_non_null(info);
	assert_int_equal(info->name_len, strlen("App\\Model::save"));
	assert_memory_equal(info->name, "App\\Model::save", info->name_len);
	assert_int_equal(info->self_line, 42);
	file = profiler_func_table_file(t, info->file_id, &len);
	assert_int_equal(len, strlen("/srv/app/Model.php"));
	assert_memory_equal(file, "/srv/app/Model.php", len);

	info = profiler_func_table_get(t, internal);
	assert_int_equal(info->self_line, PROFILER_LINE_CALL_SITE);
	file = profiler_func_table_file(t, info->file_id, &len);
	assert_string_equal(file, "php:internal");

	/* the first intern decides the self line */
	assert_int_equal(INTERN(t, "strlen", "php:internal", 77), internal);
	assert_int_equal(profiler_func_table_get(t, internal)->self_line, PROFILER_LINE_CALL_SITE);

	/* out of range */
	assert_null(profiler_func_table_get(t, 2));
	assert_null(profiler_func_table_get(t, PROFILER_FUNC_NONE));
	len = 99;
	file = profiler_func_table_file(t, 2, &len);
	assert_non_null(file);
	assert_int_equal(len, 0);
	profiler_func_table_destroy(t);
}

static void test_names_are_byte_strings(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	uint32_t a, b, c, d;
	const profiler_func_info *info;

	(void)state;
	/* embedded NUL and length matter; a name is not a C string */
	a = profiler_func_table_intern(t, "f\0x", 3, "file", 4, 1);
	b = profiler_func_table_intern(t, "f\0y", 3, "file", 4, 1);
	c = profiler_func_table_intern(t, "f", 1, "file", 4, 1);
	d = profiler_func_table_intern(t, "", 0, "", 0, 0);
	assert_int_not_equal(a, b);
	assert_int_not_equal(a, c);
	assert_int_not_equal(b, c);
	assert_int_not_equal(d, PROFILER_FUNC_NONE);
	info = profiler_func_table_get(t, b);
	assert_int_equal(info->name_len, 3);
	assert_memory_equal(info->name, "f\0y", 3);
	info = profiler_func_table_get(t, d);
	assert_int_equal(info->name_len, 0);
	assert_int_equal(profiler_func_table_count(t), 4);
	assert_int_equal(profiler_func_table_file_count(t), 2);
	profiler_func_table_destroy(t);
}

static void test_long_names(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	char name[5000];
	uint32_t a, b;
	const profiler_func_info *info;

	(void)state;
	memset(name, 'n', sizeof(name));
	a = profiler_func_table_intern(t, name, sizeof(name), "f.php", 5, 1);
	name[sizeof(name) - 1] = 'm';
	b = profiler_func_table_intern(t, name, sizeof(name), "f.php", 5, 1);
	assert_int_not_equal(a, b);
	assert_int_equal(profiler_func_table_intern(t, name, sizeof(name), "f.php", 5, 1), b);
	info = profiler_func_table_get(t, b);
	assert_int_equal(info->name_len, sizeof(name));
	assert_memory_equal(info->name, name, sizeof(name));
	/* 252 and 253 bytes straddle the small-key buffer */
	assert_int_not_equal(profiler_func_table_intern(t, name, 252, "f.php", 5, 1),
		profiler_func_table_intern(t, name, 253, "f.php", 5, 1));
	profiler_func_table_destroy(t);
}

static void test_many_functions_stay_stable(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	const profiler_func_info *first;
	char name[64], file[64];
	uint32_t i, id;
	size_t mem0 = profiler_func_table_memory(t);

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof(name), "func_%u", i);
		snprintf(file, sizeof(file), "/app/file_%u.php", i % 37);
		id = INTERN(t, name, file, i + 1);
		assert_int_equal(id, i);
	}
	assert_int_equal(profiler_func_table_count(t), 5000);
	assert_int_equal(profiler_func_table_file_count(t), 37);
	assert_true(profiler_func_table_memory(t) > mem0);
	for (i = 0; i < 5000; i++) {
		const profiler_func_info *info = profiler_func_table_get(t, i);
		size_t len;
		const char *f;
		snprintf(name, sizeof(name), "func_%u", i);
		snprintf(file, sizeof(file), "/app/file_%u.php", i % 37);
		assert_non_null(info);
		assert_int_equal(info->name_len, strlen(name));
		assert_memory_equal(info->name, name, info->name_len);
		assert_int_equal(info->self_line, i + 1);
		f = profiler_func_table_file(t, info->file_id, &len);
		assert_int_equal(len, strlen(file));
		assert_memory_equal(f, file, len);
		assert_int_equal(INTERN(t, name, file, 0), i);
	}
	first = profiler_func_table_get(t, 0);
	assert_memory_equal(first->name, "func_0", 6);
	profiler_func_table_destroy(t);
}

static void test_key_bindings(void **state)
{
	profiler_func_table *t = profiler_func_table_create();
	uint32_t foo = INTERN(t, "foo", "a.php", 1);
	uint32_t bar = INTERN(t, "bar", "a.php", 5);
	uint32_t id = 12345;

	(void)state;
	assert_false(profiler_func_table_find_key(t, 0x1000, &id));
	assert_int_equal(id, 12345);
	profiler_func_table_bind_key(t, 0x1000, foo);
	profiler_func_table_bind_key(t, 0x2000, foo); /* a second closure object, same function */
	profiler_func_table_bind_key(t, 0x3000, bar);
	assert_true(profiler_func_table_find_key(t, 0x1000, &id));
	assert_int_equal(id, foo);
	assert_true(profiler_func_table_find_key(t, 0x2000, &id));
	assert_int_equal(id, foo);
	assert_true(profiler_func_table_find_key(t, 0x3000, &id));
	assert_int_equal(id, bar);
	/* rebinding a reused pointer */
	profiler_func_table_bind_key(t, 0x1000, bar);
	assert_true(profiler_func_table_find_key(t, 0x1000, &id));
	assert_int_equal(id, bar);

	profiler_func_table_forget_keys(t);
	assert_false(profiler_func_table_find_key(t, 0x1000, &id));
	assert_false(profiler_func_table_find_key(t, 0x2000, &id));
	assert_false(profiler_func_table_find_key(t, 0x3000, &id));
	/* ids survive */
	assert_int_equal(profiler_func_table_count(t), 2);
	assert_int_equal(INTERN(t, "bar", "a.php", 5), bar);
	profiler_func_table_bind_key(t, 0x3000, foo);
	assert_true(profiler_func_table_find_key(t, 0x3000, &id));
	assert_int_equal(id, foo);
	profiler_func_table_destroy(t);
}

static int table_setup(void **state)
{
	*state = profiler_func_table_create();
	return *state ? 0 : -1;
}

static int table_teardown(void **state)
{
	profiler_func_table_destroy(*state);
	return 0;
}

/* A key that was never bound is not found, whatever its value; the engine
 * never passes NULL, but a lookup must not invent function 0 for it. */
static void test_unbound_zero_key_is_not_found(void **state)
{
	profiler_func_table *t = *state;
	uint32_t id = 12345;

	INTERN(t, "foo", "a.php", 1);
	assert_false(profiler_func_table_find_key(t, 0, &id));
	assert_int_equal(id, 12345);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intern_dedups_and_numbers_from_zero),
		cmocka_unit_test(test_info_and_files),
		cmocka_unit_test(test_names_are_byte_strings),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_many_functions_stay_stable),
		cmocka_unit_test(test_key_bindings),
		cmocka_unit_test_setup_teardown(test_unbound_zero_key_is_not_found, table_setup, table_teardown),
	};
	return cmocka_run_group_tests_name("func_table", tests, NULL, NULL);
}
