--TEST--
profile: destructors (explicit, at shutdown, throwing) are profiled with exact counts
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('destructors', <<<'PHP'
<?php
class D {
    public function __construct(public $n) {}
    public function __destruct() { release($this->n); }
}
class Bad {
    public function __destruct() { throw new LogicException('from destructor'); }
}
function release($n) { return $n; }
$x = new D(2);
$x = null;
$y = new D(3);
unset($y);
try {
    $b = new Bad;
    unset($b);
} catch (LogicException $e) {
    echo $e->getMessage(), "\n";
}
$keep = new D(4);
echo "end\n";
PHP);
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
echo 'D->__destruct self cost lines: ', isset($p['self']['D->__destruct']) ? 'present' : 'missing', "\n";
echo 'calls of release: ', $p['calls']['release'], "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('destructors');
?>
--EXPECT--
from destructor
end
structure ok
summary = sum of self costs
Bad->__destruct -> php::Exception->__construct @7 = 1
D->__destruct -> release @4 = 3
{main} -> Bad->__destruct @16 = 1
{main} -> D->__construct @10 = 1
{main} -> D->__construct @12 = 1
{main} -> D->__construct @20 = 1
{main} -> D->__destruct @11 = 1
{main} -> D->__destruct @13 = 1
{main} -> php::Exception->getMessage @18 = 1
D->__destruct self cost lines: present
calls of release: 3
