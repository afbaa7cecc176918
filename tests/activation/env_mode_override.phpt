--TEST--
activation: the PROFILER_MODE environment variable overrides profiler.mode both ways
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function f() { return 1; }
f();
var_dump(profiler_get_filename());
ob_start();
profiler_info();
preg_match('/^\s*Mode set by\s{2,}(.*)$/m', ob_get_clean(), $m);
echo 'mode set by: ', $m[1] ?? '?', "\n";
PHP;
$cases = [
    ['ini off, PROFILER_MODE=profile', 'off', 'profile'],
    ['ini not set, PROFILER_MODE=profile', null, 'profile'],
    ['ini profile, PROFILER_MODE=off', 'profile', 'off'],
    ['ini profile, PROFILER_MODE not set', 'profile', null],
];
foreach ($cases as [$title, $ini, $env]) {
    echo "-- $title\n";
    $dir = cg_test_dir('env-mode');
    $r = cg_run($dir, $code, ['profiler.mode' => $ini, 'profiler.output_name' => 'cachegrind.out'],
        ['env' => $env === null ? [] : ['PROFILER_MODE' => $env]]);
    echo str_replace($dir, 'DIR', $r['out']), $r['err'];
    echo 'files: ', json_encode(cg_outputs($dir)), "\n";
    if (cg_outputs($dir)) {
        cg_print_edges(cg_parse("$dir/cachegrind.out"), $dir, '/ -> f @/');
    }
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('env-mode');
?>
--EXPECTF--
-- ini off, PROFILER_MODE=profile
string(%d) "DIR/cachegrind.out"
mode set by: %SPROFILER_MODE%S
files: ["cachegrind.out"]
{main} -> f @3 = 1
-- ini not set, PROFILER_MODE=profile
string(%d) "DIR/cachegrind.out"
mode set by: %SPROFILER_MODE%S
files: ["cachegrind.out"]
{main} -> f @3 = 1
-- ini profile, PROFILER_MODE=off
bool(false)
mode set by: %SPROFILER_MODE%S
files: []
-- ini profile, PROFILER_MODE not set
string(%d) "DIR/cachegrind.out"
mode set by: profiler.mode
files: ["cachegrind.out"]
{main} -> f @3 = 1
