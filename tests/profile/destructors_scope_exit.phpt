--TEST--
profile: a destructor run when a function returns or unwinds is called from that function, as in Xdebug
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('destructors-scope', <<<'PHP'
<?php
class D {
    public function __destruct() { release(); }
}
function release() { return 1; }
function scope() {
    $d = new D;
    return 1;
}
function thrower() {
    $d = new D;
    throw new Exception('x');
}
scope();
scope();
try {
    thrower();
} catch (Exception $e) {
}
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('destructors-scope');
?>
--EXPECT--
ok
structure ok
D->__destruct -> release @3 = 3
scope -> D->__destruct @14 = 1
scope -> D->__destruct @15 = 1
thrower -> D->__destruct @0 = 1
thrower -> php::Exception->__construct @12 = 1
{main} -> scope @14 = 1
{main} -> scope @15 = 1
{main} -> thrower @17 = 1
