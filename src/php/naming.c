/* Names for the functions of a profile, exactly as Xdebug writes them
 * (Xdebug 3.2 on PHP 8.2, 3.5 on PHP 8.4; tests/diff compares both):
 * "func", "Class->method", "Class::method", "{closure:/f.php:3-5}",
 * "{anonymous-class:/f.php:3-9}->m", "php::strlen", "php::Ex->__construct",
 * "php::call_user_func:{/f.php:7}", "include::/f.php", "eval", "{main}"
 * (and "php::exit" on 8.4, where exit is a function).
 *
 * This runs once per function (or per top-level file run), never per call.
 * Names are built in persistent (malloc) memory: PHP's heap is what the
 * profile measures, and the profiler must not show up in it. */
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

/* Anonymous classes read as "{anonymous-class:/f.php:3-9}" on an object, as
 * their raw name up to its NUL ("class@anonymous") in a static call, as
 * Xdebug writes them. */
static void append_class(smart_str *s, zend_class_entry *ce, bool on_object)
{
	if (on_object && ce->type == ZEND_USER_CLASS && (ce->ce_flags & ZEND_ACC_ANON_CLASS)) {
		smart_str_appends_ex(s, "{anonymous-class:", 1);
		smart_str_append_ex(s, ce->info.user.filename, 1);
		smart_str_appendc_ex(s, ':', 1);
		smart_str_append_unsigned_ex(s, ce->info.user.line_start, 1);
		smart_str_appendc_ex(s, '-', 1);
		smart_str_append_unsigned_ex(s, ce->info.user.line_end, 1);
		smart_str_appendc_ex(s, '}', 1);
	} else if (ce->ce_flags & ZEND_ACC_ANON_CLASS) {
		smart_str_appends_ex(s, ZSTR_VAL(ce->name), 1);
	} else {
		smart_str_append_ex(s, ce->name, 1);
	}
}

/* The part of a closure's name that Xdebug keeps before ":FILE:START-END}",
 * or 0 when the name is not a closure's. PHP names closures "{closure}"
 * ("App\{closure}" in a namespace) up to 8.3, and from 8.4 on
 * "{closure:PARENT:LINE}" (no namespace; PARENT is the enclosing function
 * or the file). Xdebug 3.5 keeps "{closure" of an 8.4 name and writes its
 * own location after it, so a closure reads "{closure:/f.php:3-5}" on 8.4
 * too, and a namespaced one loses the namespace that 8.4 no longer puts
 * in the name. */
static size_t closure_name_prefix(const zend_string *name)
{
#if PHP_VERSION_ID >= 80400
	if (ZSTR_LEN(name) > sizeof("{closure:") - 1
			&& memcmp(ZSTR_VAL(name), "{closure:", sizeof("{closure:") - 1) == 0
			&& ZSTR_VAL(name)[ZSTR_LEN(name) - 1] == '}') {
		return sizeof("{closure") - 1;
	}
#else
	if (ZSTR_LEN(name) >= sizeof("{closure}") - 1
			&& memcmp(ZSTR_VAL(name) + ZSTR_LEN(name) - (sizeof("{closure}") - 1), "{closure}", sizeof("{closure}") - 1) == 0) {
		return ZSTR_LEN(name) - 1;
	}
#endif
	return 0;
}

static void append_function_name(smart_str *s, zend_execute_data *ex)
{
	zend_function *func = ex->func;
	bool on_object = Z_TYPE(ex->This) == IS_OBJECT;
	size_t prefix;

	if (func->common.scope) {
		append_class(s, func->common.scope, on_object);
		smart_str_appends_ex(s, on_object ? "->" : "::", 1);
	}
	/* by name, as first-class callables of named functions are closures
	 * too; up to 8.3 a namespaced closure keeps its namespace
	 * ("App\{closure:...}") */
	if (func->type != ZEND_INTERNAL_FUNCTION && (prefix = closure_name_prefix(func->common.function_name)) != 0) {
		smart_str_appendl_ex(s, ZSTR_VAL(func->common.function_name), prefix, 1);
		smart_str_appendc_ex(s, ':', 1);
		smart_str_append_ex(s, func->op_array.filename, 1);
		smart_str_appendc_ex(s, ':', 1);
		smart_str_append_unsigned_ex(s, func->op_array.line_start, 1);
		smart_str_appendc_ex(s, '-', 1);
		smart_str_append_unsigned_ex(s, func->op_array.line_end, 1);
		smart_str_appendc_ex(s, '}', 1);
	} else {
		smart_str_append_ex(s, func->common.function_name, 1);
	}
}

bool profiler_name_has_call_site(const zend_function *func)
{
	/* Xdebug's rule: any function whose name starts with call_user_func */
	return func->type == ZEND_INTERNAL_FUNCTION && profiler_name_mentions_call_user_func(func);
}

bool profiler_name_mentions_call_user_func(const zend_function *func)
{
	return func->common.function_name && ZSTR_LEN(func->common.function_name) >= 14
		&& memcmp(ZSTR_VAL(func->common.function_name), "call_user_func", 14) == 0;
}

/* "php::call_user_func:{/f.php:7}": the file and line of the nearest user
 * frame, where the callback was handed over. */
static void append_call_site(smart_str *s, zend_execute_data *ex)
{
	zend_execute_data *caller;

	if (!profiler_name_mentions_call_user_func(ex->func)) {
		return;
	}
	if (ZEND_USER_CODE(ex->func->type)) {
		/* a user function so named shows where it is defined */
		smart_str_appends_ex(s, ":{", 1);
		smart_str_append_ex(s, ex->func->op_array.filename, 1);
		smart_str_appendc_ex(s, ':', 1);
		smart_str_append_unsigned_ex(s, ex->func->op_array.line_start, 1);
		smart_str_appendc_ex(s, '}', 1);
		return;
	}
	caller = user_frame(ex->prev_execute_data);
	if (caller && caller->opline) {
		smart_str_appends_ex(s, ":{", 1);
		smart_str_append_ex(s, caller->func->op_array.filename, 1);
		smart_str_appendc_ex(s, ':', 1);
		smart_str_append_unsigned_ex(s, caller->opline->lineno, 1);
		smart_str_appendc_ex(s, '}', 1);
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
			smart_str_appends_ex(&name, "{main}", 1);
		} else if (strcmp(kind, "eval") == 0) {
			smart_str_appends_ex(&name, "eval", 1);
		} else {
			smart_str_appends_ex(&name, kind, 1);
			smart_str_appends_ex(&name, "::", 1);
			smart_str_append_ex(&name, func->op_array.filename, 1);
		}
	} else if (func->type == ZEND_INTERNAL_FUNCTION) {
		smart_str_appends_ex(&name, "php::", 1);
		append_function_name(&name, ex);
		append_call_site(&name, ex);
	} else {
		append_function_name(&name, ex);
		append_call_site(&name, ex);
		file = ZSTR_VAL(func->op_array.filename);
		file_len = ZSTR_LEN(func->op_array.filename);
		self_line = func->op_array.line_start;
	}
	smart_str_0(&name);
	id = profiler_func_table_intern(funcs, ZSTR_VAL(name.s), ZSTR_LEN(name.s), file, file_len, self_line);
	smart_str_free_ex(&name, 1);
	return id;
}
