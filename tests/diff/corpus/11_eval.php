<?php
// eval(): at the top level, in functions, nested evals, functions,
// closures and classes declared inside eval'd code.

function ev(int $x): int
{
    return eval('return $x + 1;');
}

eval('function from_eval(int $y): int { return $y * 2; }');
from_eval(2);
from_eval(3);
ev(1);
ev(2);

$code = 'return eval("return strrev(\'abc\');");';
eval($code);

eval('class Evaled { public function m() { return from_eval(1); } }');
(new Evaled())->m();

$cl = eval('return function ($z) { return from_eval($z); };');
$cl(4);
$cl(5);

eval('$x = 1;');
eval('$x = 2;');
eval('$x = ev(3);');

echo $x, "\n";
