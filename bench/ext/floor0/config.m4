dnl Benchmark-only extension: an observer that declines every function.
PHP_ARG_ENABLE([floor0],
  [whether to enable the floor0 benchmark observer],
  [AS_HELP_STRING([--enable-floor0], [Enable the floor0 benchmark observer])],
  [yes])

if test "$PHP_FLOOR0" != "no"; then
  PHP_NEW_EXTENSION(floor0, floor0.c, $ext_shared)
fi
