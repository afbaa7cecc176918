/* One profile from its start to its commit: choosing the file, opening the
 * sink, writing parts, and publishing the file when it is complete. */
#include "engine.h"

#include "SAPI.h"
#include "ext/standard/php_random.h"
#include "main/php_globals.h"
#include "main/php_main.h"
#include "Zend/zend_smart_str.h"

#include "src/lib/cachegrind.h"
#include "src/lib/filename.h"

#include <sys/time.h>
#include <unistd.h>

/* A value of $_SERVER (made available first: it is created on demand). */
static profiler_bytes server_value(const char *name, size_t name_len)
{
	profiler_bytes b = { NULL, 0 };
	zval *server, *value;

	zend_is_auto_global_str(ZEND_STRL("_SERVER"));
	server = &PG(http_globals)[TRACK_VARS_SERVER];
	if (Z_TYPE_P(server) == IS_ARRAY && (value = zend_hash_str_find(Z_ARRVAL_P(server), name, name_len))
			&& Z_TYPE_P(value) == IS_STRING) {
		b.ptr = Z_STRVAL_P(value);
		b.len = Z_STRLEN_P(value);
	}
	return b;
}

static profiler_bytes session_id_value(void)
{
	profiler_bytes b = { NULL, 0 };
	zval *cookies = &PG(http_globals)[TRACK_VARS_COOKIE], *value;
	const char *session_name = zend_ini_string_ex("session.name", sizeof("session.name") - 1, 0, NULL);

	if (!session_name || !*session_name) {
		session_name = "PHPSESSID";
	}
	if (Z_TYPE_P(cookies) == IS_ARRAY
			&& (value = zend_hash_str_find(Z_ARRVAL_P(cookies), session_name, strlen(session_name)))
			&& Z_TYPE_P(value) == IS_STRING) {
		b.ptr = Z_STRVAL_P(value);
		b.len = Z_STRLEN_P(value);
	}
	return b;
}

static const char *script_path(void)
{
	if (SG(request_info).path_translated && *SG(request_info).path_translated) {
		return SG(request_info).path_translated;
	}
	return "-";
}

/* Expands output_name; logs what the user should know about the result. */
static void expand_name(char *name)
{
	profiler_filename_values v;
	profiler_filename_notes notes;
	struct timeval tv;
	char cwd[MAXPATHLEN];
	const char *script = script_path();

	memset(&v, 0, sizeof(v));
	gettimeofday(&tv, NULL);
	v.pid = (long)getpid();
	if (php_random_bytes_silent(&v.random, sizeof(v.random)) == FAILURE) {
		v.random = (uint64_t)tv.tv_usec ^ ((uint64_t)v.pid << 32);
	}
	v.time_us = (uint64_t)tv.tv_sec * 1000000u + (uint64_t)tv.tv_usec;
	if (VCWD_GETCWD(cwd, sizeof(cwd))) {
		v.cwd_crc = profiler_crc32(cwd, strlen(cwd));
	}
	v.script.ptr = script;
	v.script.len = strlen(script);
	v.host = server_value(ZEND_STRL("HTTP_HOST"));
	v.uri = server_value(ZEND_STRL("REQUEST_URI"));
	v.unique_id = server_value(ZEND_STRL("UNIQUE_ID"));
	v.session_id = session_id_value();

	profiler_filename_expand(PROFILER_G(output_name), &v, name, &notes);
	if (notes.unknown_specifier) {
		PROFILER_LOG(PROFILER_LOG_WARN, "profiler.output_name '%s' has the unknown specifier '%%%c'; it is kept as it is.",
			PROFILER_G(output_name), notes.unknown_specifier);
	}
	if (notes.was_empty) {
		PROFILER_LOG(PROFILER_LOG_WARN, "profiler.output_name gives an empty name; '_' is used instead.");
	}
	if (notes.shortened) {
		PROFILER_LOG(PROFILER_LOG_WARN, "The profile's name was too long and has been shortened to '%s'.", name);
	}
}

/* Full path for the profile, never a symlink: when one sits at the wanted
 * path, a numbered alternative is used and the reason logged. */
static char *choose_path(const char *dir, const char *name, bool gzip)
{
	const char *suffix = gzip ? ".gz" : "";
	size_t dir_len = strlen(dir);
	char *path;
	int n;

	while (dir_len > 1 && dir[dir_len - 1] == '/') {
		dir_len--;
	}
	path = pemalloc(dir_len + strlen(name) + strlen(suffix) + 16, 1);
	sprintf(path, "%.*s/%s%s", (int)dir_len, dir, name, suffix);
	if (!profiler_sink_path_is_symlink(path)) {
		return path;
	}
	for (n = 1; n < 100; n++) {
		char *alt = pemalloc(dir_len + strlen(name) + strlen(suffix) + 16, 1);
		sprintf(alt, "%.*s/%s.%d%s", (int)dir_len, dir, name, n, suffix);
		if (!profiler_sink_path_is_symlink(alt)) {
			PROFILER_LOG(PROFILER_LOG_WARN, "'%s' is a symbolic link, which is never followed; writing '%s' instead.", path, alt);
			pefree(path, 1);
			return alt;
		}
		pefree(alt, 1);
	}
	PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be opened.", path);
	PROFILER_LOG(PROFILER_LOG_WARN, "It and its numbered alternatives are symbolic links, which are never followed.");
	pefree(path, 1);
	return NULL;
}

