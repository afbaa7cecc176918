/* The profiler extension's module: settings, lifecycle and PHP functions. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "engine.h"

#include "SAPI.h"
#include "ext/standard/html.h"
#include "ext/standard/info.h"
#include "main/php_ini.h"

#include "profiler_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(profiler)

profiler_process_state profiler_process;

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("profiler.mode", "off", PHP_INI_SYSTEM, OnUpdateString, mode_setting, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.output_dir", "/tmp", PHP_INI_ALL, OnUpdateString, output_dir, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.output_name", "cachegrind.out.%p", PHP_INI_ALL, OnUpdateString, output_name, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.start_with_request", "default", PHP_INI_ALL, OnUpdateString, start_with_request, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.trigger_value", "", PHP_INI_ALL, OnUpdateString, trigger_value, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_BOOLEAN("profiler.use_compression", "1", PHP_INI_ALL, OnUpdateBool, use_compression, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_BOOLEAN("profiler.append", "0", PHP_INI_ALL, OnUpdateBool, append, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.log", "", PHP_INI_ALL, OnUpdateString, log_path, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.log_level", "7", PHP_INI_ALL, OnUpdateLong, log_level, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.max_tree_memory", "64M", PHP_INI_ALL, OnUpdateLong, max_tree_memory, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.fail_writes_after", "0", PHP_INI_ALL, OnUpdateLong, fail_writes_after, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_ENTRY("profiler.output_format", "cachegrind", PHP_INI_ALL, OnUpdateString, output_format, zend_profiler_globals, profiler_globals)
	STD_PHP_INI_BOOLEAN("profiler.peak_memory", "0", PHP_INI_ALL, OnUpdateBool, peak_memory, zend_profiler_globals, profiler_globals)
PHP_INI_END()

void profiler_log_to_php(void *ctx, const char *line)
{
	(void)ctx;
	php_log_err_with_severity((char *)line, LOG_ERR);
}

static void configure_log(void)
{
	profiler_log_configure(PROFILER_G(log), PROFILER_G(log_path), (int)PROFILER_G(log_level), profiler_log_to_php, NULL);
}

static PHP_GINIT_FUNCTION(profiler)
{
#if defined(COMPILE_DL_PROFILER) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(profiler_globals, 0, sizeof(*profiler_globals));
	profiler_globals->log = profiler_log_create();
	/* under ZTS, a thread started after MINIT: its requests' profiler_info()
	 * shows what startup logged, as the first thread's do */
	if (profiler_globals->log && profiler_process.startup_log) {
		profiler_log_keep_from(profiler_globals->log, profiler_process.startup_log);
	}
}

static PHP_GSHUTDOWN_FUNCTION(profiler)
{
	if (profiler_process.startup_log == profiler_globals->log) {
		profiler_process.startup_log = NULL;
	}
	profiler_log_destroy(profiler_globals->log);
	profiler_globals->log = NULL;
}

static PHP_MINIT_FUNCTION(profiler)
{
	(void)type;
	REGISTER_INI_ENTRIES();
	configure_log();
	profiler_activation_read_mode();
	/* what went wrong at startup stays in every request's profiler_info() */
	profiler_log_keep_recent(PROFILER_G(log));
	profiler_process.startup_log = PROFILER_G(log);
	if (profiler_process.mode == PROFILER_MODE_PROFILE) {
		/* With the mode off nothing is registered, so the engine runs
		 * exactly as if the extension were not loaded. */
		profiler_clock_init(&profiler_process.clock, NULL);
		profiler_observer_register();
	}
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(profiler)
{
	(void)type;
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(profiler)
{
#if defined(COMPILE_DL_PROFILER) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	(void)type;
	(void)module_number;
	configure_log();
	profiler_log_clear_recent(PROFILER_G(log));
	PROFILER_G(recording) = false;
	/* persistent: the profiler keeps out of the heap it measures */
	zend_hash_init(&PROFILER_G(used_paths), 8, NULL, NULL, 1);
	profiler_observer_request_start();
	if (profiler_process.mode == PROFILER_MODE_PROFILE) {
		profiler_observer_find_heap_counters();
	}
	PROFILER_G(used_paths_ready) = true;
	if (profiler_activation_decide(PROFILER_G(activation), sizeof(PROFILER_G(activation)))) {
		profiler_session_start();
	}
	return SUCCESS;
}

/* The profile is written after RSHUTDOWN of every module, like Xdebug does,
 * so shutdown functions, destructors and session handlers are in it. */
static ZEND_MODULE_POST_ZEND_DEACTIVATE_D(profiler)
{
	profiler_session_finish();
	if (PROFILER_G(used_paths_ready)) {
		zend_hash_destroy(&PROFILER_G(used_paths));
		PROFILER_G(used_paths_ready) = false;
	}
	profiler_observer_request_end();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(profiler)
{
	(void)zend_module;
	php_info_print_table_start();
	php_info_print_table_row(2, "profiler support", "enabled");
	php_info_print_table_row(2, "Version", PHP_PROFILER_VERSION);
	php_info_print_table_row(2, "Mode", profiler_process.mode == PROFILER_MODE_PROFILE ? "profile" : "off");
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

PHP_FUNCTION(profiler_get_filename)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (!PROFILER_G(recording) || !PROFILER_G(filename)) {
		RETURN_FALSE;
	}
	RETURN_STRING(PROFILER_G(filename));
}

PHP_FUNCTION(profiler_start)
{
	ZEND_PARSE_PARAMETERS_NONE();
	if (profiler_process.mode != PROFILER_MODE_PROFILE) {
		PROFILER_LOG(PROFILER_LOG_WARN, "profiler_start() was called, but profiler.mode is not 'profile'.");
		RETURN_FALSE;
	}
	if (!PROFILER_G(recording)) {
		snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)), "profiler_start() was called");
		if (!profiler_session_start()) {
			RETURN_FALSE;
		}
		profiler_observer_join_open_frames();
	}
	RETURN_STRING(PROFILER_G(filename));
}

