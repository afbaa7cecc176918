<?php
// Anonymous classes: plain, extending a class, implementing an interface,
// static methods on anonymous classes, anonymous classes created inside
// methods, constructors.

interface Speaker
{
    public function speak(): string;
}

class Animal
{
    public function name(): string
    {
        return 'animal';
    }
}

$plain = new class {
    public function hello(): string
    {
        return 'hi';
    }

    public static function stat(): string
    {
        return 'stat';
    }
};
$plain->hello();
$plain::stat();

$dog = new class extends Animal implements Speaker {
    public function speak(): string
    {
        return $this->name() . ' woof';
    }
};
$dog->speak();

$cat = new class ('tom') implements Speaker {
    public function __construct(private string $n)
    {
    }

    public function speak(): string
    {
        return $this->n . ' meow';
    }

    public static function kind(): string
    {
        return 'cat';
    }
};
$cat->speak();
$cat::kind();

class Factory
{
    public function make(): Speaker
    {
        return new class implements Speaker {
            public function speak(): string
            {
                return 'made';
            }
        };
    }
}

$f = new Factory();
for ($i = 0; $i < 3; $i++) {
    $f->make()->speak();
}
echo $dog->speak(), ' ', $cat->speak(), "\n";
