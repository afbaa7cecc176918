<?php
// Dynamic call forms: variable functions, variable methods, array
// callables, "Class::method" strings, new with a variable class,
// $cls::method(), invokable objects, callables stored in properties.

function dyn(int $x): int
{
    return $x + 1;
}

class Dispatcher
{
    public array $handlers = [];

    public function on(string $e, callable $h): void
    {
        $this->handlers[$e][] = $h;
    }

    public function fire(string $e, int $x): int
    {
        foreach ($this->handlers[$e] ?? [] as $h) {
            $x = $h($x);
        }
        return $x;
    }

    public function inc(int $x): int
    {
        return $x + 1;
    }

    public static function dbl(int $x): int
    {
        return $x * 2;
    }
}

class Inv
{
    public function __invoke(int $x): int
    {
        return $x - 1;
    }
}

$fn = 'dyn';
$fn(1);
$d = new Dispatcher();
$meth = 'inc';
$d->$meth(1);
[$d, 'inc'](2);
[Dispatcher::class, 'dbl'](3);
'Dispatcher::dbl'(4);
$cls = 'Dispatcher';
$d2 = new $cls();
$cls::dbl(5);
$smeth = 'dbl';
$cls::$smeth(6);
$d::dbl(7);
(new Inv())(8);
$d->on('x', 'dyn');
$d->on('x', [$d, 'inc']);
$d->on('x', 'Dispatcher::dbl');
$d->on('x', new Inv());
$d->on('x', fn ($v) => $v * 10);
$d->on('x', strrev(...));
echo $d->fire('x', 1), "\n";
echo $d->fire('y', 1), "\n";
