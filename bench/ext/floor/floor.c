/*
 * floor: benchmark-only PHP extension.
 *
 * Registers a function-call observer whose begin/end handlers do the
 * minimum any real profiler must do per call: read a clock and read the
 * Zend memory usage. The values are written to volatile globals so the
 * compiler cannot drop the reads. Nothing else is recorded.
 *
 * Its overhead over plain PHP is the "floor" against which the profiler's
 * overhead is judged.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <stdint.h>
#include "php.h"
#include "zend_observer.h"

#if defined(__x86_64__) || defined(__i386__)
# include <x86intrin.h>
static inline uint64_t floor_clock(void)
{
	return (uint64_t) __rdtsc();
}
#else
# include <time.h>
static inline uint64_t floor_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}
#endif

volatile uint64_t floor_sink_clock;
volatile size_t floor_sink_memory;

static void floor_begin(zend_execute_data *execute_data)
{
	(void) execute_data;
	floor_sink_clock = floor_clock();
	floor_sink_memory = zend_memory_usage(0);
}

static void floor_end(zend_execute_data *execute_data, zval *return_value)
{
	(void) execute_data;
	(void) return_value;
	floor_sink_clock = floor_clock();
	floor_sink_memory = zend_memory_usage(0);
}

static zend_observer_fcall_handlers floor_observer_init(zend_execute_data *execute_data)
{
	(void) execute_data;
	return (zend_observer_fcall_handlers) { floor_begin, floor_end };
}

static PHP_MINIT_FUNCTION(floor)
{
	(void) type;
	(void) module_number;
	zend_observer_fcall_register(floor_observer_init);
	return SUCCESS;
}

zend_module_entry floor_module_entry = {
	STANDARD_MODULE_HEADER,
	"floor",
	NULL,               /* functions */
	PHP_MINIT(floor),
	NULL,               /* MSHUTDOWN */
	NULL,               /* RINIT */
	NULL,               /* RSHUTDOWN */
	NULL,               /* MINFO */
	"0.1.0",
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_FLOOR
ZEND_GET_MODULE(floor)
#endif
