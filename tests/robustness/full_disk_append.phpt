--TEST--
robustness: with append=1, a full disk leaves the existing profile file exactly as it was
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('full-disk-append');
$code = <<<'PHP'
<?php
function f($n) { return $n; }
for ($i = 0; $i < 50; $i++) {
    f($i);
}
echo "ran\n";
PHP;
$ini = ['profiler.append' => '1', 'profiler.output_name' => 'cachegrind.out', 'profiler.log' => "$dir/profiler.log"];
$r = cg_run($dir, $code, $ini);
echo $r['out'];
$before = file_get_contents("$dir/cachegrind.out");
$r = cg_run($dir, $code, $ini + ['profiler.fail_writes_after' => '100']);
echo $r['out'], 'status ', $r['status'], "\n";
echo 'file unchanged: ', file_get_contents("$dir/cachegrind.out") === $before ? 'yes' : 'no', "\n";
echo 'every file in the directory: ', json_encode(array_values(array_diff(scandir($dir), ['.', '..']))), "\n";
cg_print_log("$dir/profiler.log", $dir);
$p = cg_parse("$dir/cachegrind.out");
cg_print_check($p);
echo 'sections: ', count($p['sections']), "\n";
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('full-disk-append');
?>
--EXPECT--
ran
ran
status 0
file unchanged: yes
every file in the directory: ["cachegrind.out","profiler.log","script.php"]
[Profiler] ERR: File 'DIR/cachegrind.out' could not be written; no profile was left under that name.
[Profiler] WARN: Writing 'DIR/cachegrind.out' failed: No space left on device.
structure ok
sections: 1
{main} -> f @4 = 50
