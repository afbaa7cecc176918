/* Unit tests for src/lib/call_tree.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "call_tree.h"

/* How many ancestors a node has (the root has none). */
static unsigned node_depth(const profiler_call_node *n)
{
	unsigned d = 0;
	while (n->parent) {
		n = n->parent;
		d++;
	}
	return d;
}

typedef struct {
	const profiler_call_node *seen[4096];
	size_t count;
	bool order_ok;
	profiler_call_node *root;
} visit_ctx;

static void record_visit(void *ctx, const profiler_call_node *node)
{
	visit_ctx *v = ctx;
	size_t i;
	bool parent_seen = node->parent == v->root;
	for (i = 0; i < v->count && !parent_seen; i++) {
		parent_seen = v->seen[i] == node->parent;
	}
	if (!parent_seen || node == v->root) {
		v->order_ok = false;
	}
	if (v->count < 4096) {
		v->seen[v->count++] = node;
	}
}

static void test_empty_tree(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root;
	visit_ctx *v = calloc(1, sizeof(*v));

	(void)state;
	assert_non_null(tree);
	root = profiler_call_tree_root(tree);
	assert_non_null(root);
	assert_int_equal(root->func_id, UINT32_MAX);
	assert_null(root->parent);
	assert_int_equal(node_depth(root), 0);
	assert_true(profiler_call_tree_is_empty(tree));
	assert_int_equal(profiler_call_tree_node_count(tree), 0);
	assert_null(profiler_call_tree_find(tree, root, 1, 0));
	v->order_ok = true;
	v->root = root;
	profiler_call_tree_each(tree, record_visit, v);
	assert_int_equal(v->count, 0);
	assert_true(profiler_call_tree_memory(tree) > 0);
	free(v);
	profiler_call_tree_destroy(tree);
	profiler_call_tree_destroy(NULL);
}

static void test_add_and_find(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *main_, *a5, *a6, *b;

	(void)state;
	main_ = profiler_call_tree_add(tree, root, 0x100, 0, 0);
	a5 = profiler_call_tree_add(tree, main_, 0x200, 5, 1);
	a6 = profiler_call_tree_add(tree, main_, 0x200, 6, 1); /* same function, other line */
	b = profiler_call_tree_add(tree, a5, 0x300, 9, 2);
	assert_non_null(main_);
	assert_non_null(a5);
	assert_non_null(a6);
	assert_non_null(b);
	assert_ptr_not_equal(a5, a6);
	assert_int_equal(profiler_call_tree_node_count(tree), 4);
	assert_false(profiler_call_tree_is_empty(tree));

	assert_int_equal(node_depth(main_), 1);
	assert_int_equal(node_depth(a5), 2);
	assert_int_equal(node_depth(b), 3);
	assert_ptr_equal(b->parent, a5);
	assert_int_equal(b->key, 0x300);
	assert_int_equal(b->line, 9);
	assert_int_equal(b->func_id, 2);
	assert_int_equal(profiler_call_node_calls(b), 0);
	assert_int_equal(b->incl_ticks, 0);

	assert_ptr_equal(profiler_call_tree_find(tree, main_, 0x200, 5), a5);
	assert_ptr_equal(profiler_call_tree_find(tree, main_, 0x200, 6), a6);
	assert_ptr_equal(profiler_call_tree_find(tree, a5, 0x300, 9), b);
	assert_ptr_equal(profiler_call_tree_find(tree, root, 0x100, 0), main_);
	/* the key, the line and the parent all matter */
	assert_null(profiler_call_tree_find(tree, main_, 0x200, 7));
	assert_null(profiler_call_tree_find(tree, main_, 0x300, 9));
	assert_null(profiler_call_tree_find(tree, a6, 0x300, 9));

	profiler_call_tree_destroy(tree);
}

/* The count keeps its low half in the node's first cache line; a path
 * called more than 2^32 times carries into the high half. */
static void test_call_count_carries_past_32_bits(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *n = profiler_call_tree_add(tree, profiler_call_tree_root(tree), 0x100, 1, 0);
	(void)state;
	profiler_call_node_count_call(n);
	assert_int_equal(profiler_call_node_calls(n), 1);
	n->calls_low = UINT32_MAX - 1;
	profiler_call_node_count_call(n);
	assert_true(profiler_call_node_calls(n) == UINT32_MAX);
	profiler_call_node_count_call(n);
	assert_true(profiler_call_node_calls(n) == (uint64_t)UINT32_MAX + 1);
	profiler_call_node_count_call(n);
	assert_true(profiler_call_node_calls(n) == (uint64_t)UINT32_MAX + 2);
	/* the hints share the first line with what a call writes */
	assert_true((uintptr_t)&n->first_hint - (uintptr_t)n < 64);
	assert_true((uintptr_t)&n->next_hint - (uintptr_t)n < 64);
	profiler_call_tree_destroy(tree);
}

