<?php
// Internal classes and methods: Exception, ArrayIterator, ArrayObject,
// SplStack, SplObjectStorage, DateTimeImmutable (fixed dates), Reflection,
// user classes extending internal ones.

class MyException extends RuntimeException
{
    public function __construct(string $m)
    {
        parent::__construct($m, 3);
    }
}

$e = new Exception('x');
$e->getMessage();
$e->getCode();
$m = new MyException('y');
$m->getMessage();

$it = new ArrayIterator([3, 1, 2]);
foreach ($it as $k => $v) {
    $it->current();
    $it->key();
}
$it->asort();
count($it);

$ao = new ArrayObject(['b' => 1, 'a' => 2]);
$ao->ksort();
$ao->offsetExists('a');
$ao['c'] = 3;
$ao->getArrayCopy();

$st = new SplStack();
$st->push(1);
$st->push(2);
$st->pop();
$st->top();

$os = new SplObjectStorage();
$o1 = new stdClass();
$os->attach($o1);
$os->contains($o1);
$os->detach($o1);

$d = new DateTimeImmutable('2020-02-29 12:00:00', new DateTimeZone('UTC'));
$d2 = $d->modify('+1 day');
echo $d2->format('Y-m-d'), "\n";

$rc = new ReflectionClass('MyException');
$rc->getParentClass()->getName();
$rm = new ReflectionMethod('MyException', '__construct');
$rm->getNumberOfParameters();

class MyList extends ArrayObject
{
    public function offsetGet(mixed $key): mixed
    {
        return parent::offsetGet($key) * 10;
    }
}

$l = new MyList([1, 2]);
echo $l[1], "\n";
