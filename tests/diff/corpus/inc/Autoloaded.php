<?php
// Loaded by the autoloader in 10_includes.php.

class Autoloaded
{
    public static function ping(): string
    {
        return 'pong';
    }
}
