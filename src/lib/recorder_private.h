/* The recorder's internals, shared with the engine hooks so that the common
 * case of a call (same path as last time, frame on top of the stack) is
 * inlined into them; everything else goes through recorder.c. */
#ifndef PROFILER_RECORDER_PRIVATE_H
#define PROFILER_RECORDER_PRIVATE_H

#include "platform.h"
#include "recorder.h"
#include "ptr_map.h"

/* A frame is one cache line: what a call reads and writes on its way in
 * and out. Peak memory, which few profiles track, lives in a parallel
 * array (profiler_frame_peak). */
typedef struct PROFILER_ALIGNED(64) {
	profiler_call_node *node;
	/* where the child this frame calls next is predicted: node's first_hint
	 * until it calls one, then that child's next_hint (the second guesses
	 * are found from these; see profiler_call_node_alt) */
	profiler_call_node **hint;
	/* the call's tag, with FRAME_MARKED or'ed in on the sentinel and on a
	 * destructor placed under the frame that ended last */
	uintptr_t tag;
	uint64_t start_ticks, start_mem;
} profiler_frame;

/* A marked frame matches no tag (tags are even), so the fast paths, which
 * compare tags as they are, leave its events, and the end of a frame above
 * it, to the slow paths, which mask the bit. */
#define FRAME_MARKED ((uintptr_t)1)

PROFILER_STATIC_ASSERT(sizeof(profiler_frame) == 64, "a frame is one cache line");

typedef struct {
	uint64_t start, child;
} profiler_frame_peak;

typedef enum {
	CONTEXT_RUNNING,
	CONTEXT_WAITING, /* it switched to another context and waits for control back */
	CONTEXT_PAUSED,  /* it was switched away from by going back to its resumer */
} context_state;

typedef struct profiler_context {
	/* The frame on top, or frames[0] when no frame is open: that one is
	 * the sentinel, whose node is the parent of the context's outermost
	 * frame and whose tag is NULL, marked (the caller of {main}, and no
	 * frame's tag). So every frame has the one below it as its parent
	 * frame, and the hot path needs no test for an empty stack. */
	profiler_frame *top;
	profiler_frame *last; /* the highest a frame can go: frames + capacity */
	/* A user function's memory as Xdebug reads it, after PHP has freed its
	 * locals: its end event comes before that, so its inclusive memory is
	 * settled at the next event of the context (see
	 * profiler_recorder_settle). */
	profiler_call_node *settle_node;
	uint64_t settle_start_mem, settle_end_mem;
	/* The node of the frame that ended last: a function's locals are freed
	 * after its end event, and destructors run then belong under it. */
	profiler_call_node *ended_node;

	const void *id;
	profiler_frame *frames; /* capacity + 1 of them, frames[0] the sentinel */
	profiler_frame_peak *peaks; /* peaks[i] goes with frames[i] */
	context_state state;
	profiler_sample left;
	struct profiler_context *resumer;
} profiler_context;

struct profiler_recorder {
	profiler_call_tree *tree;
	profiler_recorder_options options;
	profiler_context *current;
	profiler_context **contexts;
	size_t context_count, context_cap;
	profiler_ptr_map *by_id;
	bool in_full_callback;
};

/* The context whose events come now; it changes only when
 * profiler_recorder_switch is called (and on creation). */
static inline profiler_context *profiler_recorder_current(const profiler_recorder *r)
{
	return r->current;
}

/* The number of open frames of c. */
static inline size_t profiler_context_depth(const profiler_context *c)
{
	return (size_t)(c->top - c->frames);
}

static inline const void *profiler_frame_tag(const profiler_frame *f)
{
	return (const void *)(f->tag & ~FRAME_MARKED);
}

/* Lowers the inclusive memory of the user function that ended last by what
 * was freed since its end event (its locals), never below 0 and never by
 * more than memory actually fell. Every entry point of the recorder calls
 * this first, and a context is settled before control leaves it, so the
 * frame on top is still the one the function returned to. Out of line:
 * most calls leave nothing to settle, and the hot paths stay small. */
void profiler_recorder_settle_pending(profiler_context *c, uint64_t mem);

PROFILER_ALWAYS_INLINE void profiler_recorder_settle(profiler_context *c, uint64_t mem)
{
	if (PROFILER_UNLIKELY(c->settle_node != NULL)) {
		profiler_recorder_settle_pending(c, mem);
	}
}

/* The part of settling that concerns the ended node alone: takes what was
 * freed since its end off its inclusive memory, and returns it. c has
 * something to settle, which it no longer has. */
