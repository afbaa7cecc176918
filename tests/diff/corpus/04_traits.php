<?php
// Trait methods (named after the using class), static trait methods,
// aliased trait methods, closures inside trait methods, abstract trait
// methods.

trait Greets
{
    public function hello(): string
    {
        return 'hello ' . $this->who();
    }

    public static function make(): static
    {
        return new static();
    }

    public function later(): string
    {
        $f = fn () => $this->who();
        $g = function () {
            return strtoupper($this->who());
        };
        return $f() . $g();
    }

    abstract protected function who(): string;
}

trait Counts
{
    private int $n = 0;

    public function bump(): int
    {
        return ++$this->n;
    }
}

class Person
{
    use Greets;
    use Counts {
        bump as protected innerBump;
    }

    protected function who(): string
    {
        return 'person';
    }

    public function bumpTwice(): int
    {
        $this->innerBump();
        return $this->innerBump();
    }
}

class Robot
{
    use Greets;

    protected function who(): string
    {
        return 'robot';
    }
}

$p = Person::make();
echo $p->hello(), $p->later(), $p->bumpTwice(), "\n";
$r = Robot::make();
echo $r->hello(), $r->later(), "\n";
