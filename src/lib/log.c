/* Profiler log; see log.h. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LINE_MAX_BYTES 1024

struct profiler_log {
	char *path;
	int level;
	profiler_log_error_fn on_error;
	void *ctx;
	char recent[PROFILER_LOG_RECENT][LINE_MAX_BYTES];
	size_t recent_start, recent_count;
	char kept[PROFILER_LOG_KEPT][LINE_MAX_BYTES]; /* startup messages */
	size_t kept_count;
	bool file_failed;
};

profiler_log *profiler_log_create(void)
{
	profiler_log *log = calloc(1, sizeof(*log));
	if (log) {
		log->level = PROFILER_LOG_INFO;
	}
	return log;
}

void profiler_log_destroy(profiler_log *log)
{
	if (log) {
		free(log->path);
		free(log);
	}
}

void profiler_log_configure(profiler_log *log, const char *path, int level,
	profiler_log_error_fn on_error, void *ctx)
{
	free(log->path);
	log->path = (path && path[0]) ? strdup(path) : NULL;
	log->level = level;
	log->on_error = on_error;
	log->ctx = ctx;
	log->file_failed = false;
}

const char *profiler_log_level_name(profiler_log_level level)
{
	switch (level) {
		case PROFILER_LOG_CRIT: return "CRIT";
		case PROFILER_LOG_ERR: return "ERR";
		case PROFILER_LOG_WARN: return "WARN";
		case PROFILER_LOG_COM: return "COM";
		case PROFILER_LOG_INFO: return "INFO";
		default: return "DEBUG";
	}
}

static void append_to_file(profiler_log *log, const char *line)
{
	char stamped[LINE_MAX_BYTES + 64];
	struct tm tm;
	time_t now = time(NULL);
	int fd, n;

	if (!log->path || log->file_failed) {
		return;
	}
	if (!profiler_platform_gmtime(now, &tm)) {
		memset(&tm, 0, sizeof(tm));
	}
	n = snprintf(stamped, sizeof(stamped), "[%ld] %04d-%02d-%02d %02d:%02d:%02d %s\n", profiler_platform_getpid(),
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, line);
	if (n < 0) {
		return;
	}
	if ((size_t)n >= sizeof(stamped)) {
		n = (int)sizeof(stamped) - 1;
		stamped[n - 1] = '\n';
	}
	/* one write per line, each landing whole at the end: lines from
	 * processes sharing the log never interleave */
	fd = profiler_platform_file_open(log->path, PROFILER_PLATFORM_FILE_APPEND);
	if (fd < 0) {
		log->file_failed = true;
		if (log->on_error) {
			char msg[LINE_MAX_BYTES];
			snprintf(msg, sizeof(msg), "[Profiler] ERR: The log file '%.400s' could not be opened.", log->path);
			log->on_error(log->ctx, msg);
		}
		return;
	}
	if (profiler_platform_file_write(fd, stamped, (size_t)n) < 0) {
		log->file_failed = true;
	}
	profiler_platform_file_close(fd);
}

void profiler_log_write(profiler_log *log, profiler_log_level level, const char *fmt, ...)
{
	char line[LINE_MAX_BYTES];
	va_list ap;
	int n;

	if (!log) {
		return;
	}
	n = snprintf(line, sizeof(line), "[Profiler] %s: ", profiler_log_level_name(level));
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);

	if (level <= PROFILER_LOG_INFO) {
		size_t slot = (log->recent_start + log->recent_count) % PROFILER_LOG_RECENT;
		memcpy(log->recent[slot], line, sizeof(line));
		if (log->recent_count < PROFILER_LOG_RECENT) {
			log->recent_count++;
		} else {
			log->recent_start = (log->recent_start + 1) % PROFILER_LOG_RECENT;
		}
	}
	if ((int)level <= log->level) {
		append_to_file(log, line);
	}
	if (level <= PROFILER_LOG_ERR && log->on_error) {
		log->on_error(log->ctx, line);
	}
}

size_t profiler_log_recent_count(const profiler_log *log)
{
	return log->kept_count + log->recent_count;
}

const char *profiler_log_recent(const profiler_log *log, size_t index)
{
	if (index < log->kept_count) {
		return log->kept[index];
	}
	index -= log->kept_count;
	if (index >= log->recent_count) {
		return "";
	}
	return log->recent[(log->recent_start + index) % PROFILER_LOG_RECENT];
}

void profiler_log_clear_recent(profiler_log *log)
{
	log->recent_start = log->recent_count = 0;
}

void profiler_log_keep_recent(profiler_log *log)
{
	size_t i;

	for (i = 0; i < log->recent_count && log->kept_count < PROFILER_LOG_KEPT; i++) {
		memcpy(log->kept[log->kept_count++], log->recent[(log->recent_start + i) % PROFILER_LOG_RECENT], LINE_MAX_BYTES);
	}
	profiler_log_clear_recent(log);
}

void profiler_log_keep_from(profiler_log *log, const profiler_log *from)
{
	size_t i;

	for (i = 0; i < from->kept_count && log->kept_count < PROFILER_LOG_KEPT; i++) {
		memcpy(log->kept[log->kept_count++], from->kept[i], LINE_MAX_BYTES);
	}
}
