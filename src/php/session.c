/* One profile from its start to its commit: choosing the file, opening the
 * sink, writing parts, and publishing the file when it is complete. */
#include "engine.h"

#include "SAPI.h"
#include "ext/random/php_random.h"
#include "main/php_globals.h"
#include "main/php_main.h"
#include "Zend/zend_smart_str.h"

#include "src/lib/cachegrind.h"
#include "src/lib/filename.h"
#include "src/lib/folded.h"


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
	struct timespec now;
	char cwd[MAXPATHLEN];
	const char *script = script_path();

	memset(&v, 0, sizeof(v));
	profiler_platform_realtime(&now);
	v.pid = profiler_platform_getpid();
	v.time_us = (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
	if (php_random_bytes_silent(&v.random, sizeof(v.random)) == FAILURE) {
		v.random = (v.time_us % 1000000u) ^ ((uint64_t)v.pid << 32);
	}
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

static bool path_taken(const char *path)
{
	/* a symlink is never followed; a path this request already wrote (an
	 * earlier profiler_start() window) is never overwritten */
	return profiler_sink_path_is_symlink(path)
		|| (PROFILER_G(used_paths_ready) && zend_hash_str_exists(&PROFILER_G(used_paths), path, strlen(path)));
}

/* Full path for the profile: when the wanted path is a symlink or was
 * already written by this request, a numbered alternative is used. */
static char *choose_path(const char *dir, const char *name, const char *suffix)
{
	size_t dir_len = strlen(dir), size;
	char *path;
	int n;

	while (dir_len > 1 && dir[dir_len - 1] == '/') {
		dir_len--;
	}
	size = dir_len + strlen(name) + strlen(suffix) + 16;
	path = pemalloc(size, 1);
	snprintf(path, size, "%.*s/%s%s", (int)dir_len, dir, name, suffix);
	if (!path_taken(path)) {
		return path;
	}
	for (n = 2; n < 10000; n++) {
		char *alt = pemalloc(size, 1);
		snprintf(alt, size, "%.*s/%s.%d%s", (int)dir_len, dir, name, n, suffix);
		if (!path_taken(alt)) {
			if (profiler_sink_path_is_symlink(path)) {
				PROFILER_LOG(PROFILER_LOG_WARN, "'%s' is a symbolic link, which is never followed; writing '%s' instead.", path, alt);
			} else {
				PROFILER_LOG(PROFILER_LOG_INFO, "'%s' was already written in this request; this profile goes to '%s'.", path, alt);
			}
			pefree(path, 1);
			return alt;
		}
		pefree(alt, 1);
	}
	PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be opened.", path);
	PROFILER_LOG(PROFILER_LOG_WARN, "It and its numbered alternatives are symbolic links or already used, and links are never followed.");
	pefree(path, 1);
	return NULL;
}

/* The folded-stacks file: the profile's name without ".gz", plus ".folded". */
static char *folded_path_for(const char *path)
{
	size_t len = strlen(path);
	char *folded;

	if (len > 3 && strcmp(path + len - 3, ".gz") == 0) {
		len -= 3;
	}
	folded = pemalloc(len + sizeof(".folded"), 1);
	memcpy(folded, path, len);
	memcpy(folded + len, ".folded", sizeof(".folded"));
	return folded;
}

/* Reads profiler.output_format: a comma-separated list of "cachegrind" and
 * "folded". */
static void parse_formats(bool *cachegrind, bool *folded)
{
	const char *p = PROFILER_G(output_format) ? PROFILER_G(output_format) : "";

	*cachegrind = *folded = false;
	while (*p) {
		const char *start;
		size_t len;
		while (*p == ',' || *p == ' ') {
			p++;
		}
		start = p;
		while (*p && *p != ',' && *p != ' ') {
			p++;
		}
		len = (size_t)(p - start);
		if (len == 10 && strncasecmp(start, "cachegrind", 10) == 0) {
			*cachegrind = true;
		} else if (len == 6 && strncasecmp(start, "folded", 6) == 0) {
			*folded = true;
		} else if (len) {
			PROFILER_LOG(PROFILER_LOG_WARN, "profiler.output_format has the unknown format '%.*s'; it is ignored.", (int)len, start);
		}
	}
	if (!*cachegrind && !*folded) {
		PROFILER_LOG(PROFILER_LOG_WARN, "profiler.output_format names no known format; writing 'cachegrind'.");
		*cachegrind = true;
	}
}

static void free_session(void)
{
	PROFILER_G(recording) = false;
	if (PROFILER_G(sink)) {
		profiler_sink_discard(PROFILER_G(sink));
		PROFILER_G(sink) = NULL;
	}
	if (PROFILER_G(folded_sink)) {
		profiler_sink_discard(PROFILER_G(folded_sink));
		PROFILER_G(folded_sink) = NULL;
	}
	if (PROFILER_G(folded_filename)) {
		pefree(PROFILER_G(folded_filename), 1);
		PROFILER_G(folded_filename) = NULL;
	}
	profiler_recorder_destroy(PROFILER_G(recorder));
	PROFILER_G(recorder) = NULL;
	profiler_observer_follow_context();
	profiler_observer_forget_nodes();
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

static profiler_sink *open_sink(const char *path, bool gzip)
{
	profiler_sink_error error;
	profiler_sink_options options;
	profiler_sink *sink;

	memset(&options, 0, sizeof(options));
	options.final_path = path;
	options.gzip = gzip;
	options.append = PROFILER_G(append);
	options.fail_after_bytes = PROFILER_G(fail_writes_after) > 0 ? (size_t)PROFILER_G(fail_writes_after) : 0;
	sink = profiler_sink_open(&options, &error);
	if (!sink) {
		PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be opened.", path);
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
	}
	return sink;
}

static bool start_session(bool announce)
{
	profiler_sink_error error;
	profiler_recorder_options rec_options;
	char name[PROFILER_FILENAME_MAX + 1];
	bool want_cachegrind, want_folded;
	char *path;

	if (profiler_sink_check_directory(PROFILER_G(output_dir), &error)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "The profile could not be started: no usable output directory.");
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
		snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)),
			"profiling was wanted, but profiler.output_dir cannot be used (see the log)");
		return false;
	}
	parse_formats(&want_cachegrind, &want_folded);
	expand_name(name);
	/* with folded stacks alone, the .folded file is the profile */
	path = choose_path(PROFILER_G(output_dir), name,
		!want_cachegrind ? ".folded" : PROFILER_G(use_compression) ? ".gz" : "");
	if (!path) {
		return false;
	}
	PROFILER_G(filename) = path;
	if (want_cachegrind) {
		PROFILER_G(sink) = open_sink(path, PROFILER_G(use_compression));
	}
	if (want_folded) {
		PROFILER_G(folded_filename) = want_cachegrind ? folded_path_for(path) : pestrdup(path, 1);
		PROFILER_G(folded_sink) = open_sink(PROFILER_G(folded_filename), false);
	}
	if ((want_cachegrind && !PROFILER_G(sink)) || (want_folded && !PROFILER_G(folded_sink))) {
		snprintf(PROFILER_G(activation), sizeof(PROFILER_G(activation)),
			"profiling was wanted, but the file could not be opened (see the log)");
		free_session();
		return false;
	}

	PROFILER_G(funcs) = profiler_func_table_create();
	rec_options.memory_cap = PROFILER_G(max_tree_memory) > 0 ? (size_t)PROFILER_G(max_tree_memory) : 0;
	rec_options.resolve = profiler_resolve_function;
	rec_options.full = profiler_session_full;
	rec_options.user = PROFILER_GLOBALS();
	PROFILER_G(recorder) = PROFILER_G(funcs) ? profiler_recorder_create(&rec_options) : NULL;
	profiler_observer_follow_context();
	if (!PROFILER_G(recorder)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "The profile could not be started: out of memory.");
		free_session();
		return false;
	}
	if (PROFILER_G(used_paths_ready)) {
		zend_hash_str_add_empty_element(&PROFILER_G(used_paths), PROFILER_G(filename), strlen(PROFILER_G(filename)));
	}
	PROFILER_G(cmd) = pestrdup(script_path(), 1);
	PROFILER_G(part) = 0;
	PROFILER_G(session_peak_memory) = PROFILER_G(peak_memory);
	PROFILER_G(fast_path) = PROFILER_G(heap_usage) != NULL && !PROFILER_G(session_peak_memory);
	PROFILER_G(recording_pid) = profiler_platform_getpid();
	if (announce) {
		send_header(PROFILER_G(filename));
	}
	PROFILER_LOG(PROFILER_LOG_INFO, "Profiling into '%s'.", PROFILER_G(filename));
	profiler_observer_switch_handlers(true);
	PROFILER_G(recording) = true;
	return true;
}

