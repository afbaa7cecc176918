/* Unit tests for src/lib/recorder.{h,c}, with synthetic ticks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "call_tree.h"
#include "func_table.h"
#include "recorder.h"
#include "recorder_private.h"

/* Frame tags and context ids are just distinct addresses. */
static uint64_t tag_space[4096]; /* tags are even */
#define TAG(i) ((const void *)&tag_space[(i)])
static char context_space[64];
#define CTX(i) ((const void *)&context_space[(i)])

enum { K_MAIN = 1, K_A = 2, K_B = 3, K_C = 4, K_START = 50, K_RESUME = 51, K_FIB = 60, K_INNER = 61, K_WORK = 70 };

typedef struct {
	profiler_func_table *funcs;
	profiler_recorder *rec;
	uintptr_t skip_key;
	unsigned resolve_calls;
	/* what the "owner" wrote in full callbacks */
	unsigned full_calls;
	bool reset_in_full;
	uint64_t written_calls;
	uint64_t written_self;
	uint64_t written_root_incl;
	uint64_t written_parts;
} fixture;

static uint32_t resolve(void *user, uintptr_t key, const void *call)
{
	fixture *f = user;
	char name[32];
	(void)call;
	f->resolve_calls++;
	if (f->skip_key && key == f->skip_key) {
		return PROFILER_FUNC_NONE;
	}
	snprintf(name, sizeof(name), "f%lu", (unsigned long)key);
	return profiler_func_table_intern(f->funcs, name, strlen(name), "t.php", 5, 1);
}

typedef struct {
	uint64_t calls, self, incl, nodes;
	bool self_le_incl;
	uint64_t root_incl; /* inclusive time of the outermost calls */
} totals;

static void add_node(void *ctx, const profiler_call_node *n, profiler_call_self self)
{
	totals *t = ctx;
	t->calls += profiler_call_node_calls(n);
	t->self += self.ticks;
	t->incl += n->incl_ticks;
	if (n->parent && n->parent->func_id == UINT32_MAX) {
		t->root_incl += n->incl_ticks;
	}
	t->nodes++;
	if (self.ticks > n->incl_ticks) {
		t->self_le_incl = false;
	}
}

static totals tree_totals(profiler_recorder *rec)
{
	totals t = { 0, 0, 0, 0, true, 0 };
	profiler_call_tree_each_with_self(profiler_recorder_tree(rec), add_node, &t);
	return t;
}

/* The owner's side of a full tree: write (here: add up) and reset. */
static void on_full(void *user, profiler_recorder *rec)
{
	fixture *f = user;
	totals t = tree_totals(rec);
	f->full_calls++;
	f->written_calls += t.calls;
	f->written_self += t.self;
	f->written_root_incl += t.root_incl;
	f->written_parts++;
	if (f->reset_in_full) {
		assert_true(profiler_recorder_reset_tree(rec));
	}
}

static fixture *fixture_new(size_t cap)
{
	fixture *f = calloc(1, sizeof(*f));
	profiler_recorder_options o;
	f->funcs = profiler_func_table_create();
	o.memory_cap = cap;
	o.resolve = resolve;
	o.full = on_full;
	o.user = f;
	f->rec = profiler_recorder_create(&o);
	f->reset_in_full = true;
	assert_non_null(f->rec);
	return f;
}

static void fixture_free(fixture *f)
{
	profiler_recorder_destroy(f->rec);
	profiler_func_table_destroy(f->funcs);
	free(f);
}

static profiler_sample S(uint64_t t)
{
	profiler_sample s = { t, 0, 0 };
	return s;
}

static profiler_sample SM(uint64_t t, uint64_t mem, uint64_t peak)
{
	profiler_sample s = { t, mem, peak };
	return s;
}

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

/* The tag of the current context's top frame: the caller of a call made
 * now, when no frame ended unseen. */
static const void *top_tag(profiler_recorder *r)
{
	return profiler_recorder_top_tag(r);
}

static void enter(fixture *f, uintptr_t key, uint32_t line, const void *tag, uint64_t t)
{
	profiler_sample s = S(t);
	profiler_recorder_enter(f->rec, key, line, tag, top_tag(f->rec), NULL, &s);
}

static void leave(fixture *f, const void *tag, uint64_t t)
{
	profiler_sample s = S(t);
	profiler_recorder_leave(f->rec, tag, &s, false);
}

static void sw(fixture *f, const void *from, const void *to, uint64_t t)
{
	profiler_sample s = S(t);
	profiler_recorder_switch(f->rec, from, to, &s);
}

/* The node at a path of (key, line) pairs from the root, or NULL. */
static profiler_call_node *path(fixture *f, size_t n, const uintptr_t *keys, const uint32_t *lines)
{
	profiler_call_tree *tree = profiler_recorder_tree(f->rec);
	profiler_call_node *node = profiler_call_tree_root(tree);
	size_t i;
	for (i = 0; i < n && node; i++) {
		node = profiler_call_tree_find(tree, node, keys[i], lines[i]);
	}
	return node;
}

/* Self costs are worked out from the whole tree, as the writers do. */
typedef struct {
	const profiler_call_node *node;
	profiler_call_self self;
	bool found;
} self_query;

static void find_self(void *ctx, const profiler_call_node *n, profiler_call_self self)
{
	self_query *q = ctx;
	if (n == q->node) {
		q->self = self;
		q->found = true;
	}
}

static profiler_call_self self_of(fixture *f, const profiler_call_node *node)
{
	self_query q = { node, { 0, 0 }, false };
	profiler_call_tree_each_with_self(profiler_recorder_tree(f->rec), find_self, &q);
	assert_true(q.found);
	return q.self;
}

#define PATH(f, ...) path_of((f), (const uintptr_t[]){ __VA_ARGS__ }, \
	sizeof((const uintptr_t[]){ __VA_ARGS__ }) / sizeof(uintptr_t))

/* PATH(f, key1, line1, key2, line2, ...) */
static profiler_call_node *path_of(fixture *f, const uintptr_t *pairs, size_t n)
{
	uintptr_t keys[64];
	uint32_t lines[64];
	size_t i;
	assert_true(n % 2 == 0 && n / 2 <= 64);
	for (i = 0; i < n / 2; i++) {
		keys[i] = pairs[2 * i];
		lines[i] = (uint32_t)pairs[2 * i + 1];
	}
	return path(f, n / 2, keys, lines);
}

static void test_create_and_accessors(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	assert_non_null(profiler_recorder_tree(f->rec));
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	assert_int_equal(profiler_recorder_context_count(f->rec), 1);
	assert_true(profiler_call_tree_is_empty(profiler_recorder_tree(f->rec)));
	enter(f, K_MAIN, 0, TAG(0), 0);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	enter(f, K_A, 3, TAG(1), 1);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	leave(f, TAG(1), 2);
	leave(f, TAG(0), 3);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	fixture_free(f);
	profiler_recorder_destroy(NULL);
}

