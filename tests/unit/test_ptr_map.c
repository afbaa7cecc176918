/* Unit tests for src/lib/ptr_map.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "ptr_map.h"

static void test_empty_map(void **state)
{
	profiler_ptr_map *map = profiler_ptr_map_create();
	uintptr_t v = 77;

	(void)state;
	assert_non_null(map);
	assert_int_equal(profiler_ptr_map_count(map), 0);
	assert_false(profiler_ptr_map_get(map, 0x1000, &v));
	assert_int_equal(v, 77); /* untouched on a miss */
	assert_false(profiler_ptr_map_remove(map, 0x1000));
	assert_true(profiler_ptr_map_memory(map) > 0);
	profiler_ptr_map_destroy(map);
	profiler_ptr_map_destroy(NULL);
}

static void test_put_get_replace_remove(void **state)
{
	profiler_ptr_map *map = profiler_ptr_map_create();
	uintptr_t v = 0;

	(void)state;
	assert_true(profiler_ptr_map_put(map, 0x1000, 1));
	assert_true(profiler_ptr_map_put(map, 0x2000, 2));
	assert_int_equal(profiler_ptr_map_count(map), 2);
	assert_true(profiler_ptr_map_get(map, 0x1000, &v));
	assert_int_equal(v, 1);
	assert_true(profiler_ptr_map_get(map, 0x2000, &v));
	assert_int_equal(v, 2);

	/* replacing keeps the count */
	assert_true(profiler_ptr_map_put(map, 0x1000, 11));
	assert_int_equal(profiler_ptr_map_count(map), 2);
	assert_true(profiler_ptr_map_get(map, 0x1000, &v));
	assert_int_equal(v, 11);

	/* a value of 0 is a value like any other */
	assert_true(profiler_ptr_map_put(map, 0x3000, 0));
	v = 99;
	assert_true(profiler_ptr_map_get(map, 0x3000, &v));
	assert_int_equal(v, 0);

	assert_true(profiler_ptr_map_remove(map, 0x1000));
	assert_false(profiler_ptr_map_get(map, 0x1000, &v));
	assert_false(profiler_ptr_map_remove(map, 0x1000));
	assert_int_equal(profiler_ptr_map_count(map), 2);
	assert_true(profiler_ptr_map_get(map, 0x2000, &v));
	assert_int_equal(v, 2);
	profiler_ptr_map_destroy(map);
}

static void test_key_zero_cannot_be_put(void **state)
{
	profiler_ptr_map *map = profiler_ptr_map_create();

	(void)state;
	assert_false(profiler_ptr_map_put(map, 0, 42));
	assert_int_equal(profiler_ptr_map_count(map), 0);
	profiler_ptr_map_destroy(map);
}

static int map_setup(void **state)
{
	*state = profiler_ptr_map_create();
	return *state ? 0 : -1;
}

static int map_teardown(void **state)
{
	profiler_ptr_map_destroy(*state);
	return 0;
}

/* Key 0 is reserved (it marks empty slots), so it is never present. */
static void test_key_zero_is_never_found(void **state)
{
	profiler_ptr_map *map = *state;
	uintptr_t v = 5;

	assert_false(profiler_ptr_map_get(map, 0, &v));
	profiler_ptr_map_put(map, 0x40, 1);
	assert_false(profiler_ptr_map_get(map, 0, &v));
}

static void test_key_zero_remove_changes_nothing(void **state)
{
	profiler_ptr_map *map = *state;
	uintptr_t v = 0;

	profiler_ptr_map_put(map, 0x40, 1);
	assert_false(profiler_ptr_map_remove(map, 0));
	assert_int_equal(profiler_ptr_map_count(map), 1);
	assert_true(profiler_ptr_map_get(map, 0x40, &v));
	assert_int_equal(v, 1);
}

