/* The engine hooks: PHP's observer API, and nothing else.
 *
 * zend_execute_ex and zend_execute_internal are left alone, so user calls
 * stay non-recursive and the JIT stays on. The begin and end handlers read
 * the clock and memory counters and hand them to the recorder; function
 * names are only computed when a call path is new. */
#include "engine.h"

#include "Zend/zend_extensions.h"
#include "Zend/zend_observer.h"

#include "src/lib/recorder_private.h"


/* Keys of top-level code are tagged function ids (odd); other keys are
 * aligned pointers (even). An included file's op_array is freed after it
 * runs and its address reused by the next one, so its pointer cannot be a
 * key; a closure's zend_function is copied per closure object, so its shared
 * opcodes are the key, with a bit for "called with $this" (which changes its
 * name). */
#define KEY_TAGGED_ID 1u
#define KEY_CLOSURE_THIS 2u

/* The key of a function that needs no name to get one; false for top-level
 * code and closures of internal functions, whose keys are their names' ids
 * (see function_key). */
static zend_always_inline bool plain_function_key(zend_execute_data *ex, uintptr_t *key)
{
	zend_function *func = ex->func;

	if (EXPECTED(!(func->common.fn_flags & ZEND_ACC_CLOSURE))) {
		*key = (uintptr_t)func;
		return func->common.function_name != NULL;
	}
	if (func->type == ZEND_INTERNAL_FUNCTION) {
		return false;
	}
	/* the same closure code runs under different scopes (a trait's closure
	 * in each using class, Closure::bind), and its name shows the scope */
	*key = (((uintptr_t)func->op_array.opcodes ^ ((uintptr_t)func->common.scope * 0x9E3779B97F4A7C15ull)) & ~(uintptr_t)3)
		| (Z_TYPE(ex->This) == IS_OBJECT ? KEY_CLOSURE_THIS : 0);
	return true;
}

static zend_always_inline uintptr_t function_key(zend_profiler_globals *g, zend_execute_data *ex)
{
	uintptr_t key;

	if (plain_function_key(ex, &key)) {
		return key;
	}
	/* named afresh per run; rare next to calls */
	return ((uintptr_t)profiler_name_function(g->funcs, ex) << 1) | KEY_TAGGED_ID;
}

/* The line of a call from caller: the current line of the nearest user
 * frame from caller down, which for a callback from an internal function
 * is where that function was called. */
static zend_always_inline uint32_t line_of_call_from(zend_execute_data *caller)
{
	while (caller && (!caller->func || !ZEND_USER_CODE(caller->func->type))) {
		caller = caller->prev_execute_data;
	}
	return (caller && caller->opline) ? caller->opline->lineno : 0;
}

static zend_always_inline uint32_t call_line(zend_execute_data *ex)
{
	return line_of_call_from(ex->prev_execute_data);
}

/* The same for a caller that is a profiled frame (so has a function), as
 * the fast path's caller is: from user code, the common case, one read. */
static zend_always_inline uint32_t line_of_call_from_frame(zend_execute_data *caller)
{
	if (EXPECTED(ZEND_USER_CODE(caller->func->type))) {
		return caller->opline ? caller->opline->lineno : 0;
	}
	return line_of_call_from(caller->prev_execute_data);
}

static zend_always_inline uint64_t read_ticks(bool tsc)
{
#if PROFILER_CLOCK_HAVE_TSC
	if (tsc) {
		return profiler_platform_rdtsc();
	}
#endif
	(void)tsc;
	return profiler_clock_monotonic_ns();
}

/* Where the heap's usage counters are, if compat.h knows and they read what
 * zend_memory_usage() and zend_memory_peak_usage() return; checked once per
 * request. Nothing is allocated to check: that would move the script's
 * peak. */
void profiler_observer_find_heap_counters(void)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();

	g->heap_usage = NULL;
	g->heap_peak = NULL;
#ifdef PROFILER_COMPAT_HEAP_SIZE_WORD
	{
		const size_t *fields = (const size_t *)zend_mm_get_heap();
		size_t usage = zend_memory_usage(0), peak = zend_memory_peak_usage(0);

		if (fields && is_zend_mm() && usage != 0 && peak != 0 && fields[PROFILER_COMPAT_HEAP_SIZE_WORD] == usage
				&& fields[PROFILER_COMPAT_HEAP_PEAK_WORD] == peak) {
			g->heap_usage = &fields[PROFILER_COMPAT_HEAP_SIZE_WORD];
			g->heap_peak = &fields[PROFILER_COMPAT_HEAP_PEAK_WORD];
		}
	}
