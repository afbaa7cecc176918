/* Unit tests for src/lib/log.{h,c}. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <regex.h>

#include "test_helpers.h"
#include "log.h"

typedef struct {
	int calls;
	char last[2048];
} error_sink;

static void on_error(void *ctx, const char *line)
{
	error_sink *e = ctx;
	e->calls++;
	snprintf(e->last, sizeof(e->last), "%s", line);
}

static void test_level_names(void **state)
{
	(void)state;
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_CRIT), "CRIT");
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_ERR), "ERR");
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_WARN), "WARN");
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_COM), "COM");
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_INFO), "INFO");
	assert_string_equal(profiler_log_level_name(PROFILER_LOG_DEBUG), "DEBUG");
}

static void test_recent_messages(void **state)
{
	profiler_log *log = profiler_log_create();
	(void)state;
	assert_non_null(log);
	assert_int_equal(profiler_log_recent_count(log), 0);
	assert_string_equal(profiler_log_recent(log, 0), "");
	profiler_log_write(log, PROFILER_LOG_ERR, "File '%s' could not be opened.", "/x/cachegrind.out.12");
	profiler_log_write(log, PROFILER_LOG_WARN, "number %d", 7);
	profiler_log_write(log, PROFILER_LOG_INFO, "info");
	profiler_log_write(log, PROFILER_LOG_CRIT, "crit");
	profiler_log_write(log, PROFILER_LOG_COM, "com");
	profiler_log_write(NULL, PROFILER_LOG_ERR, "to no log at all %d", 1); /* ignored */
	assert_int_equal(profiler_log_recent_count(log), 5);
	assert_string_equal(profiler_log_recent(log, 0), "[Profiler] ERR: File '/x/cachegrind.out.12' could not be opened.");
	assert_string_equal(profiler_log_recent(log, 1), "[Profiler] WARN: number 7");
	assert_string_equal(profiler_log_recent(log, 2), "[Profiler] INFO: info");
	assert_string_equal(profiler_log_recent(log, 3), "[Profiler] CRIT: crit");
	assert_string_equal(profiler_log_recent(log, 4), "[Profiler] COM: com");
	assert_string_equal(profiler_log_recent(log, 5), "");
	profiler_log_clear_recent(log);
	assert_int_equal(profiler_log_recent_count(log), 0);
	assert_string_equal(profiler_log_recent(log, 0), "");
	profiler_log_write(log, PROFILER_LOG_INFO, "after clear");
	assert_int_equal(profiler_log_recent_count(log), 1);
	assert_string_equal(profiler_log_recent(log, 0), "[Profiler] INFO: after clear");
	profiler_log_destroy(log);
	profiler_log_destroy(NULL);
}

static void test_debug_messages_stay_out_of_the_ring(void **state)
{
	profiler_log *log = profiler_log_create();
	(void)state;
	profiler_log_configure(log, NULL, PROFILER_LOG_DEBUG, NULL, NULL);
	profiler_log_write(log, PROFILER_LOG_DEBUG, "debug");
	assert_int_equal(profiler_log_recent_count(log), 0);
	profiler_log_write(log, PROFILER_LOG_INFO, "info");
	assert_int_equal(profiler_log_recent_count(log), 1);
	profiler_log_destroy(log);
}

