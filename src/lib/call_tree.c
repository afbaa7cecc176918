/* Calling-context tree storage and lookup; see call_tree.h. */
#include "call_tree.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define NODES_PER_CHUNK 1024

/* The hot half of a node must be one cache line (see call_tree.h). The
 * layout is made for 64-bit pointers; with 32-bit ones these fail, and
 * config.m4 and config.w32 stop a 32-bit build before it gets here. */
PROFILER_STATIC_ASSERT(sizeof(void *) == 8, "profiler needs a 64-bit PHP build; 32-bit is not supported");
PROFILER_STATIC_ASSERT(offsetof(profiler_call_node, func_id) == 64,
	"a node's hot fields fill its first cache line (profiler needs a 64-bit PHP build; 32-bit is not supported)");
PROFILER_STATIC_ASSERT(sizeof(profiler_call_node) == 128,
	"a node is two cache lines (profiler needs a 64-bit PHP build; 32-bit is not supported)");
PROFILER_STATIC_ASSERT(offsetof(profiler_call_node, first_alt) == offsetof(profiler_call_node, first_hint) + 2 * sizeof(void *)
	&& offsetof(profiler_call_node, next_alt) == offsetof(profiler_call_node, next_hint) + 2 * sizeof(void *),
	"profiler_call_node_alt finds a second guess two pointers after its first");

typedef struct chunk {
	struct chunk *next;
	size_t used;
	profiler_call_node nodes[NODES_PER_CHUNK];
} chunk;

struct profiler_call_tree {
	profiler_call_node root;
	/* where hints point before anything was learned: a node no call is
	 * (no key is 0, no line UINT32_MAX), so guesses need no NULL test */
	profiler_call_node none;
	chunk *first, *last;
	size_t node_count;
	size_t memory_cap;
	/* (parent, key, line) index for children the recent-child check misses */
	profiler_call_node **buckets;
	size_t bucket_mask;
};

static inline size_t hash_child(const profiler_call_node *parent, uintptr_t key, uint32_t line)
{
	uint64_t h = (uint64_t)(uintptr_t)parent * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)key * 0xC2B2AE3D27D4EB4Full;
	h ^= (uint64_t)line * 0x165667B19E3779F9ull;
	return (size_t)(h ^ (h >> 31));
}

static void aim_nowhere(profiler_call_tree *tree, profiler_call_node *n)
{
	n->first_hint = n->next_hint = n->first_alt = n->next_alt = &tree->none;
}

static void init_root(profiler_call_tree *tree)
{
	memset(&tree->root, 0, sizeof(tree->root));
	tree->root.func_id = UINT32_MAX;
	aim_nowhere(tree, &tree->root);
	memset(&tree->none, 0, sizeof(tree->none));
	tree->none.line = UINT32_MAX;
	tree->none.func_id = UINT32_MAX;
	aim_nowhere(tree, &tree->none);
}

static bool init_storage(profiler_call_tree *tree)
{
	tree->first = tree->last = NULL;
	tree->node_count = 0;
	tree->bucket_mask = 1023;
	tree->buckets = calloc(tree->bucket_mask + 1, sizeof(*tree->buckets));
	return tree->buckets != NULL;
}

static void free_storage(profiler_call_tree *tree)
{
	chunk *c = tree->first;
	while (c) {
		chunk *next = c->next;
		profiler_platform_aligned_free(c);
		c = next;
	}
	free(tree->buckets);
	tree->first = tree->last = NULL;
	tree->buckets = NULL;
}

profiler_call_tree *profiler_call_tree_create(size_t memory_cap)
{
	/* it holds the root node, which is cache-line aligned */
	profiler_call_tree *tree = profiler_platform_aligned_alloc(PROFILER_ALIGNOF(profiler_call_tree), sizeof(*tree));
	if (!tree) {
		return NULL;
	}
	memset(tree, 0, sizeof(*tree));
	tree->memory_cap = memory_cap;
	init_root(tree);
	if (!init_storage(tree)) {
		profiler_platform_aligned_free(tree);
		return NULL;
	}
	return tree;
}

void profiler_call_tree_destroy(profiler_call_tree *tree)
{
	if (tree) {
		free_storage(tree);
		profiler_platform_aligned_free(tree);
	}
}

