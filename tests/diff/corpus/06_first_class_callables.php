<?php
// First-class callable syntax: internal functions, user functions,
// instance/static methods, internal methods, closures, magic methods.

function shout(string $s): string
{
    return strtoupper($s) . '!';
}

class Box
{
    public function __construct(private array $items = [1, 2, 3])
    {
    }

    public function total(): int
    {
        return array_sum($this->items);
    }

    public static function create(int ...$xs): static
    {
        return new static($xs);
    }

    public function __call(string $name, array $args): string
    {
        return $name . count($args);
    }

    public static function __callStatic(string $name, array $args): string
    {
        return 'static:' . $name;
    }
}

$len = strlen(...);
$len('abc');
$sh = shout(...);
$sh('hi');
$create = Box::create(...);
$box = $create(4, 5);
$total = $box->total(...);
$total();
$total();
$ao = new ArrayObject([1, 2]);
$cnt = $ao->count(...);
$cnt();
$cl = function (int $x) {
    return $x;
};
$again = $cl(...);
$again(7);
$magic = $box->magicMethod(...);
$magic(1, 2);
$smagic = Box::staticMagic(...);
$smagic();
echo implode(',', array_map(shout(...), ['a', 'b'])), "\n";
