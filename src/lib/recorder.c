/* Shadow stacks per execution context, feeding the call tree; see recorder.h. */
#include "recorder.h"
#include "recorder_private.h"
#include "func_table.h"
#include "ptr_map.h"

#include <stdlib.h>
#include <string.h>

/* Gives c room for cap frames above the sentinel (which it copies). Frames
 * are cache-line aligned, so they are moved rather than realloc'ed. */
static bool context_grow(profiler_context *c, size_t cap)
{
	profiler_frame *frames = profiler_platform_aligned_alloc(PROFILER_ALIGNOF(profiler_frame),
		(cap + 1) * sizeof(*frames));
	profiler_frame_peak *peaks = malloc((cap + 1) * sizeof(*peaks));
	size_t used = c->frames ? profiler_context_depth(c) + 1 : 0;

	if (!frames || !peaks) {
		profiler_platform_aligned_free(frames);
		free(peaks);
		return false;
	}
	if (used) {
		memcpy(frames, c->frames, used * sizeof(*frames));
		memcpy(peaks, c->peaks, used * sizeof(*peaks));
	}
	profiler_platform_aligned_free(c->frames);
	free(c->peaks);
	c->frames = frames;
	c->peaks = peaks;
	c->top = frames + (used ? used - 1 : 0);
	c->last = frames + cap;
	return true;
}

/* The frame tagged tag, nearest the top; the sentinel if there is none. */
static profiler_frame *frame_of(profiler_context *c, const void *tag)
{
	profiler_frame *f = c->top;

	while (f != c->frames && profiler_frame_tag(f) != tag) {
		f--;
	}
	return f;
}

static profiler_context *context_new(profiler_recorder *r, const void *id, profiler_call_node *base)
{
	profiler_context *c = calloc(1, sizeof(*c));
	if (!c) {
		return NULL;
	}
	if (!context_grow(c, 16)) {
		free(c);
		return NULL;
	}
	if (r->context_count == r->context_cap) {
		size_t cap = r->context_cap ? r->context_cap * 2 : 8;
		profiler_context **list = realloc(r->contexts, cap * sizeof(*list));
		if (!list) {
			profiler_platform_aligned_free(c->frames);
			free(c->peaks);
			free(c);
			return NULL;
		}
		r->contexts = list;
		r->context_cap = cap;
	}
	c->id = id;
	memset(&c->frames[0], 0, sizeof(c->frames[0]));
	c->frames[0].node = base;
	c->frames[0].tag = FRAME_MARKED;
	profiler_recorder_aim_hints(&c->frames[0]);
	profiler_recorder_start_peak(c, &c->frames[0], 0);
	r->contexts[r->context_count++] = c;
	if (id) {
		profiler_ptr_map_put(r->by_id, (uintptr_t)id, (uintptr_t)c);
	}
	return c;
}

static void context_free(profiler_recorder *r, profiler_context *c)
{
	size_t i;
	for (i = 0; i < r->context_count; i++) {
		if (r->contexts[i] == c) {
			r->contexts[i] = r->contexts[--r->context_count];
			break;
		}
	}
	for (i = 0; i < r->context_count; i++) {
		if (r->contexts[i]->resumer == c) {
			r->contexts[i]->resumer = NULL;
		}
	}
	if (c->id) {
		profiler_ptr_map_remove(r->by_id, (uintptr_t)c->id);
	}
	profiler_platform_aligned_free(c->frames);
	free(c->peaks);
	free(c);
}

void profiler_recorder_settle_pending(profiler_context *c, uint64_t mem)
{
	uint64_t freed = profiler_recorder_settle_node(c, mem);

	if (freed) {
		/* the frame that ended is the one above the top: nothing was
		 * pushed since (see profiler_recorder_charge_more) */
		profiler_recorder_charge_more(c, c->top + 1, 0, -(int64_t)freed);
	}
}

