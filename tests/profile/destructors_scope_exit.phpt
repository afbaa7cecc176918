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
// The call-site line of a destructor is the calling frame's current line,
// in Xdebug as here. For the one run while thrower()'s exception unwinds,
// the engine's zend_objects_destroy_object moves {main} to its exception
// opline (line 0) before the destructor; PHP 8.4's then puts {main} back on
// the call (line 17) for as long as the destructor runs, PHP 8.2's does not.
// Xdebug (3.5.3 on both) writes line 0 on 8.2 and 17 on 8.4 too.
$unwound = PHP_VERSION_ID >= 80400 ? 17 : 0;
ob_start();
cg_print_edges($p, $dir);
echo str_replace("thrower -> D->__destruct @$unwound = ", 'thrower -> D->__destruct @UNWOUND = ', ob_get_clean());
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
thrower -> D->__destruct @UNWOUND = 1
thrower -> php::Exception->__construct @12 = 1
{main} -> scope @14 = 1
{main} -> scope @15 = 1
{main} -> thrower @17 = 1
