<?php
// Enums: pure and backed, instance and static methods, interface
// implementation, constants, from/tryFrom/cases, match.

interface HasLabel
{
    public function label(): string;
}

enum Suit: string implements HasLabel
{
    case Hearts = 'H';
    case Spades = 'S';

    public const Wild = self::Spades;

    public function color(): string
    {
        return match ($this) {
            self::Hearts => 'Red',
            self::Spades => 'Black',
        };
    }

    public function label(): string
    {
        return ucfirst(strtolower($this->name)) . ' (' . $this->color() . ')';
    }

    public static function fromChar(string $c): self
    {
        return self::from($c);
    }
}

enum Status
{
    case Active;
    case Inactive;

    public function toggle(): self
    {
        return $this === self::Active ? self::Inactive : self::Active;
    }
}

foreach (Suit::cases() as $s) {
    $s->label();
}
Suit::fromChar('H')->color();
Suit::tryFrom('X');
Suit::tryFrom('S')?->label();
Suit::Wild->label();
Status::Active->toggle()->toggle();
count(Status::cases());
$labels = array_map(fn (HasLabel $l) => $l->label(), Suit::cases());
echo implode(';', $labels), "\n";
