/* The profiler extension's module entry and its module globals: settings
 * and per-request state, one set per thread under ZTS. What is decided once
 * per process lives in profiler_process (src/php/engine.h). */
#ifndef PHP_PROFILER_H
#define PHP_PROFILER_H

#include "php.h"
#include "Zend/zend_observer.h"

#include "src/lib/clock.h"
#include "src/lib/func_table.h"
#include "src/lib/log.h"
#include "src/lib/recorder.h"
#include "src/lib/sink.h"

extern zend_module_entry profiler_module_entry;
#define phpext_profiler_ptr &profiler_module_entry

#define PHP_PROFILER_VERSION "0.1.0"

typedef enum {
	PROFILER_MODE_OFF = 0,
	PROFILER_MODE_PROFILE = 1,
} profiler_mode;

/* A named function whose observer handlers are switched on and off with
 * profiling (see src/php/observer.c): the pair for profiles that take the
 * fast path, the pair for the others, and the pair it has while on. */
typedef struct {
	zend_function *func;
	zend_observer_fcall_handlers fast, general, installed;
} profiler_observed_function;

ZEND_BEGIN_MODULE_GLOBALS(profiler)
	/* settings */
	char *mode_setting;
	char *output_dir;
	char *output_name;
	char *start_with_request;
	char *trigger_value;
	bool use_compression;
	bool append;
	char *log_path;
	zend_long log_level;
	zend_long max_tree_memory;
	zend_long fail_writes_after;
	char *output_format;
	bool peak_memory;

	/* request state */
	bool recording;          /* the hot path checks only this */
	/* the heap's usage counters, read directly where their place is known
	 * (see compat.h); NULL: call zend_memory_usage() */
	const size_t *heap_usage;
	const size_t *heap_peak;
	long recording_pid;
	profiler_recorder *recorder;
	/* the recorder's current context, which the handlers start from: one
	 * load instead of two (see profiler_observer_follow_context) */
	struct profiler_context *context;
	/* where named functions were last found in the tree, and which tree
	 * that is (see observer.c): the epoch changes whenever nodes are freed */
	uintptr_t node_epoch;
	struct profiler_remembered_node *remembered;
	size_t remembered_count, remembered_cap;
	profiler_func_table *funcs;
	profiler_sink *sink;          /* Cachegrind, or NULL when not wanted */
	profiler_sink *folded_sink;   /* folded stacks, or NULL when not wanted */
	unsigned part;
	char *filename;          /* full path of the profile being written */
	char *folded_filename;
	bool session_peak_memory;
	/* what the handlers' fast path assumes: the heap counter is read
	 * directly and peak memory is off */
	bool fast_path;
	HashTable used_paths;    /* paths written in this request: windows never share one */
	bool used_paths_ready;
	char *cmd;
	char activation[256];    /* why this request is or is not profiled */
	profiler_log *log;
	/* named functions met in this request, and whether they have handlers */
	profiler_observed_function *observed;
	size_t observed_count, observed_cap;
	bool handlers_on;
ZEND_END_MODULE_GLOBALS(profiler)

ZEND_EXTERN_MODULE_GLOBALS(profiler)
#if !defined(ZTS) && defined(__GNUC__)
/* Nothing outside the extension names its globals (PHP reaches them through
 * the module entry), so the engine hooks address them directly rather than
 * through the GOT: one load less per handler. */
extern zend_profiler_globals profiler_globals __attribute__((visibility("hidden")));
#endif
#define PROFILER_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(profiler, v)

#if defined(ZTS) && defined(COMPILE_DL_PROFILER)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
