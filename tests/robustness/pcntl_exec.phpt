--TEST--
robustness: pcntl_exec() replaces the process; the profile up to the exec is complete and published, no temp file is left
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function before() { return 1; }
function prepare() { before(); return [PHP_BINARY, ['-n', '-r', 'echo "exec\'d program ran\n"; exit(9);']]; }
before();
[$bin, $args] = prepare();
echo "about to exec\n";
pcntl_exec($bin, $args);
echo "not reached\n";
PHP;
foreach (['0', '1'] as $gz) {
    echo "-- use_compression=$gz\n";
    $dir = cg_test_dir('pcntl-exec');
    $r = cg_run($dir, $code, ['profiler.output_name' => 'cachegrind.out', 'profiler.use_compression' => $gz]);
    echo $r['out'], $r['err'], "exit status {$r['status']}\n";
    echo 'every file in the directory: ', json_encode(array_values(array_diff(scandir($dir), ['.', '..']))), "\n";
    $p = cg_parse("$dir/cachegrind.out" . ($gz ? '.gz' : ''));
    cg_print_check($p);
    cg_print_summary_check($p);
    cg_print_edges($p, $dir);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('pcntl-exec');
?>
--EXPECT--
-- use_compression=0
about to exec
exec'd program ran
exit status 9
every file in the directory: ["cachegrind.out","script.php"]
structure ok
summary = sum of self costs
prepare -> before @3 = 1
{main} -> before @4 = 1
{main} -> php::pcntl_exec @7 = 1
{main} -> prepare @5 = 1
-- use_compression=1
about to exec
exec'd program ran
exit status 9
every file in the directory: ["cachegrind.out.gz","script.php"]
structure ok
summary = sum of self costs
prepare -> before @3 = 1
{main} -> before @4 = 1
{main} -> php::pcntl_exec @7 = 1
{main} -> prepare @5 = 1
