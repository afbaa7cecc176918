/* The profiler's log: Xdebug's levels, an optional log file, and a ring of
 * recent messages for profiler_info().
 *
 * Lines look like "[Profiler] ERR: File '/x/cachegrind.out.12' could not be
 * opened.". Errors and criticals are also handed to a callback, which the
 * engine layer points at PHP's error log. */
#ifndef PROFILER_LOG_H
#define PROFILER_LOG_H

#include "platform.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	PROFILER_LOG_CRIT = 0,
	PROFILER_LOG_ERR = 1,
	PROFILER_LOG_WARN = 3,
	PROFILER_LOG_COM = 5,
	PROFILER_LOG_INFO = 7,
	PROFILER_LOG_DEBUG = 10,
} profiler_log_level;

#define PROFILER_LOG_RECENT 32
#define PROFILER_LOG_KEPT 8

typedef void (*profiler_log_error_fn)(void *ctx, const char *line);

typedef struct profiler_log profiler_log;

profiler_log *profiler_log_create(void);
void profiler_log_destroy(profiler_log *log);
/* path may be NULL or empty: no file. level: messages above it are dropped
 * from the file (the ring keeps everything up to INFO). */
void profiler_log_configure(profiler_log *log, const char *path, int level,
	profiler_log_error_fn on_error, void *ctx);

void profiler_log_write(profiler_log *log, profiler_log_level level, const char *fmt, ...)
	PROFILER_PRINTF_FORMAT(3, 4);

/* Kept startup messages, then recent messages, oldest first; index < count. */
size_t profiler_log_recent_count(const profiler_log *log);
const char *profiler_log_recent(const profiler_log *log, size_t index);
/* Forgets the recent messages. profiler_log_keep_recent moves the messages
 * so far (those from startup) aside, so every request of the process still
 * shows them. */
void profiler_log_clear_recent(profiler_log *log);
void profiler_log_keep_recent(profiler_log *log);
/* Adds from's kept messages to log's: a thread started after startup shows
 * what startup logged. Reads only what profiler_log_keep_recent wrote. */
void profiler_log_keep_from(profiler_log *log, const profiler_log *from);

const char *profiler_log_level_name(profiler_log_level level);

#endif
