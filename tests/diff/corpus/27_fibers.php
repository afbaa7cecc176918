<?php
// Fibers: start, suspend, resume, a value through each switch, fibers that
// end, one that throws, and one still suspended at the end of the script
// (PHP destroys it at shutdown).  Xdebug writes each fiber's entry function
// (`task`, the closures) without a caller; profiler shows it called by
// php::Fiber->start (known-differences.txt, rule 6).
function work(int $n): int
{
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += strlen((string) $i);
    }
    return $s;
}

function task(string $name, int $rounds): string
{
    $total = 0;
    for ($r = 0; $r < $rounds; $r++) {
        $total += work(10);
        $got = Fiber::suspend($name . $r);
        $total += strlen((string) $got);
    }
    return "$name:$total";
}

$fibers = [];
foreach (['a', 'b', 'c'] as $i => $name) {
    $fibers[$name] = new Fiber('task');
    echo $fibers[$name]->start($name, $i + 1), "\n";
}
for ($round = 0; $round < 3; $round++) {
    foreach ($fibers as $name => $f) {
        if (!$f->isTerminated()) {
            $v = $f->resume($round);
            echo $v ?? 'done', "\n";
        }
    }
}
foreach ($fibers as $f) {
    echo $f->getReturn(), "\n";
}

$closure = new Fiber(function (int $x): int {
    $y = Fiber::suspend($x * 2);
    return work($y);
});
echo $closure->start(21), "\n";
$closure->resume(5);
echo $closure->getReturn(), "\n";

$thrower = new Fiber(function (): void {
    Fiber::suspend(1);
    throw new RuntimeException('from fiber');
});
$thrower->start();
try {
    $thrower->resume();
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n";
}

$left = new Fiber(function (): void {
    work(3);
    Fiber::suspend();
    work(4);
});
$left->start();
echo "end\n";
