<?php
// User Iterator / IteratorAggregate / ArrayAccess / Countable
// implementations driven by foreach and by internal functions, SPL
// iterator wrappers with user callbacks.

class Range implements Iterator
{
    private int $i;

    public function __construct(private int $from, private int $to)
    {
        $this->i = $from;
    }

    public function current(): mixed
    {
        return $this->i;
    }

    public function key(): mixed
    {
        return $this->i - $this->from;
    }

    public function next(): void
    {
        $this->i++;
    }

    public function rewind(): void
    {
        $this->i = $this->from;
    }

    public function valid(): bool
    {
        return $this->i <= $this->to;
    }
}

class Bag implements IteratorAggregate, ArrayAccess, Countable
{
    private array $items = [];

    public function getIterator(): Iterator
    {
        yield from $this->items;
    }

    public function offsetExists(mixed $o): bool
    {
        return isset($this->items[$o]);
    }

    public function offsetGet(mixed $o): mixed
    {
        return $this->items[$o];
    }

    public function offsetSet(mixed $o, mixed $v): void
    {
        if ($o === null) {
            $this->items[] = $v;
        } else {
            $this->items[$o] = $v;
        }
    }

    public function offsetUnset(mixed $o): void
    {
        unset($this->items[$o]);
    }

    public function count(): int
    {
        return count($this->items);
    }
}

foreach (new Range(1, 3) as $k => $v) {
}
iterator_to_array(new Range(1, 2));
iterator_count(new Range(1, 4));

$bag = new Bag();
$bag[] = 'a';
$bag['k'] = 'b';
isset($bag['k']);
$bag['k'];
unset($bag['k']);
count($bag);
foreach ($bag as $item) {
}

$filtered = new CallbackFilterIterator(new Range(1, 6), fn ($v) => $v % 2 === 0);
foreach ($filtered as $v) {
}
$limited = new LimitIterator(new ArrayIterator([1, 2, 3, 4]), 1, 2);
iterator_to_array($limited);
$mapped = new IteratorIterator(new Range(5, 6));
foreach ($mapped as $v) {
}
echo count($bag), "\n";