static void test_each_visits_parents_first(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *nodes[3000];
	visit_ctx *v = calloc(1, sizeof(*v));
	uint64_t rng = 12345;
	size_t i;

	(void)state;
	/* a random tree, spread over several chunks */
	for (i = 0; i < 3000; i++) {
		profiler_call_node *parent = i == 0 ? root : nodes[test_rand_next(&rng) % i];
		nodes[i] = profiler_call_tree_add(tree, parent, (uintptr_t)(i + 1) * 16, (uint32_t)(i % 7), (uint32_t)i);
		assert_non_null(nodes[i]);
		assert_int_equal(node_depth(nodes[i]), node_depth(parent) + 1);
	}
	v->order_ok = true;
	v->root = root;
	profiler_call_tree_each(tree, record_visit, v);
	assert_int_equal(v->count, 3000);
	assert_true(v->order_ok);
	for (i = 0; i < 3000; i++) {
		assert_ptr_equal(profiler_call_tree_find(tree, nodes[i]->parent, nodes[i]->key, nodes[i]->line), nodes[i]);
	}
	free(v);
	profiler_call_tree_destroy(tree);
}

static void test_many_children_of_one_parent(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *p = profiler_call_tree_add(tree, root, 1, 0, 0);
	static profiler_call_node *kids[20000];
	size_t i, mem0 = profiler_call_tree_memory(tree);

	(void)state;
	for (i = 0; i < 20000; i++) {
		kids[i] = profiler_call_tree_add(tree, p, (uintptr_t)i * 32 + 64, (uint32_t)(i & 3), 0);
		assert_non_null(kids[i]);
	}
	assert_int_equal(profiler_call_tree_node_count(tree), 20001);
	assert_true(profiler_call_tree_memory(tree) > mem0);
	for (i = 0; i < 20000; i++) {
		assert_ptr_equal(profiler_call_tree_find(tree, p, (uintptr_t)i * 32 + 64, (uint32_t)(i & 3)), kids[i]);
		assert_null(profiler_call_tree_find(tree, p, (uintptr_t)i * 32 + 64, (uint32_t)((i & 3) + 4)));
	}
	profiler_call_tree_destroy(tree);
}

static void test_memory_cap_refuses_nodes(void **state)
{
	const size_t cap = 1u << 20; /* 1 MiB */
	profiler_call_tree *tree = profiler_call_tree_create(cap);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *first = NULL, *n;
	size_t added = 0, count;

	(void)state;
	for (;;) {
		n = profiler_call_tree_add(tree, root, added + 1, 0, 0);
		if (!n) {
			break;
		}
		if (!first) {
			first = n;
		}
		added++;
		/* what the tree holds never goes past the cap */
		assert_true(profiler_call_tree_memory(tree) <= cap);
		assert_true(added < 1000000);
	}
	assert_true(added > 0);
	count = profiler_call_tree_node_count(tree);
	assert_int_equal(count, added);
	/* refused again, and nothing changed */
	assert_null(profiler_call_tree_add(tree, root, 0xdead, 1, 0));
	assert_int_equal(profiler_call_tree_node_count(tree), count);
	/* existing nodes are still there */
	assert_ptr_equal(profiler_call_tree_find(tree, root, 1, 0), first);
	profiler_call_tree_destroy(tree);
}

static void test_tiny_cap_still_allows_some_nodes(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(1);
	profiler_call_node *root = profiler_call_tree_root(tree);
	size_t added = 0;

	(void)state;
	while (profiler_call_tree_add(tree, root, added + 1, 0, 0)) {
		added++;
		assert_true(added < 1000000);
	}
	/* a tree that refused everything could never record a call */
	assert_true(added >= 1);
	assert_int_equal(profiler_call_tree_node_count(tree), added);
	profiler_call_tree_destroy(tree);
}

