/* Unit tests for src/lib/clock.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

static void test_flags_invariant_detection(void **state)
{
	(void)state;
	assert_true(profiler_clock_flags_say_invariant("flags\t\t: fpu vme constant_tsc rep_good nonstop_tsc cpuid\n"));
	assert_true(profiler_clock_flags_say_invariant("constant_tsc nonstop_tsc"));
	assert_true(profiler_clock_flags_say_invariant("flags:constant_tsc\tnonstop_tsc\n"));
	/* both flags are needed */
	assert_false(profiler_clock_flags_say_invariant("flags : fpu constant_tsc tsc\n"));
	assert_false(profiler_clock_flags_say_invariant("flags : fpu nonstop_tsc tsc\n"));
	/* whole words only */
	assert_false(profiler_clock_flags_say_invariant("flags : xconstant_tsc nonstop_tsc\n"));
	assert_false(profiler_clock_flags_say_invariant("flags : constant_tsc_x nonstop_tsc\n"));
	assert_false(profiler_clock_flags_say_invariant("flags : constant_tsc nonstop_tscs\n"));
	/* a later whole-word occurrence is still found after a partial one */
	assert_true(profiler_clock_flags_say_invariant("flags : xconstant_tsc constant_tsc nonstop_tsc_x nonstop_tsc\n"));
	assert_false(profiler_clock_flags_say_invariant(""));
	assert_false(profiler_clock_flags_say_invariant(NULL));
}

static void test_monotonic_source_when_not_invariant(void **state)
{
	profiler_clock clock;
	uint64_t a, b;

	(void)state;
	profiler_clock_init(&clock, "flags : fpu tsc\n");
	assert_int_equal(clock.source, PROFILER_CLOCK_MONOTONIC);
	assert_true(profiler_clock_ticks_per_ns(&clock) == 1.0);
	assert_string_equal(profiler_clock_source_name(clock.source), "clock_gettime(CLOCK_MONOTONIC)");

	/* monotonic ticks are nanoseconds: they follow clock_gettime */
	a = profiler_clock_ticks(&clock);
	{
		struct timespec ts = { 0, 2000000 }; /* 2 ms */
		nanosleep(&ts, NULL);
	}
	b = profiler_clock_ticks(&clock);
	assert_true(b >= a + 2000000u);
	assert_true(b - a < 5000000000ull);
	assert_true(clock.ticks0 >= clock.ns0);
}

static void test_ticks_never_go_backwards(void **state)
{
	profiler_clock clock;
	uint64_t prev, now;
	int i;

	(void)state;
	profiler_clock_init(&clock, NULL);
	prev = profiler_clock_ticks(&clock);
	for (i = 0; i < 100000; i++) {
		now = profiler_clock_ticks(&clock);
		assert_true(now >= prev);
		prev = now;
	}
}

static void test_ticks_to_ns(void **state)
{
	(void)state;
	assert_int_equal(profiler_clock_ticks_to_ns(0, 1.0), 0);
	assert_int_equal(profiler_clock_ticks_to_ns(12345, 1.0), 12345);
	assert_int_equal(profiler_clock_ticks_to_ns(1000, 2.0), 500);
	assert_int_equal(profiler_clock_ticks_to_ns(1000, 0.5), 2000);
	/* rounds to nearest */
	assert_int_equal(profiler_clock_ticks_to_ns(3, 2.0), 2);   /* 1.5 -> 2 */
	assert_int_equal(profiler_clock_ticks_to_ns(5, 4.0), 1);   /* 1.25 -> 1 */
	assert_int_equal(profiler_clock_ticks_to_ns(7, 4.0), 2);   /* 1.75 -> 2 */
	assert_int_equal(profiler_clock_ticks_to_ns(3000000000000ull, 3.0), 1000000000000ull);
}

static void test_source_names(void **state)
{
	(void)state;
	assert_string_equal(profiler_clock_source_name(PROFILER_CLOCK_TSC), "tsc");
	assert_string_equal(profiler_clock_source_name(PROFILER_CLOCK_MONOTONIC), "clock_gettime(CLOCK_MONOTONIC)");
}

/* Reads /proc/cpuinfo's first flags line ourselves. */
static char *cpuinfo_flags(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char *line = NULL;
	size_t cap = 0;
	if (!f) {
		return NULL;
	}
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, "flags", 5) == 0) {
			fclose(f);
			return line;
		}
	}
	free(line);
	fclose(f);
	return NULL;
}

static void test_init_reads_real_cpuinfo(void **state)
{
	profiler_clock clock;
	char *flags = cpuinfo_flags();
	bool invariant = profiler_clock_flags_say_invariant(flags);

	(void)state;
	profiler_clock_init(&clock, NULL);
#if PROFILER_CLOCK_HAVE_TSC
	assert_int_equal(clock.source, invariant ? PROFILER_CLOCK_TSC : PROFILER_CLOCK_MONOTONIC);
#else
	(void)invariant;
	assert_int_equal(clock.source, PROFILER_CLOCK_MONOTONIC);
#endif
	free(flags);
}

static void test_tsc_calibration(void **state)
{
	(void)state;
#if PROFILER_CLOCK_HAVE_TSC
	{
		profiler_clock clock;
		double rate;
		uint64_t t0, t1, ns;
		struct timespec ts = { 0, 20000000 }; /* 20 ms */

		profiler_clock_init(&clock, "flags : constant_tsc nonstop_tsc\n");
		assert_int_equal(clock.source, PROFILER_CLOCK_TSC);
		/* right after init the span is too short: the busy calibration
		 * must still return a plausible rate (0.1 to 10 GHz) */
		rate = profiler_clock_ticks_per_ns(&clock);
		assert_true(rate > 0.1 && rate < 10.0);

		t0 = profiler_clock_ticks(&clock);
		nanosleep(&ts, NULL);
		t1 = profiler_clock_ticks(&clock);
		rate = profiler_clock_ticks_per_ns(&clock);
		ns = profiler_clock_ticks_to_ns(t1 - t0, rate);
		/* 20 ms slept: allow for scheduling noise, not for a wrong rate */
		assert_true(ns >= 15000000u);
		assert_true(ns < 2000000000u);
	}
#else
	skip();
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags_invariant_detection),
		cmocka_unit_test(test_monotonic_source_when_not_invariant),
		cmocka_unit_test(test_ticks_never_go_backwards),
		cmocka_unit_test(test_ticks_to_ns),
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_init_reads_real_cpuinfo),
		cmocka_unit_test(test_tsc_calibration),
	};
	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
