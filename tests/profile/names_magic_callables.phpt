--TEST--
profile: __get, __set, __invoke, first-class callables, static closures, enums and readonly classes
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-magic', <<<'PHP'
<?php
class M {
    private $d = [];
    public function __get($n) { return $this->d[$n] ?? null; }
    public function __set($n, $v) { $this->d[$n] = $v; }
    public function __invoke($x) { return $x; }
    public function plain($x) { return $x; }
    public static function stat($x) { return $x; }
}
function fn1($x) { return $x; }
$m = new M;
$m->a = 1;
$m->a;
$m(5);
$fc = $m->plain(...);
$fc(1);
$sc = M::stat(...);
$sc(2);
$ff = fn1(...);
$ff(3);
$sl = str_repeat(...);
$sl('a', 2);
enum Suit: string {
    case H = 'h';
    public function label(): string { return ucfirst($this->value); }
    public static function first(): self { return self::H; }
}
Suit::H->label();
Suit::first();
Suit::from('h');
readonly class Point {
    public function __construct(public int $x) {}
    public function withX(int $x): static { return new static($x); }
}
(new Point(1))->withX(2);
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-magic');
?>
--EXPECT--
ok
structure ok
Point->withX -> Point->__construct @33 = 1
Suit->label -> php::ucfirst @25 = 1
{main} -> M->__get @13 = 1
{main} -> M->__invoke @14 = 1
{main} -> M->__set @12 = 1
{main} -> M->plain @16 = 1
{main} -> M::stat @18 = 1
{main} -> Point->__construct @35 = 1
{main} -> Point->withX @35 = 1
{main} -> Suit->label @28 = 1
{main} -> Suit::first @29 = 1
{main} -> fn1 @20 = 1
{main} -> php::Suit::from @30 = 1
{main} -> php::str_repeat @22 = 1