bool profiler_session_start(void)
{
	if (PROFILER_G(recording)) {
		return true;
	}
	return start_session(true);
}

/* Drops what was inherited from the parent without touching the parent's
 * files: the temp files are the parent's to finish or remove. */
bool profiler_session_restart_in_child(void)
{
	PROFILER_G(recording) = false;
	if (PROFILER_G(sink)) {
		profiler_sink_abandon(PROFILER_G(sink));
		PROFILER_G(sink) = NULL;
	}
	if (PROFILER_G(folded_sink)) {
		profiler_sink_abandon(PROFILER_G(folded_sink));
		PROFILER_G(folded_sink) = NULL;
	}
	free_session();
	if (!start_session(false)) {
		return false;
	}
	profiler_observer_join_open_frames();
	return true;
}

static bool sink_output_write(void *ctx, const void *data, size_t len)
{
	return profiler_sink_write((profiler_sink *)ctx, data, len);
}

void profiler_session_write_part(profiler_recorder *recorder)
{
	profiler_cachegrind_options options;
	char creator[128];
	double ticks_per_ns = profiler_clock_ticks_per_ns(&profiler_process.clock);

	++PROFILER_G(part);
	if (PROFILER_G(sink)) {
		profiler_output out = { sink_output_write, PROFILER_G(sink) };
		snprintf(creator, sizeof(creator), "profiler %s (PHP %s)", PHP_PROFILER_VERSION, PHP_VERSION);
		options.creator = creator;
		options.cmd = PROFILER_G(cmd);
		options.part = PROFILER_G(part);
		options.peak_memory = PROFILER_G(session_peak_memory);
		options.ticks_per_ns = ticks_per_ns;
		profiler_cachegrind_write(out, profiler_recorder_tree(recorder), PROFILER_G(funcs), &options, NULL);
	}
	if (PROFILER_G(folded_sink)) {
		profiler_output out = { sink_output_write, PROFILER_G(folded_sink) };
		profiler_folded_write(out, profiler_recorder_tree(recorder), PROFILER_G(funcs), ticks_per_ns, NULL);
	}
}

