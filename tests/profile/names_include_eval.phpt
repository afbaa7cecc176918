--TEST--
profile: include, include_once, require, require_once, eval and {main} frames, with their files (a second *_once is no call)
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$dir = cg_test_dir('names-include');
file_put_contents("$dir/a.inc", '<?php function from_a() { return 1; } from_a();');
file_put_contents("$dir/b.inc", '<?php return 2;');
file_put_contents("$dir/c.inc", '<?php return 3;');
file_put_contents("$dir/d.inc", '<?php function from_d() { return 4; } from_d();');
$r = cg_run($dir, <<<'PHP'
<?php
include __DIR__ . '/a.inc';
include_once __DIR__ . '/b.inc';
include_once __DIR__ . '/b.inc';
require __DIR__ . '/c.inc';
require_once __DIR__ . '/c.inc';
function load() {
    return require __DIR__ . '/c.inc';
}
load();
load();
eval('from_a(); from_a();');
require_once __DIR__ . '/d.inc';
require_once __DIR__ . '/d.inc';
echo "ok\n";
PHP, ['profiler.output_name' => 'cachegrind.out']);
echo $r['out'];
$p = cg_parse("$dir/cachegrind.out");
cg_print_check($p);
cg_print_edges($p, $dir);
foreach (['{main}', 'include::' . "$dir/a.inc", 'from_a', 'eval', 'require::' . "$dir/c.inc", 'require_once::' . "$dir/d.inc"] as $f) {
    echo str_replace($dir, 'DIR', "file of $f: " . ($p['files'][$f] ?? '(none)')), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-include');
?>
--EXPECT--
ok
structure ok
eval -> from_a @1 = 2
include::DIR/a.inc -> from_a @1 = 1
load -> require::DIR/c.inc @8 = 2
require_once::DIR/d.inc -> from_d @1 = 1
{main} -> eval @12 = 1
{main} -> include::DIR/a.inc @2 = 1
{main} -> include_once::DIR/b.inc @3 = 1
{main} -> load @10 = 1
{main} -> load @11 = 1
{main} -> require::DIR/c.inc @5 = 1
{main} -> require_once::DIR/d.inc @13 = 1
file of {main}: DIR/script.php
file of include::DIR/a.inc: DIR/a.inc
file of from_a: DIR/a.inc
file of eval: DIR/script.php(12) : eval()'d code
file of require::DIR/c.inc: DIR/c.inc
file of require_once::DIR/d.inc: DIR/d.inc