PHP_FUNCTION(profiler_stop)
{
	zend_string *name;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!PROFILER_G(recording) || !PROFILER_G(filename)) {
		RETURN_FALSE;
	}
	name = zend_string_init(PROFILER_G(filename), strlen(PROFILER_G(filename)), 0);
	snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)), "profiler_stop() ended the last window");
	profiler_session_finish();
	/* outside windows, calls cost what they cost in an untriggered request */
	profiler_observer_switch_handlers(false);
	RETURN_STR(name);
}

/* profiler_info(): a text or HTML report answering "why is there no
 * profile?". */
typedef struct {
	bool html;
} info_printer;

static void info_heading(const info_printer *p, const char *title)
{
	if (p->html) {
		php_printf("<h3>%s</h3>\n<table>\n", title);
	} else {
		php_printf("%s\n", title);
	}
}

static void info_end(const info_printer *p)
{
	php_printf(p->html ? "</table>\n" : "\n");
}

static void info_row(const info_printer *p, const char *key, const char *value)
{
	if (p->html) {
		zend_string *k = php_escape_html_entities((const unsigned char *)key, strlen(key), 0, ENT_QUOTES, NULL);
		zend_string *v = php_escape_html_entities((const unsigned char *)value, strlen(value), 0, ENT_QUOTES, NULL);
		php_printf("<tr><td>%s</td><td>%s</td></tr>\n", ZSTR_VAL(k), ZSTR_VAL(v));
		zend_string_release(k);
		zend_string_release(v);
	} else {
		php_printf("  %-30s %s\n", key, value);
	}
}

PHP_FUNCTION(profiler_info)
{
	info_printer p;
	char buf[64];
	size_t i;
	static const char *const settings[] = {
		"profiler.mode", "profiler.output_dir", "profiler.output_name", "profiler.start_with_request",
		"profiler.trigger_value", "profiler.use_compression", "profiler.append", "profiler.log",
		"profiler.log_level", "profiler.max_tree_memory", "profiler.output_format", "profiler.peak_memory",
	};

	ZEND_PARSE_PARAMETERS_NONE();
	(void)return_value;
	p.html = !sapi_module.phpinfo_as_text;

	if (p.html) {
		php_printf("<div class=\"profiler-info\">\n");
	}
	info_heading(&p, "Profiler");
	info_row(&p, "Version", PHP_PROFILER_VERSION);
	info_row(&p, "Mode", profiler_process.mode == PROFILER_MODE_PROFILE ? "profile" : "off");
	info_row(&p, "Mode set by", profiler_process.mode_source ? profiler_process.mode_source : "profiler.mode");
	info_row(&p, "Clock", profiler_process.mode == PROFILER_MODE_PROFILE
		? profiler_clock_source_name(profiler_process.clock.source) : "(not started: mode is off)");
	info_row(&p, "Profiling this request", PROFILER_G(recording) ? "yes" : "no");
	info_row(&p, "Why", PROFILER_G(activation)[0] ? PROFILER_G(activation) : "profiler.mode is off");
	info_row(&p, "Profile file", PROFILER_G(recording) && PROFILER_G(filename) ? PROFILER_G(filename) : "(none)");
	info_end(&p);

	info_heading(&p, "Settings");
	for (i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		const char *value = zend_ini_string_ex((char *)settings[i], strlen(settings[i]), 0, NULL);
		info_row(&p, settings[i], value ? value : "");
	}
	info_end(&p);

	info_heading(&p, "Recent log messages");
	if (profiler_log_recent_count(PROFILER_G(log)) == 0) {
		info_row(&p, "-", "(none)");
	}
	for (i = 0; i < profiler_log_recent_count(PROFILER_G(log)); i++) {
		snprintf(buf, sizeof(buf), "%zu", i + 1);
		info_row(&p, buf, profiler_log_recent(PROFILER_G(log), i));
	}
	info_end(&p);
	if (p.html) {
		php_printf("</div>\n");
	}
}

zend_module_entry profiler_module_entry = {
	STANDARD_MODULE_HEADER,
	"profiler",
	ext_functions,
	PHP_MINIT(profiler),
	PHP_MSHUTDOWN(profiler),
	PHP_RINIT(profiler),
	NULL,
	PHP_MINFO(profiler),
	PHP_PROFILER_VERSION,
	PHP_MODULE_GLOBALS(profiler),
	PHP_GINIT(profiler),
	PHP_GSHUTDOWN(profiler),
	ZEND_MODULE_POST_ZEND_DEACTIVATE_N(profiler),
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_PROFILER
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(profiler)
#endif
