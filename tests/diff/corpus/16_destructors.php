<?php
// Destructors: on unset, on reassignment, at function end, via
// gc_collect_cycles() for cycles, during exception unwinding, and for
// objects still alive at the end of the script.

class Noisy
{
    public static int $alive = 0;

    public function __construct(public string $name)
    {
        self::$alive++;
    }

    public function __destruct()
    {
        self::$alive--;
        log_it($this->name);
    }
}

class Node
{
    public ?Node $other = null;

    public function __destruct()
    {
        log_it('node');
    }
}

function log_it(string $s): void
{
    strlen($s);
}

function scoped(): void
{
    $n = new Noisy('scoped');
    log_it('in scope');
}

function thrower(): void
{
    $n = new Noisy('unwound');
    throw new Exception('x');
}

$a = new Noisy('a');
unset($a);
$b = new Noisy('b1');
$b = new Noisy('b2');
scoped();
try {
    thrower();
} catch (Exception $e) {
}
$x = new Node();
$y = new Node();
$x->other = $y;
$y->other = $x;
unset($x, $y);
gc_collect_cycles();
$global = new Noisy('global');
$g2 = new Noisy('global2');
echo Noisy::$alive, "\n";
