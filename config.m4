dnl config.m4 for the profiler extension

PHP_ARG_ENABLE([profiler],
  [whether to enable the profiler extension],
  [AS_HELP_STRING([--enable-profiler], [Enable the profiler (Cachegrind output, observer API)])],
  [no])

if test "$PHP_PROFILER" != "no"; then
  dnl The call tree's nodes and the recorder's frames are laid out in cache
  dnl lines for 64-bit pointers (src/lib/call_tree.c checks it): stop here,
  dnl with the reason, rather than at a static assert in the middle of make.
  AC_CHECK_SIZEOF([void *])
  if test "$ac_cv_sizeof_void_p" != "8"; then
    AC_MSG_ERROR([profiler needs a 64-bit PHP build; 32-bit is not supported])
  fi

  PHP_CHECK_LIBRARY(z, deflateInit2_,
    [PHP_ADD_LIBRARY(z, 1, PROFILER_SHARED_LIBADD)],
    [AC_MSG_ERROR([zlib is required: install zlib1g-dev])])
  PHP_SUBST(PROFILER_SHARED_LIBADD)

  dnl Plain C parts, each testable without PHP (tests/unit)
  PROFILER_LIB_SOURCES="\
    src/lib/cachegrind.c \
    src/lib/call_tree.c \
    src/lib/clock.c \
    src/lib/filename.c \
    src/lib/folded.c \
    src/lib/func_table.c \
    src/lib/log.c \
    src/lib/output.c \
    src/lib/platform_posix.c \
    src/lib/platform_windows.c \
    src/lib/ptr_map.c \
    src/lib/recorder.c \
    src/lib/sink.c \
    src/lib/trigger.c"

  dnl The only files that talk to the Zend engine
  PROFILER_PHP_SOURCES="\
    src/php/activation.c \
    src/php/module.c \
    src/php/naming.c \
    src/php/observer.c \
    src/php/session.c"

  dnl Hidden by default: only get_module (ZEND_DLEXPORT) is exported, so
  dnl calls between the extension's own files are direct, not through the PLT.
  PROFILER_CFLAGS="-Wall -Wextra -fvisibility=hidden -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  dnl GCC's SLP vectorizer pairs the hot paths' adjacent pointer stores
  dnl through SSE registers: two instructions more per call than plain stores.
  AX_CHECK_COMPILE_FLAG([-fno-tree-slp-vectorize],
    [PROFILER_CFLAGS="$PROFILER_CFLAGS -fno-tree-slp-vectorize"])
  PHP_NEW_EXTENSION(profiler, $PROFILER_LIB_SOURCES $PROFILER_PHP_SOURCES, $ext_shared,,
    [$PROFILER_CFLAGS])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/lib])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php])
  PHP_ADD_INCLUDE([$ext_srcdir])
fi
