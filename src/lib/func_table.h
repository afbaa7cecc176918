/* The functions a profile names, each made once and referred to by id.
 *
 * The engine layer computes a function's name and file the first time it
 * meets a function, and binds the engine's pointer for it (the key) to the id,
 * so the hot path never builds or hashes a name. Two keys that produce the
 * same (name, file) share one id: closures created afresh on every loop
 * iteration are one function in the profile, as users expect. */
#ifndef PROFILER_FUNC_TABLE_H
#define PROFILER_FUNC_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROFILER_FUNC_NONE UINT32_MAX
/* A self line of 0 means "charge self cost to the call-site line", which is
 * what readers show for internal functions. */
#define PROFILER_LINE_CALL_SITE 0

typedef struct {
	const char *name;
	size_t name_len;
	uint32_t file_id;
	uint32_t self_line;
} profiler_func_info;

typedef struct profiler_func_table profiler_func_table;

profiler_func_table *profiler_func_table_create(void);
void profiler_func_table_destroy(profiler_func_table *table);

/* Returns the id for (name, file), creating it if new; PROFILER_FUNC_NONE
 * when memory runs out. */
uint32_t profiler_func_table_intern(profiler_func_table *table, const char *name, size_t name_len,
	const char *file, size_t file_len, uint32_t self_line);

bool profiler_func_table_find_key(const profiler_func_table *table, uintptr_t key, uint32_t *id);
void profiler_func_table_bind_key(profiler_func_table *table, uintptr_t key, uint32_t id);
/* Drops every key binding, keeping the ids: used when engine pointers may be
 * reused for other functions (a new request in the same process). */
void profiler_func_table_forget_keys(profiler_func_table *table);

const profiler_func_info *profiler_func_table_get(const profiler_func_table *table, uint32_t id);
uint32_t profiler_func_table_count(const profiler_func_table *table);
const char *profiler_func_table_file(const profiler_func_table *table, uint32_t file_id, size_t *len);
uint32_t profiler_func_table_file_count(const profiler_func_table *table);
size_t profiler_func_table_memory(const profiler_func_table *table);

#endif
