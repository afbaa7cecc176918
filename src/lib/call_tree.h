/* The calling-context tree: one node per distinct call path.
 *
 * A node is (parent node, function key, call-site line). Its counters add up
 * every call made along that exact path, so a profile costs memory per path,
 * not per call, and both the Cachegrind file (by projecting paths onto
 * caller/callee edges) and folded stacks (by walking paths) come from it.
 *
 * Nodes live in chunks owned by the tree; the tree keeps a memory cap and
 * refuses new nodes beyond it, so its owner can write what it has and reset. */
#ifndef PROFILER_CALL_TREE_H
#define PROFILER_CALL_TREE_H

#include "platform.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct profiler_call_node profiler_call_node;

/* Two cache lines, aligned to its size. A call reads and writes only the
 * first: the node's identity, its inclusive counters and the hints for the
 * calls after it. The second holds what is read when a call misses both
 * hints, and what only the writers read.
 *
 * A call adds to inclusive costs only. Self costs are what a node's
 * inclusive costs leave after its children's, so they are worked out when
 * the tree is written (profiler_call_tree_each_with_self), not per call. */
struct PROFILER_ALIGNED(128) profiler_call_node {
	uintptr_t key;
	uint32_t line;
	/* the low 32 bits of the call count (see profiler_call_node_calls),
	 * so that the first line has room for the hints */
	uint32_t calls_low;
	/* Call-order hints: the child a call of this node was seen to make
	 * first (first_hint, and the one before that in first_alt), and the
	 * sibling this node's parent was seen to call after it (next_hint,
	 * next_alt). A function makes its calls in much the same order every
	 * time it runs, or alternates between two (a branch in a loop), so these
	 * predict the next child whatever the fan-out. Only hints: the caller
	 * checks that the node is the one it wants; they are never NULL, but
	 * point at a node that is no call until something is learned. Each
	 * second guess sits two pointers after its first (see
	 * profiler_call_node_alt). */
	profiler_call_node *first_hint;
	profiler_call_node *next_hint;
	profiler_call_node *first_alt;
	profiler_call_node *next_alt;
	uint64_t incl_ticks;
	uint64_t incl_mem;

	uint32_t func_id;
	uint32_t calls_high;
	profiler_call_node *parent;
	profiler_call_node *hash_next;
	/* What the self costs need beyond inclusive costs less the children's:
	 * time and memory a child spent outside this node's calls, or that
	 * this node's calls spent in code that is none of its children (see
	 * the recorder) */
	int64_t self_adj_ticks;
	int64_t self_adj_mem;
	/* peak memory is charged per call, self and inclusive (it does not add
	 * up over children) */
	uint64_t incl_peak;
	uint64_t self_peak;
};

/* A node's inclusive ticks: the sum of its calls' spans, which is below 0
 * (as a signed number) only if the clock went back (see the recorder's
 * profiler_recorder_charge); that reads as 0. */
static inline uint64_t profiler_call_node_incl_ticks(const profiler_call_node *node)
{
	return (int64_t)node->incl_ticks > 0 ? node->incl_ticks : 0;
}

static inline uint64_t profiler_call_node_calls(const profiler_call_node *node)
{
	return (uint64_t)node->calls_high << 32 | node->calls_low;
}

PROFILER_ALWAYS_INLINE void profiler_call_node_count_call(profiler_call_node *node)
{
	if (PROFILER_UNLIKELY(++node->calls_low == 0)) {
		node->calls_high++;
	}
}

/* The second guess that goes with a first (hint: &node->first_hint or
 * &node->next_hint): callers keep one pointer per prediction and look for
 * the second guess only when the first misses. */
static inline profiler_call_node **profiler_call_node_alt(profiler_call_node **hint)
{
	return hint + 2;
}

typedef struct profiler_call_tree profiler_call_tree;

/* memory_cap is in bytes; 0 means no cap. */
profiler_call_tree *profiler_call_tree_create(size_t memory_cap);
void profiler_call_tree_destroy(profiler_call_tree *tree);

/* The synthetic root: the parent of {main}; it has no function. */
profiler_call_node *profiler_call_tree_root(profiler_call_tree *tree);

/* Finds the child of parent for (key, line), or NULL. */
profiler_call_node *profiler_call_tree_find(profiler_call_tree *tree, profiler_call_node *parent,
	uintptr_t key, uint32_t line);

/* Adds a child; returns NULL when the cap (or memory) does not allow it. */
profiler_call_node *profiler_call_tree_add(profiler_call_tree *tree, profiler_call_node *parent,
	uintptr_t key, uint32_t line, uint32_t func_id);

size_t profiler_call_tree_memory(const profiler_call_tree *tree);
size_t profiler_call_tree_node_count(const profiler_call_tree *tree);
bool profiler_call_tree_is_empty(const profiler_call_tree *tree);

/* Calls visit for every node but the root, parents before children. */
typedef void (*profiler_call_tree_visit)(void *ctx, const profiler_call_node *node);
void profiler_call_tree_each(const profiler_call_tree *tree, profiler_call_tree_visit visit, void *ctx);

/* Starts afresh, keeping only the nodes that live[] points to and their
 * ancestors, with their counters zeroed; live[] is updated to the new nodes.
 * This is how a full tree is emptied while calls are still open. */
bool profiler_call_tree_reset(profiler_call_tree *tree, profiler_call_node **live[], size_t live_count);

/* A node's self costs: its inclusive costs, less its children's, plus its
 * adjustments; the time is never below 0. */
typedef struct {
	uint64_t ticks;
	int64_t mem;
} profiler_call_self;

/* profiler_call_tree_each with every node's self costs. The sums are made
 * in the nodes, and undone before it returns: the tree is as it was. */
typedef void (*profiler_call_tree_visit_self)(void *ctx, const profiler_call_node *node, profiler_call_self self);
void profiler_call_tree_each_with_self(profiler_call_tree *tree, profiler_call_tree_visit_self visit, void *ctx);

#endif
