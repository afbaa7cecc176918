<?php
// Includes another file itself.

$nestedResult = include __DIR__ . '/lib.php';

function nested_fn(): int
{
    return lib_value(5);
}

return nested_fn() + $nestedResult;
