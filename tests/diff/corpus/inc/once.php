<?php
// Included once only; later include_once/require_once of it are no-ops.

function once_helper(): string
{
    return str_repeat('o', 2);
}

return once_helper();
