<?php
// Namespaced functions and classes, fallback to global internal functions
// (unqualified calls in a namespace keep a frame; fully qualified calls to
// some internal functions compile to opcodes), `use function`.

namespace App\Util {
    function slug(string $s): string
    {
        return strtolower(trim($s));
    }

    function wrap(string $s): string
    {
        return '[' . slug($s) . ']';
    }

    class Formatter
    {
        public function format(string $s): string
        {
            return wrap($s) . \str_repeat('-', 2);
        }

        public static function make(): self
        {
            return new self();
        }
    }
}

namespace App {
    use App\Util\Formatter;
    use function App\Util\slug;

    function run(): string
    {
        $f = Formatter::make();
        $out = $f->format(' Hello ');
        $out .= slug(' World ');
        $out .= strlen($out);          // namespaced fallback: php::strlen
        $out .= \strlen($out);         // compiled to an opcode: no frame
        $out .= \implode(',', [1, 2]);
        $c = function ($x) {
            return Util\slug($x);
        };
        $out .= $c(' X ');
        return $out;
    }

    echo run(), "\n";
    echo run(), "\n";
}