static void test_nested_call_counts(void **state)
{
	fixture *f = fixture_new(0);
	uint64_t t = 0;
	int i;
	profiler_call_node *m, *a, *b;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t++);
	for (i = 0; i < 3; i++) {
		enter(f, K_A, 5, TAG(1), t++);
		enter(f, K_B, 7, TAG(2), t++);
		leave(f, TAG(2), t++);
		leave(f, TAG(1), t++);
	}
	/* b called directly from main too: another path */
	enter(f, K_B, 9, TAG(3), t++);
	leave(f, TAG(3), t++);
	leave(f, TAG(0), t++);

	m = PATH(f, K_MAIN, 0);
	a = PATH(f, K_MAIN, 0, K_A, 5);
	b = PATH(f, K_MAIN, 0, K_A, 5, K_B, 7);
	assert_non_null(m);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(profiler_call_node_calls(m), 1);
	assert_int_equal(profiler_call_node_calls(a), 3);
	assert_int_equal(profiler_call_node_calls(b), 3);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_B, 9)), 1);
	assert_int_equal(profiler_call_tree_node_count(profiler_recorder_tree(f->rec)), 4);
	/* one resolve per distinct path, not per call */
	assert_int_equal(f->resolve_calls, 4);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	fixture_free(f);
}

static void test_recursive_call_counts(void **state)
{
	fixture *f = fixture_new(0);
	uint64_t t = 0;
	int round, i;
	profiler_call_node *n;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t++);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < 4; i++) {
			enter(f, K_A, 3, TAG(1 + i), t++);
		}
		for (i = 3; i >= 0; i--) {
			leave(f, TAG(1 + i), t++);
		}
	}
	leave(f, TAG(0), t++);
	n = PATH(f, K_MAIN, 0, K_A, 3);
	for (i = 0; i < 4; i++) {
		assert_non_null(n);
		assert_int_equal(profiler_call_node_calls(n), 2);
		assert_int_equal(node_depth(n), 2 + i);
		n = profiler_call_tree_find(profiler_recorder_tree(f->rec), n, K_A, 3);
	}
	assert_null(n); /* no fifth level */
	assert_int_equal(profiler_call_tree_node_count(profiler_recorder_tree(f->rec)), 5);
	fixture_free(f);
}

static void test_deep_recursion(void **state)
{
	enum { DEPTH = 3000 };
	fixture *f = fixture_new(0);
	int i;
	totals tt;

	(void)state;
	for (i = 0; i < DEPTH; i++) {
		enter(f, K_A, 1, TAG(i), (uint64_t)i * 10);
	}
	assert_int_equal(profiler_recorder_depth(f->rec), DEPTH);
	/* one leave of the outermost frame ends them all */
	leave(f, TAG(0), (uint64_t)DEPTH * 10);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.nodes, DEPTH);
	assert_int_equal(tt.calls, DEPTH);
	assert_int_equal(tt.self, (uint64_t)DEPTH * 10);
	assert_true(tt.self_le_incl);
	fixture_free(f);
}

static void test_self_times_sum_to_root_inclusive(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *m, *a, *ab, *c, *cb;
	totals tt;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 2, TAG(1), 10);
	enter(f, K_B, 3, TAG(2), 15);
	leave(f, TAG(2), 25);
	leave(f, TAG(1), 40);
	enter(f, K_A, 2, TAG(1), 50);
	leave(f, TAG(1), 60);
	enter(f, K_C, 4, TAG(3), 70);
	enter(f, K_B, 5, TAG(4), 80);
	leave(f, TAG(4), 81);
	leave(f, TAG(3), 95);
	leave(f, TAG(0), 100);

	m = PATH(f, K_MAIN, 0);
	a = PATH(f, K_MAIN, 0, K_A, 2);
	ab = PATH(f, K_MAIN, 0, K_A, 2, K_B, 3);
	c = PATH(f, K_MAIN, 0, K_C, 4);
	cb = PATH(f, K_MAIN, 0, K_C, 4, K_B, 5);
	assert_int_equal(m->incl_ticks, 100);
	assert_int_equal(self_of(f, m).ticks, 35);
	assert_int_equal(profiler_call_node_calls(a), 2);
	assert_int_equal(a->incl_ticks, 40);
	assert_int_equal(self_of(f, a).ticks, 30);
	assert_int_equal(ab->incl_ticks, 10);
	assert_int_equal(self_of(f, ab).ticks, 10);
	assert_int_equal(c->incl_ticks, 25);
	assert_int_equal(self_of(f, c).ticks, 24);
	assert_int_equal(cb->incl_ticks, 1);
	assert_int_equal(self_of(f, cb).ticks, 1);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.self, m->incl_ticks);
	assert_true(tt.self_le_incl);
	fixture_free(f);
}

static void test_memory_accounting(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample s;
	profiler_call_node *m, *a;

	(void)state;
	s = SM(0, 1000, 1000);
	profiler_recorder_enter(f->rec, K_MAIN, 0, TAG(0), NULL, NULL, &s);
	s = SM(10, 1100, 1100);
	profiler_recorder_enter(f->rec, K_A, 1, TAG(1), TAG(0), NULL, &s);
	s = SM(20, 1300, 1500);
	profiler_recorder_leave(f->rec, TAG(1), &s, false);
	s = SM(30, 1400, 1600);
	profiler_recorder_leave(f->rec, TAG(0), &s, false);
	m = PATH(f, K_MAIN, 0);
	a = PATH(f, K_MAIN, 0, K_A, 1);
	assert_int_equal(a->incl_mem, 200);
	assert_int_equal(self_of(f, a).mem, 200);
	assert_int_equal(a->incl_peak, 400);
	assert_int_equal(a->self_peak, 400);
	assert_int_equal(m->incl_mem, 400);
	assert_int_equal(self_of(f, m).mem, 200);
	assert_int_equal(m->incl_peak, 600);
	assert_int_equal(m->self_peak, 200);
	fixture_free(f);
}

static void test_leave_unknown_tag_is_ignored(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 10);
	leave(f, TAG(99), 20);
	leave(f, NULL, 21);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 0);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0)), 0);
	leave(f, TAG(1), 30);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1)->incl_ticks, 20);
	/* leaving an already closed frame again changes nothing */
	leave(f, TAG(1), 35);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 1);
	leave(f, TAG(0), 40);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	/* with nothing open at all, on the fast path too: the bottom of the
	 * stack is no frame, whatever the tag */
	leave(f, TAG(0), 50);
	leave(f, NULL, 51);
	assert_false(profiler_recorder_leave_fast(f->rec, NULL, 52, 0, false));
	assert_false(profiler_recorder_leave_fast(f->rec, TAG(0), 53, 0, true));
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0)), 1);
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_ticks, 40);
	fixture_free(f);
}