static void test_reset_keeps_live_paths(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *m = profiler_call_tree_add(tree, root, 1, 0, 10);
	profiler_call_node *a = profiler_call_tree_add(tree, m, 2, 3, 20);
	profiler_call_node *b = profiler_call_tree_add(tree, a, 3, 4, 30);
	profiler_call_node *d = profiler_call_tree_add(tree, m, 4, 5, 40);
	profiler_call_node *e = profiler_call_tree_add(tree, d, 5, 6, 50);
	profiler_call_node *b_again = b, *nothing = NULL, *at_root = root, *m_live = m;
	profiler_call_node **live[] = { &b, &b_again, &nothing, &at_root, &m_live };
	profiler_call_node *nb;

	(void)state;
	(void)e;
	m->calls_low = 3;
	m->incl_ticks = 100;
	a->calls_low = 4;
	a->self_adj_ticks = 7;
	b->calls_low = 5;
	b->incl_mem = 9;
	assert_int_equal(profiler_call_tree_node_count(tree), 5);

	assert_true(profiler_call_tree_reset(tree, live, 5));
	root = profiler_call_tree_root(tree);
	/* b and its ancestors remain (3 nodes); d and e are gone */
	assert_int_equal(profiler_call_tree_node_count(tree), 3);
	nb = b;
	assert_ptr_equal(b_again, nb);       /* the same node is copied once */
	assert_null(nothing);
	assert_ptr_equal(at_root, root);
	assert_int_equal(nb->key, 3);
	assert_int_equal(nb->line, 4);
	assert_int_equal(nb->func_id, 30);
	assert_int_equal(node_depth(nb), 3);
	assert_int_equal(nb->parent->key, 2);
	assert_int_equal(nb->parent->func_id, 20);
	assert_int_equal(nb->parent->parent->key, 1);
	assert_ptr_equal(nb->parent->parent, m_live);
	assert_ptr_equal(nb->parent->parent->parent, root);
	/* counters start afresh */
	assert_int_equal(profiler_call_node_calls(nb), 0);
	assert_int_equal(nb->incl_mem, 0);
	assert_int_equal(profiler_call_node_calls(nb->parent), 0);
	assert_int_equal(nb->parent->self_adj_ticks, 0);
	assert_int_equal(profiler_call_node_calls(m_live), 0);
	assert_int_equal(m_live->incl_ticks, 0);
	/* the index works on the new nodes */
	assert_ptr_equal(profiler_call_tree_find(tree, root, 1, 0), m_live);
	assert_ptr_equal(profiler_call_tree_find(tree, m_live, 2, 3), nb->parent);
	assert_ptr_equal(profiler_call_tree_find(tree, nb->parent, 3, 4), nb);
	assert_null(profiler_call_tree_find(tree, m_live, 4, 5));
	/* and new nodes can be added under them */
	assert_non_null(profiler_call_tree_add(tree, nb, 6, 7, 60));
	assert_int_equal(profiler_call_tree_node_count(tree), 4);
	profiler_call_tree_destroy(tree);
}

typedef struct {
	const profiler_call_node *node[4];
	profiler_call_self self[4];
	size_t count;
} self_visit;

static void record_self(void *ctx, const profiler_call_node *node, profiler_call_self self)
{
	self_visit *v = ctx;
	if (v->count < 4) {
		v->node[v->count] = node;
		v->self[v->count++] = self;
	}
}

/* Self costs: inclusive, less the children's, plus the adjustments; time
 * never below 0, memory may be. */
static void test_self_costs_are_summed_from_children(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *m = profiler_call_tree_add(tree, root, 1, 0, 10);
	profiler_call_node *a = profiler_call_tree_add(tree, m, 2, 3, 20);
	profiler_call_node *b = profiler_call_tree_add(tree, m, 3, 4, 30);
	profiler_call_node *c = profiler_call_tree_add(tree, b, 4, 5, 40);
	self_visit v = { { NULL }, { { 0, 0 } }, 0 };

	(void)state;
	m->incl_ticks = 100;
	m->incl_mem = 50;
	a->incl_ticks = 30;
	a->incl_mem = 80;
	b->incl_ticks = 40;
	b->self_adj_ticks = -5; /* e.g. time a fiber ran while b waited */
	c->incl_ticks = 50;     /* more than its parent: a clock that went back */
	c->incl_mem = 7;
	c->self_adj_mem = -2;
	profiler_call_tree_each_with_self(tree, record_self, &v);
	assert_int_equal(v.count, 4);
	assert_ptr_equal(v.node[0], m);
	assert_int_equal(v.self[0].ticks, 30);
	assert_int_equal(v.self[0].mem, -30);
	assert_int_equal(v.self[1].ticks, 30);
	assert_int_equal(v.self[1].mem, 80);
	assert_int_equal(v.self[2].ticks, 0);
	assert_int_equal(v.self[2].mem, -7);
	assert_int_equal(v.self[3].ticks, 50);
	assert_int_equal(v.self[3].mem, 5);
	/* the tree is left as it was: the same again */
	assert_int_equal(b->self_adj_ticks, -5);
	assert_int_equal(c->self_adj_mem, -2);
	assert_int_equal(m->self_adj_ticks, 0);
	v.count = 0;
	profiler_call_tree_each_with_self(tree, record_self, &v);
	assert_int_equal(v.self[0].ticks, 30);
	assert_int_equal(v.self[2].mem, -7);
	assert_int_equal(m->incl_ticks, 100);
	profiler_call_tree_destroy(tree);
}

