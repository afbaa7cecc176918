<?php
// include / include_once / require / require_once, from the top level,
// from functions and closures, nested includes, return values, repeated
// *_once of an already included file, and an autoloader that requires.

$a = include __DIR__ . '/inc/lib.php';
$b = require __DIR__ . '/inc/lib.php';
$c = include_once __DIR__ . '/inc/once.php';
$d = require_once __DIR__ . '/inc/once.php';
$e = include_once __DIR__ . '/inc/once.php';

function load(string $f): mixed
{
    return include $f;
}

load(__DIR__ . '/inc/lib.php');
$n = require __DIR__ . '/inc/nested.php';

$loader = function (string $cls): void {
    $file = __DIR__ . '/inc/' . $cls . '.php';
    if (is_file($file)) {
        require_once $file;
    }
};
spl_autoload_register($loader);
Autoloaded::ping();
Autoloaded::ping();
class_exists('DoesNotExist');

$r = (function () {
    return require __DIR__ . '/inc/lib.php';
})();
echo $a + $b + $n + $r, $c, "\n";