static void test_ring_wraps(void **state)
{
	profiler_log *log = profiler_log_create();
	char expected[64];
	size_t i;
	(void)state;
	for (i = 0; i < PROFILER_LOG_RECENT + 5; i++) {
		profiler_log_write(log, PROFILER_LOG_WARN, "message %zu", i);
	}
	assert_int_equal(profiler_log_recent_count(log), PROFILER_LOG_RECENT);
	/* oldest first: the first five were dropped */
	for (i = 0; i < PROFILER_LOG_RECENT; i++) {
		snprintf(expected, sizeof(expected), "[Profiler] WARN: message %zu", i + 5);
		assert_string_equal(profiler_log_recent(log, i), expected);
	}
	assert_string_equal(profiler_log_recent(log, PROFILER_LOG_RECENT), "");
	/* wrap many times over */
	for (i = 0; i < 10 * PROFILER_LOG_RECENT + 3; i++) {
		profiler_log_write(log, PROFILER_LOG_INFO, "again %zu", i);
	}
	assert_int_equal(profiler_log_recent_count(log), PROFILER_LOG_RECENT);
	snprintf(expected, sizeof(expected), "[Profiler] INFO: again %zu", (size_t)(10 * PROFILER_LOG_RECENT + 2));
	assert_string_equal(profiler_log_recent(log, PROFILER_LOG_RECENT - 1), expected);
	snprintf(expected, sizeof(expected), "[Profiler] INFO: again %zu", (size_t)(9 * PROFILER_LOG_RECENT + 3));
	assert_string_equal(profiler_log_recent(log, 0), expected);
	profiler_log_destroy(log);
}

static void test_long_message_is_truncated_safely(void **state)
{
	profiler_log *log = profiler_log_create();
	char *big = malloc(5000);
	const char *got;
	(void)state;
	memset(big, 'z', 4999);
	big[4999] = '\0';
	profiler_log_write(log, PROFILER_LOG_ERR, "%s", big);
	got = profiler_log_recent(log, 0);
	assert_true(strlen(got) < 1024);
	assert_true(strlen(got) > 900);
	assert_memory_equal(got, "[Profiler] ERR: zzz", 19);
	free(big);
	profiler_log_destroy(log);
}

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (; *text; text++) {
		n += *text == '\n';
	}
	return n;
}

static void check_line(const char *line_start, const char *body)
{
	regex_t re;
	char pattern[512];
	regmatch_t m;
	const char *eol = strchr(line_start, '\n');
	char *line;
	assert_non_null(eol);
	line = strndup(line_start, (size_t)(eol - line_start));
	snprintf(pattern, sizeof(pattern),
		"^\\[%ld\\] [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} %s$", (long)getpid(), body);
	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED), 0);
	assert_int_equal(regexec(&re, line, 1, &m, 0), 0);
	regfree(&re);
	free(line);
}

static void test_file_output_respects_level(void **state)
{
	char *dir = make_temp_dir();
	char *path = path_join(dir, "profiler.log");
	profiler_log *log = profiler_log_create();
	char *text;
	size_t len;
	(void)state;

	profiler_log_configure(log, path, PROFILER_LOG_WARN, NULL, NULL);
	profiler_log_write(log, PROFILER_LOG_ERR, "error %d", 1);
	profiler_log_write(log, PROFILER_LOG_WARN, "warning");
	profiler_log_write(log, PROFILER_LOG_INFO, "not in the file");
	profiler_log_write(log, PROFILER_LOG_DEBUG, "nor this");
	profiler_log_write(log, PROFILER_LOG_CRIT, "critical");
	text = read_whole_file(path, &len);
	assert_non_null(text);
	assert_int_equal(count_lines(text), 3);
	check_line(text, "\\[Profiler\\] ERR: error 1");
	check_line(strchr(text, '\n') + 1, "\\[Profiler\\] WARN: warning");
	check_line(strchr(strchr(text, '\n') + 1, '\n') + 1, "\\[Profiler\\] CRIT: critical");
	assert_null(strstr(text, "not in the file"));
	/* the ring still has everything up to INFO */
	assert_int_equal(profiler_log_recent_count(log), 4);
	free(text);

	/* at DEBUG everything goes to the file, appended */
	profiler_log_configure(log, path, PROFILER_LOG_DEBUG, NULL, NULL);
	profiler_log_write(log, PROFILER_LOG_DEBUG, "debug line");
	text = read_whole_file(path, &len);
	assert_int_equal(count_lines(text), 4);
	assert_non_null(strstr(text, "[Profiler] DEBUG: debug line\n"));
	free(text);

	/* no path: no file */
	profiler_log_configure(log, "", PROFILER_LOG_DEBUG, NULL, NULL);
	profiler_log_write(log, PROFILER_LOG_ERR, "nowhere");
	text = read_whole_file(path, &len);
	assert_int_equal(count_lines(text), 4);
	free(text);

	profiler_log_destroy(log);
	remove_tree(dir);
	free(dir);
	free(path);
}

