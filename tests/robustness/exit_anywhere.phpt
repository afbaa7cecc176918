--TEST--
robustness: exit/die inside a generator, a callback, an include, a destructor and a shutdown function each leave one complete profile
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$cases = [
    'generator' => <<<'PHP'
<?php
function gen() {
    yield 1;
    die("died in generator\n");
}
$g = gen();
foreach ($g as $v) {
}
PHP,
    'callback' => <<<'PHP'
<?php
function cb($x) {
    if ($x === 2) {
        exit(4);
    }
    return $x;
}
array_map('cb', [1, 2, 3]);
PHP,
    'include' => <<<'PHP'
<?php
file_put_contents(__DIR__ . '/inc.inc', '<?php function inc_f() { exit(5); } inc_f();');
function loader() { include __DIR__ . '/inc.inc'; }
loader();
PHP,
    'destructor' => <<<'PHP'
<?php
class D { public function __destruct() { helper(); exit(6); } }
function helper() { return 1; }
function make() { $d = new D; unset($d); return 1; }
make();
echo "not reached\n";
PHP,
    'shutdown' => <<<'PHP'
<?php
function second() { echo "second shutdown\n"; }
register_shutdown_function(function () { helper(); exit(8); });
register_shutdown_function('second');
function helper() { return 1; }
echo "main done\n";
PHP,
];
// the exit() calls each case makes, on PHP >= 8.4 (see cg_take_exit_calls)
$exits = [
    'generator' => ['gen -> php::exit @4 = 1'],
    'callback' => ['cb -> php::exit @4 = 1'],
    'include' => ['inc_f -> php::exit @1 = 1'],
    'destructor' => ['D->__destruct -> php::exit @2 = 1'],
    'shutdown' => ['{closure:DIR/script.php:3-3} -> php::exit @3 = 1'],
];
foreach ($cases as $name => $code) {
    echo "-- $name\n";
    $dir = cg_test_dir('exit-anywhere');
    $r = cg_run($dir, $code, ['profiler.output_name' => 'cachegrind.out']);
    $without = cg_run($dir, $code, [], ['ext' => false, 'name' => 'plain.php']);
    echo $r['out'], "exit status {$r['status']} (without the extension: {$without['status']})\n";
    echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "\n";
    echo 'files: ', json_encode(cg_outputs($dir)), "\n";
    $p = cg_parse("$dir/cachegrind.out");
    cg_print_check($p);
    cg_print_summary_check($p);
    cg_take_exit_calls($p, $dir, $exits[$name]);
    // (generator creation is counted by generators_*.phpt; here only the
    // resumes on the foreach line matter)
    cg_print_edges($p, $dir, '/^(?!.*php::(file_put_contents|register_shutdown_function))(?!.* -> gen @6)/');
    cg_print_names($p, $dir, '/closure|second/');
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('exit-anywhere');
?>
--EXPECT--
-- generator
died in generator
exit status 0 (without the extension: 0)
stdout identical: yes
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
{main} -> gen @7 = 2
-- callback
exit status 4 (without the extension: 4)
stdout identical: yes
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
php::array_map -> cb @8 = 2
{main} -> php::array_map @8 = 1
-- include
exit status 5 (without the extension: 5)
stdout identical: yes
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
include::DIR/inc.inc -> inc_f @1 = 1
loader -> include::DIR/inc.inc @3 = 1
{main} -> loader @4 = 1
-- destructor
exit status 6 (without the extension: 6)
stdout identical: yes
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
D->__destruct -> helper @2 = 1
make -> D->__destruct @4 = 1
{main} -> make @5 = 1
-- shutdown
main done
exit status 8 (without the extension: 8)
stdout identical: yes
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
{closure:DIR/script.php:3-3} -> helper @3 = 1
{closure:DIR/script.php:3-3}
