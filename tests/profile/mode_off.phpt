--TEST--
profile: with profiler.mode=off (the default) nothing is profiled, no file is written, and the script runs unchanged
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$dir = cg_test_dir('mode-off');
$code = <<<'PHP'
<?php
function f($n) { return $n ? f($n - 1) : 0; }
f(50);
var_dump(profiler_get_filename());
var_dump(extension_loaded('profiler'));
PHP;
foreach (['off', null] as $mode) {
    $r = cg_run($dir, $code, ['profiler.mode' => $mode, 'profiler.output_name' => 'cg.%p', 'profiler.log' => "$dir/profiler.log"]);
    echo 'mode=', $mode ?? '(default)', ': status ', $r['status'], "\n", $r['out'], $r['err'];
}
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
echo 'log: ', json_encode(cg_log_lines("$dir/profiler.log")), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('mode-off');
?>
--EXPECT--
mode=off: status 0
bool(false)
bool(true)
mode=(default): status 0
bool(false)
bool(true)
files: []
log: []
