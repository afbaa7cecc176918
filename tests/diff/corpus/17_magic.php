<?php
// Magic methods: __get/__set/__isset/__unset, __call/__callStatic (called
// directly, through callables and from internal functions), __invoke,
// __toString (explicit and implicit), __clone, __serialize/__unserialize,
// __set_state via var_export is avoided (output), __debugInfo via print_r.

class Magic
{
    private array $data = [];

    public function __get(string $n): mixed
    {
        return $this->data[$n] ?? null;
    }

    public function __set(string $n, mixed $v): void
    {
        $this->data[$n] = $v;
    }

    public function __isset(string $n): bool
    {
        return isset($this->data[$n]);
    }

    public function __unset(string $n): void
    {
        unset($this->data[$n]);
    }

    public function __call(string $n, array $a): string
    {
        return $n . ':' . count($a);
    }

    public static function __callStatic(string $n, array $a): string
    {
        return 'static ' . $n;
    }

    public function __invoke(int $x): int
    {
        return $x * 2;
    }

    public function __toString(): string
    {
        return 'Magic(' . count($this->data) . ')';
    }

    public function __clone()
    {
        $this->data['cloned'] = true;
    }

    public function __serialize(): array
    {
        return $this->data;
    }

    public function __unserialize(array $d): void
    {
        $this->data = $d;
    }

    public function __debugInfo(): array
    {
        return ['n' => count($this->data)];
    }
}

class SubMagic extends Magic
{
}

$m = new Magic();
$m->a = 1;
$m->a;
isset($m->a);
isset($m->zz);
unset($m->a);
$m->doThing(1, 2);
$m->doThing();
Magic::staticThing();
SubMagic::otherStatic();
(new SubMagic())->subCall();
$m(3);
array_map($m, [1, 2]);
call_user_func([$m, 'viaCuf'], 1);
call_user_func('Magic::viaCufStatic');
array_map([$m, 'viaMap'], [1, 2]);
$name = 'dynamicName';
$m->$name();
$s = (string) $m;
$s = 'x' . $m;
$s = strlen((string) $m);
$c = clone $m;
$ser = serialize($m);
$u = unserialize($ser);
print_r($m);
echo "\n", $s, "\n";