#endif
}

static zend_always_inline uint64_t read_mem(const zend_profiler_globals *g)
{
	const size_t *usage = g->heap_usage;
	return EXPECTED(usage != NULL) ? *usage : zend_memory_usage(0);
}

/* 0 unless profiler.peak_memory is on for this profile */
static zend_always_inline uint64_t read_peak(const zend_profiler_globals *g)
{
	if (EXPECTED(!g->session_peak_memory)) {
		return 0;
	}
	return g->heap_peak ? *g->heap_peak : zend_memory_peak_usage(0);
}

uint32_t profiler_resolve_function(void *user, uintptr_t key, const void *call)
{
	zend_profiler_globals *g = user;
	zend_execute_data *ex = (zend_execute_data *)call;
	uint32_t id;

	if (key & KEY_TAGGED_ID) {
		return (uint32_t)(key >> 1);
	}
	if (profiler_func_table_find_key(g->funcs, key, &id)) {
		return id;
	}
	id = profiler_name_function(g->funcs, ex);
	/* call_user_func's name holds its call site, which the node (parent,
	 * line) pins down, but a per-function binding would not */
	if (id != PROFILER_FUNC_NONE && !profiler_name_has_call_site(ex->func)) {
		profiler_func_table_bind_key(g->funcs, key, id);
	}
	return id;
}

/* The slow paths take few arguments, so the handlers reach them by a tail
 * call and the fast paths need no stack frame. */
/* Reached from the fast paths only, so peak memory is off. */
static ZEND_COLD zend_never_inline void begin_slow(zend_profiler_globals *g, zend_execute_data *ex, uintptr_t key,
	uint64_t ticks, uint64_t mem)
{
	profiler_sample now = { ticks, mem, 0 };

	/* a caller that is not on top means frames ended unseen: open before a
	 * window started and never observed, or cut off by a fatal error */
	profiler_recorder_enter(g->recorder, key, call_line(ex), ex, ex->prev_execute_data, ex, &now);
}

static ZEND_COLD zend_never_inline void end_slow(zend_profiler_globals *g, zend_execute_data *ex, uint64_t ticks,
	uint64_t mem, bool user)
{
	profiler_sample now = { ticks, mem, 0 };

	profiler_recorder_leave(g->recorder, ex, &now, user);
}

/* Every call that the fast paths below do not take: closures from
 * internal code and top-level code (named when met), memory read through
 * zend_memory_usage(), peak memory. */
static ZEND_COLD zend_never_inline void begin_general(zend_profiler_globals *g, zend_execute_data *ex, bool tsc)
{
	uintptr_t key = function_key(g, ex);
	uint32_t line = call_line(ex);
	profiler_sample now;

	now.mem = read_mem(g);
	now.ticks = read_ticks(tsc);
	now.peak = read_peak(g);
	profiler_recorder_enter_inline(g->recorder, key, line, ex, ex->prev_execute_data, ex, &now);
}

static ZEND_COLD zend_never_inline void end_general(zend_profiler_globals *g, zend_execute_data *ex, bool tsc,
	bool user)
{
	profiler_sample now;

	now.ticks = read_ticks(tsc);
	now.mem = read_mem(g);
	now.peak = read_peak(g);
	profiler_recorder_leave_inline(g->recorder, ex, &now, user);
}

/* Where a named function was last found when its caller's guesses missed.
 * A call site that calls dozens of functions in turn (phpcs calls each
 * sniff's process() from one line) calls each from the same node every
 * time, where the guesses, which follow the order of calls, miss; this
 * finds it without the tree's index.
 *
 * One slot of the function's run-time cache (which PHP keeps per process,
 * or per thread, and per request for user functions) holds the epoch of
 * the tree in its high half and, in its low half, 1 + the index of the
 * function's record in PROFILER_G(remembered): the node, its parent and the
 * call's line. The epoch changes whenever nodes are freed (see
 * profiler_observer_forget_nodes), and the records are emptied then, so a
 * slot from an older tree, or an older request, matches nothing. One slot,
 * not the four the record takes: every function of the process, internal
 * ones included, gets it, and four made Twig's peak memory 0.4 MB larger.
 * The handles are taken once, at startup, before any function has a
 * run-time cache, and are only read afterwards. */
