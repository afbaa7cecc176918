--TEST--
windows: functions, methods, closures and internal functions first called before any window are fully counted inside the windows
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Each callee runs before the first window, so PHP has already set up its
// run-time cache (and asked the observers about it) while nothing was being
// profiled; the windows must still see every one of their calls.
$code = <<<'PHP'
<?php
function helper($x) { return $x * 2; }
function work($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += helper($i); } return $s; }
class Box { public function get($x) { return strrev("b$x"); } }
$square = function ($x) { return $x * $x; };
$box = new Box();
work(10); helper(1); $box->get(1); $square(2); strrev("x" . $box->get(2));
for ($w = 1; $w <= 2; $w++) {
    profiler_start();
    work(3 * $w);
    $box->get($w);
    array_map($square, range(1, 2 * $w));
    profiler_stop();
}
echo "ok\n";
PHP;
$dir = cg_test_dir('windows-seen');
$r = cg_run($dir, $code, ['profiler.start_with_request' => 'no', 'profiler.output_name' => 'seen.out']);
echo $r['out'], $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
foreach (['seen.out', 'seen.out.2'] as $name) {
    echo "-- $name\n";
    $p = cg_parse("$dir/$name");
    cg_print_check($p);
    cg_print_summary_check($p);
    cg_print_edges($p, $dir);
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('windows-seen');
?>
--EXPECT--
ok
files: ["seen.out","seen.out.2"]
-- seen.out
structure ok
summary = sum of self costs
Box->get -> php::strrev @4 = 1
php::array_map -> {closure:DIR/script.php:5-5} @12 = 2
work -> helper @3 = 3
{main} -> Box->get @11 = 1
{main} -> php::array_map @12 = 1
{main} -> php::profiler_start @9 = 1
{main} -> php::profiler_stop @13 = 1
{main} -> php::range @12 = 1
{main} -> work @10 = 1
-- seen.out.2
structure ok
summary = sum of self costs
Box->get -> php::strrev @4 = 1
php::array_map -> {closure:DIR/script.php:5-5} @12 = 4
work -> helper @3 = 6
{main} -> Box->get @11 = 1
{main} -> php::array_map @12 = 1
{main} -> php::profiler_start @9 = 1
{main} -> php::profiler_stop @13 = 1
{main} -> php::range @12 = 1
{main} -> work @10 = 1
