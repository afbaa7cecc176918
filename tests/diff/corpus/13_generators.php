<?php
// Generators: every resume is a call.  Creation, foreach, send, current,
// yield from another generator and from an array, return values, generator
// methods and closures, generators consumed by internal functions,
// abandoned generators (unstarted, suspended, suspended inside try/finally).

function counter(int $n): Generator
{
    for ($i = 0; $i < $n; $i++) {
        yield $i;
    }
    return $n;
}

function inner(): Generator
{
    yield 1;
    yield 2;
    return 3;
}

function outer(): Generator
{
    yield 0;
    $r = yield from inner();
    yield $r;
    yield from [10, 11];
    yield from counter(2);
}

function echoer(): Generator
{
    $got = [];
    while (count($got) < 3) {
        $got[] = yield count($got);
    }
    return $got;
}

function withFinally(): Generator
{
    try {
        yield 1;
        yield 2;
    } finally {
        strrev('finally');
    }
}

class Repo
{
    public function rows(): Generator
    {
        yield ['id' => 1];
        yield ['id' => 2];
    }
}

$g = counter(3);
foreach ($g as $v) {
}
$g->getReturn();

foreach (outer() as $k => $v) {
}

$e = echoer();
$e->current();
$e->send('a');
$e->send('b');
$e->send('c');
$e->valid();
$e->getReturn();

iterator_to_array(counter(4));
iterator_to_array(outer(), false);

$unstarted = counter(5);
unset($unstarted);

$suspended = counter(5);
$suspended->current();
$suspended->next();
unset($suspended);

$fin = withFinally();
$fin->current();
unset($fin);

$gc = (function () {
    yield 'a';
    yield 'b';
})();
foreach ($gc as $x) {
}

$repo = new Repo();
foreach ($repo->rows() as $row) {
}
echo implode(',', iterator_to_array(counter(3))), "\n";