static profiler_compat_slot node_slot_handle;

typedef struct profiler_remembered_node {
	profiler_call_node *node;
	profiler_call_node *parent;
	uint32_t line;
} profiler_remembered_node;

void profiler_observer_forget_nodes(void)
{
	PROFILER_G(node_epoch)++;
	PROFILER_G(remembered_count) = 0;
}

/* ex's slot; ex runs a named function (its key is its zend_function) */
static zend_always_inline uintptr_t *node_slot(zend_execute_data *ex)
{
	return (uintptr_t *)profiler_compat_slot_of(node_slot_handle, ex->func);
}

/* The record slot points to in this epoch, or NULL. */
static zend_always_inline profiler_remembered_node *remembered_record(const zend_profiler_globals *g, uintptr_t slot)
{
	uint32_t index = (uint32_t)slot;

	if (index == 0 || index > g->remembered_count || (uint32_t)((uint64_t)slot >> 32) != (uint32_t)g->node_epoch) {
		return NULL;
	}
	return &g->remembered[index - 1];
}

static void remember_node(zend_profiler_globals *g, uintptr_t *slot, profiler_frame *top, profiler_call_node *node,
	uint32_t line)
{
	profiler_remembered_node *r = remembered_record(g, *slot);

	if (!r) {
		if (g->remembered_count == g->remembered_cap) {
			size_t cap = g->remembered_cap ? g->remembered_cap * 2 : 64;
			profiler_remembered_node *grown;

			/* a record for each function the index found: never many */
			if (cap >= UINT32_MAX) {
				return;
			}
			grown = perealloc_recoverable(g->remembered, cap * sizeof(*grown), 1);
			if (!grown) {
				return;
			}
			g->remembered = grown;
			g->remembered_cap = cap;
		}
		r = &g->remembered[g->remembered_count++];
		*slot = (uintptr_t)((uint64_t)(uint32_t)g->node_epoch << 32 | g->remembered_count);
	}
	r->node = node;
	r->parent = top->node;
	r->line = line;
}

/* A call from the frame on top that neither guess predicted: the tree's
 * index; only a new path takes the slow path. The frame above top is
 * staged; slot, if not NULL, remembers the node found. */
static zend_never_inline void begin_indexed(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	profiler_frame *top, uintptr_t key, uint32_t line, uintptr_t *slot)
{
	profiler_call_node *node = profiler_recorder_push_indexed(g->recorder, c, top, key, line);

	if (node) {
		if (slot) {
			remember_node(g, slot, top, node, line);
		}
		return;
	}
	begin_slow(g, ex, key, top[1].start_ticks, top[1].start_mem);
}

/* A call from the frame on top that its first guess did not predict: the
 * second guess, then where its function was last found, then the index.
 * Apart from the slow ones, each step passes few enough arguments in
 * registers to reach the next by a tail call, so none saves registers. */
static zend_never_inline void begin_unpredicted(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	profiler_frame *top, uintptr_t key, uint32_t line)
{
	uintptr_t *slot = NULL;
	profiler_remembered_node *r;

	if (profiler_recorder_push_second_guess(c, top, key, line)) {
		return;
	}
	/* closures and top-level code have keys of their own, and no slot */
	if (key == (uintptr_t)ex->func) {
		slot = node_slot(ex);
	}
	if (slot && (r = remembered_record(g, *slot)) != NULL && r->parent == top->node && r->line == line) {
		profiler_recorder_push_found(c, top, r->node);
		return;
	}
	begin_indexed(g, ex, c, top, key, line, slot);
}

/* The recorder's fast paths, from a settled context: a call from the frame
 * on top along a known path, and the end of the frame on top. */
static zend_always_inline void begin_settled(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	uintptr_t key, uint64_t ticks, uint64_t mem)
{
	zend_execute_data *caller = ex->prev_execute_data;
	profiler_frame *top = profiler_recorder_caller_on_top(c, caller);
	uint32_t line;

	if (UNEXPECTED(!top)) {
		begin_slow(g, ex, key, ticks, mem);
		return;
	}
	line = line_of_call_from_frame(caller);
	profiler_recorder_stage(top, ex, ticks, mem);
	if (profiler_recorder_push_first_guess(c, top, key, line)) {
		return;
	}
	begin_unpredicted(g, ex, c, top, key, line);
}

