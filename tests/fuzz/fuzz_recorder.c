/* libFuzzer target for src/lib/recorder.c (with call_tree, func_table,
 * cachegrind): the input bytes are a program of enter / leave / unwind /
 * fiber switch / forget_context / flush (checkpoint, write a part, reset_tree) /
 * close_all operations on a recorder with a tiny memory cap, driven by a
 * synthetic clock. A small model mirrors the documented semantics; after
 * every operation the fuzzer checks:
 *
 *  - the recorder's depth and context count agree with the model;
 *  - the tree is consistent: node_count equals the nodes visited, parents
 *    are visited before children, depth = parent depth + 1, and every
 *    node's self ticks <= incl_ticks, and calls == 0 means no cost
 *    (inclusive; and self once no call is open anywhere);
 *  - call counts: calls summed over every part written so far plus the
 *    current tree equal the number of completed enters;
 *  - time: self ticks summed the same way never exceed the time during
 *    which the running context had an open frame, and equal it whenever no
 *    frame is open anywhere (after close_all in particular);
 *  - each part written through the Cachegrind writer has a summary equal
 *    to the self ticks of the tree it was written from.
 *
 * Any violation aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cachegrind.h"
#include "call_tree.h"
#include "func_table.h"
#include "output.h"
#include "recorder.h"
#include "recorder_private.h"

#define MAX_CTX 6
#define MAX_DEPTH 200
#define SKIP_KEY_INDEX 23

enum { RUNNING, WAITING, PAUSED };

typedef struct {
	bool alive;
	int state;
	int resumer; /* -1: none */
	size_t depth;
	const void *tags[MAX_DEPTH];
} model_context;

typedef struct {
	const uint8_t *data;
	size_t size, pos;

	profiler_recorder *rec;
	profiler_func_table *funcs;
	bool peak_on;
	uint64_t now, mem, peak;
	uint64_t attributed; /* ticks during which the running context had an open frame */
	uint64_t completed;  /* enters whose frame has been closed */
	uint64_t written_calls, written_self;
	uint64_t parts;
	uint64_t next_tag, burst_key;
	bool full_fired;          /* the full callback ran during this enter */
	bool in_full;             /* writing a part: open calls are charged up to now */
	size_t nodes_after_reset; /* what the open paths alone occupy */
	int cur;
	model_context ctx[MAX_CTX];
	char ids[MAX_CTX];
} fuzz_state;

static fuzz_state *S;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "fuzz_recorder: invariant violated at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	abort(); } } while (0)

static uint8_t next_byte(void)
{
	return S->pos < S->size ? S->data[S->pos++] : 0;
}

static const void *fresh_tag(void)
{
	/* never dereferenced, never reused */
	return (const void *)(uintptr_t)(0x10000000u + 16u * (uintptr_t)++S->next_tag);
}

static profiler_sample sample(void)
{
	profiler_sample s;
	s.ticks = S->now;
	s.mem = S->mem;
	s.peak = S->peak_on ? S->peak : 0;
	return s;
}

static uint32_t resolve(void *user, uintptr_t key, const void *call)
{
	char name[40];
	int n;
	(void)user;
	(void)call;
	if (key == (uintptr_t)(SKIP_KEY_INDEX + 1) * 16) {
		return PROFILER_FUNC_NONE;
	}
	n = snprintf(name, sizeof(name), "fn_%lx", (unsigned long)key);
	return profiler_func_table_intern(S->funcs, name, (size_t)n,
		(key & 16) ? "/a.php" : "/b.php", 6, (key & 32) ? PROFILER_LINE_CALL_SITE : (uint32_t)(key % 90) + 1);
}

/* ---- tree checks ---------------------------------------------------- */

typedef struct {
	const profiler_call_node **set;
	size_t mask;
	size_t count;
	uint64_t calls, self;
	const profiler_call_node *root;
	bool all_closed; /* no frame open in any context */
} walk_ctx;

