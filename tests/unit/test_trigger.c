/* Unit tests for src/lib/trigger.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "trigger.h"

static bool matches(const char *setting, const char *value)
{
	return profiler_trigger_value_matches(setting, value, value ? strlen(value) : 0);
}

static void test_setting_kinds(void **state)
{
	(void)state;
	assert_int_equal(profiler_trigger_setting_kind_of(NULL), PROFILER_TRIGGER_ANY_VALUE);
	assert_int_equal(profiler_trigger_setting_kind_of(""), PROFILER_TRIGGER_ANY_VALUE);
	assert_int_equal(profiler_trigger_setting_kind_of("a"), PROFILER_TRIGGER_LIST);
	assert_int_equal(profiler_trigger_setting_kind_of(" , a ,"), PROFILER_TRIGGER_LIST);
	assert_int_equal(profiler_trigger_setting_kind_of(","), PROFILER_TRIGGER_NO_VALUES);
	assert_int_equal(profiler_trigger_setting_kind_of(" "), PROFILER_TRIGGER_NO_VALUES);
	assert_int_equal(profiler_trigger_setting_kind_of(" , ,, \t"), PROFILER_TRIGGER_NO_VALUES);
}

static void test_empty_setting_matches_anything(void **state)
{
	(void)state;
	assert_true(matches("", "anything"));
	assert_true(matches("", ""));
	assert_true(matches(NULL, "x"));
	assert_true(profiler_trigger_value_matches("", "bin\0ary", 7));
	/* a trigger without a value still starts the profiler */
	assert_true(profiler_trigger_value_matches("", NULL, 0));
}

static void test_single_value(void **state)
{
	(void)state;
	assert_true(matches("secret", "secret"));
	assert_false(matches("secret", "wrong"));
	assert_false(matches("secret", ""));
	assert_false(matches("secret", "other!"));
}

static void test_exact_match_only(void **state)
{
	(void)state;
	assert_false(matches("secret", "secre"));      /* prefix */
	assert_false(matches("secret", "secrets"));    /* longer */
	assert_false(matches("secret", "ecret"));      /* suffix */
	assert_false(matches("secret", "xsecret"));
	assert_false(matches("secret", "Secret"));     /* case */
	assert_false(matches("secret", "SECRET"));
	assert_false(matches("secret", " secret"));    /* the value is not trimmed */
	assert_false(matches("secret", "secret "));
	/* the length is the value's length: a NUL does not end it */
	assert_false(profiler_trigger_value_matches("secret", "secret\0", 7));
	assert_false(profiler_trigger_value_matches("secret", "secret\0x", 8));
	assert_true(profiler_trigger_value_matches("secret", "secretXYZ", 6));
	assert_false(profiler_trigger_value_matches("secret", "secretXYZ", 5));
}

static void test_comma_list_trimmed(void **state)
{
	static const char setting[] = "alpha, beta ,gamma,\tdelta\t, two words ";
	(void)state;
	assert_true(matches(setting, "alpha"));
	assert_true(matches(setting, "beta"));
	assert_true(matches(setting, "gamma"));
	assert_true(matches(setting, "delta"));
	assert_true(matches(setting, "two words"));
	assert_false(matches(setting, "beta "));
	assert_false(matches(setting, " beta"));
	assert_false(matches(setting, "two"));
	assert_false(matches(setting, "alpha, beta"));
	assert_false(matches(setting, "alpha,"));
	assert_false(matches(setting, ","));
	assert_false(matches(setting, ""));
	assert_false(matches(setting, "Alpha"));
	/* surrounding spaces of a single value are trimmed too */
	assert_true(matches("   secret   ", "secret"));
	/* empty entries are skipped, not matched by an empty value */
	assert_true(matches(",,a,,", "a"));
	assert_false(matches(",,a,,", ""));
	assert_false(matches("a, ,b", ""));
	assert_false(matches("a, ,b", " "));
	/* the last entry matches as well as the first */
	assert_true(matches("x,y,z,last", "last"));
}

static void test_only_commas_and_spaces_match_nothing(void **state)
{
	(void)state;
	assert_false(matches(",", ""));
	assert_false(matches(",", ","));
	assert_false(matches(" , ,, ", ""));
	assert_false(matches(" , ,, ", " "));
	assert_false(matches(" , ,, ", "anything"));
	assert_false(matches("   ", ""));
}

static void test_null_value(void **state)
{
	(void)state;
	assert_false(profiler_trigger_value_matches("secret", NULL, 0));
	assert_false(profiler_trigger_value_matches("a,b", NULL, 0));
	assert_false(profiler_trigger_value_matches(",", NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setting_kinds),
		cmocka_unit_test(test_empty_setting_matches_anything),
		cmocka_unit_test(test_single_value),
		cmocka_unit_test(test_exact_match_only),
		cmocka_unit_test(test_comma_list_trimmed),
		cmocka_unit_test(test_only_commas_and_spaces_match_nothing),
		cmocka_unit_test(test_null_value),
	};
	return cmocka_run_group_tests_name("trigger", tests, NULL, NULL);
}
