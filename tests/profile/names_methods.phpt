--TEST--
profile: Class->method, Class::static and namespaced names use the declaring class
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-methods', <<<'PHP'
<?php
namespace App\Model;

abstract class Base {
    public function hello() { return $this->name(); }
    public static function make() { return new static(); }
    abstract protected function name();
    public static function util() { return 1; }
}
class Child extends Base {
    protected function name() { return 'child'; }
}
class Grand extends Child {
    public function hello() { return parent::hello() . '!'; }
}
function helper() { return Child::util(); }

$c = Child::make();
$c->hello();
$c->hello();
$g = Grand::make();
$g->hello();
helper();
\App\Model\helper();
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_names($p, $dir);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-methods');
?>
--EXPECT--
ok
structure ok
App\Model\Base->hello
App\Model\Base::make
App\Model\Base::util
App\Model\Child->name
App\Model\Grand->hello
App\Model\helper
{main}
App\Model\Base->hello -> App\Model\Child->name @5 = 3
App\Model\Grand->hello -> App\Model\Base->hello @14 = 1
App\Model\helper -> App\Model\Base::util @16 = 2
{main} -> App\Model\Base->hello @19 = 1
{main} -> App\Model\Base->hello @20 = 1
{main} -> App\Model\Base::make @18 = 1
{main} -> App\Model\Base::make @21 = 1
{main} -> App\Model\Grand->hello @22 = 1
{main} -> App\Model\helper @23 = 1
{main} -> App\Model\helper @24 = 1
