/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b4e73ea41ad40614426064ab8680e09ff5966090 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_profiler_get_filename, 0, 0, MAY_BE_STRING|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_profiler_info, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(profiler_get_filename);
ZEND_FUNCTION(profiler_info);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(profiler_get_filename, arginfo_profiler_get_filename)
	ZEND_FE(profiler_info, arginfo_profiler_info)
	ZEND_FE_END
};
