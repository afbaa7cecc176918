<?php
// call_user_func and friends.  A literal call_user_func()/
// call_user_func_array() compiles to opcodes (no frame); called dynamically
// they keep a frame, named php::call_user_func:{FILE:LINE} by Xdebug.
// Also a user function whose name starts with "call_user_func".

function target(int $x = 0): int
{
    return $x + 1;
}

class Svc
{
    public function run(int $x): int
    {
        return target($x);
    }

    public static function srun(): int
    {
        return target();
    }

    public static function fwd(): int
    {
        $fsc = 'forward_static_call';
        return forward_static_call([self::class, 'srun']) + $fsc('target');
    }
}

function call_user_func_wrapper(callable $c): mixed
{
    return $c();
}

$svc = new Svc();
call_user_func('target', 1);
call_user_func_array('target', [2]);
call_user_func([$svc, 'run'], 3);
call_user_func('Svc::srun');

$cuf = 'call_user_func';
$cufa = 'call_user_func_array';
$cuf('target');
$cuf([$svc, 'run'], 4);
$cufa('Svc::srun', []);
$cufa([$svc, 'run'], [5]);

array_map('call_user_func', ['target', 'Svc::srun']);
array_map($cuf, ['target']);

function inFunction(): int
{
    $f = 'call_user_func';
    return $f('target', 7);
}
inFunction();

call_user_func_wrapper('target');
call_user_func_wrapper(fn () => target(8));
Svc::fwd();

eval('$cuf("target", 9);');

echo target(), "\n";
