/* The profiler's clock: raw ticks on the hot path, nanoseconds at write time.
 *
 * Reading the TSC costs a few cycles, clock_gettime() several times more, so
 * handlers store raw ticks and the conversion happens once, when a profile is
 * written. The TSC is only used where it is invariant (constant_tsc and
 * nonstop_tsc), otherwise ticks are nanoseconds of the system's monotonic
 * clock (CLOCK_MONOTONIC; Windows: QueryPerformanceCounter). */
#ifndef PROFILER_CLOCK_H
#define PROFILER_CLOCK_H

#include "platform.h"

#include <stdbool.h>
#include <stdint.h>

#define PROFILER_CLOCK_HAVE_TSC PROFILER_PLATFORM_HAVE_TSC

typedef enum {
	PROFILER_CLOCK_MONOTONIC = 0,
	PROFILER_CLOCK_TSC = 1,
} profiler_clock_source;

/* A calibration pairs a tick reading with a monotonic reading, so that any
 * later pair gives the tick rate over the span between them. */
typedef struct {
	profiler_clock_source source;
	uint64_t ticks0;
	uint64_t ns0;
} profiler_clock;

static inline uint64_t profiler_clock_monotonic_ns(void)
{
	return profiler_platform_monotonic_ns();
}

static inline uint64_t profiler_clock_ticks(const profiler_clock *clock)
{
#if PROFILER_CLOCK_HAVE_TSC
	if (clock->source == PROFILER_CLOCK_TSC) {
		return profiler_platform_rdtsc();
	}
#endif
	(void)clock;
	return profiler_clock_monotonic_ns();
}

/* Decides on the source from a /proc/cpuinfo "flags" text (NULL: ask the
 * CPU, profiler_platform_cpu_flags) and takes the first calibration
 * reading. */
void profiler_clock_init(profiler_clock *clock, const char *cpuinfo_flags);

/* True when a cpuinfo flags text says the TSC is invariant. */
bool profiler_clock_flags_say_invariant(const char *flags);

/* Ticks per nanosecond, measured between the init reading and now. Returns
 * 1.0 for the monotonic source. A span too short to measure falls back to a
 * short busy calibration. */
double profiler_clock_ticks_per_ns(const profiler_clock *clock);

/* Converts a tick count to nanoseconds with a rate from above. */
static inline uint64_t profiler_clock_ticks_to_ns(uint64_t ticks, double ticks_per_ns)
{
	return (uint64_t)((double)ticks / ticks_per_ns + 0.5);
}

const char *profiler_clock_source_name(profiler_clock_source source);

#endif
