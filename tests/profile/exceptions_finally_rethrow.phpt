--TEST--
profile: finally blocks and rethrown exceptions give exact counts
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('exc-finally', <<<'PHP'
<?php
class MyEx extends Exception {}
function thrower($i) {
    if ($i % 2) {
        throw new MyEx("odd $i");
    }
    return $i;
}
function wrapper($i) {
    try {
        return thrower($i);
    } finally {
        cleanup();
    }
}
function cleanup() { return 0; }
function rethrow($i) {
    try {
        wrapper($i);
    } catch (MyEx $e) {
        throw new RuntimeException('again', 0, $e);
    }
}
function plainRethrow($i) {
    try {
        thrower($i);
    } catch (MyEx $e) {
        throw $e;
    }
}
$caught = 0;
for ($i = 0; $i < 6; $i++) {
    try {
        rethrow($i);
    } catch (RuntimeException $e) {
        $caught++;
    }
    try {
        plainRethrow($i);
    } catch (MyEx $e) {
        $caught++;
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
cg_clean('exc-finally');
?>
--EXPECT--
caught 6
structure ok
summary = sum of self costs
plainRethrow -> thrower @26 = 6
rethrow -> php::Exception->__construct @21 = 3
rethrow -> wrapper @19 = 6
thrower -> php::Exception->__construct @5 = 6
wrapper -> cleanup @13 = 6
wrapper -> thrower @11 = 6
{main} -> plainRethrow @39 = 6
{main} -> rethrow @34 = 6
