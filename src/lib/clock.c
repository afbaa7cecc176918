/* Clock source choice and tick-rate calibration; see clock.h. */
#include "clock.h"

#include <stdlib.h>
#include <string.h>

static bool has_flag(const char *flags, const char *flag)
{
	size_t len = strlen(flag);
	const char *p = flags;

	while ((p = strstr(p, flag)) != NULL) {
		bool starts = (p == flags) || p[-1] == ' ' || p[-1] == '\t' || p[-1] == ':';
		bool ends = p[len] == '\0' || p[len] == ' ' || p[len] == '\n' || p[len] == '\t';
		if (starts && ends) {
			return true;
		}
		p += len;
	}
	return false;
}

bool profiler_clock_flags_say_invariant(const char *flags)
{
	return flags && has_flag(flags, "constant_tsc") && has_flag(flags, "nonstop_tsc");
}

void profiler_clock_init(profiler_clock *clock, const char *cpuinfo_flags)
{
	clock->source = PROFILER_CLOCK_MONOTONIC;
#if PROFILER_CLOCK_HAVE_TSC
	if (cpuinfo_flags) {
		if (profiler_clock_flags_say_invariant(cpuinfo_flags)) {
			clock->source = PROFILER_CLOCK_TSC;
		}
	} else {
		char *flags = profiler_platform_cpu_flags();
		if (profiler_clock_flags_say_invariant(flags)) {
			clock->source = PROFILER_CLOCK_TSC;
		}
		free(flags);
	}
#else
	(void)cpuinfo_flags;
#endif
	clock->ns0 = profiler_clock_monotonic_ns();
	clock->ticks0 = profiler_clock_ticks(clock);
}

double profiler_clock_ticks_per_ns(const profiler_clock *clock)
{
	uint64_t ns, ticks;

	if (clock->source == PROFILER_CLOCK_MONOTONIC) {
		return 1.0;
	}
	ns = profiler_clock_monotonic_ns();
	ticks = profiler_clock_ticks(clock);
	/* Below a millisecond the two readings' own jitter would matter: wait
	 * until the span is long enough. This only happens for tiny scripts. */
	while (ns - clock->ns0 < 1000000u) {
		ns = profiler_clock_monotonic_ns();
		ticks = profiler_clock_ticks(clock);
	}
	if (ticks <= clock->ticks0) {
		return 1.0;
	}
	return (double)(ticks - clock->ticks0) / (double)(ns - clock->ns0);
}

const char *profiler_clock_source_name(profiler_clock_source source)
{
	return source == PROFILER_CLOCK_TSC ? "tsc" : PROFILER_PLATFORM_MONOTONIC_NAME;
}