void profiler_session_full(void *user, profiler_recorder *recorder)
{
	(void)user;
	PROFILER_LOG(PROFILER_LOG_INFO, "The call tree reached profiler.max_tree_memory; writing part %u and going on.",
		PROFILER_G(part) + 1);
	profiler_session_write_part(recorder);
	profiler_recorder_reset_tree(recorder);
	profiler_observer_forget_nodes();
}

static bool commit(profiler_sink **slot, const char *path)
{
	profiler_sink_error error;
	profiler_sink *sink = *slot;

	*slot = NULL;
	if (!sink) {
		return true;
	}
	if (!profiler_sink_commit(sink, &error)) {
		PROFILER_LOG(PROFILER_LOG_ERR, "File '%s' could not be written; no profile was left under that name.", path);
		PROFILER_LOG(PROFILER_LOG_WARN, "%s.", error.message);
		return false;
	}
	return true;
}

void profiler_session_finish(void)
{
	profiler_sample now;
	bool ok;

	if (!PROFILER_G(recorder)) {
		return;
	}
	PROFILER_G(recording) = false;
	profiler_observer_read_sample(&now);
	profiler_recorder_close_all(PROFILER_G(recorder), &now);
	profiler_session_write_part(PROFILER_G(recorder));
	ok = commit(&PROFILER_G(sink), PROFILER_G(filename));
	ok = commit(&PROFILER_G(folded_sink), PROFILER_G(folded_filename)) && ok;
	if (ok) {
		profiler_call_tree *tree = profiler_recorder_tree(PROFILER_G(recorder));
		PROFILER_LOG(PROFILER_LOG_INFO, "Profile '%s' written: %u part(s), %zu call paths in the last, %zu KB of tree, %u functions.",
			PROFILER_G(filename), PROFILER_G(part), profiler_call_tree_node_count(tree),
			profiler_call_tree_memory(tree) / 1024, profiler_func_table_count(PROFILER_G(funcs)));
	}
	free_session();
}
