dnl Benchmark-only extension: the cheapest possible "real" observer.
PHP_ARG_ENABLE([floor],
  [whether to enable the floor benchmark observer],
  [AS_HELP_STRING([--enable-floor], [Enable the floor benchmark observer])],
  [yes])

if test "$PHP_FLOOR" != "no"; then
  PHP_NEW_EXTENSION(floor, floor.c, $ext_shared)
fi