static size_t open_frames_everywhere(void);

static bool set_has(walk_ctx *w, const profiler_call_node *n)
{
	size_t i = ((uintptr_t)n >> 4) & w->mask;
	while (w->set[i]) {
		if (w->set[i] == n) {
			return true;
		}
		i = (i + 1) & w->mask;
	}
	return false;
}

static void set_add(walk_ctx *w, const profiler_call_node *n)
{
	size_t i = ((uintptr_t)n >> 4) & w->mask;
	while (w->set[i]) {
		i = (i + 1) & w->mask;
	}
	w->set[i] = n;
}

static void visit(void *ctx, const profiler_call_node *n, profiler_call_self self)
{
	walk_ctx *w = ctx;
	CHECK(n != w->root);
	CHECK(n->parent != NULL);
	/* parents come before children */
	CHECK(n->parent == w->root || set_has(w, n->parent));
	CHECK(self.ticks <= n->incl_ticks);
	/* an open call has costs before it ends only when the recorder
	 * checkpointed it for the part being written in the full callback */
	if (profiler_call_node_calls(n) == 0 && !S->in_full) {
		CHECK(n->incl_ticks == 0 && n->incl_mem == 0);
		/* self costs are worked out from the children, which are charged
		 * before an open call is: they are whole once no call is open */
		if (w->all_closed) {
			CHECK(self.ticks == 0 && self.mem == 0);
		}
	}
	CHECK(profiler_func_table_get(S->funcs, n->func_id) != NULL);
	CHECK(w->count * 2 < w->mask + 1);
	set_add(w, n);
	w->count++;
	w->calls += profiler_call_node_calls(n);
	w->self += self.ticks;
}

/* Walks the tree, checking its shape; returns its totals. */
static void walk_tree(uint64_t *calls, uint64_t *self, size_t *nodes)
{
	profiler_call_tree *tree = profiler_recorder_tree(S->rec);
	size_t n = profiler_call_tree_node_count(tree), size = 64;
	walk_ctx w;

	while (size < n * 4) {
		size *= 2;
	}
	w.set = calloc(size, sizeof(*w.set));
	w.mask = size - 1;
	w.count = 0;
	w.calls = w.self = 0;
	w.root = profiler_call_tree_root(tree);
	w.all_closed = open_frames_everywhere() == 0;
	CHECK(w.set != NULL);
	CHECK(w.root->parent == NULL);
	profiler_call_tree_each_with_self(tree, visit, &w);
	CHECK(w.count == n);
	CHECK((n == 0) == profiler_call_tree_is_empty(tree));
	free(w.set);
	*calls = w.calls;
	*self = w.self;
	if (nodes) {
		*nodes = n;
	}
}

static bool discard_write(void *ctx, const void *data, size_t len)
{
	(void)data;
	*(size_t *)ctx += len;
	return true;
}

/* The owner writing a part: Cachegrind to nowhere, totals kept, then the
 * tree is emptied of all but the open paths. */
static void flush_part(profiler_recorder *rec)
{
	uint64_t calls, self;
	size_t nodes, bytes = 0;
	profiler_output out = { discard_write, &bytes };
	profiler_cachegrind_options o;
	profiler_cachegrind_summary sum;

	walk_tree(&calls, &self, &nodes);
	o.creator = "fuzz";
	o.cmd = "fuzz.php";
	o.part = (unsigned)++S->parts;
	o.peak_memory = S->peak_on;
	o.ticks_per_ns = 0.1; /* a tick is 10 ns: the summary is in ticks */
	CHECK(profiler_cachegrind_write(out, profiler_recorder_tree(rec), S->funcs, &o, &sum));
	CHECK(sum.time_10ns == self);
	CHECK(bytes > 0);
	S->written_calls += calls;
	S->written_self += self;

	CHECK(profiler_recorder_reset_tree(rec));
	/* what is left are open paths, with their counters at zero */
	walk_tree(&calls, &self, &nodes);
	CHECK(calls == 0 && self == 0);
	S->nodes_after_reset = nodes;
}

