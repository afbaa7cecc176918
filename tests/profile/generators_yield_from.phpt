--TEST--
profile: yield from chains count the creation and every resume of each generator exactly
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
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
outer -> inner @8 = 1
{main} -> inner @13 = 3
{main} -> outer @11 = 1
{main} -> outer @13 = 3