profiler_recorder *profiler_recorder_create(const profiler_recorder_options *options)
{
	profiler_recorder *r = calloc(1, sizeof(*r));
	if (!r) {
		return NULL;
	}
	r->options = *options;
	r->tree = profiler_call_tree_create(options->memory_cap);
	r->by_id = profiler_ptr_map_create();
	if (!r->tree || !r->by_id) {
		profiler_recorder_destroy(r);
		return NULL;
	}
	r->current = context_new(r, NULL, profiler_call_tree_root(r->tree));
	if (!r->current) {
		profiler_recorder_destroy(r);
		return NULL;
	}
	return r;
}

void profiler_recorder_destroy(profiler_recorder *r)
{
	if (!r) {
		return;
	}
	while (r->context_count) {
		context_free(r, r->contexts[r->context_count - 1]);
	}
	free(r->contexts);
	profiler_ptr_map_destroy(r->by_id);
	profiler_call_tree_destroy(r->tree);
	free(r);
}

profiler_call_tree *profiler_recorder_tree(profiler_recorder *r)
{
	return r->tree;
}

size_t profiler_recorder_depth(const profiler_recorder *r)
{
	return r->current ? profiler_context_depth(r->current) : 0;
}

const void *profiler_recorder_top_tag(const profiler_recorder *r)
{
	return profiler_frame_tag(r->current->top);
}

size_t profiler_recorder_context_count(const profiler_recorder *r)
{
	return r->context_count;
}

bool profiler_recorder_reset_tree(profiler_recorder *r)
{
	size_t n = 0, i, j;
	profiler_call_node ***live;
	bool ok;

	for (i = 0; i < r->context_count; i++) {
		n += profiler_context_depth(r->contexts[i]) + 1;
	}
	live = malloc(n * sizeof(*live));
	if (!live) {
		return false;
	}
	n = 0;
	for (i = 0; i < r->context_count; i++) {
		profiler_context *c = r->contexts[i];
		/* the sentinel too */
		for (j = 0; j <= profiler_context_depth(c); j++) {
			live[n++] = &c->frames[j].node;
		}
	}
	ok = profiler_call_tree_reset(r->tree, live, n);
	free(live);
	for (i = 0; i < r->context_count; i++) {
		profiler_context *c = r->contexts[i];
		/* ended frames' nodes are not kept, nor hints into them */
		c->ended_node = NULL;
		c->settle_node = NULL;
		for (j = 0; j <= profiler_context_depth(c); j++) {
			profiler_recorder_aim_hints(&c->frames[j]);
		}
	}
	return ok;
}

/* The frame on top of a waiting context is inside the calls of the fiber
 * that ran since the context left: that time is the frame's child time,
 * not its self time (the fiber's calls are children of the node that
 * started it, which gets it back: see profiler_recorder_charge_more). */
static void credit_waiting(profiler_context *c, const profiler_sample *now)
{
	if (c->top != c->frames) {
		c->top->node->self_adj_ticks -= (int64_t)profiler_rise(now->ticks, c->left.ticks);
		c->peaks[profiler_context_depth(c)].child += profiler_rise(now->peak, c->left.peak);
	}
}

void profiler_recorder_checkpoint(profiler_recorder *r, const profiler_sample *now)
{
	size_t i, j;

	profiler_recorder_settle(r->current, now->mem);
	for (i = 0; i < r->context_count; i++) {
		profiler_context *c = r->contexts[i];
		profiler_sample at = *now;

		if (c->state == CONTEXT_PAUSED) {
			/* a suspended fiber's frames stopped when it left */
			at = c->left;
		} else if (c->state == CONTEXT_WAITING) {
			/* up to now; the rest is credited when control comes back */
			credit_waiting(c, now);
			c->left.ticks = now->ticks;
			c->left.peak = now->peak;
		}
		/* each open call is charged with its span so far, top first so
		 * that its caller sees its peak as a child's, and starts again */
		for (j = profiler_context_depth(c); j > 0; j--) {
			profiler_frame *f = &c->frames[j];
			profiler_recorder_charge(f, at.ticks, at.mem);
			profiler_recorder_charge_more_to(c, f, at.ticks, at.mem);
			if (at.peak) {
				profiler_recorder_charge_peak(c, f, at.peak);
			}
			f->start_ticks = at.ticks;
			f->start_mem = at.mem;
			profiler_recorder_start_peak(c, f, at.peak);
		}
	}
}

