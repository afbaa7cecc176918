--TEST--
robustness: with several fibers interleaved, every call count is exact and self times add up to the wall time within 2%
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
// Times are compared with what the script measures itself with hrtime(), so
// that preemption on a busy machine affects both sides alike.
[$dir, $r, $p] = cg_profile('fibers-counts', <<<'PHP'
<?php
$t0 = hrtime(true);
$inStep = 0;
$inSwitch = 0;
function work($ns) {
    $end = hrtime(true) + $ns;
    while (hrtime(true) < $end) {
    }
}
function step($id) { work(15000000); }
function task($id, $rounds) {
    global $inStep;
    for ($r = 0; $r < $rounds; $r++) {
        $s = hrtime(true);
        step($id);
        $inStep += hrtime(true) - $s;
        Fiber::suspend($r);
    }
    return $id;
}
$fibers = [];
for ($i = 0; $i < 3; $i++) {
    $fibers[$i] = new Fiber('task');
    $s = hrtime(true);
    $fibers[$i]->start($i, 4);
    $inSwitch += hrtime(true) - $s;
    work(10000000);
}
$live = 3;
while ($live) {
    $live = 0;
    foreach ($fibers as $f) {
        if (!$f->isTerminated()) {
            $s = hrtime(true);
            $f->resume();
            $inSwitch += hrtime(true) - $s;
            $live += $f->isTerminated() ? 0 : 1;
        }
    }
}
$wall = hrtime(true) - $t0;
echo "wall=$wall\ninStep=$inStep\ninSwitch=$inSwitch\n";
PHP, [], ['quiet' => true]);
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir, '/^(?!.*php::hrtime)/');
$v = cg_values($r['out']);
cg_print_within('summary vs wall time', cg_total_time($p) * 10, (float)$v['wall']);
cg_print_within('inclusive time of step vs measured in the fibers', ($p['incl']['task -> step @15'][0] ?? 0) * 10, (float)$v['inStep']);
$switch = 0;
foreach ($p['incl'] as $k => $c) {
    if (preg_match('/^\{main\} -> php::Fiber->(start|resume) @/', $k)) {
        $switch += $c[0];
    }
}
cg_print_within('time inside Fiber->start/resume vs measured around them', $switch * 10, (float)$v['inSwitch']);
cg_print_within('inclusive time of task (the fibers) vs Fiber->start/resume', ($p['incl']['php::Fiber->start -> task @25'][0] ?? 0) * 10, $switch * 10);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fibers-counts');
?>
--EXPECT--
structure ok
summary = sum of self costs
php::Fiber->start -> task @25 = 3
step -> work @10 = 12
task -> php::Fiber::suspend @17 = 12
task -> step @15 = 12
{main} -> php::Fiber->__construct @23 = 3
{main} -> php::Fiber->isTerminated @33 = 12
{main} -> php::Fiber->isTerminated @37 = 12
{main} -> php::Fiber->resume @35 = 12
{main} -> php::Fiber->start @25 = 3
{main} -> work @27 = 3
summary vs wall time: within 2%
inclusive time of step vs measured in the fibers: within 2%
time inside Fiber->start/resume vs measured around them: within 2%
inclusive time of task (the fibers) vs Fiber->start/resume: within 2%
