/* Cachegrind projection and formatting; see cachegrind.h. */
#include "cachegrind.h"

#include <stdlib.h>
#include <string.h>

#define SELF 0u

/* One line of the file before merging: a self cost (callee == SELF) or a
 * call edge (callee == callee id + 1). */
typedef struct {
	uint32_t caller;
	uint32_t callee;
	uint32_t line;
	uint64_t calls;
	uint64_t ticks;
	int64_t mem;
	uint64_t peak;
} record;

/* Records are merged as they are collected, in an open-addressing index on
 * (caller, callee, line): the writer's memory follows the number of
 * distinct lines of the file, not the (larger) number of call paths. */
typedef struct {
	record *records;
	size_t count, cap;
	uint32_t *index; /* record index + 1, 0 = empty */
	size_t mask;
	const profiler_func_table *funcs;
	bool failed;
} collect_ctx;

static size_t hash_record(uint32_t caller, uint32_t callee, uint32_t line)
{
	uint64_t h = ((uint64_t)caller << 32 | callee) * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)line * 0xC2B2AE3D27D4EB4Full;
	return (size_t)(h ^ (h >> 29));
}

static bool grow_index(collect_ctx *c)
{
	size_t size = (c->mask + 1) * 2, i;
	uint32_t *index = calloc(size, sizeof(uint32_t));

	if (!index) {
		return false;
	}
	for (i = 0; i < c->count; i++) {
		const record *r = &c->records[i];
		size_t j = hash_record(r->caller, r->callee, r->line) & (size - 1);
		while (index[j]) {
			j = (j + 1) & (size - 1);
		}
		index[j] = (uint32_t)i + 1;
	}
	free(c->index);
	c->index = index;
	c->mask = size - 1;
	return true;
}

/* Adds costs to the record for (caller, callee, line), creating it. */
static void add_record(collect_ctx *c, uint32_t caller, uint32_t callee, uint32_t line,
	uint64_t calls, uint64_t ticks, int64_t mem, uint64_t peak)
{
	size_t j = hash_record(caller, callee, line) & c->mask;
	record *r;

	while (c->index[j]) {
		r = &c->records[c->index[j] - 1];
		if (r->caller == caller && r->callee == callee && r->line == line) {
			r->calls += calls;
			r->ticks += ticks;
			r->mem += mem;
			r->peak += peak;
			return;
		}
		j = (j + 1) & c->mask;
	}
	if (c->count == c->cap) {
		size_t cap = c->cap * 2;
		record *records = realloc(c->records, cap * sizeof(record));
		if (!records) {
			c->failed = true;
			return;
		}
		c->records = records;
		c->cap = cap;
	}
	r = &c->records[c->count];
	r->caller = caller;
	r->callee = callee;
	r->line = line;
	r->calls = calls;
	r->ticks = ticks;
	r->mem = mem;
	r->peak = peak;
	c->index[j] = (uint32_t)++c->count;
	if (c->count * 2 > c->mask + 1 && !grow_index(c)) {
		c->failed = true;
	}
}

static void collect(void *ctx, const profiler_call_node *node, profiler_call_self self)
{
	collect_ctx *c = ctx;
	const profiler_func_info *info = profiler_func_table_get(c->funcs, node->func_id);

	if (!info || c->failed || (profiler_call_node_calls(node) == 0 && profiler_call_node_incl_ticks(node) == 0 && node->incl_mem == 0 && node->incl_peak == 0)) {
		return; /* a path kept only to reach an open frame, with nothing yet */
	}
	add_record(c, node->func_id, SELF,
		info->self_line == PROFILER_LINE_CALL_SITE ? node->line : info->self_line,
		0, self.ticks, self.mem, node->self_peak);
	if (node->parent && node->parent->func_id != UINT32_MAX) {
		add_record(c, node->parent->func_id, node->func_id + 1, node->line,
			profiler_call_node_calls(node), profiler_call_node_incl_ticks(node), (int64_t)node->incl_mem,
			node->incl_peak);
	}
}

static int compare_records(const void *a, const void *b)
{
	const record *x = a, *y = b;
	if (x->caller != y->caller) {
		return x->caller < y->caller ? -1 : 1;
	}
	if (x->callee != y->callee) {
		return x->callee < y->callee ? -1 : 1;
	}
	if (x->line != y->line) {
		return x->line < y->line ? -1 : 1;
	}
	return 0;
}

static uint64_t to_10ns(uint64_t ticks, double ticks_per_ns)
{
	return (uint64_t)((double)ticks / ticks_per_ns / 10.0 + 0.5);
}

typedef struct {
	profiler_text text;
	const profiler_func_table *funcs;
	bool *file_named;
	bool *func_named;
} writer;

static void write_file_ref(writer *w, const char *key, uint32_t file_id)
{
	profiler_text_str(&w->text, key);
	profiler_text_char(&w->text, '(');
	profiler_text_u64(&w->text, (uint64_t)file_id + 1);
	profiler_text_char(&w->text, ')');
	if (!w->file_named[file_id]) {
		size_t len;
		const char *name = profiler_func_table_file(w->funcs, file_id, &len);
		w->file_named[file_id] = true;
		profiler_text_char(&w->text, ' ');
		profiler_text_bytes(&w->text, name, len);
	}
	profiler_text_char(&w->text, '\n');
}