static void test_reset_with_nothing_live_empties(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *root = profiler_call_tree_root(tree);
	size_t i;

	(void)state;
	for (i = 0; i < 2500; i++) {
		assert_non_null(profiler_call_tree_add(tree, root, i + 1, 0, 0));
	}
	assert_true(profiler_call_tree_reset(tree, NULL, 0));
	assert_true(profiler_call_tree_is_empty(tree));
	assert_int_equal(profiler_call_tree_node_count(tree), 0);
	assert_null(profiler_call_tree_find(tree, root, 1, 0));
	assert_non_null(profiler_call_tree_add(tree, root, 1, 0, 0));
	profiler_call_tree_destroy(tree);
}

static void test_reset_makes_room_under_cap(void **state)
{
	profiler_call_tree *tree = profiler_call_tree_create(1);
	profiler_call_node *root = profiler_call_tree_root(tree);
	profiler_call_node *deep = root, *n;
	profiler_call_node **live[] = { &deep };
	size_t i, added = 0;

	(void)state;
	/* a 10-deep open path, then siblings until the cap */
	for (i = 0; i < 10; i++) {
		deep = profiler_call_tree_add(tree, deep, 100 + i, 0, 0);
		assert_non_null(deep);
	}
	while ((n = profiler_call_tree_add(tree, deep, 1000 + added, 1, 0)) != NULL) {
		added++;
		assert_true(added < 1000000);
	}
	assert_true(profiler_call_tree_reset(tree, live, 1));
	assert_int_equal(profiler_call_tree_node_count(tree), 10);
	assert_int_equal(node_depth(deep), 10);
	/* room again */
	assert_non_null(profiler_call_tree_add(tree, deep, 999999, 1, 0));
	profiler_call_tree_destroy(tree);
}

/* A PHP recursion can be hundreds of thousands of calls deep (the VM stack
 * is on the heap); resetting the tree while it is open must not need C
 * stack in proportion to that depth. Runs in a child with an 8 MiB stack:
 * 0 when the reset worked, -1 when the child crashed. */
#define DEEP_PATH 500000

static int reset_deep_path(void *arg)
{
	profiler_call_tree *tree = profiler_call_tree_create(0);
	profiler_call_node *n = profiler_call_tree_root(tree);
	profiler_call_node **live[1];
	size_t i;

	(void)arg;
	for (i = 0; i < DEEP_PATH; i++) {
		n = profiler_call_tree_add(tree, n, 16, 1, 0);
		if (!n) {
			return 2;
		}
	}
	live[0] = &n;
	if (!profiler_call_tree_reset(tree, live, 1)) {
		return 3;
	}
	if (profiler_call_tree_node_count(tree) != DEEP_PATH || node_depth(n) != DEEP_PATH) {
		return 4;
	}
	profiler_call_tree_destroy(tree);
	return 0;
}

static void test_reset_of_a_very_deep_path(void **state)
{
	(void)state;
	assert_int_equal(run_with_stack_limit(reset_deep_path, NULL, 8u << 20), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_tree),
		cmocka_unit_test(test_add_and_find),
		cmocka_unit_test(test_call_count_carries_past_32_bits),
		cmocka_unit_test(test_each_visits_parents_first),
		cmocka_unit_test(test_many_children_of_one_parent),
		cmocka_unit_test(test_memory_cap_refuses_nodes),
		cmocka_unit_test(test_tiny_cap_still_allows_some_nodes),
		cmocka_unit_test(test_reset_keeps_live_paths),
		cmocka_unit_test(test_self_costs_are_summed_from_children),
		cmocka_unit_test(test_reset_with_nothing_live_empties),
		cmocka_unit_test(test_reset_makes_room_under_cap),
		cmocka_unit_test(test_reset_of_a_very_deep_path),
	};
	return cmocka_run_group_tests_name("call_tree", tests, NULL, NULL);
}
