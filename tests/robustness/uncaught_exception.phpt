--TEST--
robustness: an uncaught exception leaves one complete profile (unwound frames closed, shutdown function in it); output and status unchanged
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
        throw new LogicException('deep');
    }
    deep($n - 1);
}
function start() { deep(3); }
start();
echo "not reached\n";
PHP;
[$dir, $r, $p] = cg_profile('uncaught', $code);
$without = cg_run($dir, $code, [], ['ext' => false]);
echo "exit status {$r['status']} (without the extension: {$without['status']})\n";
echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "\n";
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
echo 'onShutdown profiled: ', isset($p['self']['onShutdown']) ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('uncaught');
?>
--EXPECT--
Fatal error: Uncaught LogicException: deep in DIR/script.php:7
Stack trace:
#0 DIR/script.php(9): deep(0)
#1 DIR/script.php(9): deep(1)
#2 DIR/script.php(9): deep(2)
#3 DIR/script.php(11): deep(3)
#4 DIR/script.php(12): start()
#5 {main}
  thrown in DIR/script.php on line 7
shutdown
exit status 255 (without the extension: 255)
stdout identical: yes
structure ok
summary = sum of self costs
deep -> deep @9 = 3
deep -> php::Exception->__construct @7 = 1
onShutdown -> after @2 = 1
php::Exception->__toString -> php::Exception->getTraceAsString @0 = 1
start -> deep @11 = 1
{main} -> php::register_shutdown_function @4 = 1
{main} -> start @12 = 1
onShutdown profiled: yes