static void write_func_ref(writer *w, const char *key, uint32_t func_id)
{
	profiler_text_str(&w->text, key);
	profiler_text_char(&w->text, '(');
	profiler_text_u64(&w->text, (uint64_t)func_id + 1);
	profiler_text_char(&w->text, ')');
	if (!w->func_named[func_id]) {
		const profiler_func_info *info = profiler_func_table_get(w->funcs, func_id);
		w->func_named[func_id] = true;
		profiler_text_char(&w->text, ' ');
		profiler_text_bytes(&w->text, info->name, info->name_len);
	}
	profiler_text_char(&w->text, '\n');
}

static void write_costs(writer *w, uint32_t line, uint64_t time, uint64_t mem, bool with_peak, uint64_t peak)
{
	profiler_text_u64(&w->text, line);
	profiler_text_char(&w->text, ' ');
	profiler_text_u64(&w->text, time);
	profiler_text_char(&w->text, ' ');
	profiler_text_u64(&w->text, mem);
	if (with_peak) {
		profiler_text_char(&w->text, ' ');
		profiler_text_u64(&w->text, peak);
	}
	profiler_text_char(&w->text, '\n');
}

static void write_header(writer *w, const profiler_cachegrind_options *o)
{
	profiler_text_str(&w->text, "version: 1\ncreator: ");
	profiler_text_str(&w->text, o->creator);
	profiler_text_str(&w->text, "\ncmd: ");
	profiler_text_str(&w->text, o->cmd);
	profiler_text_str(&w->text, "\npart: ");
	profiler_text_u64(&w->text, o->part);
	profiler_text_str(&w->text, "\npositions: line\n\nevents: Time_(10ns) Memory_(bytes)");
	profiler_text_str(&w->text, o->peak_memory ? " PeakMemory_(bytes)\n" : "\n");
}

bool profiler_cachegrind_write(profiler_output out, profiler_call_tree *tree,
	const profiler_func_table *funcs, const profiler_cachegrind_options *o,
	profiler_cachegrind_summary *summary)
{
	collect_ctx c;
	writer w;
	size_t i, n;
	uint32_t current = UINT32_MAX;
	profiler_cachegrind_summary sum = { 0, 0, 0, 0, 0 };
	bool ok;

	memset(&c, 0, sizeof(c));
	c.funcs = funcs;
	c.cap = 256;
	c.mask = 1023;
	c.records = malloc(c.cap * sizeof(record));
	c.index = calloc(c.mask + 1, sizeof(uint32_t));
	w.file_named = calloc(profiler_func_table_file_count(funcs) + 1, sizeof(bool));
	w.func_named = calloc(profiler_func_table_count(funcs) + 1, sizeof(bool));
	if (!c.records || !c.index || !w.file_named || !w.func_named) {
		free(c.records);
		free(c.index);
		free(w.file_named);
		free(w.func_named);
		return false;
	}
	w.funcs = funcs;
	profiler_call_tree_each_with_self(tree, collect, &c);
	free(c.index);
	c.index = NULL;
	qsort(c.records, c.count, sizeof(record), compare_records);
	n = c.count;

	profiler_text_init(&w.text, out);
	write_header(&w, o);
	for (i = 0; i < n; i++) {
		const record *r = &c.records[i];
		uint64_t time = to_10ns(r->ticks, o->ticks_per_ns);
		uint64_t mem = r->mem > 0 ? (uint64_t)r->mem : 0;

		if (r->caller != current) {
			const profiler_func_info *info = profiler_func_table_get(funcs, r->caller);
			current = r->caller;
			profiler_text_char(&w.text, '\n');
			write_file_ref(&w, "fl=", info->file_id);
			write_func_ref(&w, "fn=", r->caller);
			sum.functions++;
		}
		if (r->callee == SELF) {
			write_costs(&w, r->line, time, mem, o->peak_memory, r->peak);
			sum.time_10ns += time;
			sum.memory += mem;
			sum.peak_memory += r->peak;
		} else {
			const profiler_func_info *callee = profiler_func_table_get(funcs, r->callee - 1);
			write_file_ref(&w, "cfl=", callee->file_id);
			write_func_ref(&w, "cfn=", r->callee - 1);
			profiler_text_str(&w.text, "calls=");
			profiler_text_u64(&w.text, r->calls);
			profiler_text_str(&w.text, " 0 0\n");
			write_costs(&w, r->line, time, mem, o->peak_memory, r->peak);
			sum.edges++;
		}
	}
	profiler_text_str(&w.text, "\nsummary: ");
	profiler_text_u64(&w.text, sum.time_10ns);
	profiler_text_char(&w.text, ' ');
	profiler_text_u64(&w.text, sum.memory);
	if (o->peak_memory) {
		profiler_text_char(&w.text, ' ');
		profiler_text_u64(&w.text, sum.peak_memory);
	}
	profiler_text_str(&w.text, "\n\n");
	ok = profiler_text_finish(&w.text) && !c.failed;
	if (summary) {
		*summary = sum;
	}
	free(c.records);
	free(w.file_named);
	free(w.func_named);
	return ok;
}
