/* Writes a calling-context tree as a Cachegrind (callgrind format) part.
 *
 * The tree is projected onto functions: each function's self cost, and for
 * each (caller, callee, call-site line) the call count and the callee's
 * inclusive cost, as Xdebug writes them, but one block per function rather
 * than one per call. File and function names are compressed as "(N) name"
 * on first use and "(N)" after. The closing summary is the sum of the self
 * costs actually written, so readers' percentages add up to 100%. */
#ifndef PROFILER_CACHEGRIND_H
#define PROFILER_CACHEGRIND_H

#include <stdbool.h>
#include <stdint.h>

#include "call_tree.h"
#include "func_table.h"
#include "output.h"

typedef struct {
	const char *creator;
	const char *cmd;
	unsigned part;
	bool peak_memory;
	double ticks_per_ns;
} profiler_cachegrind_options;

typedef struct {
	uint64_t time_10ns;
	uint64_t memory;
	uint64_t peak_memory;
	uint64_t functions;
	uint64_t edges;
} profiler_cachegrind_summary;

bool profiler_cachegrind_write(profiler_output out, profiler_call_tree *tree,
	const profiler_func_table *funcs, const profiler_cachegrind_options *options,
	profiler_cachegrind_summary *summary);

#endif