/* The owner writing a part of its own accord: as the recorder does before
 * the full callback, it charges the open calls up to now first. */
static void op_flush(void)
{
	profiler_sample s = sample();

	profiler_recorder_checkpoint(S->rec, &s);
	S->in_full = true;
	flush_part(S->rec);
	S->in_full = false;
}

static void on_full(void *user, profiler_recorder *rec)
{
	(void)user;
	S->full_fired = true;
	S->in_full = true;
	flush_part(rec);
	S->in_full = false;
}

/* After an enter: the frame was pushed (true), or legitimately dropped: the
 * function is one resolve skips, or the open paths alone fill the capped
 * tree even right after a flush. */
static bool entered(size_t before, uintptr_t key)
{
	size_t depth = profiler_recorder_depth(S->rec);
	if (depth == before + 1) {
		CHECK(key != (uintptr_t)(SKIP_KEY_INDEX + 1) * 16);
		return true;
	}
	CHECK(depth == before);
	CHECK(key == (uintptr_t)(SKIP_KEY_INDEX + 1) * 16 || (S->full_fired && S->nodes_after_reset >= 1024));
	return false;
}

/* ---- model ----------------------------------------------------------- */

static size_t open_frames_everywhere(void)
{
	size_t i, n = 0;
	for (i = 0; i < MAX_CTX; i++) {
		if (S->ctx[i].alive) {
			n += S->ctx[i].depth;
		}
	}
	return n;
}

static size_t alive_contexts(void)
{
	size_t i, n = 0;
	for (i = 0; i < MAX_CTX; i++) {
		n += S->ctx[i].alive;
	}
	return n;
}

static void check_all(void)
{
	uint64_t calls, self;
	model_context *c = &S->ctx[S->cur];

	CHECK(profiler_recorder_depth(S->rec) == c->depth);
	CHECK(profiler_recorder_context_count(S->rec) == alive_contexts());
	walk_tree(&calls, &self, NULL);
	CHECK(S->written_calls + calls == S->completed);
	CHECK(S->written_self + self <= S->attributed);
	if (open_frames_everywhere() == 0) {
		CHECK(S->written_self + self == S->attributed);
	}
}

static void advance(uint64_t dt)
{
	if (S->ctx[S->cur].depth > 0) {
		S->attributed += dt;
	}
	S->now += dt;
}

/* The model's side of frames ending: the current context down to depth d. */
static void model_pop_to(size_t d)
{
	model_context *c = &S->ctx[S->cur];
	if (d < c->depth) {
		S->completed += c->depth - d;
		c->depth = d;
	}
}

/* Index + 1 of tag in the current context's stack, searched from the top;
 * 0 when absent. */
static size_t model_find(const void *tag)
{
	model_context *c = &S->ctx[S->cur];
	size_t i = c->depth;
	while (i > 0 && c->tags[i - 1] != tag) {
		i--;
	}
	return i;
}

/* Picks a tag: usually the top frame's, or a lower one, NULL, or unknown. */
static const void *pick_tag(uint8_t b, bool allow_null)
{
	model_context *c = &S->ctx[S->cur];
	switch (b % 8) {
		case 5:
			return allow_null ? NULL : fresh_tag();
		case 6:
			return c->depth ? c->tags[(b >> 3) % c->depth] : NULL;
		case 7:
			return fresh_tag();
		default:
			return c->depth ? c->tags[c->depth - 1] : NULL;
	}
}

