/*
 * floor0: benchmark-only PHP extension.
 *
 * Registers a function-call observer whose init callback returns no
 * handlers for every function. This measures the fixed cost PHP pays once
 * any observer is registered (observer-enabled opcodes, per-function init
 * lookup), i.e. the floor for an idle/untriggered profiler.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_observer.h"

static zend_observer_fcall_handlers floor0_observer_init(zend_execute_data *execute_data)
{
	(void) execute_data;
	return (zend_observer_fcall_handlers) { NULL, NULL };
}

static PHP_MINIT_FUNCTION(floor0)
{
	(void) type;
	(void) module_number;
	zend_observer_fcall_register(floor0_observer_init);
	return SUCCESS;
}

zend_module_entry floor0_module_entry = {
	STANDARD_MODULE_HEADER,
	"floor0",
	NULL,               /* functions */
	PHP_MINIT(floor0),
	NULL,               /* MSHUTDOWN */
	NULL,               /* RINIT */
	NULL,               /* RSHUTDOWN */
	NULL,               /* MINFO */
	"0.1.0",
	STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_FLOOR0
ZEND_GET_MODULE(floor0)
#endif
