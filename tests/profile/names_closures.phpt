--TEST--
profile: closures and arrow functions are named {closure:/path:first-last}, with their class when bound
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-closures', <<<'PHP'
<?php
class K {
    public function run() {
        $f = function ($x) {
            return $x * 2;
        };
        return $f(1) + $f(2);
    }
    public static function srun() {
        $g = static fn($x) => $x + 1;
        return $g(1);
    }
}
$add = function ($a, $b) { return $a + $b; };
$mul = fn($a) => $a * 3;
$add(1, 2); $add(3, 4);
$mul(5);
(new K)->run();
K::srun();
$st = static function () {
    return 7;
};
$st();
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-closures');
?>
--EXPECT--
ok
structure ok
K->run -> K->{closure:DIR/script.php:4-6} @7 = 2
K::srun -> K::{closure:DIR/script.php:10-10} @11 = 1
{main} -> K->run @18 = 1
{main} -> K::srun @19 = 1
{main} -> {closure:DIR/script.php:14-14} @16 = 2
{main} -> {closure:DIR/script.php:15-15} @17 = 1
{main} -> {closure:DIR/script.php:20-22} @23 = 1
