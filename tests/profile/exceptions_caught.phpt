--TEST--
profile: frames unwound by caught exceptions end where they were left; counts are exact
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('exc-caught', <<<'PHP'
<?php
class MyEx extends Exception {}
function thrower($i) {
    if ($i % 3 == 0) {
        throw new MyEx("bad $i");
    }
    return after($i);
}
function after($i) { return $i; }
function middle($i) {
    $x = thrower($i);
    return after($x);
}
$caught = 0;
for ($i = 0; $i < 9; $i++) {
    try {
        middle($i);
    } catch (MyEx $e) {
        $caught++;
        $e->getMessage();
    }
}
echo "caught $caught\n";
PHP);
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('exc-caught');
?>
--EXPECT--
caught 3
structure ok
summary = sum of self costs
middle -> after @12 = 6
middle -> thrower @11 = 9
thrower -> after @7 = 6
thrower -> php::Exception->__construct @5 = 3
{main} -> middle @17 = 9
{main} -> php::Exception->getMessage @20 = 3
