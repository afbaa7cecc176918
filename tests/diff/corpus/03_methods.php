<?php
// Instance and static methods, inheritance (the declaring class names the
// method), parent::/self::, constructors, interfaces and abstract classes.

interface Shape
{
    public function area(): float;
}

abstract class Base implements Shape
{
    protected string $name;

    public function __construct(string $name)
    {
        $this->name = $name;
    }

    public function describe(): string
    {
        return $this->name . '=' . number_format($this->area(), 2);
    }

    public static function unit(): float
    {
        return 1.0;
    }

    abstract public function scale(float $f): static;
}

class Rect extends Base
{
    public function __construct(private float $w, private float $h)
    {
        parent::__construct('rect');
    }

    public function area(): float
    {
        return $this->w * $this->h * self::unit();
    }

    public function scale(float $f): static
    {
        return new static($this->w * $f, $this->h * $f);
    }
}

class Square extends Rect
{
    public function __construct(float $s)
    {
        parent::__construct($s, $s);
    }

    public function describe(): string
    {
        return 'square:' . parent::describe();
    }
}

$shapes = [new Rect(2, 3), new Square(2), (new Square(1))->scale(3)];
foreach ($shapes as $s) {
    echo $s->describe(), "\n";
}
echo Square::unit() + Rect::unit() + Base::unit(), "\n";

// Multi-line call expressions: the call-site line is the opline's line.
class Fluent
{
    private array $parts = [];

    public function add(string $p): static
    {
        $this->parts[] = $p;
        return $this;
    }

    public function join(string $sep): string
    {
        return implode($sep, $this->parts);
    }
}

echo (new Fluent())
    ->add('a')
    ->add(
        strtoupper('b')
    )
    ->add(str_repeat(
        'c',
        2
    ))
    ->join(
        '-'
    ), "\n";