static zend_always_inline void end_settled(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	uint64_t ticks, uint64_t mem, bool user)
{
	if (profiler_recorder_leave_top(c, ex, ticks, mem, user)) {
		return;
	}
	end_slow(g, ex, ticks, mem, user);
}

/* The same after a user function's memory is settled (see
 * profiler_recorder_settle), when that charges the nodes around it: out of
 * line, so that the handlers, which tail call these, save no registers. */
static zend_never_inline void begin_settling(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	uintptr_t key, uint64_t ticks, uint64_t mem)
{
	profiler_recorder_settle_pending(c, mem);
	begin_settled(g, ex, c, key, ticks, mem);
}

static zend_never_inline void end_settling(zend_profiler_globals *g, zend_execute_data *ex, profiler_context *c,
	uint64_t ticks, uint64_t mem, bool user)
{
	profiler_recorder_settle_pending(c, mem);
	end_settled(g, ex, c, ticks, mem, user);
}

/* checked: the handler may run outside a profile (closures and top-level
 * code keep their handlers), or in a profile that does not take the fast
 * path; named functions only have handlers while profiling, and the ones
 * that suit the profile, so theirs skip both tests.
 *
 * The fast paths call nothing but (by tail call) the slow ones, so they
 * need no stack frame and save no registers. */
static zend_always_inline void begin_call(zend_execute_data *ex, bool tsc, bool checked)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();
	profiler_context *c;
	uintptr_t key;
	uint64_t mem, ticks;

	if (checked && UNEXPECTED(!g->recording)) {
		return;
	}
	if (!checked) {
		/* only named functions get these (see switchable) */
		key = (uintptr_t)ex->func;
	} else if (UNEXPECTED(!g->fast_path) || UNEXPECTED(!plain_function_key(ex, &key))) {
		begin_general(g, ex, tsc);
		return;
	}
	mem = *g->heap_usage;
	ticks = read_ticks(tsc);
	c = g->context;
	if (UNEXPECTED(c->settle_node != NULL) && !profiler_recorder_settle_plain(c, mem)) {
		begin_settling(g, ex, c, key, ticks, mem);
		return;
	}
	begin_settled(g, ex, c, key, ticks, mem);
}

/* user: the function's locals are freed after this event; its memory is
 * settled at the next one (see profiler_recorder_settle) */
static zend_always_inline void end_call(zend_execute_data *ex, bool tsc, bool checked, bool user)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();
	profiler_context *c;
	uint64_t mem, ticks;

	if (checked && UNEXPECTED(!g->recording)) {
		return;
	}
	if (checked && UNEXPECTED(!g->fast_path)) {
		end_general(g, ex, tsc, user);
		return;
	}
	ticks = read_ticks(tsc);
	mem = *g->heap_usage;
	c = g->context;
	if (UNEXPECTED(c->settle_node != NULL) && !profiler_recorder_settle_plain(c, mem)) {
		end_settling(g, ex, c, ticks, mem, user);
		return;
	}
	end_settled(g, ex, c, ticks, mem, user);
}

/* The handlers come in variants (clock source, whether to test that a
 * profile runs, user or internal function) chosen when a function is first
 * seen, so the hot path tests none of these. */
#define DEFINE_HANDLERS(suffix, tsc, checked) \
	static void observer_begin_##suffix(zend_execute_data *ex) \
	{ \
		begin_call(ex, tsc, checked); \
	} \
	static void observer_end_##suffix(zend_execute_data *ex, zval *retval) \
	{ \
		(void)retval; \
		end_call(ex, tsc, checked, false); \
	} \
	static void observer_end_user_##suffix(zend_execute_data *ex, zval *retval) \
	{ \
		(void)retval; \
		end_call(ex, tsc, checked, true); \
	}

DEFINE_HANDLERS(tsc, true, true)
DEFINE_HANDLERS(mono, false, true)
DEFINE_HANDLERS(tsc_on, true, false)
DEFINE_HANDLERS(mono_on, false, false)

/* A named function's handlers in a profile that does not take the fast
 * path (peak memory, or memory read through zend_memory_usage()). */
static void observer_begin_general_tsc(zend_execute_data *ex)
{
	begin_general(PROFILER_GLOBALS(), ex, true);
}

static void observer_begin_general_mono(zend_execute_data *ex)
{
	begin_general(PROFILER_GLOBALS(), ex, false);
}