static void free_session(void)
{
	PROFILER_G(recording) = false;
	if (PROFILER_G(sink)) {
		profiler_sink_discard(PROFILER_G(sink));
		PROFILER_G(sink) = NULL;
	}
	profiler_recorder_destroy(PROFILER_G(recorder));
	PROFILER_G(recorder) = NULL;
	profiler_func_table_destroy(PROFILER_G(funcs));
	PROFILER_G(funcs) = NULL;
	if (PROFILER_G(cmd)) {
		pefree(PROFILER_G(cmd), 1);
		PROFILER_G(cmd) = NULL;
	}
	if (PROFILER_G(filename)) {
		pefree(PROFILER_G(filename), 1);
		PROFILER_G(filename) = NULL;
	}
}

static void send_header(const char *path)
{
	sapi_header_line line = {0};
	char *text;

	if (SG(headers_sent) || SG(request_info).no_headers) {
		return;
	}
	line.line_len = spprintf(&text, 0, "X-Profile-Filename: %s", path);
	line.line = text;
	sapi_header_op(SAPI_HEADER_REPLACE, &line);
	efree(text);
}

bool profiler_session_start(void)
{
	profiler_sink_error error;
	profiler_sink_options sink_options;
	profiler_recorder_options rec_options;
	char name[PROFILER_FILENAME_MAX + 1];
	char *path;

	if (PROFILER_G(recording)) {
		return true;
	}
	if (profiler_sink_check_directory(PROFILER_G(output_dir), &error)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "The profile could not be started: no usable output directory.");
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
		snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)),
			"profiling was wanted, but profiler.output_dir cannot be used (see the log)");
		return false;
	}
	expand_name(name);
	path = choose_path(PROFILER_G(output_dir), name, PROFILER_G(use_compression));
	if (!path) {
		return false;
	}
	memset(&sink_options, 0, sizeof(sink_options));
	sink_options.final_path = path;
	sink_options.gzip = PROFILER_G(use_compression);
	sink_options.append = PROFILER_G(append);
	sink_options.fail_after_bytes = PROFILER_G(fail_writes_after) > 0 ? (size_t)PROFILER_G(fail_writes_after) : 0;
	PROFILER_G(sink) = profiler_sink_open(&sink_options, &error);
	if (!PROFILER_G(sink)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be opened.", path);
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
		snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)),
			"profiling was wanted, but the file could not be opened (see the log)");
		pefree(path, 1);
		return false;
	}

	PROFILER_G(funcs) = profiler_func_table_create();
	rec_options.memory_cap = PROFILER_G(max_tree_memory) > 0 ? (size_t)PROFILER_G(max_tree_memory) : 0;
	rec_options.resolve = profiler_resolve_function;
	rec_options.full = profiler_session_full;
	rec_options.user = NULL;
	PROFILER_G(recorder) = PROFILER_G(funcs) ? profiler_recorder_create(&rec_options) : NULL;
	if (!PROFILER_G(recorder)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "The profile could not be started: out of memory.");
		free_session();
		pefree(path, 1);
		return false;
	}
	PROFILER_G(filename) = path;
	PROFILER_G(cmd) = pestrdup(script_path(), 1);
	PROFILER_G(part) = 0;
	PROFILER_G(recording_pid) = getpid();
	send_header(path);
	PROFILER_LOG(PROFILER_LOG_INFO, "Profiling into '%s'.", path);
	PROFILER_G(recording) = true;
	return true;
}

static bool sink_output_write(void *ctx, const void *data, size_t len)
{
	return profiler_sink_write((profiler_sink *)ctx, data, len);
}

void profiler_session_write_part(profiler_recorder *recorder)
{
	profiler_cachegrind_options options;
	profiler_output out = { sink_output_write, PROFILER_G(sink) };
	char creator[128];

	snprintf(creator, sizeof(creator), "profiler %s (PHP %s)", PHP_PROFILER_VERSION, PHP_VERSION);
	options.creator = creator;
	options.cmd = PROFILER_G(cmd);
	options.part = ++PROFILER_G(part);
	options.peak_memory = false;
	options.ticks_per_ns = profiler_clock_ticks_per_ns(&PROFILER_G(clock));
	profiler_cachegrind_write(out, profiler_recorder_tree(recorder), PROFILER_G(funcs), &options, NULL);
}

void profiler_session_full(void *user, profiler_recorder *recorder)
{
	(void)user;
	PROFILER_LOG(PROFILER_LOG_INFO, "The call tree reached profiler.max_tree_memory; writing part %u and going on.",
		PROFILER_G(part) + 1);
	profiler_session_write_part(recorder);
	profiler_recorder_reset_tree(recorder);
}

void profiler_session_finish(void)
{
	profiler_sample now;
	profiler_sink_error error;
	profiler_sink *sink;

	if (!PROFILER_G(recorder)) {
		return;
	}
	PROFILER_G(recording) = false;
	now.mem = zend_memory_usage(0);
	now.peak = zend_memory_peak_usage(0);
	now.ticks = profiler_clock_ticks(&PROFILER_G(clock));
	profiler_recorder_close_all(PROFILER_G(recorder), &now);
	profiler_session_write_part(PROFILER_G(recorder));
	sink = PROFILER_G(sink);
	PROFILER_G(sink) = NULL;
	if (!profiler_sink_commit(sink, &error)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be written; no profile was left under that name.",
			PROFILER_G(filename));
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
	} else {
		PROFILER_LOG(PROFILER_LOG_INFO, "Profile '%s' written.", PROFILER_G(filename));
	}
	free_session();
}
