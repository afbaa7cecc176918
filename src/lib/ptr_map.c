/* Open-addressing pointer map with backward-shift deletion; see ptr_map.h. */
#include "ptr_map.h"

#include <stdlib.h>

typedef struct {
	uintptr_t key;
	uintptr_t value;
} slot;

struct profiler_ptr_map {
	slot *slots;
	size_t mask;
	size_t count;
};

static inline size_t hash_ptr(uintptr_t key)
{
	uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
	return (size_t)(h ^ (h >> 29));
}

profiler_ptr_map *profiler_ptr_map_create(void)
{
	profiler_ptr_map *map = calloc(1, sizeof(*map));
	if (!map) {
		return NULL;
	}
	map->mask = 63;
	map->slots = calloc(map->mask + 1, sizeof(slot));
	if (!map->slots) {
		free(map);
		return NULL;
	}
	return map;
}

void profiler_ptr_map_destroy(profiler_ptr_map *map)
{
	if (map) {
		free(map->slots);
		free(map);
	}
}

bool profiler_ptr_map_get(const profiler_ptr_map *map, uintptr_t key, uintptr_t *value)
{
	size_t i = hash_ptr(key) & map->mask;

	if (key == 0) {
		return false; /* 0 marks empty slots */
	}
	for (;;) {
		const slot *s = &map->slots[i];
		if (s->key == key) {
			*value = s->value;
			return true;
		}
		if (s->key == 0) {
			return false;
		}
		i = (i + 1) & map->mask;
	}
}

static bool grow(profiler_ptr_map *map)
{
	size_t old_size = map->mask + 1, i;
	slot *old = map->slots;
	slot *fresh = calloc(old_size * 2, sizeof(slot));

	if (!fresh) {
		return false;
	}
	map->slots = fresh;
	map->mask = old_size * 2 - 1;
	for (i = 0; i < old_size; i++) {
		if (old[i].key) {
			size_t j = hash_ptr(old[i].key) & map->mask;
			while (fresh[j].key) {
				j = (j + 1) & map->mask;
			}
			fresh[j] = old[i];
		}
	}
	free(old);
	return true;
}

bool profiler_ptr_map_put(profiler_ptr_map *map, uintptr_t key, uintptr_t value)
{
	size_t i;

	if (key == 0) {
		return false;
	}
	if ((map->count + 1) * 4 > (map->mask + 1) * 3 && !grow(map)) {
		return false;
	}
	i = hash_ptr(key) & map->mask;
	while (map->slots[i].key && map->slots[i].key != key) {
		i = (i + 1) & map->mask;
	}
	if (!map->slots[i].key) {
		map->count++;
	}
	map->slots[i].key = key;
	map->slots[i].value = value;
	return true;
}

bool profiler_ptr_map_remove(profiler_ptr_map *map, uintptr_t key)
{
	size_t i = hash_ptr(key) & map->mask, j;

	if (key == 0) {
		return false;
	}
	while (map->slots[i].key != key) {
		if (map->slots[i].key == 0) {
			return false;
		}
		i = (i + 1) & map->mask;
	}
	/* Backward-shift: move later members of the probe run into the hole so
	 * lookups never stop early at it. */
	j = i;
	for (;;) {
		size_t home;
		j = (j + 1) & map->mask;
		if (map->slots[j].key == 0) {
			break;
		}
		home = hash_ptr(map->slots[j].key) & map->mask;
		if (((j - home) & map->mask) >= ((j - i) & map->mask)) {
			map->slots[i] = map->slots[j];
			i = j;
		}
	}
	map->slots[i].key = 0;
	map->slots[i].value = 0;
	map->count--;
	return true;
}

size_t profiler_ptr_map_count(const profiler_ptr_map *map)
{
	return map->count;
}

size_t profiler_ptr_map_memory(const profiler_ptr_map *map)
{
	return sizeof(*map) + (map->mask + 1) * sizeof(slot);
}
