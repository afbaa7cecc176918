<?php
/*
 * auto_prepend_file for the "tideways" benchmark variant.
 *
 * Starts tideways_xhprof with memory collection for the whole request and,
 * at shutdown, stops it and writes the serialized call-graph data to
 * $BENCH_PROFILE_DIR (falls back to the system temp dir), so its cost
 * includes producing a profile file like the other profiling variants.
 */
if (function_exists('tideways_xhprof_enable')) {
    tideways_xhprof_enable(TIDEWAYS_XHPROF_FLAGS_MEMORY);
    register_shutdown_function(static function (): void {
        $data = tideways_xhprof_disable();
        $dir = getenv('BENCH_PROFILE_DIR') ?: sys_get_temp_dir();
        file_put_contents($dir . '/tideways.' . getmypid() . '.xhprof.ser', serialize($data));
    });
}
