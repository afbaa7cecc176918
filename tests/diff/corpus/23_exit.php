<?php
// exit() from inside a function while a destructor and a shutdown function
// are pending.  (Xdebug 3.2 stops profiling at the exit, so neither the
// shutdown function nor the destructors show up in its profile.)

class Guard
{
    public function __destruct()
    {
        strtoupper('guard');
    }
}

function sd(): void
{
    strrev('shutdown');
}

function finish(int $code): void
{
    $g = new Guard();
    helper();
    exit($code);
}

function helper(): int
{
    return strlen(str_repeat('h', 2));
}

register_shutdown_function('sd');
$g = new Guard();
helper();
finish(0);
helper();
