/* Declarations shared by the Zend-facing files of the extension. Everything
 * under src/lib is plain C; only src/php/ includes PHP's headers. */
#ifndef PROFILER_ENGINE_H
#define PROFILER_ENGINE_H

#include "php.h"
#include "php_profiler.h"
#include "compat.h"

/* Decided once, at startup (MINIT), before any thread serves a request, and
 * only read afterwards: the same for every thread, so a process global. A
 * ZTS thread's module globals are its own and start zeroed, so these could
 * not live there. */
typedef struct {
	profiler_mode mode;
	const char *mode_source;
	profiler_clock clock;
	/* the first thread's log, whose kept messages are startup's */
	const profiler_log *startup_log;
} profiler_process_state;

extern profiler_process_state profiler_process;

/* The module globals of the running thread, looked up once per engine event
 * and passed down: under ZTS every PROFILER_G() is a thread-local lookup. */
#define PROFILER_GLOBALS() ZEND_MODULE_GLOBALS_BULK(profiler)

/* observer.c: the engine hooks */
void profiler_observer_register(void);
/* the function key and call-site line the hot path uses for a frame */
uint32_t profiler_resolve_function(void *user, uintptr_t key, const void *call);

/* outside a profile, named functions get no handlers at all */
void profiler_observer_switch_handlers(bool on);
void profiler_observer_request_start(void);
void profiler_observer_find_heap_counters(void);
/* the counters as the handlers read them (peak: 0 unless wanted) */
void profiler_observer_read_sample(profiler_sample *now);
void profiler_observer_request_end(void);
/* pushes the frames open right now, outermost first, into the recorder */
void profiler_observer_join_open_frames(void);
/* PROFILER_G(context) follows the recorder's current context: after the
 * recorder is made or destroyed (and on every fiber switch, in observer.c) */
void profiler_observer_follow_context(void);
/* the tree's nodes are freed, or about to be: functions forget theirs */
void profiler_observer_forget_nodes(void);

/* naming.c: Xdebug-compatible names for a frame's function */
uint32_t profiler_name_function(profiler_func_table *funcs, zend_execute_data *ex);
/* true when the name holds the call site (call_user_func and kin), so a
 * function's name cannot be reused across call sites */
bool profiler_name_has_call_site(const zend_function *func);
bool profiler_name_mentions_call_user_func(const zend_function *func);
/* true when the frame runs top-level code (a script, include or eval) */
static inline bool profiler_is_top_level(const zend_function *func)
{
	return func->type != ZEND_INTERNAL_FUNCTION && func->common.function_name == NULL;
}

/* session.c: one profile from start to commit */
bool profiler_session_start(void);
void profiler_session_finish(void);
void profiler_session_write_part(profiler_recorder *recorder);
void profiler_session_full(void *user, profiler_recorder *recorder);
/* in a child after fork(): drop the parent's profile, start the child's;
 * false if the child's could not start */
bool profiler_session_restart_in_child(void);

/* activation.c: whether this request is profiled */
bool profiler_activation_decide(char *why, size_t why_len);
void profiler_activation_read_mode(void);

/* module.c */
void profiler_log_to_php(void *ctx, const char *line);

#define PROFILER_LOG(level, ...) profiler_log_write(PROFILER_G(log), (level), __VA_ARGS__)

#endif
