<?php
// Direct and mutual recursion, recursive closures, recursion through an
// internal function (array_map), recursive methods.

function fib(int $n): int
{
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}

function isEven(int $n): bool
{
    return $n === 0 ? true : isOdd($n - 1);
}

function isOdd(int $n): bool
{
    return $n === 0 ? false : isEven($n - 1);
}

function depth(array $a): int
{
    $d = 0;
    foreach ($a as $v) {
        if (is_array($v)) {
            $d = max($d, depth($v));
        }
    }
    return $d + 1;
}

function flatten(array $a): array
{
    return array_merge(...array_map(fn ($v) => is_array($v) ? flatten($v) : [$v], $a));
}

class Tree
{
    public array $kids = [];

    public function __construct(public int $v)
    {
    }

    public function add(Tree $t): static
    {
        $this->kids[] = $t;
        return $this;
    }

    public function sum(): int
    {
        $s = $this->v;
        foreach ($this->kids as $k) {
            $s += $k->sum();
        }
        return $s;
    }
}

$fact = function (int $n) use (&$fact): int {
    return $n <= 1 ? 1 : $n * $fact($n - 1);
};

echo fib(12), "\n";
echo isEven(9) ? 'e' : 'o', "\n";
echo depth([1, [2, [3, [4]]], [5]]), "\n";
echo count(flatten([1, [2, [3, [4]]], [5]])), "\n";
$t = (new Tree(1))->add((new Tree(2))->add(new Tree(3)))->add(new Tree(4));
echo $t->sum(), "\n";
echo $fact(6), "\n";
