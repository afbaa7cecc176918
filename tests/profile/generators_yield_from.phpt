--TEST--
profile: yield from chains count every resume of each generator exactly (not the creation, which observers cannot see)
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Creating a generator runs none of its code, and PHP's observer API
// reports no call for it, so profiler counts only the resumes; Xdebug
// also counts the creation (docs/xdebug-comparison.md).
[$dir, $r, $p] = cg_profile('gen-yield-from', <<<'PHP'
<?php
function inner() {
    yield 1;
    yield 2;
    return 3;
}
function outer() {
    $r = yield from inner();
    yield $r;
}
$o = outer();
$sum = 0;
foreach ($o as $v) {
    $sum += $v;
}
echo $sum, "\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('gen-yield-from');
?>
--EXPECT--
6
structure ok
{main} -> inner @13 = 3
{main} -> outer @13 = 3
