<?php
// Threaded-test page (tests/threads/run.sh) for profiler_start() and
// profiler_stop() under start_with_request=no: two windows, f() called
// exactly a times in the first and b times in the second, and outside() and
// f() called around them, which must be in neither window's profile.
declare(strict_types=1);
require __DIR__ . '/../who.inc';

function f(int $i): int
{
    return $i + 1;
}

function outside(int $n): int
{
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += f($i);
    }
    return $s;
}

$id = (int)($_GET['id'] ?? 0);
$a = (int)($_GET['a'] ?? 0);
$b = (int)($_GET['b'] ?? 0);
$before = profiler_get_filename();
outside(5);
$start1 = profiler_start();
for ($i = 0; $i < $a; $i++) {
    f($i);
}
$inside = profiler_get_filename();
usleep(1000 + ($id % 3) * 1000);
$stop1 = profiler_stop();
outside(7);
$start2 = profiler_start();
for ($i = 0; $i < $b; $i++) {
    f($i);
}
usleep(1000 + ($id % 2) * 1000);
$stop2 = profiler_stop();
outside(11);
$after = profiler_get_filename();
$show = static fn($v): string => $v === false ? 'false' : (string)$v;
echo "id=$id\na=$a\nb=$b\n", who(),
    'before=', $show($before), "\nstart1=", $show($start1), "\ninside=", $show($inside),
    "\nstop1=", $show($stop1), "\nstart2=", $show($start2), "\nstop2=", $show($stop2),
    "\nafter=", $show($after), "\n";
