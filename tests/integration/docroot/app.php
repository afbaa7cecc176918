<?php
// Integration-test page: calls a few functions so that every profile is
// identifiable. The request id (GET or POST "id") names a function req_<id>,
// defined at run time, and work_<id mod 10> is called, so a validator can
// tell which request a profile belongs to.
declare(strict_types=1);

function app_helper(int $n): int
{
    $sum = 0;
    for ($i = 0; $i < $n; $i++) {
        $sum += strlen(str_repeat('x', $i % 7));
    }
    return $sum;
}

function work_0(): int { return app_helper(10); }
function work_1(): int { return app_helper(11); }
function work_2(): int { return app_helper(12); }
function work_3(): int { return app_helper(13); }
function work_4(): int { return app_helper(14); }
function work_5(): int { return app_helper(15); }
function work_6(): int { return app_helper(16); }
function work_7(): int { return app_helper(17); }
function work_8(): int { return app_helper(18); }
function work_9(): int { return app_helper(19); }

function app_render(int $id, int $value): string
{
    return sprintf("id=%d value=%d\n", $id, $value);
}

$id = (int)($_GET['id'] ?? $_POST['id'] ?? 0);
if ($id < 0) {
    $id = 0;
}
eval('function req_' . $id . '(): int { return ' . $id . '; }');
$value = ('req_' . $id)() + ('work_' . ($id % 10))();
echo app_render($id, $value);
$file = profiler_get_filename();
echo 'profile=', $file === false ? 'false' : $file, "\n";
