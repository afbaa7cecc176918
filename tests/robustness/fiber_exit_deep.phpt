--TEST--
robustness: exit() deep inside a fiber (after a suspend and resume) leaves one complete profile; shutdown functions run
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function onShutdown() { echo "shutdown\n"; after(); }
function after() { return 1; }
register_shutdown_function('onShutdown');
function deep($n) {
    if ($n == 0) {
        Fiber::suspend(1);
        echo "exit in fiber\n";
        exit(7);
    }
    deep($n - 1);
}
function runner() {
    $f = new Fiber(function () { deep(20); });
    $f->start();
    $f->resume();
}
runner();
echo "not reached\n";
PHP;
[$dir, $r, $p] = cg_profile('fiber-exit', $code);
$without = cg_run($dir, $code, [], ['ext' => false]);
echo "exit status {$r['status']} (without the extension: {$without['status']})\n";
echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "\n";
cg_print_check($p);
cg_print_summary_check($p);
cg_take_exit_calls($p, $dir, ['deep -> php::exit @9 = 1']);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fiber-exit');
?>
--EXPECT--
exit in fiber
shutdown
exit status 7 (without the extension: 7)
stdout identical: yes
structure ok
summary = sum of self costs
deep -> deep @11 = 20
deep -> php::Fiber::suspend @7 = 1
onShutdown -> after @2 = 1
php::Fiber->start -> {closure:DIR/script.php:14-14} @15 = 1
runner -> php::Fiber->__construct @14 = 1
runner -> php::Fiber->resume @16 = 1
runner -> php::Fiber->start @15 = 1
{closure:DIR/script.php:14-14} -> deep @14 = 1
{main} -> php::register_shutdown_function @4 = 1
{main} -> runner @18 = 1