profiler_call_node *profiler_call_tree_root(profiler_call_tree *tree)
{
	return &tree->root;
}

profiler_call_node *profiler_call_tree_find(profiler_call_tree *tree, profiler_call_node *parent,
	uintptr_t key, uint32_t line)
{
	profiler_call_node *n = tree->buckets[hash_child(parent, key, line) & tree->bucket_mask];
	while (n) {
		/* key and line first: they share the node's first line */
		if (n->key == key && n->line == line && n->parent == parent) {
			return n;
		}
		n = n->hash_next;
	}
	return NULL;
}

size_t profiler_call_tree_memory(const profiler_call_tree *tree)
{
	size_t chunks = 0;
	const chunk *c;
	for (c = tree->first; c; c = c->next) {
		chunks++;
	}
	return sizeof(*tree) + chunks * sizeof(chunk) + (tree->bucket_mask + 1) * sizeof(*tree->buckets);
}

static void rehash(profiler_call_tree *tree)
{
	size_t size = (tree->bucket_mask + 1) * 2;
	profiler_call_node **buckets = calloc(size, sizeof(*buckets));
	chunk *c;

	if (!buckets) {
		return; /* longer chains, still correct */
	}
	for (c = tree->first; c; c = c->next) {
		size_t i;
		for (i = 0; i < c->used; i++) {
			profiler_call_node *n = &c->nodes[i];
			size_t b = hash_child(n->parent, n->key, n->line) & (size - 1);
			n->hash_next = buckets[b];
			buckets[b] = n;
		}
	}
	free(tree->buckets);
	tree->buckets = buckets;
	tree->bucket_mask = size - 1;
}

/* Bytes the tree would hold after growing by one chunk and, when due, by a
 * doubled bucket array. */
static size_t memory_after_growth(const profiler_call_tree *tree)
{
	size_t mem = profiler_call_tree_memory(tree) + sizeof(chunk);
	if (tree->node_count + NODES_PER_CHUNK > tree->bucket_mask + 1) {
		mem += (tree->bucket_mask + 1) * 2 * sizeof(*tree->buckets);
	}
	return mem;
}

profiler_call_node *profiler_call_tree_add(profiler_call_tree *tree, profiler_call_node *parent,
	uintptr_t key, uint32_t line, uint32_t func_id)
{
	profiler_call_node *n;
	size_t b;

	if (!tree->last || tree->last->used == NODES_PER_CHUNK) {
		chunk *c;
		if (tree->memory_cap && tree->first && memory_after_growth(tree) > tree->memory_cap) {
			return NULL;
		}
		/* nodes are cache-line aligned; so must the chunk be */
		c = profiler_platform_aligned_alloc(PROFILER_ALIGNOF(chunk), sizeof(chunk));
		if (!c) {
			return NULL;
		}
		c->next = NULL;
		c->used = 0;
		if (tree->last) {
			tree->last->next = c;
		} else {
			tree->first = c;
		}
		tree->last = c;
	}
	if (tree->node_count + 1 > tree->bucket_mask + 1) {
		rehash(tree);
	}
	n = &tree->last->nodes[tree->last->used++];
	memset(n, 0, sizeof(*n));
	n->key = key;
	n->line = line;
	n->func_id = func_id;
	n->parent = parent;
	aim_nowhere(tree, n);
	b = hash_child(parent, key, line) & tree->bucket_mask;
	n->hash_next = tree->buckets[b];
	tree->buckets[b] = n;
	tree->node_count++;
	return n;
}

size_t profiler_call_tree_node_count(const profiler_call_tree *tree)
{
	return tree->node_count;
}

bool profiler_call_tree_is_empty(const profiler_call_tree *tree)
{
	return tree->node_count == 0;
}

void profiler_call_tree_each(const profiler_call_tree *tree, profiler_call_tree_visit visit, void *ctx)
{
	const chunk *c;
	/* Chunks hold nodes in creation order, and a parent is always created
	 * before its children. */
	for (c = tree->first; c; c = c->next) {
		size_t i;
		for (i = 0; i < c->used; i++) {
			visit(ctx, &c->nodes[i]);
		}
	}
}

