<?php
// readonly classes/properties, static properties, late static binding
// (static::, new static, static::class), self vs static, abstract static.

readonly class Point
{
    public function __construct(public int $x, public int $y)
    {
    }

    public function withX(int $x): static
    {
        return new static($x, $this->y);
    }

    public function len(): float
    {
        return sqrt($this->x ** 2 + $this->y ** 2);
    }
}

abstract class Model
{
    protected static array $registry = [];
    public static int $created = 0;

    public static function create(): static
    {
        static::$created++;
        $m = new static();
        static::register($m);
        return $m;
    }

    protected static function register(Model $m): void
    {
        self::$registry[static::name()][] = $m;
    }

    abstract public static function name(): string;

    public function kind(): string
    {
        return static::name() . '/' . self::class . '/' . static::class;
    }

    public static function count(): int
    {
        return count(self::$registry[static::name()] ?? []);
    }
}

class User extends Model
{
    public static function name(): string
    {
        return 'user';
    }
}

class Admin extends User
{
    public static function name(): string
    {
        return 'admin:' . parent::name();
    }
}

class Post extends Model
{
    public readonly string $title;

    public function __construct()
    {
        $this->title = 'T';
    }

    public static function name(): string
    {
        return 'post';
    }
}

$p = new Point(3, 4);
$p->withX(6)->len();
User::create()->kind();
Admin::create()->kind();
Admin::create();
Post::create()->kind();
echo User::count(), Admin::count(), Post::count(), Model::$created, "\n";
try {
    $p->x = 5;
} catch (Error $e) {
    $e->getMessage();
}
