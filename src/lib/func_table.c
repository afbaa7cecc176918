/* Interned function and file names; see func_table.h. */
#include "func_table.h"
#include "ptr_map.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	char *text;
	size_t len;
} string_entry;

/* A string table with its own hash index; used for file names and for
 * function (name, file) pairs. */
typedef struct {
	string_entry *items;
	uint32_t count, cap;
	uint32_t *index; /* id + 1, 0 = empty */
	size_t index_mask;
	size_t bytes;
} string_table;

struct profiler_func_table {
	string_table files;
	string_table funcs; /* key text: file_id as 4 bytes + name */
	profiler_func_info *infos;
	profiler_ptr_map *keys;
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static bool string_table_init(string_table *t)
{
	memset(t, 0, sizeof(*t));
	t->index_mask = 255;
	t->index = calloc(t->index_mask + 1, sizeof(uint32_t));
	return t->index != NULL;
}

static void string_table_free(string_table *t)
{
	uint32_t i;
	for (i = 0; i < t->count; i++) {
		free(t->items[i].text);
	}
	free(t->items);
	free(t->index);
}

static bool string_table_reindex(string_table *t)
{
	size_t size = (t->index_mask + 1) * 2, i;
	uint32_t *index = calloc(size, sizeof(uint32_t));
	if (!index) {
		return false;
	}
	for (i = 0; i < t->count; i++) {
		size_t j = hash_bytes(t->items[i].text, t->items[i].len) & (size - 1);
		while (index[j]) {
			j = (j + 1) & (size - 1);
		}
		index[j] = (uint32_t)i + 1;
	}
	free(t->index);
	t->index = index;
	t->index_mask = size - 1;
	return true;
}

/* Returns the id of the string, adding it when absent; *added tells which. */
static uint32_t string_table_intern(string_table *t, const char *s, size_t len, bool *added)
{
	size_t j = hash_bytes(s, len) & t->index_mask;
	string_entry *e;

	*added = false;
	while (t->index[j]) {
		e = &t->items[t->index[j] - 1];
		if (e->len == len && memcmp(e->text, s, len) == 0) {
			return t->index[j] - 1;
		}
		j = (j + 1) & t->index_mask;
	}
	if (t->count == t->cap) {
		uint32_t cap = t->cap ? t->cap * 2 : 64;
		string_entry *items = realloc(t->items, cap * sizeof(*items));
		if (!items) {
			return PROFILER_FUNC_NONE;
		}
		t->items = items;
		t->cap = cap;
	}
	e = &t->items[t->count];
	e->text = malloc(len + 1);
	if (!e->text) {
		return PROFILER_FUNC_NONE;
	}
	memcpy(e->text, s, len);
	e->text[len] = '\0';
	e->len = len;
	t->index[j] = t->count + 1;
	t->count++;
	t->bytes += len + 1 + sizeof(*e);
	*added = true;
	if ((size_t)t->count * 2 > t->index_mask + 1) {
		string_table_reindex(t); /* a failed grow only makes probing slower */
	}
	return t->count - 1;
}

profiler_func_table *profiler_func_table_create(void)
{
	profiler_func_table *table = calloc(1, sizeof(*table));
	if (!table) {
		return NULL;
	}
	if (!string_table_init(&table->files) || !string_table_init(&table->funcs)
			|| !(table->keys = profiler_ptr_map_create())) {
		profiler_func_table_destroy(table);
		return NULL;
	}
	return table;
}

void profiler_func_table_destroy(profiler_func_table *table)
{
	if (!table) {
		return;
	}
	string_table_free(&table->files);
	string_table_free(&table->funcs);
	free(table->infos);
	profiler_ptr_map_destroy(table->keys);
	free(table);
}

uint32_t profiler_func_table_intern(profiler_func_table *table, const char *name, size_t name_len,
	const char *file, size_t file_len, uint32_t self_line)
{
	bool added;
	uint32_t file_id = string_table_intern(&table->files, file, file_len, &added);
	char small[256];
	char *key = small;
	uint32_t id;

	if (file_id == PROFILER_FUNC_NONE) {
		return PROFILER_FUNC_NONE;
	}
	if (name_len + 4 > sizeof(small) && !(key = malloc(name_len + 4))) {
		return PROFILER_FUNC_NONE;
	}
	memcpy(key, &file_id, 4);
	memcpy(key + 4, name, name_len);
	id = string_table_intern(&table->funcs, key, name_len + 4, &added);
	if (key != small) {
		free(key);
	}
	if (id != PROFILER_FUNC_NONE && added) {
		if ((id & (id - 1)) == 0 || id == 0) {
			/* ids grow one by one: resize the info array at powers of two */
			size_t cap = id ? (size_t)id * 2 : 1;
			profiler_func_info *infos = realloc(table->infos, cap * sizeof(*infos));
			if (!infos) {
				return PROFILER_FUNC_NONE;
			}
			table->infos = infos;
		}
		table->infos[id].name = table->funcs.items[id].text + 4;
		table->infos[id].name_len = name_len;
		table->infos[id].file_id = file_id;
		table->infos[id].self_line = self_line;
	}
	return id;
}

bool profiler_func_table_find_key(const profiler_func_table *table, uintptr_t key, uint32_t *id)
{
	uintptr_t value;
	if (profiler_ptr_map_get(table->keys, key, &value)) {
		*id = (uint32_t)value;
		return true;
	}
	return false;
}

void profiler_func_table_bind_key(profiler_func_table *table, uintptr_t key, uint32_t id)
{
	profiler_ptr_map_put(table->keys, key, id);
}

void profiler_func_table_forget_keys(profiler_func_table *table)
{
	profiler_ptr_map *fresh = profiler_ptr_map_create();
	if (fresh) {
		profiler_ptr_map_destroy(table->keys);
		table->keys = fresh;
	}
}

const profiler_func_info *profiler_func_table_get(const profiler_func_table *table, uint32_t id)
{
	return id < table->funcs.count ? &table->infos[id] : NULL;
}

uint32_t profiler_func_table_count(const profiler_func_table *table)
{
	return table->funcs.count;
}

const char *profiler_func_table_file(const profiler_func_table *table, uint32_t file_id, size_t *len)
{
	if (file_id >= table->files.count) {
		*len = 0;
		return "";
	}
	*len = table->files.items[file_id].len;
	return table->files.items[file_id].text;
}

uint32_t profiler_func_table_file_count(const profiler_func_table *table)
{
	return table->files.count;
}

size_t profiler_func_table_memory(const profiler_func_table *table)
{
	return sizeof(*table) + table->files.bytes + table->funcs.bytes
		+ (table->files.index_mask + table->funcs.index_mask + 2) * sizeof(uint32_t)
		+ profiler_ptr_map_memory(table->keys);
}