#define DEFINE_GENERAL_END(suffix, tsc, user) \
	static void observer_end_general_##suffix(zend_execute_data *ex, zval *retval) \
	{ \
		(void)retval; \
		end_general(PROFILER_GLOBALS(), ex, tsc, user); \
	}

DEFINE_GENERAL_END(tsc, true, false)
DEFINE_GENERAL_END(mono, false, false)
DEFINE_GENERAL_END(user_tsc, true, true)
DEFINE_GENERAL_END(user_mono, false, true)

/* [tsc], [tsc][user] */
static const zend_observer_fcall_begin_handler general_begin_handlers[2] = {
	observer_begin_general_mono, observer_begin_general_tsc,
};
static const zend_observer_fcall_end_handler general_end_handlers[2][2] = {
	{ observer_end_general_mono, observer_end_general_user_mono },
	{ observer_end_general_tsc, observer_end_general_user_tsc },
};

/* [tsc][checked], and the same for user functions' end handlers */
static const zend_observer_fcall_begin_handler begin_handlers[2][2] = {
	{ observer_begin_mono_on, observer_begin_mono },
	{ observer_begin_tsc_on, observer_begin_tsc },
};
static const zend_observer_fcall_end_handler end_handlers[2][2][2] = {
	{ { observer_end_mono_on, observer_end_mono }, { observer_end_user_mono_on, observer_end_user_mono } },
	{ { observer_end_tsc_on, observer_end_tsc }, { observer_end_user_tsc_on, observer_end_user_tsc } },
};

static bool use_tsc(void)
{
	return profiler_process.clock.source == PROFILER_CLOCK_TSC;
}

static void observer_begin(zend_execute_data *ex)
{
	if (use_tsc()) {
		observer_begin_tsc(ex);
	} else {
		observer_begin_mono(ex);
	}
}

static void observer_end(zend_execute_data *ex, zval *retval)
{
	if (use_tsc()) {
		observer_end_tsc(ex, retval);
	} else {
		observer_end_mono(ex, retval);
	}
}

void profiler_observer_read_sample(profiler_sample *now)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();

	now->mem = read_mem(g);
	now->peak = read_peak(g);
	now->ticks = read_ticks(use_tsc());
}

/* A destructor that runs while a user function's locals are freed (the
 * caller still at the call instruction, the callee just ended) belongs
 * under that function, as in Xdebug. */
static void observer_begin_destructor(zend_execute_data *ex)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();
	zend_execute_data *caller = ex->prev_execute_data;
	profiler_recorder *r = g->recorder;
	profiler_sample now;
	const profiler_func_info *ended;
	uintptr_t key;
	uint32_t line;

	if (!g->recording) {
		return;
	}
	if (caller && caller->func && ZEND_USER_CODE(caller->func->type) && caller->opline
			&& (caller->opline->opcode == ZEND_DO_FCALL || caller->opline->opcode == ZEND_DO_UCALL
				|| caller->opline->opcode == ZEND_DO_FCALL_BY_NAME
				/* unwinding: the engine moved the caller to its exception
				 * opline, whose line is 0 */
				|| caller->opline->opcode == ZEND_HANDLE_EXCEPTION)
			&& r->current->ended_node
			&& (ended = profiler_func_table_get(g->funcs, r->current->ended_node->func_id))
			&& ended->self_line != PROFILER_LINE_CALL_SITE) {
		key = function_key(g, ex);
		line = call_line(ex);
		profiler_observer_read_sample(&now);
		if (profiler_recorder_enter_under_ended(r, key, line, ex, caller, ex, &now)) {
			return;
		}
	}
	observer_begin(ex);
}

static void switch_handlers(bool on, zend_execute_data *running, zval *retval, bool in_end);

/* After pcntl_fork() returns in a child, the child's profile starts: its own
 * file (its own pid in %p) from the moment of the fork. */
static void observer_end_fork(zend_execute_data *ex, zval *retval)
{
	if (PROFILER_G(recording) && profiler_platform_getpid() != PROFILER_G(recording_pid) && !profiler_session_restart_in_child()) {
		/* named functions' handlers assume a profile is running */
		switch_handlers(false, ex, retval, true);
		return;
	}
	observer_end(ex, retval);
}