static void test_leave_lower_frame_closes_frames_above(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *a, *b, *c, *m;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 10);
	enter(f, K_B, 2, TAG(2), 20);
	enter(f, K_C, 3, TAG(3), 30);
	/* the engine skipped the end events of c and b */
	leave(f, TAG(1), 50);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	a = PATH(f, K_MAIN, 0, K_A, 1);
	b = PATH(f, K_MAIN, 0, K_A, 1, K_B, 2);
	c = PATH(f, K_MAIN, 0, K_A, 1, K_B, 2, K_C, 3);
	assert_int_equal(profiler_call_node_calls(a), 1);
	assert_int_equal(profiler_call_node_calls(b), 1);
	assert_int_equal(profiler_call_node_calls(c), 1);
	assert_int_equal(a->incl_ticks, 40);
	assert_int_equal(b->incl_ticks, 30);
	assert_int_equal(c->incl_ticks, 20);
	assert_int_equal(self_of(f, a).ticks, 10);
	assert_int_equal(self_of(f, b).ticks, 10);
	assert_int_equal(self_of(f, c).ticks, 20);
	leave(f, TAG(0), 60);
	m = PATH(f, K_MAIN, 0);
	assert_int_equal(m->incl_ticks, 60);
	assert_int_equal(self_of(f, m).ticks, 20);
	fixture_free(f);
}

static void test_same_tag_twice_closes_the_top_one(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	/* a reused frame pointer: leave ends the most recent frame with it */
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 10);
	enter(f, K_B, 2, TAG(1), 20);
	leave(f, TAG(1), 30);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1, K_B, 2)), 1);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 0);
	fixture_free(f);
}

static void test_resolve_none_skips_the_call(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	f->skip_key = 99;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, 99, 1, TAG(1), 10);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	/* calls made from the skipped one go under its caller */
	enter(f, K_A, 2, TAG(2), 12);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	leave(f, TAG(2), 14);
	leave(f, TAG(1), 16); /* unknown: ignored */
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	leave(f, TAG(0), 20);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 2)), 1);
	assert_int_equal(profiler_call_tree_node_count(profiler_recorder_tree(f->rec)), 2);
	fixture_free(f);
}

/* main -> Fiber::start -> [fiber: fib -> inner], the fiber finishes. */
static void test_fiber_time_is_inside_resumer_not_its_self(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *m, *start, *fib, *inner;
	totals tt;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_START, 4, TAG(1), 10);
	sw(f, CTX(0), CTX(1), 20);
	assert_int_equal(profiler_recorder_context_count(f->rec), 2);
	assert_int_equal(profiler_recorder_depth(f->rec), 0); /* the fiber's own stack */
	enter(f, K_FIB, 0, TAG(10), 20);
	enter(f, K_INNER, 7, TAG(11), 25);
	leave(f, TAG(11), 35);
	leave(f, TAG(10), 50);
	sw(f, CTX(1), CTX(0), 50);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	{
		profiler_sample s = S(50);
		profiler_recorder_forget_context(f->rec, CTX(1), &s);
	}
	assert_int_equal(profiler_recorder_context_count(f->rec), 1);
	leave(f, TAG(1), 60);
	leave(f, TAG(0), 100);

	m = PATH(f, K_MAIN, 0);
	start = PATH(f, K_MAIN, 0, K_START, 4);
	/* the fiber's calls hang under the call that started it */
	fib = PATH(f, K_MAIN, 0, K_START, 4, K_FIB, 0);
	inner = PATH(f, K_MAIN, 0, K_START, 4, K_FIB, 0, K_INNER, 7);
	assert_non_null(fib);
	assert_non_null(inner);
	assert_int_equal(start->incl_ticks, 50);
	assert_int_equal(self_of(f, start).ticks, 20); /* 30 ran in the fiber */
	assert_int_equal(profiler_call_node_calls(fib), 1);
	assert_int_equal(fib->incl_ticks, 30);
	assert_int_equal(self_of(f, fib).ticks, 20);
	assert_int_equal(inner->incl_ticks, 10);
	assert_int_equal(m->incl_ticks, 100);
	assert_int_equal(self_of(f, m).ticks, 50);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.self, 100);
	fixture_free(f);
}

static void test_suspended_fiber_does_not_accumulate(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *m, *start, *fib, *work, *resume;
	totals tt;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_START, 4, TAG(1), 10);
	sw(f, CTX(0), CTX(1), 20);            /* start */
	enter(f, K_FIB, 0, TAG(10), 20);
	sw(f, CTX(1), CTX(0), 30);            /* Fiber::suspend() */
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	leave(f, TAG(1), 40);
	enter(f, K_WORK, 5, TAG(2), 40);
	leave(f, TAG(2), 70);
	enter(f, K_RESUME, 6, TAG(3), 80);
	sw(f, CTX(0), CTX(1), 90);            /* resume */
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	leave(f, TAG(10), 95);
	sw(f, CTX(1), CTX(0), 95);            /* the fiber returns */
	leave(f, TAG(3), 100);
	leave(f, TAG(0), 120);

	m = PATH(f, K_MAIN, 0);
	start = PATH(f, K_MAIN, 0, K_START, 4);
	fib = PATH(f, K_MAIN, 0, K_START, 4, K_FIB, 0);
	work = PATH(f, K_MAIN, 0, K_WORK, 5);
	resume = PATH(f, K_MAIN, 0, K_RESUME, 6);
	/* the fiber ran 20..30 and 90..95: the 60 it was suspended do not count */
	assert_int_equal(profiler_call_node_calls(fib), 1);
	assert_int_equal(fib->incl_ticks, 15);
	assert_int_equal(self_of(f, fib).ticks, 15);
	assert_int_equal(start->incl_ticks, 30);
	assert_int_equal(self_of(f, start).ticks, 20);
	assert_int_equal(work->incl_ticks, 30);
	assert_int_equal(resume->incl_ticks, 20);
	assert_int_equal(self_of(f, resume).ticks, 15);
	assert_int_equal(m->incl_ticks, 120);
	assert_int_equal(self_of(f, m).ticks, 40);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.self, 120);
	fixture_free(f);
}

