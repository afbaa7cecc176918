/* A map from pointer-sized keys to pointer-sized values, open addressing.
 *
 * Used where the profiler needs "the thing we already made for this engine
 * pointer": per-function records and per-fiber stacks. Key 0 is reserved. */
#ifndef PROFILER_PTR_MAP_H
#define PROFILER_PTR_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct profiler_ptr_map profiler_ptr_map;

profiler_ptr_map *profiler_ptr_map_create(void);
void profiler_ptr_map_destroy(profiler_ptr_map *map);

/* Returns true and sets *value when key is present. */
bool profiler_ptr_map_get(const profiler_ptr_map *map, uintptr_t key, uintptr_t *value);
/* Inserts or replaces. Returns false only when memory runs out. */
bool profiler_ptr_map_put(profiler_ptr_map *map, uintptr_t key, uintptr_t value);
bool profiler_ptr_map_remove(profiler_ptr_map *map, uintptr_t key);
size_t profiler_ptr_map_count(const profiler_ptr_map *map);
size_t profiler_ptr_map_memory(const profiler_ptr_map *map);

#endif
