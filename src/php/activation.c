/* Whether a request is profiled: profiler.mode (or PROFILER_MODE in the
 * environment), profiler.start_with_request, and the XDEBUG_TRIGGER /
 * XDEBUG_PROFILE triggers in GET, POST, COOKIE and the environment, matched
 * against profiler.trigger_value, following Xdebug's rules. */
#include "engine.h"

#include "main/php_globals.h"
#include "main/php_variables.h"

#include "src/lib/trigger.h"

static bool parse_mode(const char *text, profiler_mode *mode)
{
	if (!text) {
		return false;
	}
	while (*text == ' ') {
		text++;
	}
	if (*text == '\0' || strcasecmp(text, "off") == 0) {
		*mode = PROFILER_MODE_OFF;
		return true;
	}
	if (strcasecmp(text, "profile") == 0) {
		*mode = PROFILER_MODE_PROFILE;
		return true;
	}
	return false;
}

void profiler_activation_read_mode(void)
{
	const char *env = getenv("PROFILER_MODE");
	profiler_mode mode = PROFILER_MODE_OFF;

	profiler_process.mode = PROFILER_MODE_OFF;
	profiler_process.mode_source = "profiler.mode";
	if (!parse_mode(PROFILER_G(mode_setting), &mode)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "Invalid profiler.mode '%s'; it must be 'off' or 'profile'. The profiler is off.",
			PROFILER_G(mode_setting));
		mode = PROFILER_MODE_OFF;
	}
	profiler_process.mode = mode;
	if (env) {
		if (parse_mode(env, &mode)) {
			profiler_process.mode = mode;
			profiler_process.mode_source = "the PROFILER_MODE environment variable";
		} else {
			PROFILER_LOG(PROFILER_LOG_ERR,
				"Invalid PROFILER_MODE environment value '%.100s'; it must be 'off' or 'profile'. profiler.mode stands.", env);
		}
	}
}

typedef enum {
	START_DEFAULT,
	START_YES,
	START_NO,
	START_TRIGGER,
	START_INVALID,
} start_setting;

static start_setting parse_start(const char *text)
{
	/* PHP's ini parser turns a bare yes/on/true into "1" and no/off/false/none
	 * into "": the setting's default is the word "default", so "" can only
	 * mean that the user wrote no. */
	if (!text || !*text) {
		return START_NO;
	}
	if (strcasecmp(text, "default") == 0) {
		return START_DEFAULT;
	}
	if (strcasecmp(text, "yes") == 0 || strcmp(text, "1") == 0) {
		return START_YES;
	}
	if (strcasecmp(text, "no") == 0 || strcmp(text, "0") == 0) {
		return START_NO;
	}
	if (strcasecmp(text, "trigger") == 0) {
		return START_TRIGGER;
	}
	return START_INVALID;
}

/* Looks for a trigger by name; returns the place it was found, or NULL. */
static const char *find_trigger(const char *name, const char **value, size_t *value_len)
{
	static const struct {
		int track;
		const char *where;
	} places[] = {
		{ TRACK_VARS_GET, "GET" },
		{ TRACK_VARS_POST, "POST" },
		{ TRACK_VARS_COOKIE, "COOKIE" },
	};
	size_t i;
	const char *env;

	for (i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		zval *vars = &PG(http_globals)[places[i].track], *found;
		if (Z_TYPE_P(vars) == IS_ARRAY && (found = zend_hash_str_find(Z_ARRVAL_P(vars), name, strlen(name)))) {
			if (Z_TYPE_P(found) == IS_STRING) {
				*value = Z_STRVAL_P(found);
				*value_len = Z_STRLEN_P(found);
			} else {
				*value = "";
				*value_len = 0;
			}
			return places[i].where;
		}
	}
	env = getenv(name);
	if (env) {
		*value = env;
		*value_len = strlen(env);
		return "the environment";
	}
	return NULL;
}

bool profiler_activation_decide(char *why, size_t why_len)
{
	static const char *const triggers[] = { "XDEBUG_TRIGGER", "XDEBUG_PROFILE" };
	start_setting start = parse_start(PROFILER_G(start_with_request));
	size_t i;
	bool seen = false;

	if (profiler_process.mode != PROFILER_MODE_PROFILE) {
		snprintf(why, why_len, "profiler.mode is off");
		return false;
	}
	if (start == START_INVALID) {
		PROFILER_LOG(PROFILER_LOG_WARN, "Invalid profiler.start_with_request '%.100s'; using 'default'.",
			PROFILER_G(start_with_request));
		start = START_DEFAULT;
	}
	if (start == START_DEFAULT || start == START_YES) {
		snprintf(why, why_len, "profiler.start_with_request=%s",
			start == START_YES ? "yes" : "default, which is 'yes' in profile mode");
		return true;
	}
	if (start == START_NO) {
		snprintf(why, why_len, "profiler.start_with_request=no");
		return false;
	}
	if (profiler_trigger_setting_kind_of(PROFILER_G(trigger_value)) == PROFILER_TRIGGER_NO_VALUES) {
		PROFILER_LOG(PROFILER_LOG_WARN,
			"profiler.trigger_value '%.100s' holds no values (only commas and spaces); no trigger value can match.",
			PROFILER_G(trigger_value));
	}
	for (i = 0; i < sizeof(triggers) / sizeof(triggers[0]); i++) {
		const char *value = NULL;
		size_t value_len = 0;
		const char *where = find_trigger(triggers[i], &value, &value_len);
		if (!where) {
			continue;
		}
		seen = true;
		if (profiler_trigger_value_matches(PROFILER_G(trigger_value), value, value_len)) {
			snprintf(why, why_len, "the trigger %s was found in %s%s", triggers[i], where,
				(PROFILER_G(trigger_value) && *PROFILER_G(trigger_value)) ? " and its value matches profiler.trigger_value" : "");
			PROFILER_LOG(PROFILER_LOG_INFO, "Trigger %s found in %s; profiling this request.", triggers[i], where);
			return true;
		}
		PROFILER_LOG(PROFILER_LOG_WARN, "Trigger %s found in %s, but its value does not match profiler.trigger_value.",
			triggers[i], where);
	}
	snprintf(why, why_len, seen
		? "a trigger was sent, but its value does not match profiler.trigger_value"
		: "profiler.start_with_request=trigger and no XDEBUG_TRIGGER or XDEBUG_PROFILE was sent");
	return false;
}