static void test_growth_keeps_everything(void **state)
{
	profiler_ptr_map *map = profiler_ptr_map_create();
	size_t mem0 = profiler_ptr_map_memory(map);
	uintptr_t i, v;

	(void)state;
	/* pointer-like keys: aligned, so the low bits are all zero */
	for (i = 1; i <= 20000; i++) {
		assert_true(profiler_ptr_map_put(map, i * 64, i));
	}
	assert_int_equal(profiler_ptr_map_count(map), 20000);
	assert_true(profiler_ptr_map_memory(map) > mem0);
	for (i = 1; i <= 20000; i++) {
		assert_true(profiler_ptr_map_get(map, i * 64, &v));
		assert_int_equal(v, i);
	}
	assert_false(profiler_ptr_map_get(map, 20001 * 64, &v));
	profiler_ptr_map_destroy(map);
}

static void test_remove_keeps_probe_runs_intact(void **state)
{
	profiler_ptr_map *map = profiler_ptr_map_create();
	uintptr_t i, v;

	(void)state;
	for (i = 1; i <= 5000; i++) {
		profiler_ptr_map_put(map, i * 8, i);
	}
	/* remove every other key, then every key must still be (or not be) found */
	for (i = 1; i <= 5000; i += 2) {
		assert_true(profiler_ptr_map_remove(map, i * 8));
	}
	assert_int_equal(profiler_ptr_map_count(map), 2500);
	for (i = 1; i <= 5000; i++) {
		bool found = profiler_ptr_map_get(map, i * 8, &v);
		if (i % 2) {
			assert_false(found);
		} else {
			assert_true(found);
			assert_int_equal(v, i);
		}
	}
	profiler_ptr_map_destroy(map);
}

/* Random operations on a small key space (many collisions, much
 * wrapping) against a reference array. */
static void test_random_against_reference(void **state)
{
	enum { KEYS = 300, OPS = 200000 };
	uintptr_t ref[KEYS + 1];
	bool present[KEYS + 1];
	profiler_ptr_map *map = profiler_ptr_map_create();
	uint64_t rng = 0x9e3779b97f4a7c15ull;
	size_t count = 0;
	int op;

	(void)state;
	memset(present, 0, sizeof(present));
	for (op = 0; op < OPS; op++) {
		uint64_t r = test_rand_next(&rng);
		size_t k = 1 + (size_t)(r % KEYS);
		/* keys that share the low bits and differ above, as pointers do */
		uintptr_t key = (uintptr_t)k << 12;
		uintptr_t v;
		switch ((r >> 32) % 3) {
			case 0:
			case 1:
				assert_true(profiler_ptr_map_put(map, key, (uintptr_t)op));
				if (!present[k]) {
					count++;
				}
				present[k] = true;
				ref[k] = (uintptr_t)op;
				break;
			default:
				assert_int_equal(profiler_ptr_map_remove(map, key), present[k]);
				if (present[k]) {
					count--;
				}
				present[k] = false;
				break;
		}
		if (op % 1000 == 0) {
			size_t j;
			for (j = 1; j <= KEYS; j++) {
				bool found = profiler_ptr_map_get(map, (uintptr_t)j << 12, &v);
				assert_int_equal(found, present[j]);
				if (found) {
					assert_int_equal(v, ref[j]);
				}
			}
		}
		assert_int_equal(profiler_ptr_map_count(map), count);
	}
	profiler_ptr_map_destroy(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_put_get_replace_remove),
		cmocka_unit_test(test_key_zero_cannot_be_put),
		cmocka_unit_test_setup_teardown(test_key_zero_is_never_found, map_setup, map_teardown),
		cmocka_unit_test_setup_teardown(test_key_zero_remove_changes_nothing, map_setup, map_teardown),
		cmocka_unit_test(test_growth_keeps_everything),
		cmocka_unit_test(test_remove_keeps_probe_runs_intact),
		cmocka_unit_test(test_random_against_reference),
	};
	return cmocka_run_group_tests_name("ptr_map", tests, NULL, NULL);
}