static void test_nested_fibers(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *s1, *f1, *s2, *f2;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_START, 1, TAG(1), 0);
	sw(f, CTX(0), CTX(1), 10);         /* main starts fiber 1 */
	enter(f, K_FIB, 0, TAG(10), 10);
	enter(f, K_START, 2, TAG(11), 20);
	sw(f, CTX(1), CTX(2), 30);         /* fiber 1 starts fiber 2 */
	enter(f, K_INNER, 0, TAG(20), 30);
	sw(f, CTX(2), CTX(1), 50);         /* fiber 2 suspends to fiber 1 */
	leave(f, TAG(11), 55);
	sw(f, CTX(1), CTX(0), 60);         /* fiber 1 suspends to main */
	leave(f, TAG(1), 70);
	assert_int_equal(profiler_recorder_context_count(f->rec), 3);
	{
		profiler_sample s = S(200);
		profiler_recorder_close_all(f->rec, &s);
	}
	s1 = PATH(f, K_MAIN, 0, K_START, 1);
	f1 = PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0);
	s2 = PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0, K_START, 2);
	f2 = PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0, K_START, 2, K_INNER, 0);
	assert_int_equal(s1->incl_ticks, 70);
	assert_int_equal(self_of(f, s1).ticks, 20);      /* 50 in fiber 1 (and 2) */
	assert_int_equal(s2->incl_ticks, 35);
	assert_int_equal(self_of(f, s2).ticks, 15);      /* 20 in fiber 2 */
	/* suspended fibers end when they last ran */
	assert_int_equal(f1->incl_ticks, 50);
	assert_int_equal(self_of(f, f1).ticks, 15);
	assert_int_equal(f2->incl_ticks, 20);
	assert_int_equal(self_of(f, f2).ticks, 20);
	assert_int_equal(tree_totals(f->rec).self, PATH(f, K_MAIN, 0)->incl_ticks);
	fixture_free(f);
}

static void test_close_all_closes_everything(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample end = S(100);
	totals tt;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_START, 1, TAG(1), 10);
	sw(f, CTX(0), CTX(1), 20);             /* fiber 1 */
	enter(f, K_FIB, 0, TAG(10), 20);
	sw(f, CTX(1), CTX(0), 30);             /* suspended with fib open */
	leave(f, TAG(1), 35);
	enter(f, K_START, 2, TAG(2), 40);
	sw(f, CTX(0), CTX(2), 50);             /* fiber 2, running at the end */
	enter(f, K_FIB, 0, TAG(20), 50);
	enter(f, K_INNER, 3, TAG(21), 60);
	profiler_recorder_close_all(f->rec, &end);

	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.nodes, 6);
	assert_int_equal(tt.calls, 6); /* every frame of every context closed once */
	assert_true(tt.self_le_incl);
	assert_int_equal(tt.self, 100);
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_ticks, 100);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).ticks, 15);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 1)->incl_ticks, 25);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0, K_START, 1)).ticks, 15);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0)->incl_ticks, 10);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 2)->incl_ticks, 60);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0, K_START, 2)).ticks, 10);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 2, K_FIB, 0)->incl_ticks, 50);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0, K_START, 2, K_FIB, 0)).ticks, 10);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 2, K_FIB, 0, K_INNER, 3)->incl_ticks, 40);

	/* closing again changes nothing */
	end = S(500);
	profiler_recorder_close_all(f->rec, &end);
	tt = tree_totals(f->rec);
	assert_int_equal(tt.calls, 6);
	assert_int_equal(tt.self, 100);
	fixture_free(f);
}

static void test_forget_context(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample s;
	profiler_call_node *fib;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_START, 1, TAG(1), 10);
	sw(f, CTX(0), CTX(1), 20);
	enter(f, K_FIB, 0, TAG(10), 20);
	enter(f, K_INNER, 0, TAG(11), 25);
	sw(f, CTX(1), CTX(0), 30);
	leave(f, TAG(1), 40);
	assert_int_equal(profiler_recorder_context_count(f->rec), 2);

	/* forgetting the running context, an unknown one or NULL does nothing */
	s = S(50);
	profiler_recorder_forget_context(f->rec, CTX(0), &s);
	profiler_recorder_forget_context(f->rec, CTX(7), &s);
	profiler_recorder_forget_context(f->rec, NULL, &s);
	assert_int_equal(profiler_recorder_context_count(f->rec), 2);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);

	/* the destroyed fiber's frames end when it last ran (30), not now */
	s = S(90);
	profiler_recorder_forget_context(f->rec, CTX(1), &s);
	assert_int_equal(profiler_recorder_context_count(f->rec), 1);
	fib = PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0);
	assert_int_equal(profiler_call_node_calls(fib), 1);
	assert_int_equal(fib->incl_ticks, 10);
	assert_int_equal(self_of(f, fib).ticks, 5);
	assert_int_equal(PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0, K_INNER, 0)->incl_ticks, 5);

	/* the same id later is a new fiber */
	sw(f, CTX(0), CTX(1), 95);
	assert_int_equal(profiler_recorder_context_count(f->rec), 2);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	enter(f, K_B, 0, TAG(12), 95);
	leave(f, TAG(12), 97);
	sw(f, CTX(1), CTX(0), 97);
	leave(f, TAG(0), 100);
	/* started from main's frame, so it hangs under main */
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_B, 0)), 1);
	assert_int_equal(tree_totals(f->rec).self, 100);
	fixture_free(f);
}

static void test_reset_tree_keeps_open_frames(void **state)
{
	fixture *f = fixture_new(0);
	totals before, after;
	profiler_call_node *m;
	profiler_sample at = { 35, 0, 0 };

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 10);
	leave(f, TAG(1), 20);
	enter(f, K_B, 2, TAG(2), 30);
	/* as the owner of a full tree does: the part covers up to now */
	profiler_recorder_checkpoint(f->rec, &at);
	before = tree_totals(f->rec);
	assert_int_equal(before.calls, 1);
	assert_int_equal(before.self, 35);
	assert_true(profiler_recorder_reset_tree(f->rec));
	after = tree_totals(f->rec);
	assert_int_equal(after.nodes, 2);    /* main and b stay open */
	assert_int_equal(after.calls, 0);
	assert_int_equal(after.self, 0);
	assert_null(PATH(f, K_MAIN, 0, K_A, 1));
	leave(f, TAG(2), 40);
	leave(f, TAG(0), 50);
	m = PATH(f, K_MAIN, 0);
	/* the open frames go on from the checkpoint */
	assert_int_equal(profiler_call_node_calls(m), 1);
	assert_int_equal(m->incl_ticks, 15);
	assert_int_equal(self_of(f, m).ticks, 10);
	assert_int_equal(PATH(f, K_MAIN, 0, K_B, 2)->incl_ticks, 5);
	assert_int_equal(before.self + tree_totals(f->rec).self, 50);
	fixture_free(f);
}

static void test_memory_cap_parts_add_up(void **state)
{
	enum { N = 5000 };
	fixture *f = fixture_new(1); /* tiny: the tree is full after its first block */
	uint64_t t = 0;
	totals last;
	int i;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t);
	for (i = 0; i < N; i++) {
		enter(f, (uintptr_t)(1000 + i), 1, TAG(1), t);
		t += 3;
		assert_int_equal(profiler_recorder_depth(f->rec), 2); /* never dropped */
		leave(f, TAG(1), t);
		t += 1;
	}
	leave(f, TAG(0), t);
	assert_true(f->full_calls >= 1);
	last = tree_totals(f->rec);
	/* every call was written once, across the parts */
	assert_int_equal(f->written_calls + last.calls, (uint64_t)N + 1);
	assert_int_equal(f->written_self + last.self, t);
	/* main was open across every reset and is counted once, in the last
	 * part; each part holds the span of it that the part covers, so its
	 * inclusive time adds up across the parts, and no part holds more
	 * than the time since the previous one */
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0)), 1);
	assert_true(PATH(f, K_MAIN, 0)->incl_ticks < t);
	assert_int_equal(f->written_root_incl + PATH(f, K_MAIN, 0)->incl_ticks, t);
	assert_true(last.self <= PATH(f, K_MAIN, 0)->incl_ticks);
	fixture_free(f);
}