static void op_enter(bool inline_path)
{
	uint8_t kb = next_byte(), lb = next_byte(), cb = next_byte();
	uintptr_t key = (uintptr_t)(kb % 24 + 1) * 16;
	uint32_t line = lb % 4;
	model_context *c = &S->ctx[S->cur];
	const void *tag = fresh_tag();
	const void *caller = pick_tag(cb, true);
	profiler_sample s = sample();
	size_t before;

	if (c->depth >= MAX_DEPTH - 1) {
		return;
	}
	/* frames above a caller that is not on top ended unseen */
	if (c->depth && c->tags[c->depth - 1] != caller) {
		if (caller == NULL) {
			model_pop_to(0);
		} else {
			size_t k = model_find(caller);
			if (k) {
				model_pop_to(k);
			}
		}
	}
	before = c->depth;
	S->full_fired = false;
	if (inline_path) {
		profiler_recorder_enter_inline(S->rec, key, line, tag, caller, NULL, &s);
	} else {
		profiler_recorder_enter(S->rec, key, line, tag, caller, NULL, &s);
	}
	if (entered(before, key)) {
		c->tags[c->depth++] = tag;
	}
}

/* A destructor: under the frame that ended last, when that applies; the
 * model only knows the depth either way. */
static void op_enter_under_ended(void)
{
	uint8_t kb = next_byte(), cb = next_byte();
	uintptr_t key = (uintptr_t)(kb % 24 + 1) * 16;
	model_context *c = &S->ctx[S->cur];
	const void *tag = fresh_tag();
	const void *caller = pick_tag(cb, true);
	profiler_sample s = sample();
	size_t before = c->depth;
	bool ok;

	if (c->depth >= MAX_DEPTH - 1) {
		return;
	}
	S->full_fired = false;
	ok = profiler_recorder_enter_under_ended(S->rec, key, 0, tag, caller, NULL, &s);
	if (ok) {
		/* it never unwinds: only taken when the caller is on top */
		CHECK(before == 0 || c->tags[before - 1] == caller);
		CHECK(profiler_recorder_depth(S->rec) == before + 1);
		c->tags[c->depth++] = tag;
	} else {
		CHECK(profiler_recorder_depth(S->rec) == before);
	}
}

static void op_leave(void)
{
	uint8_t tb = next_byte(), how = next_byte();
	const void *tag = pick_tag(tb, false);
	profiler_sample s = sample();
	size_t k = model_find(tag);

	if (how & 1) {
		profiler_recorder_leave_inline(S->rec, tag, &s, false);
	} else {
		profiler_recorder_leave(S->rec, tag, &s, false);
	}
	if (k) {
		model_pop_to(k - 1);
	}
}

static void op_unwind(void)
{
	const void *caller = pick_tag(next_byte(), true);
	profiler_sample s = sample();

	profiler_recorder_unwind_to(S->rec, caller, &s);
	if (caller == NULL) {
		model_pop_to(0);
	} else {
		size_t k = model_find(caller);
		if (k) {
			model_pop_to(k);
		}
	}
}

static void op_switch(void)
{
	int to = next_byte() % MAX_CTX;
	int from = S->cur;
	profiler_sample s = sample();
	model_context *src = &S->ctx[from], *dst = &S->ctx[to];

	if (to == from) {
		return;
	}
	profiler_recorder_switch(S->rec, &S->ids[from], &S->ids[to], &s);
	if (!dst->alive) {
		dst->alive = true;
		dst->depth = 0;
		dst->resumer = -1;
	}
	if (src->resumer == to) {
		src->state = PAUSED;
	} else {
		src->state = WAITING;
		dst->resumer = from;
	}
	dst->state = RUNNING;
	S->cur = to;
}

static void op_forget(void)
{
	int which = next_byte() % MAX_CTX, i;
	profiler_sample s = sample();
	model_context *c = &S->ctx[which];

	profiler_recorder_forget_context(S->rec, &S->ids[which], &s);
	if (which == S->cur || !c->alive) {
		return;
	}
	S->completed += c->depth;
	c->depth = 0;
	c->alive = false;
	for (i = 0; i < MAX_CTX; i++) {
		if (S->ctx[i].resumer == which) {
			S->ctx[i].resumer = -1;
		}
	}
}

