/* Writes a calling-context tree as folded stacks: one line per call path,
 * "{main};a;b 1234", the value being the path's self time in 10 ns units,
 * the format flamegraph.pl, speedscope and inferno read.
 *
 * Paths that differ only in call-site lines are one line: a flame graph
 * shows functions, not lines. */
#ifndef PROFILER_FOLDED_H
#define PROFILER_FOLDED_H

#include <stdbool.h>
#include <stdint.h>

#include "call_tree.h"
#include "func_table.h"
#include "output.h"

/* *total_10ns, when not NULL, receives the sum of the values written. */
bool profiler_folded_write(profiler_output out, profiler_call_tree *tree,
	const profiler_func_table *funcs, double ticks_per_ns, uint64_t *total_10ns);

#endif
