--TEST--
robustness: exit() deep in functions leaves one complete profile: open frames closed, shutdown functions and destructors included
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
class Res {
    public function __destruct() { echo "dtor\n"; closing(); }
}
function closing() { return 1; }
function onShutdown() { echo "shutdown\n"; closing(); }
register_shutdown_function('onShutdown');
$res = new Res;
function level3() { echo "exiting\n"; exit(3); }
function level2() { level3(); }
function level1() { level2(); }
level1();
echo "not reached\n";
PHP;
[$dir, $r, $p] = cg_profile('exit-function', $code);
$without = cg_run($dir, $code, [], ['ext' => false, 'name' => 'plain.php']);
echo "exit status {$r['status']} (without the extension: {$without['status']})\n";
cg_print_check($p);
cg_print_summary_check($p);
cg_take_exit_calls($p, $dir, ['level3 -> php::exit @9 = 1']);
cg_print_edges($p, $dir);
cg_print_names($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('exit-function');
?>
--EXPECT--
exiting
shutdown
dtor
exit status 3 (without the extension: 3)
structure ok
summary = sum of self costs
Res->__destruct -> closing @3 = 1
level1 -> level2 @11 = 1
level2 -> level3 @10 = 1
onShutdown -> closing @6 = 1
{main} -> level1 @12 = 1
{main} -> php::register_shutdown_function @7 = 1
Res->__destruct
closing
level1
level2
level3
onShutdown
php::register_shutdown_function
{main}