/* Finds or makes parent's child for a call; on a full tree, has the owner
 * write a part and empty the tree, then tries once more. */
static profiler_call_node *child_node(profiler_recorder *r, profiler_context *c, profiler_call_node *parent,
	uintptr_t key, uint32_t line, const void *call, const profiler_sample *now)
{
	profiler_call_node *node;
	uint32_t func_id;
	bool parent_is_top = parent == c->top->node;

	node = profiler_call_tree_find(r->tree, parent, key, line);
	if (node) {
		return node;
	}
	func_id = r->options.resolve(r->options.user, key, call);
	if (func_id == PROFILER_FUNC_NONE) {
		return NULL;
	}
	node = profiler_call_tree_add(r->tree, parent, key, line, func_id);
	if (!node && r->options.full && !r->in_full_callback) {
		r->in_full_callback = true;
		/* the part gets the calls still open up to now, so that its
		 * inclusive costs cover exactly its own span */
		profiler_recorder_checkpoint(r, now);
		r->options.full(r->options.user, r);
		r->in_full_callback = false;
		/* the reset kept only open paths: a parent that had ended is gone */
		parent = parent_is_top ? c->top->node : NULL;
		if (parent) {
			node = profiler_call_tree_add(r->tree, parent, key, line, func_id);
		}
	}
	return node;
}

static bool ensure_capacity(profiler_context *c)
{
	return c->top != c->last || context_grow(c, 2 * (size_t)(c->last - c->frames));
}

/* Pushes a frame for node with peak memory as well. */
static void push_frame_with_peak(profiler_context *c, profiler_call_node *node, uintptr_t tag,
	const profiler_sample *now)
{
	profiler_recorder_stage(c->top, (const void *)tag, now->ticks, now->mem);
	profiler_recorder_push_staged(c, c->top, node);
	profiler_recorder_start_peak(c, c->top, now->peak);
}

void profiler_recorder_enter(profiler_recorder *r, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now)
{
	profiler_context *c = r->current;
	profiler_call_node *parent = NULL, *node;

	profiler_recorder_settle(c, now->mem);
	if (c->top != c->frames && profiler_frame_tag(c->top) != caller) {
		profiler_recorder_unwind_to(r, caller, now);
	}
	if (!ensure_capacity(c)) {
		return;
	}
	if (!parent) {
		parent = c->top->node;
	}
	node = child_node(r, c, parent, key, line, call, now);
	if (!node) {
		return;
	}
	/* the top frame's node may be new if the tree was just reset */
	if (node->parent == c->top->node) {
		profiler_recorder_learn_child(c->top, node);
	}
	push_frame_with_peak(c, node, (uintptr_t)tag, now);
}

void profiler_recorder_leave(profiler_recorder *r, const void *tag, const profiler_sample *now, bool settle_later)
{
	profiler_context *c = r->current;
	profiler_frame *f;

	profiler_recorder_settle(c, now->mem);
	f = frame_of(c, tag);
	if (f == c->frames) {
		return;
	}
	/* only the frame on top is settled: the others end unseen */
	if (settle_later && f == c->top) {
		profiler_recorder_settle_later(c, f, now->mem);
	}
	while (c->top >= f) {
		profiler_recorder_pop_frame(c, now);
	}
}

bool profiler_recorder_enter_under_ended(profiler_recorder *r, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now)
{
	profiler_context *c = r->current;
	profiler_call_node *top;
	profiler_call_node *node;

	profiler_recorder_settle(c, now->mem);
	top = c->top->node;
	if (!c->ended_node || c->ended_node->parent != top
			|| (c->top != c->frames && profiler_frame_tag(c->top) != caller) || !ensure_capacity(c)) {
		return false;
	}
	node = child_node(r, c, c->ended_node, key, line, call, now);
	if (!node) {
		return false;
	}
	/* its own end must not become the parent of the next such call */
	push_frame_with_peak(c, node, (uintptr_t)tag | FRAME_MARKED, now);
	return true;
}

