<?php
// User callbacks invoked by internal functions: array_map, array_filter,
// array_reduce, array_walk(_recursive), usort/uasort/uksort,
// preg_replace_callback(_array), iterator_apply, set_error_handler +
// trigger_error, ob_start output callbacks, string and array callables,
// invokable objects.

function double(int $x): int
{
    return $x * 2;
}

function cmp(int $a, int $b): int
{
    return $a <=> $b;
}

class Ops
{
    public function keep(int $x): bool
    {
        return $x % 2 === 1;
    }

    public static function add(int $c, int $x): int
    {
        return $c + $x;
    }

    public function __invoke(int $x): int
    {
        return -$x;
    }
}

$data = [5, 3, 8, 1, 9, 2];
$ops = new Ops();

array_map('double', $data);
array_map(fn ($x) => double($x), $data);
array_map(null, $data, $data);
array_filter($data, [$ops, 'keep']);
array_filter($data, fn ($v, $k) => $k > 2, ARRAY_FILTER_USE_BOTH);
array_reduce($data, 'Ops::add', 0);
array_reduce($data, [Ops::class, 'add'], 0);
array_map($ops, [1, 2]);

$copy = $data;
usort($copy, 'cmp');
$copy = $data;
uasort($copy, fn ($a, $b) => $b <=> $a);
$assoc = ['b' => 1, 'a' => 2, 'c' => 3];
uksort($assoc, 'strcmp');
uksort($assoc, fn ($a, $b) => strcmp($b, $a));

$walked = [1, [2, 3]];
array_walk_recursive($walked, function (&$v, $k) {
    $v = double($v);
});
array_walk($copy, function ($v, $k) {
    double($v);
});

preg_replace_callback('/\d/', fn ($m) => (string) double((int) $m[0]), 'a1b2c3');
preg_replace_callback_array([
    '/a/' => fn ($m) => 'A',
    '/b/' => function ($m) {
        return 'B';
    },
], 'aabb');

$it = new ArrayIterator([1, 2, 3]);
iterator_apply($it, function () use ($it) {
    double($it->current());
    return true;
});

set_error_handler(function (int $no, string $str) {
    double(1);
    return true;
});
trigger_error('custom', E_USER_NOTICE);
trigger_error('custom2', E_USER_WARNING);
restore_error_handler();

ob_start(function (string $buf) {
    return strtoupper($buf);
});
echo "shouted\n";
ob_end_flush();

echo implode(',', array_map('double', [1, 2, 3])), "\n";
