--TEST--
windows: calls before the first window, between windows and after the last are in no file; a window's first calls appear under their real callers
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function leaf($x) { return $x + 1; }
function job($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += leaf($i); } return $s; }
function before() { return leaf(0) + strlen(str_repeat('a', 3)); }
function between() { return leaf(0) + strlen(str_repeat('b', 3)); }
function after() { return leaf(0) + strlen(str_repeat('c', 3)); }
function runner($n) { profiler_start(); job($n); profiler_stop(); return leaf(0); }
before(); leaf(0);
profiler_start();
job(3);
profiler_stop();
between(); leaf(0);
runner(2);
between(); leaf(0);
profiler_start();
job(4);
profiler_stop();
after(); leaf(0);
echo "ok\n";
PHP;
$dir = cg_test_dir('windows-outside');
$r = cg_run($dir, $code, ['profiler.start_with_request' => 'no', 'profiler.output_name' => 'win.out']);
echo $r['out'], $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
foreach (['win.out', 'win.out.2', 'win.out.3'] as $name) {
    echo "-- $name\n";
    $p = cg_parse("$dir/$name");
    cg_print_check($p);
    cg_print_summary_check($p);
    echo 'functions: ', implode(' ', $p['names']), "\n";
    cg_print_edges($p, $dir);
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('windows-outside');
?>
--EXPECT--
ok
files: ["win.out","win.out.2","win.out.3"]
-- win.out
structure ok
summary = sum of self costs
functions: job leaf php::profiler_start php::profiler_stop {main}
job -> leaf @3 = 3
{main} -> job @10 = 1
{main} -> php::profiler_start @9 = 1
{main} -> php::profiler_stop @11 = 1
-- win.out.2
structure ok
summary = sum of self costs
functions: job leaf php::profiler_start php::profiler_stop runner {main}
job -> leaf @3 = 2
runner -> job @7 = 1
runner -> php::profiler_start @7 = 1
runner -> php::profiler_stop @7 = 1
{main} -> runner @13 = 1
-- win.out.3
structure ok
summary = sum of self costs
functions: job leaf php::profiler_start php::profiler_stop {main}
job -> leaf @3 = 4
{main} -> job @16 = 1
{main} -> php::profiler_start @15 = 1
{main} -> php::profiler_stop @17 = 1