void profiler_recorder_unwind_to(profiler_recorder *r, const void *caller, const profiler_sample *now)
{
	profiler_context *c = r->current;
	profiler_frame *f = frame_of(c, caller);

	/* a NULL caller is the sentinel's */
	if (f == c->frames && caller != NULL) {
		return;
	}
	while (c->top > f) {
		profiler_recorder_pop_frame(c, now);
	}
}

static profiler_context *find_context(profiler_recorder *r, const void *id)
{
	uintptr_t value;
	if (id && profiler_ptr_map_get(r->by_id, (uintptr_t)id, &value)) {
		return (profiler_context *)value;
	}
	return NULL;
}

/* Control comes back to c after it left at c->left. */
static void context_return(profiler_context *c, const profiler_sample *now)
{
	uint64_t away_ticks = profiler_rise(now->ticks, c->left.ticks);
	size_t i;

	if (c->state == CONTEXT_WAITING) {
		/* what ran meanwhile was a fiber started or resumed from the top
		 * frame */
		credit_waiting(c, now);
	} else if (c->state == CONTEXT_PAUSED) {
		/* A suspended fiber costs nothing: shift its frames past the gap. */
		uint64_t away_mem = now->mem - c->left.mem;
		uint64_t away_peak = now->peak - c->left.peak;
		for (i = 1; i <= profiler_context_depth(c); i++) {
			c->frames[i].start_ticks += away_ticks;
			c->frames[i].start_mem += away_mem;
			c->peaks[i].start += away_peak;
		}
	}
	c->state = CONTEXT_RUNNING;
}

void profiler_recorder_switch(profiler_recorder *r, const void *from, const void *to, const profiler_sample *now)
{
	profiler_context *src = r->current;
	profiler_context *dst;

	profiler_recorder_settle(src, now->mem);
	if (src->id == NULL && from) {
		src->id = from;
		profiler_ptr_map_put(r->by_id, (uintptr_t)from, (uintptr_t)src);
	} else if (src->id != from) {
		profiler_context *named = find_context(r, from);
		if (named) {
			src = named;
		}
	}
	dst = find_context(r, to);
	if (!dst) {
		/* A context seen for the first time is a fiber being started: its
		 * calls belong under the call that started it. */
		profiler_call_node *base = src->top->node;
		dst = context_new(r, to, base);
		if (!dst) {
			return;
		}
		dst->state = CONTEXT_RUNNING;
	}
	src->left = *now;
	if (src->resumer == dst) {
		src->state = CONTEXT_PAUSED;
	} else {
		src->state = CONTEXT_WAITING;
		dst->resumer = src;
	}
	context_return(dst, now);
	r->current = dst;
}

static void close_context(profiler_context *c, const profiler_sample *at)
{
	while (c->top != c->frames) {
		profiler_recorder_pop_frame(c, at);
	}
}

void profiler_recorder_forget_context(profiler_recorder *r, const void *id, const profiler_sample *now)
{
	profiler_context *c = find_context(r, id);

	(void)now;
	if (!c || c == r->current || !c->id) {
		return;
	}
	/* Its frames stopped running when it last left. */
	close_context(c, &c->left);
	context_free(r, c);
}

void profiler_recorder_close_all(profiler_recorder *r, const profiler_sample *now)
{
	profiler_context *c = r->current;
	size_t i;

	profiler_recorder_settle(c, now->mem);
	/* The running context and the chain of contexts waiting on it end now;
	 * each waiting one is credited with the time it waited. */
	while (c) {
		profiler_context *next = c->resumer;
		if (c != r->current) {
			context_return(c, now);
		}
		close_context(c, now);
		c->state = CONTEXT_RUNNING;
		c->resumer = NULL;
		if (next && next->state != CONTEXT_WAITING) {
			next = NULL;
		}
		c = next;
	}
	/* Suspended fibers ended when they last ran. */
	for (i = 0; i < r->context_count; i++) {
		close_context(r->contexts[i], &r->contexts[i]->left);
	}
}
