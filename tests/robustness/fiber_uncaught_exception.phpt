--TEST--
robustness: an uncaught exception thrown deep inside a fiber leaves one complete profile; output and status unchanged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function onShutdown() { echo "shutdown\n"; }
register_shutdown_function('onShutdown');
function deep($n) {
    if ($n == 0) {
        Fiber::suspend();
        throw new DomainException('in fiber');
    }
    deep($n - 1);
}
$f = new Fiber(function () { deep(10); });
$f->start();
$f->resume();
echo "not reached\n";
PHP;
[$dir, $r, $p] = cg_profile('fiber-uncaught', $code, [], ['quiet' => true]);
$out = str_replace($dir, 'DIR', $r['out']);
// PHP 8.4's backtraces name a closure with its file and line, where 8.2
// says {closure}: on 8.4 the trace must name it so, and is printed as 8.2
if (PHP_VERSION_ID >= 80400) {
    $closure84 = "#11 [internal function]: {closure:DIR/script.php:11}()\n";
    if (substr_count($out, $closure84) !== 1) {
        echo "not once in the output: $closure84";
    }
    $out = str_replace($closure84, "#11 [internal function]: {closure}()\n", $out);
}
echo $out;
$without = cg_run($dir, $code, [], ['ext' => false]);
echo "exit status {$r['status']} (without the extension: {$without['status']})\n";
echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "\n";
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fiber-uncaught');
?>
--EXPECT--
Fatal error: Uncaught DomainException: in fiber in DIR/script.php:7
Stack trace:
#0 DIR/script.php(9): deep(0)
#1 DIR/script.php(9): deep(1)
#2 DIR/script.php(9): deep(2)
#3 DIR/script.php(9): deep(3)
#4 DIR/script.php(9): deep(4)
#5 DIR/script.php(9): deep(5)
#6 DIR/script.php(9): deep(6)
#7 DIR/script.php(9): deep(7)
#8 DIR/script.php(9): deep(8)
#9 DIR/script.php(9): deep(9)
#10 DIR/script.php(11): deep(10)
#11 [internal function]: {closure}()
#12 DIR/script.php(13): Fiber->resume()
#13 {main}
  thrown in DIR/script.php on line 7
shutdown
exit status 255 (without the extension: 255)
stdout identical: yes
structure ok
summary = sum of self costs
deep -> deep @9 = 10
deep -> php::Exception->__construct @7 = 1
deep -> php::Fiber::suspend @6 = 1
php::Exception->__toString -> php::Exception->getTraceAsString @0 = 1
php::Fiber->start -> {closure:DIR/script.php:11-11} @12 = 1
{closure:DIR/script.php:11-11} -> deep @11 = 1
{main} -> php::Fiber->__construct @11 = 1
{main} -> php::Fiber->resume @13 = 1
{main} -> php::Fiber->start @12 = 1
{main} -> php::register_shutdown_function @3 = 1
