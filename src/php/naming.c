/* Names for the functions of a profile, exactly as Xdebug 3.2 writes them:
 * "func", "Class->method", "Class::method", "{closure:/f.php:3-5}",
 * "{anonymous-class:/f.php:3-9}->m", "php::strlen", "php::Ex->__construct",
 * "php::call_user_func:{/f.php:7}", "include::/f.php", "eval", "{main}".
 *
 * This runs once per function (or per top-level file run), never per call. */
#include "engine.h"

#include "Zend/zend_smart_str.h"

#define INTERNAL_FILE "php:internal"

/* The nearest frame running user code at or below ex. */
static zend_execute_data *user_frame(zend_execute_data *ex)
{
	while (ex && (!ex->func || !ZEND_USER_CODE(ex->func->type))) {
		ex = ex->prev_execute_data;
	}
	return ex;
}

static void append_class(smart_str *s, zend_class_entry *ce)
{
	if (ce->type == ZEND_USER_CLASS && (ce->ce_flags & ZEND_ACC_ANON_CLASS)) {
		smart_str_appends(s, "{anonymous-class:");
		smart_str_append(s, ce->info.user.filename);
		smart_str_appendc(s, ':');
		smart_str_append_unsigned(s, ce->info.user.line_start);
		smart_str_appendc(s, '-');
		smart_str_append_unsigned(s, ce->info.user.line_end);
		smart_str_appendc(s, '}');
	} else {
		smart_str_append(s, ce->name);
	}
}

static void append_function_name(smart_str *s, zend_execute_data *ex)
{
	zend_function *func = ex->func;

	if (func->common.scope) {
		append_class(s, func->common.scope);
		smart_str_appends(s, Z_TYPE(ex->This) == IS_OBJECT ? "->" : "::");
	}
	/* by name, as first-class callables of named functions are closures too */
	if (func->type != ZEND_INTERNAL_FUNCTION && zend_string_equals_literal(func->common.function_name, "{closure}")) {
		smart_str_appends(s, "{closure:");
		smart_str_append(s, func->op_array.filename);
		smart_str_appendc(s, ':');
		smart_str_append_unsigned(s, func->op_array.line_start);
		smart_str_appendc(s, '-');
		smart_str_append_unsigned(s, func->op_array.line_end);
		smart_str_appendc(s, '}');
	} else {
		smart_str_append(s, func->common.function_name);
	}
}

/* The include kind of a top-level frame, from the opcode that started it. */
static const char *include_kind(zend_execute_data *ex)
{
	zend_execute_data *caller = ex->prev_execute_data;

	if (!caller || !caller->func || !ZEND_USER_CODE(caller->func->type) || !caller->opline
			|| caller->opline->opcode != ZEND_INCLUDE_OR_EVAL) {
		return NULL;
	}
	switch (caller->opline->extended_value) {
		case ZEND_INCLUDE_ONCE: return "include_once";
		case ZEND_REQUIRE: return "require";
		case ZEND_REQUIRE_ONCE: return "require_once";
		case ZEND_EVAL: return "eval";
		default: return "include";
	}
}

uint32_t profiler_name_function(profiler_func_table *funcs, zend_execute_data *ex)
{
	zend_function *func = ex->func;
	smart_str name = {0};
	const char *file = INTERNAL_FILE;
	size_t file_len = sizeof(INTERNAL_FILE) - 1;
	uint32_t self_line = PROFILER_LINE_CALL_SITE;
	uint32_t id;

	if (profiler_is_top_level(func)) {
		const char *kind = include_kind(ex);
		file = ZSTR_VAL(func->op_array.filename);
		file_len = ZSTR_LEN(func->op_array.filename);
		self_line = 1;
		if (!kind) {
			smart_str_appends(&name, "{main}");
		} else if (strcmp(kind, "eval") == 0) {
			smart_str_appends(&name, "eval");
		} else {
			smart_str_appends(&name, kind);
			smart_str_appends(&name, "::");
			smart_str_append(&name, func->op_array.filename);
		}
	} else if (func->type == ZEND_INTERNAL_FUNCTION) {
		smart_str_appends(&name, "php::");
		append_function_name(&name, ex);
		if (!func->common.scope && (zend_string_equals_literal(func->common.function_name, "call_user_func")
				|| zend_string_equals_literal(func->common.function_name, "call_user_func_array"))) {
			zend_execute_data *caller = user_frame(ex->prev_execute_data);
			if (caller && caller->opline) {
				smart_str_appends(&name, ":{");
				smart_str_append(&name, caller->func->op_array.filename);
				smart_str_appendc(&name, ':');
				smart_str_append_unsigned(&name, caller->opline->lineno);
				smart_str_appendc(&name, '}');
			}
		}
	} else {
		append_function_name(&name, ex);
		file = ZSTR_VAL(func->op_array.filename);
		file_len = ZSTR_LEN(func->op_array.filename);
		self_line = func->op_array.line_start;
	}
	smart_str_0(&name);
	id = profiler_func_table_intern(funcs, ZSTR_VAL(name.s), ZSTR_LEN(name.s), file, file_len, self_line);
	smart_str_free(&name);
	return id;
}