static void test_memory_cap_without_reset_drops_new_paths(void **state)
{
	fixture *f = fixture_new(1);
	int i, dropped = 0;

	(void)state;
	f->reset_in_full = false; /* an owner that could not write */
	enter(f, K_MAIN, 0, TAG(0), 0);
	for (i = 0; i < 3000; i++) {
		enter(f, (uintptr_t)(1000 + i), 1, TAG(1), (uint64_t)i);
		if (profiler_recorder_depth(f->rec) == 1) {
			dropped++;
		}
		leave(f, TAG(1), (uint64_t)i + 1);
	}
	assert_true(dropped > 0);
	assert_int_equal(f->full_calls, dropped);
	/* known paths are still recorded */
	enter(f, 1000, 1, TAG(1), 4000);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	leave(f, TAG(1), 4001);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, 1000, 1)), 2);
	fixture_free(f);
}

static void test_memory_cap_with_suspended_fiber(void **state)
{
	fixture *f = fixture_new(1);
	uint64_t t = 0, enters = 0;
	totals last;
	int i;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t), enters++;
	enter(f, K_START, 1, TAG(1), t += 1), enters++;
	sw(f, CTX(0), CTX(1), t += 1);
	enter(f, K_FIB, 0, TAG(10), t), enters++;
	sw(f, CTX(1), CTX(0), t += 1);
	leave(f, TAG(1), t += 1);
	/* the node the fiber hangs under is closed now; fill the tree many times */
	for (i = 0; i < 4000; i++) {
		enter(f, (uintptr_t)(1000 + i), 1, TAG(2), t += 1), enters++;
		leave(f, TAG(2), t += 1);
	}
	assert_true(f->full_calls >= 2);
	sw(f, CTX(0), CTX(1), t += 1);
	enter(f, K_INNER, 2, TAG(11), t += 1), enters++;
	leave(f, TAG(11), t += 1);
	leave(f, TAG(10), t += 1);
	sw(f, CTX(1), CTX(0), t);
	leave(f, TAG(0), t += 1);
	last = tree_totals(f->rec);
	assert_int_equal(f->written_calls + last.calls, enters);
	assert_int_equal(f->written_self + last.self, t);
	/* the fiber's frames kept their place in the tree */
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0)), 1);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_START, 1, K_FIB, 0, K_INNER, 2)), 1);
	fixture_free(f);
}

static void unwind(fixture *f, const void *caller, uint64_t t)
{
	profiler_sample s = S(t);
	profiler_recorder_unwind_to(f->rec, caller, &s);
}

static void test_unwind_to_caller(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 10);
	enter(f, K_B, 2, TAG(2), 20);
	/* unknown caller: nothing happens */
	unwind(f, TAG(9), 25);
	assert_int_equal(profiler_recorder_depth(f->rec), 3);
	/* the caller is on top: nothing to end */
	unwind(f, TAG(2), 26);
	assert_int_equal(profiler_recorder_depth(f->rec), 3);
	/* a call from main: a and b ended without end events */
	unwind(f, TAG(0), 30);
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 1);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1)->incl_ticks, 20);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1, K_B, 2)->incl_ticks, 10);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0)), 0); /* the caller stays open */
	/* from the top level: everything ends */
	enter(f, K_C, 3, TAG(3), 40);
	unwind(f, NULL, 50);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0)), 1);
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_ticks, 50);
	assert_int_equal(PATH(f, K_MAIN, 0, K_C, 3)->incl_ticks, 10);
	assert_int_equal(tree_totals(f->rec).self, 50);
	fixture_free(f);
}

/* A user function's locals are freed after its end event: what memory falls
 * by before the next event comes off its inclusive memory (Xdebug's reading
 * point), never below 0; an internal function's is left as read. */
static void test_user_function_memory_settles_at_next_event(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample s = { 0, 1000, 0 };
	(void)state;
	profiler_recorder_enter(f->rec, K_MAIN, 0, TAG(0), NULL, NULL, &s);
	/* a: grows memory by 500, of which 400 is a local freed after its end */
	s.ticks = 1; s.mem = 1000;
	profiler_recorder_enter(f->rec, K_A, 1, TAG(1), TAG(0), NULL, &s);
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(1), 2, 1500, true));
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1)->incl_mem, 500);
	/* the next event sees 1100: a kept 100 */
	s.ticks = 3; s.mem = 1100;
	profiler_recorder_enter(f->rec, K_B, 2, TAG(2), TAG(0), NULL, &s);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1)->incl_mem, 100);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0, K_A, 1)).mem, 100);
	/* b frees more than it grew: clamped at 0, not below */
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(2), 4, 1300, true));
	s.ticks = 5; s.mem = 900;
	profiler_recorder_enter(f->rec, K_C, 3, TAG(3), TAG(0), NULL, &s);
	assert_int_equal(PATH(f, K_MAIN, 0, K_B, 2)->incl_mem, 0);
	/* c is internal: what falls after its end stays out of it */
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(3), 6, 1200, false));
	s.ticks = 7; s.mem = 1000;
	profiler_recorder_leave(f->rec, TAG(0), &s, false);
	assert_int_equal(PATH(f, K_MAIN, 0, K_C, 3)->incl_mem, 300);
	/* main's children: a 100 + b 0 + c 300 */
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_mem, 0);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).mem, -400);
	fixture_free(f);
}

/* An end does not test for a clock that went back: a span below 0 is
 * added as it is, and the node's sum stays exact. Only a total below 0
 * reads as 0. */
static void test_clock_going_back_reads_as_zero_and_sums_exactly(void **state)
{
	fixture *f = fixture_new(0);
	profiler_call_node *a;
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 100);
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(1), 90, 0, false));
	a = PATH(f, K_MAIN, 0, K_A, 1);
	assert_int_equal(profiler_call_node_incl_ticks(a), 0);
	enter(f, K_A, 1, TAG(2), 200);
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(2), 230, 0, false));
	/* -10 + 30 */
	assert_int_equal(profiler_call_node_incl_ticks(a), 20);
	assert_int_equal(profiler_call_node_calls(a), 2);
	leave(f, TAG(0), 300);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).ticks, 280);
	fixture_free(f);
}