PROFILER_ALWAYS_INLINE uint64_t profiler_recorder_settle_node(profiler_context *c, uint64_t mem)
{
	uint64_t end, freed = 0;

	if (mem < c->settle_end_mem) {
		end = mem > c->settle_start_mem ? mem : c->settle_start_mem;
		freed = c->settle_end_mem - end;
		c->settle_node->incl_mem -= freed;
	}
	c->settle_node = NULL;
	return freed;
}

/* Whether charging frame f also adjusts the nodes around it: a marked
 * destructor, or a frame above the sentinel (see
 * profiler_recorder_charge_more). */
PROFILER_ALWAYS_INLINE bool profiler_frame_charges_around(const profiler_context *c,
	const profiler_frame *f)
{
	return (f->tag & FRAME_MARKED) || f - 1 == c->frames;
}

/* profiler_recorder_settle_pending inline, for the engine hooks: when the
 * frame that ended charged nothing to the nodes around it, settling touches
 * its node only. Returns false, having done nothing, when not; then
 * settle_pending. c has something to settle. */
PROFILER_ALWAYS_INLINE bool profiler_recorder_settle_plain(profiler_context *c, uint64_t mem)
{
	if (profiler_frame_charges_around(c, c->top + 1)) {
		return false;
	}
	profiler_recorder_settle_node(c, mem);
	return true;
}

/* What a counter rose by since start; a fall counts as 0. */
PROFILER_ALWAYS_INLINE uint64_t profiler_rise(uint64_t now, uint64_t start)
{
	return now > start ? now - start : 0;
}

/* Charges frame f's node with its call from its start to (ticks, mem).
 * Calls and peak memory are the caller's to count, and so is what frames
 * other than the common one need (see profiler_recorder_charge_more).
 *
 * A call's span is added as it is, even should the clock have gone back
 * (a few ticks between two cores' TSCs): the sum wraps around exactly, and
 * only a total below 0 is read as 0 (profiler_call_node_incl_ticks). That
 * keeps a test out of every end. Memory that fell during a call is a
 * call that added none, so that rise is tested. */
PROFILER_ALWAYS_INLINE void profiler_recorder_charge(profiler_frame *f, uint64_t ticks_now,
	uint64_t mem_now)
{
	profiler_call_node *node = f->node;

	node->incl_ticks += ticks_now - f->start_ticks;
	node->incl_mem += profiler_rise(mem_now, f->start_mem);
}

/* A node's self costs are worked out from the tree (inclusive, less the
 * children's), which holds for a frame that runs as its node's parent
 * frame's child. Two kinds of frame do not, and charging one (with ticks
 * and mem spent, or given back) adjusts the self costs of the nodes around
 * it:
 * - a destructor marked to run under the frame that ended last (its node's
 *   parent, which it is a child of, but which did not run it): that node
 *   gets the cost back, and the frame below (which did run it) pays it.
 * - a frame above a sentinel: the sentinel's node (the call that started a
 *   fiber) has it as a child but did not run it either (the fiber's time
 *   is its resumer's child time, see credit_waiting); it gets it back.
 * Both end through the slow paths. */
static inline void profiler_recorder_charge_more(profiler_context *c, profiler_frame *f, int64_t ticks, int64_t mem)
{
	bool marked = (f->tag & FRAME_MARKED) != 0, above_sentinel = f - 1 == c->frames;

	if (marked) {
		f->node->parent->self_adj_ticks += ticks;
		f->node->parent->self_adj_mem += mem;
	}
	/* a marked frame above the sentinel: the two cancel out */
	if (marked != above_sentinel) {
		profiler_call_node *below = f[-1].node;
		below->self_adj_ticks += above_sentinel ? ticks : -ticks;
		below->self_adj_mem += above_sentinel ? mem : -mem;
	}
}

/* profiler_recorder_charge_more for f's call from its start to (ticks, mem). */
static inline void profiler_recorder_charge_more_to(profiler_context *c, profiler_frame *f, uint64_t ticks_now,
	uint64_t mem_now)
{
	/* the same spans as profiler_recorder_charge's, so the two cancel */
	profiler_recorder_charge_more(c, f, (int64_t)(ticks_now - f->start_ticks),
		(int64_t)profiler_rise(mem_now, f->start_mem));
}

/* Starts f's peak-memory reading at peak, with no child peaks yet. */
static inline void profiler_recorder_start_peak(profiler_context *c, profiler_frame *f, uint64_t peak)
{
	profiler_frame_peak *p = &c->peaks[f - c->frames];

	p->start = peak;
	p->child = 0;
}

/* The peak-memory part of charging f (profiler.peak_memory). */
static inline void profiler_recorder_charge_peak(profiler_context *c, profiler_frame *f, uint64_t peak_now)
{
	profiler_frame_peak *p = &c->peaks[f - c->frames];
	uint64_t peak = profiler_rise(peak_now, p->start);
	uint64_t child_peak = p->child < peak ? p->child : peak;

	f->node->incl_peak += peak;
	f->node->self_peak += peak - child_peak;
	p[-1].child += peak;
}

