/* Folded-stack projection of the call tree; see folded.h. */
#include "folded.h"
#include "ptr_map.h"

#include <stdlib.h>

/* A distinct path of function ids (call lines merged). */
typedef struct {
	uint32_t parent; /* path index, or UINT32_MAX at the root */
	uint32_t func_id;
	uint64_t self_ticks;
	bool has_calls;
} path;

typedef struct {
	path *paths;
	size_t count;
	profiler_ptr_map *index; /* (parent path + 1) << 32 | func_id, +1 -> path index + 1 */
	profiler_ptr_map *of_node; /* node pointer -> path index + 1 */
	bool failed;
} collect_ctx;

static void collect(void *ctx, const profiler_call_node *node, profiler_call_self self)
{
	collect_ctx *c = ctx;
	uint32_t parent = UINT32_MAX;
	uintptr_t value, key;

	if (c->failed) {
		return;
	}
	if (node->parent && profiler_ptr_map_get(c->of_node, (uintptr_t)node->parent, &value)) {
		parent = (uint32_t)(value - 1);
	}
	key = (((uintptr_t)parent + 1) << 32 | node->func_id) + 1;
	if (!profiler_ptr_map_get(c->index, key, &value)) {
		path *p = &c->paths[c->count];
		p->parent = parent;
		p->func_id = node->func_id;
		p->self_ticks = 0;
		p->has_calls = false;
		value = ++c->count;
		if (!profiler_ptr_map_put(c->index, key, value)) {
			c->failed = true;
			return;
		}
	}
	if (!profiler_ptr_map_put(c->of_node, (uintptr_t)node, value)) {
		c->failed = true;
		return;
	}
	c->paths[value - 1].self_ticks += self.ticks;
	c->paths[value - 1].has_calls |= profiler_call_node_calls(node) > 0 || profiler_call_node_incl_ticks(node) > 0;
}

/* Writes the names of a path from its root. Paths can be as deep as PHP's
 * recursion, so the walk is iterative: indices are gathered leaf to root,
 * then written in reverse. */
static bool write_path(profiler_text *text, const collect_ctx *c, const profiler_func_table *funcs,
	uint32_t index, uint32_t **stack, size_t *stack_cap)
{
	size_t depth = 0, i;
	uint32_t at = index;

	do {
		if (depth == *stack_cap) {
			size_t cap = *stack_cap ? *stack_cap * 2 : 256;
			uint32_t *grown = realloc(*stack, cap * sizeof(uint32_t));
			if (!grown) {
				return false;
			}
			*stack = grown;
			*stack_cap = cap;
		}
		(*stack)[depth++] = at;
		at = c->paths[at].parent;
	} while (at != UINT32_MAX);

	for (i = depth; i > 0; i--) {
		const profiler_func_info *info = profiler_func_table_get(funcs, c->paths[(*stack)[i - 1]].func_id);
		size_t k;
		if (i != depth) {
			profiler_text_char(text, ';');
		}
		if (!info) {
			continue;
		}
		/* ';' and ' ' would break the format; no PHP name has them, but an
		 * eval'd or included path could */
		for (k = 0; k < info->name_len; k++) {
			char ch = info->name[k];
			profiler_text_char(text, (ch == ';' || ch == ' ' || ch == '\n') ? '_' : ch);
		}
	}
	return true;
}

bool profiler_folded_write(profiler_output out, profiler_call_tree *tree,
	const profiler_func_table *funcs, double ticks_per_ns, uint64_t *total_10ns)
{
	collect_ctx c = { NULL, 0, NULL, NULL, false };
	profiler_text text;
	uint64_t total = 0;
	size_t i, stack_cap = 0;
	uint32_t *stack = NULL;
	bool ok;

	c.paths = malloc((profiler_call_tree_node_count(tree) + 1) * sizeof(path));
	c.index = profiler_ptr_map_create();
	c.of_node = profiler_ptr_map_create();
	if (c.paths && c.index && c.of_node) {
		profiler_call_tree_each_with_self(tree, collect, &c);
	} else {
		c.failed = true;
	}
	profiler_text_init(&text, out);
	for (i = 0; !c.failed && i < c.count; i++) {
		uint64_t value;
		if (!c.paths[i].has_calls) {
			continue;
		}
		value = (uint64_t)((double)c.paths[i].self_ticks / ticks_per_ns / 10.0 + 0.5);
		if (!write_path(&text, &c, funcs, (uint32_t)i, &stack, &stack_cap)) {
			c.failed = true;
			break;
		}
		profiler_text_char(&text, ' ');
		profiler_text_u64(&text, value);
		profiler_text_char(&text, '\n');
		total += value;
	}
	ok = profiler_text_finish(&text) && !c.failed;
	free(stack);
	free(c.paths);
	profiler_ptr_map_destroy(c.index);
	profiler_ptr_map_destroy(c.of_node);
	if (total_10ns) {
		*total_10ns = total;
	}
	return ok;
}
