/* Constant-time trigger value matching; see trigger.h. */
#include "trigger.h"

#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

profiler_trigger_setting_kind profiler_trigger_setting_kind_of(const char *setting)
{
	const char *p;

	if (setting == NULL || setting[0] == '\0') {
		return PROFILER_TRIGGER_ANY_VALUE;
	}
	for (p = setting; *p; p++) {
		if (*p != ',' && !is_space(*p)) {
			return PROFILER_TRIGGER_LIST;
		}
	}
	return PROFILER_TRIGGER_NO_VALUES;
}

/* Compares without an early exit: the time depends only on the lengths. */
static bool equal_constant_time(const char *a, size_t a_len, const char *b, size_t b_len)
{
	size_t n = a_len > b_len ? a_len : b_len, i;
	unsigned char diff = (unsigned char)(a_len != b_len);

	for (i = 0; i < n; i++) {
		unsigned char x = i < a_len ? (unsigned char)a[i] : 0;
		unsigned char y = i < b_len ? (unsigned char)b[i] : 0;
		diff |= (unsigned char)(x ^ y);
	}
	return diff == 0;
}

bool profiler_trigger_value_matches(const char *setting, const char *value, size_t value_len)
{
	const char *p;
	bool matched = false;

	switch (profiler_trigger_setting_kind_of(setting)) {
		case PROFILER_TRIGGER_ANY_VALUE:
			return true;
		case PROFILER_TRIGGER_NO_VALUES:
			return false;
		case PROFILER_TRIGGER_LIST:
			break;
	}
	if (value == NULL) {
		return false;
	}
	p = setting;
	while (*p) {
		const char *start, *end;
		while (*p && (is_space(*p) || *p == ',')) {
			p++;
		}
		start = p;
		while (*p && *p != ',') {
			p++;
		}
		end = p;
		while (end > start && is_space(end[-1])) {
			end--;
		}
		if (end > start) {
			/* every entry is compared: no early return on a match */
			matched |= equal_constant_time(start, (size_t)(end - start), value, value_len);
		}
	}
	return matched;
}
