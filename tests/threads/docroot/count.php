<?php
// Threaded-test page (tests/threads/run.sh), profiled by trigger: calls f()
// exactly n times (GET n) and reports which thread served it, the mode that
// profiler_info() shows in this thread, and profiler_get_filename().
declare(strict_types=1);
require __DIR__ . '/who.inc';

function f(int $i): int
{
    return $i + 1;
}

$id = (int)($_GET['id'] ?? 0);
$n = (int)($_GET['n'] ?? 0);
$sum = 0;
for ($i = 0; $i < $n; $i++) {
    $sum += f($i);
}
// a few milliseconds, so that the clients' requests overlap in the server
usleep(1000 + ($id % 4) * 1000);
$file = profiler_get_filename();
echo "id=$id\nn=$n\nsum=$sum\n", who(), 'profile=', $file === false ? 'false' : $file, "\n";