/* The engine hooks settle inline what touches the ended node alone. The
 * end of a frame that charged the nodes around it (here {main}, above the
 * sentinel) is left pending, for profiler_recorder_settle_pending. */
static void test_settle_plain_only_for_plain_frames(void **state)
{
	fixture *f = fixture_new(0);
	profiler_context *c = f->rec->current;
	profiler_sample s = { 0, 1000, 0 };
	(void)state;
	profiler_recorder_enter(f->rec, K_MAIN, 0, TAG(0), NULL, NULL, &s);
	s.ticks = 1;
	profiler_recorder_enter(f->rec, K_A, 1, TAG(1), TAG(0), NULL, &s);
	/* a grows memory by 500 and frees 400 of it after its end */
	assert_true(profiler_recorder_leave_fast(f->rec, TAG(1), 2, 1500, true));
	assert_true(profiler_recorder_settle_plain(c, 1100));
	assert_null(c->settle_node);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 1)->incl_mem, 100);
	/* main ends 600 up, then frees 400 */
	s.ticks = 3; s.mem = 1600;
	profiler_recorder_leave(f->rec, TAG(0), &s, true);
	assert_ptr_equal(c->settle_node, PATH(f, K_MAIN, 0));
	assert_false(profiler_recorder_settle_plain(c, 1200));
	assert_ptr_equal(c->settle_node, PATH(f, K_MAIN, 0));
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_mem, 600);
	profiler_recorder_settle_pending(c, 1200);
	assert_null(c->settle_node);
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_mem, 200);
	/* main's own: 200 less a's 100 */
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).mem, 100);
	fixture_free(f);
}

static void test_enter_inline_unwinds_to_caller(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample s;
	(void)state;
	s = S(0);
	profiler_recorder_enter_inline(f->rec, K_MAIN, 0, TAG(0), NULL, NULL, &s);
	s = S(10);
	profiler_recorder_enter_inline(f->rec, K_A, 1, TAG(1), TAG(0), NULL, &s);
	s = S(20);
	profiler_recorder_enter_inline(f->rec, K_B, 2, TAG(2), TAG(1), NULL, &s);
	/* c is called from main: a and b had ended unobserved */
	s = S(30);
	profiler_recorder_enter_inline(f->rec, K_C, 3, TAG(3), TAG(0), NULL, &s);
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 1);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1, K_B, 2)), 1);
	assert_non_null(PATH(f, K_MAIN, 0, K_C, 3));
	s = S(35);
	profiler_recorder_leave_inline(f->rec, TAG(3), &s, false);
	/* again along the known path: the inlined fast path */
	s = S(40);
	profiler_recorder_enter_inline(f->rec, K_C, 3, TAG(4), TAG(0), NULL, &s);
	s = S(42);
	profiler_recorder_leave_inline(f->rec, TAG(4), &s, false);
	/* leave_inline of a frame that is not on top ends the ones above it */
	s = S(44);
	profiler_recorder_enter_inline(f->rec, K_A, 1, TAG(5), TAG(0), NULL, &s);
	s = S(50);
	profiler_recorder_leave_inline(f->rec, TAG(0), &s, false);
	assert_int_equal(profiler_recorder_depth(f->rec), 0);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_C, 3)), 2);
	assert_int_equal(PATH(f, K_MAIN, 0, K_C, 3)->incl_ticks, 7);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 1)), 2);
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_ticks, 50);
	assert_int_equal(tree_totals(f->rec).self, 50);
	fixture_free(f);
}

typedef struct {
	uint64_t v[8];
} node_row;

typedef struct {
	node_row *rows;
	size_t count, cap;
} node_rows;

static void collect_row(void *ctx, const profiler_call_node *n, profiler_call_self self)
{
	node_rows *r = ctx;
	node_row row = { { n->key, n->line, node_depth(n), profiler_call_node_calls(n), n->incl_ticks, self.ticks,
		n->incl_mem, (uint64_t)self.mem } };
	if (r->count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->rows = realloc(r->rows, r->cap * sizeof(*r->rows));
	}
	r->rows[r->count++] = row;
}

/* The inlined enter/leave must record exactly what the out-of-line calls
 * record: the same random event stream through both, trees compared. */
static void test_inline_paths_match_out_of_line(void **state)
{
	fixture *fast = fixture_new(1), *slow = fixture_new(1);
	const void *stack[64];
	int depth = 0, i;
	uint64_t rng = 2024, t = 0, mem = 0;
	node_rows a = { 0 }, b = { 0 };

	(void)state;
	for (i = 0; i < 100000; i++) {
		uint64_t r = test_rand_next(&rng);
		profiler_sample s;
		t += r % 13;
		mem += (r >> 4) % 7;
		s = SM(t, mem, 0);
		if (depth < 60 && (depth == 0 || (r >> 12) % 5 < 3)) {
			/* usually called from the top frame, sometimes from lower
			 * ones (unobserved ends) or from the top level */
			int from = depth == 0 ? -1 : ((r >> 20) % 8 == 0 ? (int)((r >> 24) % (uint64_t)depth) : depth - 1);
			const void *caller = from < 0 ? NULL : stack[from];
			const void *tag = (const void *)(uintptr_t)(0x100000 + (uintptr_t)i * 16); /* never reused */
			uintptr_t key = 10 + (r >> 32) % 12;
			uint32_t line = (uint32_t)((r >> 40) % 3);
			profiler_recorder_enter_inline(fast->rec, key, line, tag, caller, NULL, &s);
			profiler_recorder_enter(slow->rec, key, line, tag, caller, NULL, &s);
			depth = from + 1;
			stack[depth++] = tag;
		} else {
			int which = (r >> 20) % 6 == 0 ? (int)((r >> 24) % (uint64_t)depth) : depth - 1;
			profiler_recorder_leave_inline(fast->rec, stack[which], &s, false);
			profiler_recorder_leave(slow->rec, stack[which], &s, false);
			depth = which;
		}
		assert_int_equal(profiler_recorder_depth(fast->rec), (size_t)depth);
		assert_int_equal(profiler_recorder_depth(slow->rec), (size_t)depth);
	}
	{
		profiler_sample s = SM(t + 1, mem, 0);
		profiler_recorder_close_all(fast->rec, &s);
		profiler_recorder_close_all(slow->rec, &s);
	}
	assert_int_equal(fast->full_calls, slow->full_calls);
	assert_int_equal(fast->written_calls, slow->written_calls);
	assert_int_equal(fast->written_self, slow->written_self);
	profiler_call_tree_each_with_self(profiler_recorder_tree(fast->rec), collect_row, &a);
	profiler_call_tree_each_with_self(profiler_recorder_tree(slow->rec), collect_row, &b);
	assert_int_equal(a.count, b.count);
	assert_true(a.count > 0);
	assert_memory_equal(a.rows, b.rows, a.count * sizeof(node_row));
	free(a.rows);
	free(b.rows);
	fixture_free(fast);
	fixture_free(slow);
}

