/* Every difference between the PHP versions profiler builds against, 8.2
 * to 8.5, each behind one PHP_VERSION_ID guard, so the rest of src/php calls
 * one spelling. Each guard was checked against that version's php-src
 * headers (Zend/zend_observer.h, Zend/zend_extensions.h); 8.2 and 8.4 are
 * also built and tested here, 8.3 and 8.5 only read (docs/install.md). */
#ifndef PROFILER_COMPAT_H
#define PROFILER_COMPAT_H

#include "php.h"
#include "Zend/zend_extensions.h"
#include "Zend/zend_observer.h"

#if PHP_VERSION_ID < 80200 || PHP_VERSION_ID >= 80600
# error "profiler supports PHP 8.2 to 8.5"
#endif

/* Removing an observer handler. Since 8.4 the engine reports, in next, the
 * handler that moved into the removed one's place: a handler that removes
 * itself while it runs must call next, or the engine, which walks on to the
 * following slot, skips that observer for this call. Before 8.4 nothing
 * says which handler moved: next is NULL, and such a removal skips the next
 * observer once. */
static zend_always_inline void profiler_compat_remove_begin_handler(zend_function *func,
	zend_observer_fcall_begin_handler handler, zend_observer_fcall_begin_handler *next)
{
	*next = NULL;
#if PHP_VERSION_ID >= 80400
	zend_observer_remove_begin_handler(func, handler, next);
#else
	zend_observer_remove_begin_handler(func, handler);
#endif
}

static zend_always_inline void profiler_compat_remove_end_handler(zend_function *func,
	zend_observer_fcall_end_handler handler, zend_observer_fcall_end_handler *next)
{
	*next = NULL;
#if PHP_VERSION_ID >= 80400
	zend_observer_remove_end_handler(func, handler, next);
#else
	zend_observer_remove_end_handler(func, handler);
#endif
}

/* One pointer-sized slot in every function's run-time cache. Up to 8.3,
 * user and internal functions share one numbering of extension slots; since
 * 8.4, internal functions number theirs apart
 * (zend_get_internal_function_extension_handle), and an op_array handle used
 * on an internal function lands in the observer's own slots. Taken at
 * startup, before any function has a run-time cache. */
typedef struct {
	int user;
	int internal;
} profiler_compat_slot;

static inline profiler_compat_slot profiler_compat_reserve_slot(const char *module_name)
{
	profiler_compat_slot slot;

	slot.user = zend_get_op_array_extension_handle(module_name);
#if PHP_VERSION_ID >= 80400
	slot.internal = zend_get_internal_function_extension_handle(module_name);
#else
	slot.internal = slot.user;
#endif
	return slot;
}

static zend_always_inline void **profiler_compat_slot_of(profiler_compat_slot slot, zend_function *func)
{
#if PHP_VERSION_ID >= 80400
	int handle = ZEND_USER_CODE(func->type) ? slot.user : slot.internal;
#else
	int handle = slot.user;
#endif

	return (void **)RUN_TIME_CACHE(&func->common) + handle;
}

/* The heap's usage counters, read without a call per reading where their
 * place is known. struct _zend_mm_heap is private to Zend/zend_alloc.c;
 * read there in 8.2, 8.3 and 8.4, it starts with use_custom_heap (an int,
 * padded), storage (a pointer), size and peak, as long as ZEND_MM_CUSTOM,
 * ZEND_MM_STORAGE and ZEND_MM_STAT keep their default 1, which a build may
 * override. So the place is a fact of the version, given in size_t words,
 * and whether this build kept the defaults is confirmed at run time against
 * zend_memory_usage() and zend_memory_peak_usage() (see
 * profiler_observer_find_heap_counters). 8.5's zend_alloc.c was not read:
 * there, only the public functions. */
#if PHP_VERSION_ID < 80500
# define PROFILER_COMPAT_HEAP_SIZE_WORD 2
# define PROFILER_COMPAT_HEAP_PEAK_WORD 3
#endif

#endif