/* Ends the top frame of c (not the sentinel) at (ticks, mem) and charges
 * it; ended becomes the node of the frame that ended last. */
PROFILER_ALWAYS_INLINE void profiler_recorder_end_top(profiler_context *c,
	profiler_call_node *ended, uint64_t ticks, uint64_t mem)
{
	profiler_frame *f = c->top;

	c->top = f - 1;
	c->ended_node = ended;
	profiler_call_node_count_call(f->node);
	profiler_recorder_charge(f, ticks, mem);
}

/* Ends the top frame of c (not the sentinel), whatever it is. */
PROFILER_ALWAYS_INLINE void profiler_recorder_pop_frame(profiler_context *c, const profiler_sample *now)
{
	profiler_frame *f = c->top;

	/* peak readings are 0 unless profiler.peak_memory is on */
	if (now->peak) {
		profiler_recorder_charge_peak(c, f, now->peak);
	}
	profiler_recorder_charge_more_to(c, f, now->ticks, now->mem);
	/* a destructor placed under the frame that ended last hands that frame
	 * back, so the next destructor goes under it too */
	profiler_recorder_end_top(c, (f->tag & FRAME_MARKED) ? f->node->parent : f->node, now->ticks, now->mem);
}

/* Points f's prediction at the first child call of its node. */
PROFILER_ALWAYS_INLINE void profiler_recorder_aim_hints(profiler_frame *f)
{
	f->hint = &f->node->first_hint;
}

/* Moves f's prediction on past its call of child: the child becomes the
 * first guess for this point, and the guess it replaces the second. */
PROFILER_ALWAYS_INLINE void profiler_recorder_learn_child(profiler_frame *f,
	profiler_call_node *child)
{
	if (*f->hint != child) {
		*profiler_call_node_alt(f->hint) = *f->hint;
		*f->hint = child;
	}
	f->hint = &child->next_hint;
}

/* A push comes in two steps, so that the engine hooks can write what a
 * frame starts with before they know its node, and pass the slow paths
 * fewer arguments: the frame above top is staged, then pushed. */
PROFILER_ALWAYS_INLINE void profiler_recorder_stage(profiler_frame *top, const void *tag,
	uint64_t ticks, uint64_t mem)
{
	top[1].tag = (uintptr_t)tag;
	top[1].start_ticks = ticks;
	top[1].start_mem = mem;
}

/* Pushes the frame staged above top (top == c->top < c->last) for node;
 * its peak is the caller's to set when it tracks peak memory. */
PROFILER_ALWAYS_INLINE void profiler_recorder_push_staged(profiler_context *c,
	profiler_frame *top, profiler_call_node *node)
{
	c->top = top + 1;
	top[1].node = node;
	profiler_recorder_aim_hints(top + 1);
}

/* The first half of profiler_recorder_enter_fast, for callers that know
 * the call's line only once they know its caller is on top: the frame on
 * top if it is caller's and has room above it, else NULL. c is settled. */
PROFILER_ALWAYS_INLINE profiler_frame *profiler_recorder_caller_on_top(profiler_context *c,
	const void *caller)
{
	profiler_frame *top = c->top;

	if (top->tag != (uintptr_t)caller || top == c->last) {
		return NULL;
	}
	return top;
}

PROFILER_ALWAYS_INLINE bool profiler_call_node_is(const profiler_call_node *node,
	uintptr_t key, uint32_t line)
{
	return node->key == key && node->line == line;
}

/* The second half: pushes the frame staged above top if top's first guess
 * predicted the call. Returns false, having done nothing, if not: then
 * profiler_recorder_push_second_guess. */
PROFILER_ALWAYS_INLINE bool profiler_recorder_push_first_guess(profiler_context *c,
	profiler_frame *top, uintptr_t key, uint32_t line)
{
	profiler_call_node *node = *top->hint;

	if (PROFILER_UNLIKELY(!profiler_call_node_is(node, key, line))) {
		return false;
	}
	/* the guess stays: nothing to learn but the next point */
	top->hint = &node->next_hint;
	profiler_recorder_push_staged(c, top, node);
	return true;
}

/* Pushes the frame staged above top for node, a child of top's node that
 * the caller found, which becomes top's first guess. */
PROFILER_ALWAYS_INLINE void profiler_recorder_push_found(profiler_context *c,
	profiler_frame *top, profiler_call_node *node)
{
	profiler_recorder_learn_child(top, node);
	profiler_recorder_push_staged(c, top, node);
}

