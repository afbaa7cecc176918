/* The recorder's internals, shared with the engine hooks so that the common
 * case of a call (same path as last time, frame on top of the stack) is
 * inlined into them; everything else goes through recorder.c. */
#ifndef PROFILER_RECORDER_PRIVATE_H
#define PROFILER_RECORDER_PRIVATE_H

#include "recorder.h"
#include "ptr_map.h"

typedef struct {
	profiler_call_node *node;
	/* where the child this frame calls next is predicted: node's first_hint
	 * and first_alt until it calls one, then that child's next_hint and
	 * next_alt */
	profiler_call_node **hint, **alt;
	const void *tag;
	profiler_sample start;
	uint64_t child_ticks;
	uint64_t child_mem;
	uint64_t child_peak;
	bool keeps_ended; /* a destructor placed under the frame that ended last */
} profiler_frame;

typedef enum {
	CONTEXT_RUNNING,
	CONTEXT_WAITING, /* it switched to another context and waits for control back */
	CONTEXT_PAUSED,  /* it was switched away from by going back to its resumer */
} context_state;

typedef struct profiler_context {
	const void *id;
	profiler_frame *frames;
	size_t depth, cap;
	/* The frame on top: frames[depth - 1], or the sentinel when no frame is
	 * open. The sentinel's node is the parent of the context's outermost
	 * frame and its tag is NULL (the caller of {main}), so the hot path
	 * needs no test for an empty stack. */
	profiler_frame *top;
	profiler_frame sentinel;
	context_state state;
	profiler_sample left;
	struct profiler_context *resumer;
	/* The node of the frame that ended last: a function's locals are freed
	 * after its end event, and destructors run then belong under it. */
	profiler_call_node *ended_node;
	/* A user function's memory as Xdebug reads it, after PHP has freed its
	 * locals: its end event comes before that, so its inclusive memory is
	 * settled at the next event of the context (see
	 * profiler_recorder_settle). */
	profiler_call_node *settle_node;
	size_t settle_depth;
	uint64_t settle_start_mem, settle_end_mem;
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

/* Ends the top frame of c and charges it to its node and to its parent
 * frame. */
/* Lowers the inclusive memory of the user function that ended last by what
 * was freed since its end event (its locals), never below 0 and never by
 * more than memory actually fell. */
static inline __attribute__((always_inline)) void profiler_recorder_settle(profiler_context *c, uint64_t mem)
{
	profiler_call_node *node = c->settle_node;

	if (node) {
		c->settle_node = NULL;
		if (mem < c->settle_end_mem && c->depth == c->settle_depth) {
			uint64_t end = mem > c->settle_start_mem ? mem : c->settle_start_mem;
			uint64_t freed = c->settle_end_mem - end;
			profiler_frame *parent = c->depth ? &c->frames[c->depth - 1] : &c->sentinel;
			node->incl_mem -= freed;
			node->self_mem -= (int64_t)freed;
			parent->child_mem -= freed;
		}
	}
}

/* Charges frame f with its call from its start to `at`: the span goes to
 * its node and to the child costs of parent (the frame below, or the
 * sentinel, which takes them at less cost than a test). Calls are counted
 * by the caller of this. */
static inline __attribute__((always_inline)) void profiler_recorder_charge(profiler_frame *f, profiler_frame *parent,
	const profiler_sample *at)
{
	profiler_call_node *node = f->node;
	uint64_t ticks = at->ticks > f->start.ticks ? at->ticks - f->start.ticks : 0;
	uint64_t mem = at->mem > f->start.mem ? at->mem - f->start.mem : 0;
	uint64_t child_ticks = f->child_ticks < ticks ? f->child_ticks : ticks;

	node->incl_ticks += ticks;
	node->self_ticks += ticks - child_ticks;
	node->incl_mem += mem;
	node->self_mem += (int64_t)mem - (int64_t)f->child_mem;
	parent->child_ticks += ticks;
	parent->child_mem += mem;
	/* peak readings are 0 unless profiler.peak_memory is on */
	if (at->peak) {
		uint64_t peak = at->peak > f->start.peak ? at->peak - f->start.peak : 0;
		uint64_t child_peak = f->child_peak < peak ? f->child_peak : peak;
		node->incl_peak += peak;
		node->self_peak += peak - child_peak;
		parent->child_peak += peak;
	}
}

static inline __attribute__((always_inline)) void profiler_recorder_pop_frame(profiler_context *c, const profiler_sample *now)
{
	profiler_frame *f = c->top;
	profiler_frame *parent = --c->depth ? f - 1 : &c->sentinel;

	c->top = parent;
	/* a destructor placed under the frame that ended last hands that frame
	 * back, so the next destructor goes under it too */
	c->ended_node = f->keeps_ended ? f->node->parent : f->node;
	f->node->calls++;
	profiler_recorder_charge(f, parent, now);
}

/* Points f's prediction at the first child call of its node. */
static inline __attribute__((always_inline)) void profiler_recorder_aim_hints(profiler_frame *f)
{
	f->hint = &f->node->first_hint;
	f->alt = &f->node->first_alt;
}

/* Moves f's prediction on past its call of child: the child becomes the
 * first guess for this point, and the guess it replaces the second. */
static inline __attribute__((always_inline)) void profiler_recorder_learn_child(profiler_frame *f,
	profiler_call_node *child)
{
	if (*f->hint != child) {
		*f->alt = *f->hint;
		*f->hint = child;
	}
	f->hint = &child->next_hint;
	f->alt = &child->next_alt;
}

/* Pushes a frame for node (the stack has room); peak fields are the
 * caller's to set when it tracks peak memory. */
static inline __attribute__((always_inline)) profiler_frame *profiler_recorder_push_frame(profiler_context *c,
	profiler_call_node *node, const void *tag, uint64_t ticks, uint64_t mem)
{
	profiler_frame *f = &c->frames[c->depth++];

	c->top = f;
	f->node = node;
	profiler_recorder_aim_hints(f);
	f->tag = tag;
	f->start.ticks = ticks;
	f->start.mem = mem;
	f->child_ticks = 0;
	f->child_mem = 0;
	f->keeps_ended = false;
	return f;
}

/* The common case of profiler_recorder_enter, without peak memory: the
 * caller is the frame on top (see profiler_recorder_unwind_to) and the path
 * is known. Returns false, having done nothing, when the full
 * profiler_recorder_enter is needed. */
static inline __attribute__((always_inline)) bool profiler_recorder_enter_fast(profiler_recorder *r, uintptr_t key,
	uint32_t line, const void *tag, const void *caller, uint64_t ticks, uint64_t mem)
{
	profiler_context *c = r->current;
	profiler_frame *top;
	profiler_call_node *node;

	profiler_recorder_settle(c, mem);
	top = c->top;
	if (top->tag != caller || c->depth >= c->cap) {
		return false;
	}
	node = *top->hint;
	if (__builtin_expect(!node || node->key != key || node->line != line, 0)) {
		node = *top->alt;
		if (!node || node->key != key || node->line != line) {
			return false;
		}
	}
	profiler_recorder_learn_child(top, node);
	/* peak fields stay unset: without peak memory nothing reads them */
	profiler_recorder_push_frame(c, node, tag, ticks, mem);
	return true;
}

/* The common case of profiler_recorder_leave, without peak memory: the
 * frame is on top. Returns false, having done nothing (but settling), when
 * the full profiler_recorder_leave is needed. settle_later: the frame runs
 * a user function, whose locals PHP frees after this event. */
static inline __attribute__((always_inline)) bool profiler_recorder_leave_fast(profiler_recorder *r, const void *tag,
	uint64_t ticks, uint64_t mem, bool settle_later)
{
	profiler_context *c = r->current;
	profiler_sample now;
	profiler_frame *f;

	profiler_recorder_settle(c, mem);
	f = c->top;
	if (!c->depth || f->tag != tag) {
		return false;
	}
	now.ticks = ticks;
	now.mem = mem;
	now.peak = 0;
	if (settle_later && mem > f->start.mem) {
		c->settle_node = f->node;
		c->settle_depth = c->depth - 1;
		c->settle_start_mem = f->start.mem;
		c->settle_end_mem = mem;
	}
	profiler_recorder_pop_frame(c, &now);
	return true;
}

/* enter and leave with the fast paths tried first: what the engine hooks do,
 * for callers that have a whole sample (tests, the fuzzer). */
static inline void profiler_recorder_enter_inline(profiler_recorder *r, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now)
{
	if (profiler_recorder_enter_fast(r, key, line, tag, caller, now->ticks, now->mem)) {
		r->current->top->start.peak = now->peak;
		r->current->top->child_peak = 0;
		return;
	}
	profiler_recorder_enter(r, key, line, tag, caller, call, now);
}

static inline void profiler_recorder_leave_inline(profiler_recorder *r, const void *tag, const profiler_sample *now,
	bool settle_later)
{
	if (now->peak || !profiler_recorder_leave_fast(r, tag, now->ticks, now->mem, settle_later)) {
		profiler_recorder_leave(r, tag, now);
	}
}

#endif
