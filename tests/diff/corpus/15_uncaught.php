<?php
// Ends in an uncaught exception.  A shutdown function and a destructor
// still run afterwards; the engine calls Exception::__toString to print
// the fatal error.

class Res
{
    public function __destruct()
    {
        strtoupper('closed');
    }
}

function work(int $n): int
{
    return $n * 2;
}

function explode_now(): void
{
    $r = new Res();
    work(2);
    throw new LogicException('boom');
}

register_shutdown_function(function () {
    work(3);
});
$keep = new Res();
work(1);
explode_now();
work(4);