static void test_error_callback_only_for_err_and_crit(void **state)
{
	profiler_log *log = profiler_log_create();
	error_sink e = { 0, "" };
	(void)state;
	profiler_log_configure(log, NULL, PROFILER_LOG_DEBUG, on_error, &e);
	profiler_log_write(log, PROFILER_LOG_WARN, "w");
	profiler_log_write(log, PROFILER_LOG_COM, "c");
	profiler_log_write(log, PROFILER_LOG_INFO, "i");
	profiler_log_write(log, PROFILER_LOG_DEBUG, "d");
	assert_int_equal(e.calls, 0);
	profiler_log_write(log, PROFILER_LOG_ERR, "bad %s", "thing");
	assert_int_equal(e.calls, 1);
	assert_string_equal(e.last, "[Profiler] ERR: bad thing");
	profiler_log_write(log, PROFILER_LOG_CRIT, "worse");
	assert_int_equal(e.calls, 2);
	assert_string_equal(e.last, "[Profiler] CRIT: worse");
	/* the file level does not filter the callback */
	profiler_log_configure(log, NULL, PROFILER_LOG_CRIT, on_error, &e);
	profiler_log_write(log, PROFILER_LOG_ERR, "still");
	assert_int_equal(e.calls, 3);
	profiler_log_destroy(log);
}

static void test_unopenable_log_file_reported_once(void **state)
{
	char *dir = make_temp_dir();
	char *path = path_join(dir, "missing-dir/profiler.log");
	profiler_log *log = profiler_log_create();
	error_sink e = { 0, "" };
	(void)state;

	profiler_log_configure(log, path, PROFILER_LOG_DEBUG, on_error, &e);
	profiler_log_write(log, PROFILER_LOG_INFO, "one");
	assert_int_equal(e.calls, 1);
	assert_non_null(strstr(e.last, "could not be opened"));
	assert_non_null(strstr(e.last, path));
	profiler_log_write(log, PROFILER_LOG_INFO, "two");
	profiler_log_write(log, PROFILER_LOG_WARN, "three");
	assert_int_equal(e.calls, 1);
	/* the messages still reach the ring */
	assert_int_equal(profiler_log_recent_count(log), 3);
	profiler_log_destroy(log);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A thread's log takes startup's kept messages, and only those: the first
 * thread's recent ones stay its own. */
static void test_keep_from_copies_kept_messages_only(void **state)
{
	profiler_log *startup = profiler_log_create();
	profiler_log *thread = profiler_log_create();
	(void)state;

	profiler_log_write(startup, PROFILER_LOG_ERR, "bad mode");
	profiler_log_keep_recent(startup);
	profiler_log_write(startup, PROFILER_LOG_INFO, "a request of the first thread");
	profiler_log_keep_from(thread, startup);
	assert_int_equal(profiler_log_recent_count(thread), 1);
	assert_string_equal(profiler_log_recent(thread, 0), "[Profiler] ERR: bad mode");
	/* kept messages survive the thread's requests */
	profiler_log_write(thread, PROFILER_LOG_INFO, "request");
	profiler_log_clear_recent(thread);
	assert_int_equal(profiler_log_recent_count(thread), 1);
	assert_string_equal(profiler_log_recent(thread, 0), "[Profiler] ERR: bad mode");
	profiler_log_destroy(thread);
	profiler_log_destroy(startup);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_recent_messages),
		cmocka_unit_test(test_debug_messages_stay_out_of_the_ring),
		cmocka_unit_test(test_ring_wraps),
		cmocka_unit_test(test_long_message_is_truncated_safely),
		cmocka_unit_test(test_file_output_respects_level),
		cmocka_unit_test(test_error_callback_only_for_err_and_crit),
		cmocka_unit_test(test_unopenable_log_file_reported_once),
		cmocka_unit_test(test_keep_from_copies_kept_messages_only),
	};
	return cmocka_run_group_tests_name("log", tests, NULL, NULL);
}
