<?php
// Plain functions: nesting, defaults, by-reference, variadics, named and
// spread arguments, multi-line calls, functions declared inside functions.

function add(int $a, int $b = 2): int
{
    return $a + $b;
}

function twice(int $x): int
{
    return add($x, $x);
}

function sum(int ...$xs): int
{
    $t = 0;
    foreach ($xs as $x) {
        $t = add($t, $x);
    }
    return $t;
}

function incr(array &$a): void
{
    $a[] = count($a);
}

function declareInner(): int
{
    if (!function_exists('innerDeclared')) {
        function innerDeclared(int $x): int
        {
            return $x * 3;
        }
    }
    return innerDeclared(2);
}

function noop(): void
{
}

$r = add(1);
$r = add(1, 2);
$r = twice(5);
$r = sum(1, 2, 3, 4);
$r = sum(...[5, 6]);
$r = add(b: 3, a: 4);
$arr = [];
for ($i = 0; $i < 3; $i++) {
    incr($arr);
}
$r = add(
    twice(
        1
    ),
    sum(
        1,
        2
    )
);
$r = declareInner();
$r = declareInner();
$r = innerDeclared(4);
noop();
noop();
noop();
echo $r, "\n";