/* The same with the second guess, which becomes the first. Returns the
 * node pushed, or NULL, having done nothing, when the full
 * profiler_recorder_enter is needed. */
PROFILER_ALWAYS_INLINE profiler_call_node *profiler_recorder_push_second_guess(
	profiler_context *c, profiler_frame *top, uintptr_t key, uint32_t line)
{
	profiler_call_node *node = *profiler_call_node_alt(top->hint);

	if (!profiler_call_node_is(node, key, line)) {
		return NULL;
	}
	profiler_recorder_push_found(c, top, node);
	return node;
}

/* The same with the tree's index, for a call site that calls more than two
 * functions in turn (a method called on objects of many classes, a branch
 * over many kinds of input). Returns the node pushed, or NULL, having done
 * nothing, when the path is new. */
static inline profiler_call_node *profiler_recorder_push_indexed(profiler_recorder *r, profiler_context *c,
	profiler_frame *top, uintptr_t key, uint32_t line)
{
	profiler_call_node *node = profiler_call_tree_find(r->tree, top->node, key, line);

	if (!node) {
		return NULL;
	}
	profiler_recorder_push_found(c, top, node);
	return node;
}

/* The common case of profiler_recorder_enter, without peak memory: the
 * caller is the frame on top (see profiler_recorder_unwind_to) and the path
 * is known. Returns false, having done nothing but settle, when the full
 * profiler_recorder_enter is needed. */
PROFILER_ALWAYS_INLINE bool profiler_recorder_enter_fast(profiler_recorder *r, uintptr_t key,
	uint32_t line, const void *tag, const void *caller, uint64_t ticks, uint64_t mem)
{
	profiler_context *c = r->current;
	profiler_frame *top;

	profiler_recorder_settle(c, mem);
	top = profiler_recorder_caller_on_top(c, caller);
	if (!top) {
		return false;
	}
	profiler_recorder_stage(top, tag, ticks, mem);
	return profiler_recorder_push_first_guess(c, top, key, line) || profiler_recorder_push_second_guess(c, top, key, line);
}

/* Has the memory of frame f, a user function's that ends now with memory
 * at mem, settled at the next event (see profiler_recorder_settle). */
PROFILER_ALWAYS_INLINE void profiler_recorder_settle_later(profiler_context *c,
	const profiler_frame *f, uint64_t mem)
{
	if (mem > f->start_mem) {
		c->settle_node = f->node;
		c->settle_start_mem = f->start_mem;
		c->settle_end_mem = mem;
	}
}

/* profiler_recorder_leave_fast on a settled context. */
PROFILER_ALWAYS_INLINE bool profiler_recorder_leave_top(profiler_context *c, const void *tag,
	uint64_t ticks, uint64_t mem, bool settle_later)
{
	profiler_frame *f = c->top;

	/* the sentinel and other marked frames match no tag; a frame above
	 * one (the sentinel's in the common case) needs more than a charge */
	if (f->tag != (uintptr_t)tag || (f[-1].tag & FRAME_MARKED)) {
		return false;
	}
	if (settle_later) {
		profiler_recorder_settle_later(c, f, mem);
	}
	profiler_recorder_end_top(c, f->node, ticks, mem);
	return true;
}

/* The common case of profiler_recorder_leave, without peak memory: the
 * frame is on top. Returns false, having done nothing but settle, when the
 * full profiler_recorder_leave is needed. settle_later: the frame runs a
 * user function, whose locals PHP frees after this event. */
PROFILER_ALWAYS_INLINE bool profiler_recorder_leave_fast(profiler_recorder *r, const void *tag,
	uint64_t ticks, uint64_t mem, bool settle_later)
{
	profiler_context *c = r->current;

	profiler_recorder_settle(c, mem);
	return profiler_recorder_leave_top(c, tag, ticks, mem, settle_later);
}

/* enter and leave with the fast paths tried first: what the engine hooks do,
 * for callers that have a whole sample (tests, the fuzzer). */
static inline void profiler_recorder_enter_inline(profiler_recorder *r, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now)
{
	if (profiler_recorder_enter_fast(r, key, line, tag, caller, now->ticks, now->mem)) {
		profiler_recorder_start_peak(r->current, r->current->top, now->peak);
		return;
	}
	profiler_recorder_enter(r, key, line, tag, caller, call, now);
}

static inline void profiler_recorder_leave_inline(profiler_recorder *r, const void *tag, const profiler_sample *now,
	bool settle_later)
{
	if (now->peak || !profiler_recorder_leave_fast(r, tag, now->ticks, now->mem, settle_later)) {
		profiler_recorder_leave(r, tag, now, settle_later);
	}
}

#endif
