--TEST--
profile: methods of anonymous classes are named {anonymous-class:/path:first-last}->method
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-anon', <<<'PHP'
<?php
$o = new class {
    public function greet($n) {
        return $this->inner($n);
    }
    private function inner($n) { return "hi $n"; }
};
interface I { public function m(); }
function make() {
    return new class implements I {
        public function m() { return 1; }
    };
}
$o->greet(1);
$o->greet(2);
make()->m();
make()->m();
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-anon');
?>
--EXPECT--
ok
structure ok
{anonymous-class:DIR/script.php:2-7}->greet -> {anonymous-class:DIR/script.php:2-7}->inner @4 = 2
{main} -> make @16 = 1
{main} -> make @17 = 1
{main} -> {anonymous-class:DIR/script.php:10-12}->m @16 = 1
{main} -> {anonymous-class:DIR/script.php:10-12}->m @17 = 1
{main} -> {anonymous-class:DIR/script.php:2-7}->greet @14 = 1
{main} -> {anonymous-class:DIR/script.php:2-7}->greet @15 = 1
