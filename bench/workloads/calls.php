<?php
/*
 * calls.php: call-dense micro-benchmark for profiler overhead.
 *
 * Every iteration makes many tiny calls of each kind a profiler observes:
 * user functions, instance/static methods, closures and arrow functions,
 * recursion, and cheap internal functions. The work done per call is kept
 * trivial so per-call instrumentation cost dominates.
 *
 * Usage: php calls.php [scale]   (scale 1.0 ~ 0.3-0.5 s on plain PHP)
 * Prints a checksum so variants can be compared for identical behaviour.
 */
declare(strict_types=1);

function add(int $a, int $b): int
{
    return $a + $b;
}

function twice(int $x): int
{
    return add($x, $x);
}

function fib(int $n): int
{
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}

function str_work(string $s): int
{
    return strlen(str_repeat($s, 3)) + strlen(strtoupper($s));
}

interface Shape
{
    public function area(): int;
}

final class Rect implements Shape
{
    public function __construct(private int $w, private int $h)
    {
    }

    public function area(): int
    {
        return $this->w * $this->h;
    }

    public function getW(): int
    {
        return $this->w;
    }

    public static function square(int $n): self
    {
        return new self($n, $n);
    }
}

final class Counter
{
    private static int $total = 0;

    public static function bump(int $by): void
    {
        self::$total += $by;
    }

    public static function total(): int
    {
        return self::$total;
    }
}

abstract class Node
{
    abstract public function value(): int;
}

final class Leaf extends Node
{
    public function __construct(private int $v)
    {
    }

    public function value(): int
    {
        return $this->v;
    }
}

final class Pair extends Node
{
    public function __construct(private Node $l, private Node $r)
    {
    }

    public function value(): int
    {
        return $this->l->value() + $this->r->value();
    }
}

function build_tree(int $depth, int $seed): Node
{
    if ($depth === 0) {
        return new Leaf($seed % 7);
    }
    return new Pair(build_tree($depth - 1, $seed * 3 + 1), build_tree($depth - 1, $seed * 5 + 2));
}

$scale = (float) ($argv[1] ?? 1.0);
$iters = max(1, (int) (350000 * $scale));

$sum = 0;
$inc = static fn(int $x): int => $x + 1;
$mul = function (int $x) use (&$sum): int {
    return $x * 2;
};
$words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
$tree = build_tree(6, 1);

for ($i = 0; $i < $iters; $i++) {
    // user functions
    $sum += twice($i & 255);
    $sum += add($i, 1);

    // instance + static methods, object creation
    $r = Rect::square($i & 15);
    $sum += $r->area() + $r->getW();
    Counter::bump(1);

    // closures / arrow functions, including via internal callers
    $sum += $inc($i & 7) + $mul($i & 7);
    $row = [$i & 3, ($i >> 2) & 3, ($i >> 4) & 3];
    $sum += array_sum(array_map($inc, $row));

    // cheap internal calls
    $w = $words[$i % 5];
    $sum += str_work($w);
    $sum += count($row) + abs(-$i & 31) + min($row) + max($row);
    $sum += strlen(substr($w, 1, 2)) + intdiv($i, 7) % 3;

    // recursion, every 16th iteration
    if (($i & 15) === 0) {
        $sum += fib(12);
        $sum += $tree->value();
    }
}

$sum += Counter::total();
printf("calls iters=%d checksum=%d\n", $iters, $sum);