/* Adds sign x every node's inclusive costs to its own adjustments and takes
 * them from its parent's: once (1), the adjustments hold the self costs;
 * again (-1), they are back as they were, exactly (integers wrap). */
static void sum_self_in_place(profiler_call_tree *tree, int64_t sign)
{
	chunk *c;
	size_t i;

	for (c = tree->first; c; c = c->next) {
		for (i = 0; i < c->used; i++) {
			profiler_call_node *n = &c->nodes[i];
			uint64_t ticks = n->incl_ticks * (uint64_t)sign, mem = n->incl_mem * (uint64_t)sign;
			n->self_adj_ticks = (int64_t)((uint64_t)n->self_adj_ticks + ticks);
			n->self_adj_mem = (int64_t)((uint64_t)n->self_adj_mem + mem);
			n->parent->self_adj_ticks = (int64_t)((uint64_t)n->parent->self_adj_ticks - ticks);
			n->parent->self_adj_mem = (int64_t)((uint64_t)n->parent->self_adj_mem - mem);
		}
	}
}

void profiler_call_tree_each_with_self(profiler_call_tree *tree, profiler_call_tree_visit_self visit, void *ctx)
{
	chunk *c;
	size_t i;

	/* in the nodes themselves: a writer needs no memory beside the tree */
	sum_self_in_place(tree, 1);
	for (c = tree->first; c; c = c->next) {
		for (i = 0; i < c->used; i++) {
			const profiler_call_node *n = &c->nodes[i];
			/* a call's children run within it: only a clock that went
			 * back takes this below 0 */
			profiler_call_self self = { n->self_adj_ticks > 0 ? (uint64_t)n->self_adj_ticks : 0, n->self_adj_mem };
			visit(ctx, n, self);
		}
	}
	sum_self_in_place(tree, -1);
}

/* Copies old (and, first, its ancestors) into the fresh storage. The old
 * node's hash_next, no longer needed, remembers the copy, and first_hint
 * pointing at itself marks it copied. Open paths are as deep as PHP's
 * recursion, so the walk is iterative. */
static profiler_call_node *copy_path(profiler_call_tree *tree, profiler_call_node *old, profiler_call_node *old_root,
	profiler_call_node ***pending, size_t *pending_cap)
{
	size_t count = 0;
	profiler_call_node *parent;

	/* gather the uncopied ancestors, leaf first */
	while (old && old != old_root && old->first_hint != old) {
		if (count == *pending_cap) {
			size_t cap = *pending_cap ? *pending_cap * 2 : 256;
			profiler_call_node **grown = realloc(*pending, cap * sizeof(*grown));
			if (!grown) {
				return NULL;
			}
			*pending = grown;
			*pending_cap = cap;
		}
		(*pending)[count++] = old;
		old = old->parent;
	}
	parent = (old == NULL || old == old_root) ? &tree->root : old->hash_next;
	while (count > 0) {
		profiler_call_node *o = (*pending)[--count];
		profiler_call_node *copy = profiler_call_tree_add(tree, parent, o->key, o->line, o->func_id);
		if (!copy) {
			return NULL;
		}
		o->first_hint = o;
		o->hash_next = copy;
		parent = copy;
	}
	return parent;
}

bool profiler_call_tree_reset(profiler_call_tree *tree, profiler_call_node **live[], size_t live_count)
{
	profiler_call_tree old = *tree;
	size_t i, pending_cap = 0;
	profiler_call_node **pending = NULL;
	bool ok = true;

	if (!init_storage(tree)) {
		*tree = old;
		return false;
	}
	init_root(tree);
	/* copies are created uncapped: they were already within the cap */
	tree->memory_cap = 0;
	for (i = 0; i < live_count; i++) {
		profiler_call_node *copy;
		if (*live[i] == NULL) {
			continue;
		}
		copy = copy_path(tree, *live[i], &tree->root, &pending, &pending_cap);
		if (!copy) {
			ok = false;
			copy = &tree->root;
		}
		*live[i] = copy;
	}
	tree->memory_cap = old.memory_cap;
	free(pending);
	free_storage(&old);
	return ok;
}