/* pcntl_exec() replaces the process when it works: write the profile first. */
static void observer_begin_exec(zend_execute_data *ex)
{
	observer_begin(ex);
	if (PROFILER_G(recording)) {
		PROFILER_LOG(PROFILER_LOG_INFO, "pcntl_exec() is replacing the process; writing the profile now.");
		profiler_session_finish();
		/* should exec fail, the script goes on unprofiled */
		switch_handlers(false, ex, NULL, false);
	}
}

/* Named functions and methods live until the request ends, so their handlers
 * can be switched on and off: outside a profile they have none, and the
 * engine skips them as if no observer were loaded. Closures (a zend_function
 * per closure object) and top-level code (freed after it runs) always get
 * handlers, which return at once outside a profile. */
static bool switchable(const zend_function *func)
{
	return func->common.function_name != NULL && !(func->common.fn_flags & ZEND_ACC_CLOSURE);
}

static zend_observer_fcall_handlers handlers_for_profile(const profiler_observed_function *entry)
{
	return PROFILER_G(fast_path) ? entry->fast : entry->general;
}

static profiler_observed_function *remember_switchable(zend_function *func, zend_observer_fcall_handlers fast,
	zend_observer_fcall_handlers general)
{
	profiler_observed_function *entry;

	if (PROFILER_G(observed_count) == PROFILER_G(observed_cap)) {
		size_t cap = PROFILER_G(observed_cap) ? PROFILER_G(observed_cap) * 2 : 256;
		/* persistent memory: not charged to the call being profiled */
		PROFILER_G(observed) = perealloc(PROFILER_G(observed), cap * sizeof(*PROFILER_G(observed)), 1);
		PROFILER_G(observed_cap) = cap;
	}
	entry = &PROFILER_G(observed)[PROFILER_G(observed_count)++];
	entry->func = func;
	entry->fast = fast;
	entry->general = general;
	entry->installed = handlers_for_profile(entry);
	return entry;
}

static zend_observer_fcall_handlers observer_init(zend_execute_data *ex)
{
	zend_function *func = ex->func;
	zend_observer_fcall_handlers none = { NULL, NULL };
	zend_observer_fcall_handlers handlers, general;
	profiler_observed_function *entry;
	bool tsc = use_tsc();
	/* a named function has handlers only while profiling: no test needed */
	bool checked = !switchable(func);
	bool user = ZEND_USER_CODE(func->type);

	handlers.begin = begin_handlers[tsc][checked];
	handlers.end = end_handlers[tsc][user][checked];
	if (func->type == ZEND_INTERNAL_FUNCTION && !func->common.scope && func->common.function_name) {
		if (zend_string_equals_literal(func->common.function_name, "pcntl_fork")) {
			handlers.end = observer_end_fork;
		} else if (zend_string_equals_literal(func->common.function_name, "pcntl_exec")) {
			handlers.begin = observer_begin_exec;
		}
	} else if (func->common.scope && func->common.scope->destructor == func) {
		handlers.begin = observer_begin_destructor;
	}
	if (checked) {
		return handlers;
	}
	/* special handlers (pcntl, destructors) go through the checked ones */
	general.begin = handlers.begin == begin_handlers[tsc][checked] ? general_begin_handlers[tsc] : handlers.begin;
	general.end = handlers.end == end_handlers[tsc][user][checked] ? general_end_handlers[tsc][user] : handlers.end;
	entry = remember_switchable(func, handlers, general);
	return PROFILER_G(handlers_on) ? entry->installed : none;
}

static void install(profiler_observed_function *entry)
{
	entry->installed = handlers_for_profile(entry);
	zend_observer_add_begin_handler(entry->func, entry->installed.begin);
	zend_observer_add_end_handler(entry->func, entry->installed.end);
}

/* Removes entry's handlers; next: the other observers' handlers that moved
 * into their places (see compat.h). */
static void uninstall(profiler_observed_function *entry, zend_observer_fcall_handlers *next)
{
	profiler_compat_remove_begin_handler(entry->func, entry->installed.begin, &next->begin);
	profiler_compat_remove_end_handler(entry->func, entry->installed.end, &next->end);
}

/* Switching on again (a forked child's profile starting while the parent's
 * handlers are on) installs the pair that suits the new profile.
 *
 * running: NULL, or the frame whose begin (in_end false) or end handler of
 * ours is running now. The engine walks on from that handler's slot, where
 * the next observer's handler has just moved, so that one is called here. */
