<?php
// A small, more realistic program: a tokenizer, recursive-descent parser
// and tree-walking evaluator for arithmetic expressions, with a visitor.

namespace Calc;

interface Node
{
    public function accept(Visitor $v): mixed;
}

final class Num implements Node
{
    public function __construct(public readonly float $value)
    {
    }

    public function accept(Visitor $v): mixed
    {
        return $v->visitNum($this);
    }
}

final class BinOp implements Node
{
    public function __construct(public readonly string $op, public readonly Node $l, public readonly Node $r)
    {
    }

    public function accept(Visitor $v): mixed
    {
        return $v->visitBinOp($this);
    }
}

interface Visitor
{
    public function visitNum(Num $n): mixed;

    public function visitBinOp(BinOp $b): mixed;
}

final class Evaluator implements Visitor
{
    public function visitNum(Num $n): mixed
    {
        return $n->value;
    }

    public function visitBinOp(BinOp $b): mixed
    {
        $l = $b->l->accept($this);
        $r = $b->r->accept($this);
        return match ($b->op) {
            '+' => $l + $r,
            '-' => $l - $r,
            '*' => $l * $r,
            '/' => $r == 0 ? NAN : $l / $r,
        };
    }
}

final class Printer implements Visitor
{
    public function visitNum(Num $n): mixed
    {
        return rtrim(rtrim(sprintf('%.4f', $n->value), '0'), '.');
    }

    public function visitBinOp(BinOp $b): mixed
    {
        return '(' . $b->l->accept($this) . ' ' . $b->op . ' ' . $b->r->accept($this) . ')';
    }
}

final class Lexer
{
    /** @return list<array{string, string}> */
    public static function tokenize(string $src): array
    {
        preg_match_all('/\s*(\d+(?:\.\d+)?|[-+*\/()])/', $src, $m);
        return array_map(
            static fn (string $t): array => [is_numeric($t) ? 'num' : 'op', $t],
            $m[1]
        );
    }
}

final class Parser
{
    private int $pos = 0;

    public function __construct(private array $tokens)
    {
    }

    private function peek(): ?string
    {
        return $this->tokens[$this->pos][1] ?? null;
    }

    private function take(): string
    {
        return $this->tokens[$this->pos++][1];
    }

    public function expr(): Node
    {
        $n = $this->term();
        while (in_array($this->peek(), ['+', '-'], true)) {
            $op = $this->take();
            $n = new BinOp($op, $n, $this->term());
        }
        return $n;
    }

    private function term(): Node
    {
        $n = $this->factor();
        while (in_array($this->peek(), ['*', '/'], true)) {
            $op = $this->take();
            $n = new BinOp($op, $n, $this->factor());
        }
        return $n;
    }

    private function factor(): Node
    {
        $t = $this->take();
        if ($t === '(') {
            $n = $this->expr();
            $this->take();
            return $n;
        }
        return new Num((float) $t);
    }
}

function evaluate(string $src): string
{
    $ast = (new Parser(Lexer::tokenize($src)))->expr();
    return $ast->accept(new Printer()) . ' = ' . $ast->accept(new Evaluator());
}

$inputs = ['1 + 2 * 3', '(1 + 2) * 3', '10 / (5 - 5)', '2 * (3 + 4) * (5 - 1) / 7', '1.5 + 2.25'];
foreach ($inputs as $in) {
    echo evaluate($in), "\n";
}
