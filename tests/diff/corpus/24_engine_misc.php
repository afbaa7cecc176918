<?php
// Odd engine call shapes: `new` with arguments but no constructor
// (zend_pass), nullsafe calls, spread and named arguments, clone,
// func_get_args, static variables, references, match, list(), instanceof,
// compact/extract, array_key_exists, unpacking of string-keyed arrays.

class NoCtor
{
    public function id(): int
    {
        return 1;
    }
}

class Maybe
{
    public function __construct(private ?Maybe $next = null)
    {
    }

    public function next(): ?Maybe
    {
        return $this->next;
    }

    public function v(): int
    {
        return 5;
    }
}

function va(): int
{
    return count(func_get_args());
}

function counterFn(): int
{
    static $n = 0;
    return ++$n;
}

function named(int $a, int $b = 0, int ...$rest): int
{
    return $a - $b + array_sum($rest);
}

$o = new NoCtor(1, 2, 3);
$o->id();
$o2 = new NoCtor();
$o3 = new NoCtor(...[1]);
$m = new Maybe(new Maybe());
$m->next()?->v();
$m->next()?->next()?->v();
va(1, 2, 3);
counterFn();
counterFn();
named(b: 1, a: 5);
named(1, 2, 3, 4);
named(...['a' => 3, 'b' => 1]);
$c = clone $m;
[$x, [$y, $z]] = [1, [2, 3]];
$res = match (true) {
    $x > 5 => 'big',
    default => strtolower('SMALL'),
};
$arr = compact('x', 'y');
extract(['q' => 1]);
array_key_exists('x', $arr);
$ok = $m instanceof Maybe;
$f = 'strrev';
$f('abc');
echo $res, $q, "\n";
