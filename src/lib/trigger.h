/* Matching a trigger's value against profiler.trigger_value.
 *
 * The setting is empty (any value starts the profiler) or a comma-separated
 * list of values, each trimmed of surrounding spaces. Values are a shared
 * secret, so the comparison takes the same time wherever a mismatch is and
 * whichever list entry matches. */
#ifndef PROFILER_TRIGGER_H
#define PROFILER_TRIGGER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	PROFILER_TRIGGER_ANY_VALUE,   /* setting empty */
	PROFILER_TRIGGER_LIST,        /* one or more values */
	PROFILER_TRIGGER_NO_VALUES,   /* only commas and spaces: matches nothing */
} profiler_trigger_setting_kind;

profiler_trigger_setting_kind profiler_trigger_setting_kind_of(const char *setting);

bool profiler_trigger_value_matches(const char *setting, const char *value, size_t value_len);

#endif
