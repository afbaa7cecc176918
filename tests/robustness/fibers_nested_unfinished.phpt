--TEST--
robustness: nested fibers, a fiber destroyed unfinished, and a fiber started in one function and resumed from another count exactly
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('fibers-nested', <<<'PHP'
<?php
function leaf($x) { return $x; }
function innerBody() {
    leaf(1);
    Fiber::suspend('inner');
    leaf(2);
}
function outerBody() {
    $inner = new Fiber('innerBody');
    $inner->start();
    leaf(3);
    Fiber::suspend('outer');
    $inner->resume();
    leaf(4);
}
function cleanup() { return 0; }
function neverFinished() {
    try {
        leaf(5);
        Fiber::suspend();
        leaf(6);
    } finally {
        cleanup();
    }
}
function starter() {
    $f = new Fiber('outerBody');
    $f->start();
    return $f;
}
function resumer(Fiber $f) {
    $f->resume();
}
$f = starter();
resumer($f);
$g = new Fiber('neverFinished');
$g->start();
unset($g);
leaf(7);
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fibers-nested');
?>
--EXPECT--
ok
structure ok
summary = sum of self costs
innerBody -> leaf @4 = 1
innerBody -> leaf @6 = 1
innerBody -> php::Fiber::suspend @5 = 1
neverFinished -> cleanup @23 = 1
neverFinished -> leaf @19 = 1
neverFinished -> php::Fiber::suspend @20 = 1
outerBody -> leaf @11 = 1
outerBody -> leaf @14 = 1
outerBody -> php::Fiber->__construct @9 = 1
outerBody -> php::Fiber->resume @13 = 1
outerBody -> php::Fiber->start @10 = 1
outerBody -> php::Fiber::suspend @12 = 1
php::Fiber->start -> innerBody @10 = 1
php::Fiber->start -> neverFinished @37 = 1
php::Fiber->start -> outerBody @28 = 1
resumer -> php::Fiber->resume @32 = 1
starter -> php::Fiber->__construct @27 = 1
starter -> php::Fiber->start @28 = 1
{main} -> leaf @39 = 1
{main} -> php::Fiber->__construct @36 = 1
{main} -> php::Fiber->start @37 = 1
{main} -> resumer @35 = 1
{main} -> starter @34 = 1
