--TEST--
profile: callbacks from internal functions (array_map, usort, array_filter, array_walk) are called at the caller's line
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('callbacks', <<<'PHP'
<?php
function cmp($a, $b) { return $a <=> $b; }
function dbl($x) { return $x * 2; }
function sorter(array $a) {
    usort($a, 'cmp');
    return $a;
}
$a = sorter([5, 3, 1, 4]);
$b = array_map('dbl', $a);
$c = array_filter($b, fn($x) => $x > 4);
array_walk($a, function (&$v) { $v++; });
echo implode(',', $a), "\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('callbacks');
?>
--EXPECT--
2,4,5,6
structure ok
php::array_filter -> {closure:DIR/script.php:10-10} @10 = 4
php::array_map -> dbl @9 = 4
php::array_walk -> {closure:DIR/script.php:11-11} @11 = 4
php::usort -> cmp @5 = 4
sorter -> php::usort @5 = 1
{main} -> php::array_filter @10 = 1
{main} -> php::array_map @9 = 1
{main} -> php::array_walk @11 = 1
{main} -> php::implode @12 = 1
{main} -> sorter @8 = 1
