--TEST--
profile: direct and mutual recursion give exact call counts per call site
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('recursion', <<<'PHP'
<?php
function fib($n) {
    if ($n < 2) {
        return $n;
    }
    $a = fib($n - 1);
    $b = fib($n - 2);
    return $a + $b;
}
function isEven($n) { return $n === 0 ? true : isOdd($n - 1); }
function isOdd($n) { return $n === 0 ? false : isEven($n - 1); }
echo fib(10), "\n";
var_dump(isEven(10));
var_dump(isOdd(7));
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
echo 'calls of fib: ', $p['calls']['fib'], "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('recursion');
?>
--EXPECT--
55
bool(true)
bool(true)
structure ok
fib -> fib @6 = 88
fib -> fib @7 = 88
isEven -> isOdd @10 = 8
isOdd -> isEven @11 = 9
{main} -> fib @12 = 1
{main} -> isEven @13 = 1
{main} -> isOdd @14 = 1
{main} -> php::var_dump @13 = 1
{main} -> php::var_dump @14 = 1
calls of fib: 177