static void op_close_all(void)
{
	profiler_sample s = sample();
	int c = S->cur, i;

	profiler_recorder_close_all(S->rec, &s);
	while (c >= 0) {
		int next = S->ctx[c].resumer;
		S->ctx[c].state = RUNNING;
		S->ctx[c].resumer = -1;
		if (next >= 0 && S->ctx[next].state != WAITING) {
			next = -1;
		}
		c = next;
	}
	for (i = 0; i < MAX_CTX; i++) {
		if (S->ctx[i].alive) {
			S->completed += S->ctx[i].depth;
			S->ctx[i].depth = 0;
		}
	}
}

/* Many calls to functions never seen before: fills the tree quickly. */
static void op_burst(void)
{
	int n = 1 + next_byte() % 96, i;
	model_context *c = &S->ctx[S->cur];

	for (i = 0; i < n && c->depth < MAX_DEPTH - 1; i++) {
		const void *tag = fresh_tag();
		uintptr_t key = (uintptr_t)(0x100000 + 16 * ++S->burst_key);
		profiler_sample s = sample();
		size_t before = c->depth;
		S->full_fired = false;
		profiler_recorder_enter(S->rec, key, 1, tag, c->depth ? c->tags[c->depth - 1] : NULL, NULL, &s);
		if (!entered(before, key)) {
			continue;
		}
		c->tags[c->depth++] = tag;
		advance(1);
		S->mem += 8;
		if (S->mem > S->peak) {
			S->peak = S->mem;
		}
		s = sample();
		profiler_recorder_leave(S->rec, tag, &s, false);
		model_pop_to(before);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_state state;
	profiler_recorder_options o;
	int i;

	memset(&state, 0, sizeof(state));
	S = &state;
	S->data = data;
	S->size = size;
	S->peak_on = next_byte() & 1;
	S->mem = 1000000;
	S->peak = S->mem;
	S->now = 1000;
	S->funcs = profiler_func_table_create();
	o.memory_cap = 1; /* tiny: the tree is full after its first block of nodes */
	o.resolve = resolve;
	o.full = on_full;
	o.user = NULL;
	S->rec = profiler_recorder_create(&o);
	CHECK(S->funcs && S->rec);
	for (i = 0; i < MAX_CTX; i++) {
		S->ctx[i].resumer = -1;
	}
	S->ctx[0].alive = true;
	S->cur = 0;

	while (S->pos < S->size) {
		uint8_t op = next_byte();
		uint8_t dt = next_byte();
		int64_t dm;

		advance(dt % 32 == 31 ? (uint64_t)dt << 8 : dt % 32);
		dm = (int64_t)(dt % 7) * 64 - 128;
		if (dm < 0 && (uint64_t)-dm > S->mem) {
			dm = 0;
		}
		S->mem = (uint64_t)((int64_t)S->mem + dm);
		if (S->mem > S->peak) {
			S->peak = S->mem;
		}
		switch (op % 16) {
			case 0: case 1: case 2:
				op_enter(true);
				break;
			case 3:
				op_enter(false);
				break;
			case 4:
				op_enter_under_ended();
				break;
			case 5: case 6: case 7:
				op_leave();
				break;
			case 8:
				op_unwind();
				break;
			case 9: case 10:
				op_switch();
				break;
			case 11:
				op_forget();
				break;
			case 12:
				op_flush();
				break;
			case 13:
				op_close_all();
				break;
			case 14:
				op_burst();
				break;
			default:
				advance((uint64_t)next_byte() << 10);
				break;
		}
		check_all();
	}

	/* the profile ends: everything closes, every call and tick is counted */
	advance(7);
	op_close_all();
	check_all();
	CHECK(open_frames_everywhere() == 0);
	flush_part(S->rec);
	check_all();

	profiler_recorder_destroy(S->rec);
	profiler_func_table_destroy(S->funcs);
	S = NULL;
	return 0;
}