static void switch_handlers(bool on, zend_execute_data *running, zval *retval, bool in_end)
{
	zend_observer_fcall_handlers next, skipped = { NULL, NULL };
	size_t i;

	if (!on && !PROFILER_G(handlers_on)) {
		return;
	}
	for (i = 0; i < PROFILER_G(observed_count); i++) {
		profiler_observed_function *entry = &PROFILER_G(observed)[i];
		if (PROFILER_G(handlers_on)) {
			zend_observer_fcall_handlers wanted = handlers_for_profile(entry);
			if (on && entry->installed.begin == wanted.begin && entry->installed.end == wanted.end) {
				continue;
			}
			uninstall(entry, &next);
			if (running && entry->func == running->func) {
				skipped = next;
			}
		}
		if (on) {
			install(entry);
		}
	}
	PROFILER_G(handlers_on) = on;
	if (in_end && skipped.end) {
		skipped.end(running, retval);
	} else if (running && !in_end && skipped.begin) {
		skipped.begin(running);
	}
}

void profiler_observer_switch_handlers(bool on)
{
	switch_handlers(on, NULL, NULL, false);
}

void profiler_observer_request_start(void)
{
	PROFILER_G(remembered) = NULL;
	PROFILER_G(remembered_count) = PROFILER_G(remembered_cap) = 0;
	PROFILER_G(observed) = NULL;
	PROFILER_G(observed_count) = PROFILER_G(observed_cap) = 0;
	PROFILER_G(handlers_on) = false;
}

void profiler_observer_request_end(void)
{
	profiler_observer_forget_nodes();
	if (PROFILER_G(remembered)) {
		pefree(PROFILER_G(remembered), 1);
	}
	PROFILER_G(remembered) = NULL;
	PROFILER_G(remembered_cap) = 0;
	if (PROFILER_G(observed)) {
		pefree(PROFILER_G(observed), 1);
	}
	PROFILER_G(observed) = NULL;
	PROFILER_G(observed_count) = PROFILER_G(observed_cap) = 0;
}

void profiler_observer_join_open_frames(void)
{
	zend_execute_data *ex;
	zend_execute_data **frames;
	size_t count = 0, i;
	profiler_sample now;

	if (!PROFILER_G(recording)) {
		return;
	}
	for (ex = EG(current_execute_data); ex; ex = ex->prev_execute_data) {
		count++;
	}
	if (count == 0) {
		return;
	}
	frames = pemalloc(count * sizeof(*frames), 1);
	count = 0;
	for (ex = EG(current_execute_data); ex; ex = ex->prev_execute_data) {
		if (ex->func && !(ex->func->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE)
				&& (ZEND_USER_CODE(ex->func->type) || ex->func->common.function_name)) {
			frames[count++] = ex;
		}
	}
	profiler_observer_read_sample(&now);
	/* outermost first, so the first calls of the window sit under their
	 * real callers */
	for (i = count; i > 0; i--) {
		ex = frames[i - 1];
		profiler_recorder_enter(PROFILER_G(recorder), function_key(PROFILER_GLOBALS(), ex), call_line(ex), ex,
			ex->prev_execute_data, ex, &now);
	}
	pefree(frames, 1);
}

void profiler_observer_follow_context(void)
{
	PROFILER_G(context) = PROFILER_G(recorder) ? profiler_recorder_current(PROFILER_G(recorder)) : NULL;
}

static void observer_fiber_switch(zend_fiber_context *from, zend_fiber_context *to)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();
	profiler_sample now;

	if (!g->recording) {
		return;
	}
	profiler_observer_read_sample(&now);
	profiler_recorder_switch(g->recorder, from, to, &now);
	g->context = profiler_recorder_current(g->recorder);
}

static void observer_fiber_destroy(zend_fiber_context *context)
{
	zend_profiler_globals *g = PROFILER_GLOBALS();
	profiler_sample now;

	if (!g->recording) {
		return;
	}
	profiler_observer_read_sample(&now);
	profiler_recorder_forget_context(g->recorder, context, &now);
}

void profiler_observer_register(void)
{
	node_slot_handle = profiler_compat_reserve_slot("profiler");
	zend_observer_fcall_register(observer_init);
	zend_observer_fiber_switch_register(observer_fiber_switch);
	zend_observer_fiber_destroy_register(observer_fiber_destroy);
}