/* A function calling more children than the child cache has slots, in the
 * same order each time (a loop body): once a round and the step to the
 * next have been seen, every call is predicted by the call-order hints and
 * takes the fast path; a change of order falls back, counts stay exact,
 * and the new order is learnt. */
static void test_call_order_is_predicted(void **state)
{
	fixture *f = fixture_new(0);
	profiler_recorder *r = f->rec;
	const uintptr_t kids = 9;
	uintptr_t k;
	uint64_t t = 0;
	int round;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t++);
	for (round = 0; round < 6; round++) {
		/* rounds 0-2: 100..108; rounds 3-5: the other way round */
		for (k = 0; k < kids; k++) {
			uintptr_t key = round < 3 ? 100 + k : 100 + kids - 1 - k;
			uint32_t line = (uint32_t)(key % 3);
			bool fast = profiler_recorder_enter_fast(r, key, line, TAG(1), TAG(0), t, 0);
			if (round == 2 || round == 5) {
				assert_true(fast);
			}
			if (!fast) {
				profiler_sample s = S(t);
				profiler_recorder_enter(r, key, line, TAG(1), TAG(0), NULL, &s);
			}
			t++;
			assert_true(profiler_recorder_leave_fast(r, TAG(1), t++, 0, false));
		}
	}
	for (k = 0; k < kids; k++) {
		profiler_call_node *n = PATH(f, K_MAIN, 0, 100 + k, (100 + k) % 3);
		assert_non_null(n);
		assert_int_equal(profiler_call_node_calls(n), 6);
	}
	fixture_free(f);
}

/* A branch in a loop body: A, then B or C in turn, then D. Both ways are
 * remembered, so once each has been seen twice every call is predicted. */
static void test_alternating_calls_are_predicted(void **state)
{
	fixture *f = fixture_new(0);
	profiler_recorder *r = f->rec;
	uint64_t t = 0;
	int round, misses_late = 0;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t++);
	for (round = 0; round < 40; round++) {
		const uintptr_t body[3] = { K_A, round % 2 ? K_B : K_C, K_WORK };
		int k;
		for (k = 0; k < 3; k++) {
			bool fast = profiler_recorder_enter_fast(r, body[k], 7, TAG(1), TAG(0), t, 0);
			if (!fast) {
				profiler_sample s = S(t);
				profiler_recorder_enter(r, body[k], 7, TAG(1), TAG(0), NULL, &s);
				misses_late += round >= 4;
			}
			t++;
			assert_true(profiler_recorder_leave_fast(r, TAG(1), t++, 0, false));
		}
	}
	assert_int_equal(misses_late, 0);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 7)), 40);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_B, 7)), 20);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_C, 7)), 20);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_WORK, 7)), 40);
	fixture_free(f);
}

enum { K_DTOR_A = 80, K_DTOR_B = 81, K_LOG = 82 };

static bool enter_ended(fixture *f, uintptr_t key, uint32_t line, const void *tag, const void *caller, uint64_t t)
{
	profiler_sample s = S(t);
	return profiler_recorder_enter_under_ended(f->rec, key, line, tag, caller, NULL, &s);
}

/* Destructors run while a returning function's locals are freed go under
 * that function, each of them. */
/* A call site that calls one of many functions (a method called on
 * objects of many classes) defeats both guesses; the tree's index still
 * finds a known path without the slow path, and only a new one needs it. */
static void test_many_way_call_site_is_found_by_index(void **state)
{
	fixture *f = fixture_new(0);
	profiler_recorder *r = f->rec;
	const uintptr_t callees[5] = { K_A, K_B, K_C, K_FIB, K_INNER };
	uint64_t t = 0, calls[5] = { 0 };
	uint32_t lcg = 12345;
	int round, slow = 0, indexed = 0;

	(void)state;
	enter(f, K_MAIN, 0, TAG(0), t++);
	for (round = 0; round < 200; round++) {
		profiler_context *c = r->current;
		/* round by round: each callee once, then the rest at random, so
		 * which one follows which keeps changing */
		unsigned which = round < 5 ? (unsigned)round : ((lcg = lcg * 1103515245u + 12345u) >> 16) % 5;
		uintptr_t key = callees[which];
		profiler_frame *top;

		profiler_recorder_settle(c, 0);
		top = profiler_recorder_caller_on_top(c, TAG(0));
		assert_non_null(top);
		profiler_recorder_stage(top, TAG(1), t, 0);
		if (!profiler_recorder_push_first_guess(c, top, key, 7)
				&& !profiler_recorder_push_second_guess(c, top, key, 7)) {
			if (profiler_recorder_push_indexed(r, c, top, key, 7)) {
				indexed++;
			} else {
				profiler_sample s = S(t);
				profiler_recorder_enter(r, key, 7, TAG(1), TAG(0), NULL, &s);
				slow++;
			}
		}
		calls[which]++;
		t++;
		assert_true(profiler_recorder_leave_fast(r, TAG(1), t++, 0, false));
	}
	/* only the five first calls were new paths */
	assert_int_equal(slow, 5);
	assert_true(indexed > 20);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 7)), calls[0]);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_INNER, 7)), calls[4]);
	/* a new path is not found: that one is the slow path's to add */
	{
		profiler_context *c = r->current;
		profiler_frame *top = profiler_recorder_caller_on_top(c, TAG(0));
		profiler_recorder_stage(top, TAG(1), t, 0);
		assert_false(profiler_recorder_push_indexed(r, c, top, K_WORK, 7));
		assert_int_equal(profiler_recorder_depth(r), 1);
	}
	fixture_free(f);
}

static void test_destructors_go_under_ended_function(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	/* nothing has ended yet */
	assert_false(enter_ended(f, K_DTOR_A, 3, TAG(9), TAG(0), 1));
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	enter(f, K_A, 3, TAG(1), 10);
	leave(f, TAG(1), 20);
	/* the caller must be the top frame */
	assert_false(enter_ended(f, K_DTOR_A, 3, TAG(9), TAG(7), 20));
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	assert_true(enter_ended(f, K_DTOR_A, 3, TAG(2), TAG(0), 20));
	assert_int_equal(profiler_recorder_depth(f->rec), 2);
	leave(f, TAG(2), 25);
	assert_true(enter_ended(f, K_DTOR_B, 3, TAG(3), TAG(0), 25));
	leave(f, TAG(3), 30);
	leave(f, TAG(0), 40);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3)), 1);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3)->incl_ticks, 5);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_B, 3)), 1);
	assert_null(PATH(f, K_MAIN, 0, K_DTOR_A, 3));
	/* the function's own cost is its own; the time still adds up */
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 3)->incl_ticks, 10);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).ticks, 20);
	assert_int_equal(tree_totals(f->rec).self, 40);
	fixture_free(f);
}

