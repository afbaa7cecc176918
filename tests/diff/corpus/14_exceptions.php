<?php
// Exceptions: thrown and caught at various depths, finally blocks (also on
// return), rethrow, nested try, exceptions thrown by internal functions,
// exception methods, previous exceptions.

class AppException extends Exception
{
    public function __construct(string $message, ?Throwable $previous = null)
    {
        parent::__construct($message, 7, $previous);
    }
}

function fail(string $m): never
{
    throw new AppException($m);
}

function guarded(): string
{
    try {
        fail('a');
    } catch (AppException $e) {
        return $e->getMessage();
    } finally {
        cleanup();
    }
}

function cleanup(): void
{
    strlen(str_repeat('c', 3));
}

function rethrower(): void
{
    try {
        fail('b');
    } catch (AppException $e) {
        throw new RuntimeException('wrapped', 0, $e);
    }
}

function deep(int $n): void
{
    if ($n === 0) {
        fail('deep');
    }
    deep($n - 1);
}

function finallyOnReturn(): int
{
    try {
        return 1;
    } finally {
        cleanup();
    }
}

guarded();
try {
    rethrower();
} catch (RuntimeException $e) {
    $e->getPrevious()->getMessage();
    $e->getTraceAsString();
}
try {
    deep(4);
} catch (Exception $e) {
    $e->getLine();
}
try {
    try {
        fail('inner');
    } finally {
        cleanup();
    }
} catch (AppException $e) {
}
try {
    intdiv(1, 0);
} catch (DivisionByZeroError $e) {
    $e->getMessage();
}
try {
    new DateTimeImmutable('not a date at all');
} catch (Exception $e) {
}
try {
    json_decode('{', false, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
}
finallyOnReturn();
echo "done\n";
