<?php
// Included by 10_includes.php (several times, in several ways).

if (!function_exists('lib_value')) {
    function lib_value(int $x): int
    {
        return $x * 2;
    }
}

lib_value(1);
return lib_value(2);