/* A destructor under the ended function is a user function too: its
 * locals, freed after its end event, come off its memory. Its frame is
 * marked, so its end takes the slow path, which settles as the fast one
 * does. */
static void test_destructor_memory_settles(void **state)
{
	fixture *f = fixture_new(0);
	profiler_sample s = { 0, 1000, 0 };
	(void)state;
	profiler_recorder_enter(f->rec, K_MAIN, 0, TAG(0), NULL, NULL, &s);
	s.ticks = 1;
	profiler_recorder_enter(f->rec, K_A, 3, TAG(1), TAG(0), NULL, &s);
	s.ticks = 2;
	profiler_recorder_leave(f->rec, TAG(1), &s, true);
	s.ticks = 3;
	assert_true(profiler_recorder_enter_under_ended(f->rec, K_DTOR_A, 3, TAG(2), TAG(0), NULL, &s));
	/* the destructor ends with 300 more, 200 of it its locals */
	assert_false(profiler_recorder_leave_fast(f->rec, TAG(2), 4, 1300, true));
	s.ticks = 4; s.mem = 1300;
	profiler_recorder_leave_inline(f->rec, TAG(2), &s, true);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3)->incl_mem, 300);
	s.ticks = 5; s.mem = 1100;
	profiler_recorder_leave(f->rec, TAG(0), &s, false);
	assert_int_equal(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3)->incl_mem, 100);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3)).mem, 100);
	/* main's own memory is what is left over: 100 - 100 */
	assert_int_equal(PATH(f, K_MAIN, 0)->incl_mem, 100);
	assert_int_equal(self_of(f, PATH(f, K_MAIN, 0)).mem, 0);
	fixture_free(f);
}

/* The frame that ended last must be a child of the caller: after the
 * caller itself ended, its child is no longer eligible. */
static void test_ended_frame_must_be_child_of_caller(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 1, TAG(1), 1);
	enter(f, K_B, 2, TAG(2), 2);
	leave(f, TAG(2), 3);   /* b ended; its parent a is on top */
	leave(f, TAG(1), 4);   /* a ended; main is on top */
	assert_true(enter_ended(f, K_DTOR_A, 9, TAG(3), TAG(0), 5));
	assert_non_null(PATH(f, K_MAIN, 0, K_A, 1, K_DTOR_A, 9));
	leave(f, TAG(3), 6);
	leave(f, TAG(0), 7);
	/* nothing open: the ended main is a child of the base, so it is
	 * eligible at the top level */
	assert_true(enter_ended(f, K_DTOR_B, 0, TAG(4), NULL, 8));
	leave(f, TAG(4), 9);
	assert_non_null(PATH(f, K_MAIN, 0, K_DTOR_B, 0));
	fixture_free(f);
}

/* A destructor that itself calls something must not change where the next
 * destructor of the same function's locals goes. */
static int fixture_setup(void **state)
{
	*state = fixture_new(0);
	return 0;
}

static int fixture_teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

static void test_destructor_making_a_call_keeps_next_destructor_under_ended(void **state)
{
	fixture *f = *state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 3, TAG(1), 10);
	leave(f, TAG(1), 20);                                 /* function a returns */
	assert_true(enter_ended(f, K_DTOR_A, 3, TAG(2), TAG(0), 20)); /* $x's destructor */
	enter(f, K_LOG, 7, TAG(3), 21);                      /* which logs */
	leave(f, TAG(3), 22);
	leave(f, TAG(2), 25);
	/* $y's destructor belongs under a as well */
	assert_true(enter_ended(f, K_DTOR_B, 3, TAG(4), TAG(0), 25));
	leave(f, TAG(4), 30);
	leave(f, TAG(0), 40);
	assert_int_equal(profiler_call_node_calls(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_A, 3, K_LOG, 7)), 1);
	assert_non_null(PATH(f, K_MAIN, 0, K_A, 3, K_DTOR_B, 3));
}

static void test_reset_forgets_ended_frame(void **state)
{
	fixture *f = fixture_new(0);
	(void)state;
	enter(f, K_MAIN, 0, TAG(0), 0);
	enter(f, K_A, 3, TAG(1), 10);
	leave(f, TAG(1), 20);
	assert_true(profiler_recorder_reset_tree(f->rec));
	/* the ended node is gone with the old tree: no longer eligible */
	assert_false(enter_ended(f, K_DTOR_A, 3, TAG(2), TAG(0), 20));
	assert_int_equal(profiler_recorder_depth(f->rec), 1);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_and_accessors),
		cmocka_unit_test(test_nested_call_counts),
		cmocka_unit_test(test_recursive_call_counts),
		cmocka_unit_test(test_deep_recursion),
		cmocka_unit_test(test_self_times_sum_to_root_inclusive),
		cmocka_unit_test(test_memory_accounting),
		cmocka_unit_test(test_leave_unknown_tag_is_ignored),
		cmocka_unit_test(test_destructor_memory_settles),
		cmocka_unit_test(test_many_way_call_site_is_found_by_index),
		cmocka_unit_test(test_leave_lower_frame_closes_frames_above),
		cmocka_unit_test(test_same_tag_twice_closes_the_top_one),
		cmocka_unit_test(test_resolve_none_skips_the_call),
		cmocka_unit_test(test_fiber_time_is_inside_resumer_not_its_self),
		cmocka_unit_test(test_suspended_fiber_does_not_accumulate),
		cmocka_unit_test(test_nested_fibers),
		cmocka_unit_test(test_close_all_closes_everything),
		cmocka_unit_test(test_forget_context),
		cmocka_unit_test(test_reset_tree_keeps_open_frames),
		cmocka_unit_test(test_memory_cap_parts_add_up),
		cmocka_unit_test(test_memory_cap_without_reset_drops_new_paths),
		cmocka_unit_test(test_memory_cap_with_suspended_fiber),
		cmocka_unit_test(test_unwind_to_caller),
		cmocka_unit_test(test_user_function_memory_settles_at_next_event),
		cmocka_unit_test(test_settle_plain_only_for_plain_frames),
		cmocka_unit_test(test_clock_going_back_reads_as_zero_and_sums_exactly),
		cmocka_unit_test(test_enter_inline_unwinds_to_caller),
		cmocka_unit_test(test_call_order_is_predicted),
		cmocka_unit_test(test_alternating_calls_are_predicted),
		cmocka_unit_test(test_inline_paths_match_out_of_line),
		cmocka_unit_test(test_destructors_go_under_ended_function),
		cmocka_unit_test(test_ended_frame_must_be_child_of_caller),
		cmocka_unit_test_setup_teardown(test_destructor_making_a_call_keeps_next_destructor_under_ended,
			fixture_setup, fixture_teardown),
		cmocka_unit_test(test_reset_forgets_ended_frame),
	};
	return cmocka_run_group_tests_name("recorder", tests, NULL, NULL);
}
