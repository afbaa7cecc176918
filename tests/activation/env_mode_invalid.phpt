--TEST--
activation: an invalid PROFILER_MODE is logged (ERR) and the ini value stands; the script's output is unchanged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function f() { return 1; }
f();
echo "ran\n";
PHP;
foreach (['profile', 'off'] as $ini) {
    echo "-- ini $ini, PROFILER_MODE=bogus\n";
    $dir = cg_test_dir('env-mode-invalid');
    $opt = ['env' => ['PROFILER_MODE' => 'bogus']];
    $r = cg_run($dir, $code, ['profiler.mode' => $ini, 'profiler.output_name' => 'cachegrind.out', 'profiler.log' => "$dir/profiler.log"], $opt);
    $without = cg_run($dir, $code, [], ['ext' => false] + $opt);
    echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "; exit status {$r['status']} (without: {$without['status']})\n";
    echo 'files: ', json_encode(cg_outputs($dir)), "\n";
    cg_print_log("$dir/profiler.log", $dir);
    echo 'stderr: ', $r['err'];
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('env-mode-invalid');
?>
--EXPECT--
-- ini profile, PROFILER_MODE=bogus
stdout identical: yes; exit status 0 (without: 0)
files: ["cachegrind.out"]
[Profiler] ERR: Invalid PROFILER_MODE environment value 'bogus'; it must be 'off' or 'profile'. profiler.mode stands.
stderr: [Profiler] ERR: Invalid PROFILER_MODE environment value 'bogus'; it must be 'off' or 'profile'. profiler.mode stands.
-- ini off, PROFILER_MODE=bogus
stdout identical: yes; exit status 0 (without: 0)
files: []
[Profiler] ERR: Invalid PROFILER_MODE environment value 'bogus'; it must be 'off' or 'profile'. profiler.mode stands.
stderr: [Profiler] ERR: Invalid PROFILER_MODE environment value 'bogus'; it must be 'off' or 'profile'. profiler.mode stands.
