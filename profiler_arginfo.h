/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f7d995afee087eb478f1d34fb7e1d43e5b9e9e0d */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_profiler_get_filename, 0, 0, MAY_BE_STRING|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

#define arginfo_profiler_start arginfo_profiler_get_filename

#define arginfo_profiler_stop arginfo_profiler_get_filename

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_profiler_info, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(profiler_get_filename);
ZEND_FUNCTION(profiler_start);
ZEND_FUNCTION(profiler_stop);
ZEND_FUNCTION(profiler_info);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(profiler_get_filename, arginfo_profiler_get_filename)
	ZEND_FE(profiler_start, arginfo_profiler_start)
	ZEND_FE(profiler_stop, arginfo_profiler_stop)
	ZEND_FE(profiler_info, arginfo_profiler_info)
	ZEND_FE_END
};
