/* The recorder turns a stream of call events into a calling-context tree.
 *
 * It keeps one shadow stack per execution context (the main stack and each
 * fiber), so a fiber that is switched out keeps its open frames, and so the
 * time a fiber runs is charged inside the start/resume call that switched to
 * it, while a suspended fiber costs nothing. It never calls into PHP: the
 * engine layer passes raw ticks and memory readings, and resolves function
 * keys through a callback only when a new call path appears. */
#ifndef PROFILER_RECORDER_H
#define PROFILER_RECORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "call_tree.h"

typedef struct profiler_recorder profiler_recorder;

/* A reading of the counters at one instant. */
typedef struct {
	uint64_t ticks;
	uint64_t mem;
	uint64_t peak;
} profiler_sample;

/* Returns the function id for key; call is whatever the engine layer passed
 * to enter, so it can compute the name. PROFILER_FUNC_NONE skips the call. */
typedef uint32_t (*profiler_resolve_fn)(void *user, uintptr_t key, const void *call);
/* Called when the tree reaches its cap: write what it holds as a part. */
typedef void (*profiler_full_fn)(void *user, profiler_recorder *recorder);

typedef struct {
	size_t memory_cap;
	profiler_resolve_fn resolve;
	profiler_full_fn full;
	void *user;
} profiler_recorder_options;

profiler_recorder *profiler_recorder_create(const profiler_recorder_options *options);
void profiler_recorder_destroy(profiler_recorder *recorder);

/* A call begins. tag identifies the frame (the engine's frame pointer) so
 * that leave can find it even when the engine skipped some end events;
 * caller is the tag of the calling frame (NULL: the engine's top level).
 * Tags are even: the recorder uses the low bit.
 * When the caller is not on top, frames above it ended unseen and end now
 * (see profiler_recorder_unwind_to). */
void profiler_recorder_enter(profiler_recorder *recorder, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now);

/* The call tagged tag ends; frames above it end at the same moment. An
 * unknown tag is ignored. settle_later: the call runs a user function, whose
 * locals the engine frees after this event; what that frees by the next
 * event is taken off the call's memory. */
void profiler_recorder_leave(profiler_recorder *recorder, const void *tag, const profiler_sample *now,
	bool settle_later);

/* Like enter, but the call goes under the frame that ended last, when that
 * frame was a child of the caller: for destructors run while a returning
 * function's locals are freed, after its end event. Returns false (and
 * records nothing) when that does not apply. */
bool profiler_recorder_enter_under_ended(profiler_recorder *recorder, uintptr_t key, uint32_t line,
	const void *tag, const void *caller, const void *call, const profiler_sample *now);

/* A call is about to begin from the frame tagged caller (NULL: from the
 * engine's top level). Frames above the caller in the current context have
 * ended without an end event (their begin was never observed, or the engine
 * bailed out), so they end now. An unknown caller changes nothing. */
void profiler_recorder_unwind_to(profiler_recorder *recorder, const void *caller, const profiler_sample *now);

/* Control passes from one execution context to another (fiber switch).
 * Contexts are identified by the engine's pointers; the first context seen
 * is the one the recorder started in. */
void profiler_recorder_switch(profiler_recorder *recorder, const void *from, const void *to,
	const profiler_sample *now);

/* The engine is done with a context. Its open frames, if any, are closed at
 * the moment it last ran. */
void profiler_recorder_forget_context(profiler_recorder *recorder, const void *context, const profiler_sample *now);

/* Closes every open frame of every context: the profile ends now. */
void profiler_recorder_close_all(profiler_recorder *recorder, const profiler_sample *now);

/* Charges every open call with its costs so far, without ending it, so that
 * the tree covers exactly the time up to now (calls are counted when they
 * end). The recorder does this itself before the full callback. */
void profiler_recorder_checkpoint(profiler_recorder *recorder, const profiler_sample *now);

/* Empties the tree of everything but the open paths, after a part has been
 * written from it, which a checkpoint comes before: the tree's self costs
 * are worked out from what its nodes were charged, so the open calls must
 * have been charged up to the part's end. */
bool profiler_recorder_reset_tree(profiler_recorder *recorder);

profiler_call_tree *profiler_recorder_tree(profiler_recorder *recorder);
size_t profiler_recorder_depth(const profiler_recorder *recorder);
/* The tag of the current context's top frame (NULL when none is open): the
 * caller of a call made now, when no frame ended unseen. */
const void *profiler_recorder_top_tag(const profiler_recorder *recorder);
size_t profiler_recorder_context_count(const profiler_recorder *recorder);

#endif
