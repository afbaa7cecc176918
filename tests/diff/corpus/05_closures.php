<?php
// Closures: plain, use-by-reference, static closures, closures created in
// instance and static methods, bound closures (bind, bindTo, call),
// Closure::fromCallable, arrow functions (nested), closures returned and
// called later, immediately invoked closures.

function helper(int $x): int
{
    return $x + 1;
}

$count = 0;
$inc = function () use (&$count) {
    $count = helper($count);
    return $count;
};
$inc();
$inc();

$static = static function (int $x): int {
    return $x * 2;
};
$static(3);

$arrow = fn ($x) => fn ($y) => $x + helper($y);
$add5 = $arrow(5);
$add5(1);
$add5(2);

class Counter
{
    private int $n = 10;

    public function adder(): Closure
    {
        return function (int $k) {
            return $this->n + $k;
        };
    }

    public function staticInside(): Closure
    {
        return static fn (int $k) => $k - 1;
    }

    public static function factory(): Closure
    {
        return function () {
            return static::class;
        };
    }

    private function secret(): int
    {
        return $this->n;
    }
}

$c = new Counter();
$a = $c->adder();
$a(1);
$c->staticInside()(4);
Counter::factory()();

$unbound = function () {
    return $this->secret();
};
$bound = Closure::bind($unbound, $c, Counter::class);
$bound();
$bound2 = $unbound->bindTo($c, Counter::class);
$bound2();
$unbound->call($c);

$scoped = Closure::bind(static function () {
    return 'scoped';
}, null, Counter::class);
$scoped();

$fc = Closure::fromCallable('helper');
$fc(1);
$fm = Closure::fromCallable([$c, 'adder']);
$fm()(2);

(function () {
    return helper(9);
})();

echo $count, "\n";
