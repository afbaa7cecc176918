--TEST--
robustness: a full disk (writes fail with ENOSPC after 100 bytes) is logged; the script is unharmed and no file is left, final or temporary
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
foreach (['0', '1'] as $gz) {
    echo "-- use_compression=$gz\n";
    [$dir] = cg_same_as_without("full-disk-$gz", ['profiler.fail_writes_after' => '100', 'profiler.use_compression' => $gz,
        'profiler.output_name' => 'cachegrind.out']);
    $all = array_values(array_diff(scandir($dir), ['.', '..']));
    echo 'every file in the directory: ', json_encode($all), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('full-disk-0');
cg_clean('full-disk-1');
?>
--EXPECT--
-- use_compression=0
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: File 'DIR/cachegrind.out' could not be written; no profile was left under that name.
[Profiler] WARN: Writing 'DIR/cachegrind.out' failed: No space left on device.
every file in the directory: ["profiler.log","script.php"]
-- use_compression=1
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: File 'DIR/cachegrind.out.gz' could not be written; no profile was left under that name.
[Profiler] WARN: Writing 'DIR/cachegrind.out.gz' failed: No space left on device.
every file in the directory: ["profiler.log","script.php"]
