--TEST--
robustness: a suspended fiber costs nothing; a fiber's time is charged inside the Fiber->start/resume that switched to it
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
// Times are compared with what the script measures itself with hrtime().
[$dir, $r, $p] = cg_profile('fiber-suspended', <<<'PHP'
<?php
$t = [];
function busy($ns) {
    $end = hrtime(true) + $ns;
    while (hrtime(true) < $end) {
    }
}
function inFiber() {
    global $t;
    $t['a'] = hrtime(true);
    busy(10000000);
    $t['b'] = hrtime(true);
    Fiber::suspend();
    $t['c'] = hrtime(true);
    busy(10000000);
    $t['d'] = hrtime(true);
}
function sleeper() { usleep(200000); }
$f = new Fiber('inFiber');
$s0 = hrtime(true);
$f->start();
$s1 = hrtime(true);
sleeper();
$s2 = hrtime(true);
$f->resume();
$s3 = hrtime(true);
echo 'inFiber=', ($t['b'] - $t['a']) + ($t['d'] - $t['c']), "\n";
echo 'start=', $s1 - $s0, "\nsleeper=", $s2 - $s1, "\nresume=", $s3 - $s2, "\n";
PHP, [], ['quiet' => true]);
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir, '/^(?!.*php::hrtime)/');
$v = cg_values($r['out']);
$t = fn($k) => ($p['incl'][$k][0] ?? 0) * 10;   // ns
$inFiber = 0;
foreach ($p['incl'] as $k => $c) {
    if (preg_match('/ -> inFiber @/', $k)) {
        $inFiber += $c[0] * 10;
    }
}
// inFiber runs 2 x 10 ms but spans the 200 ms sleep in {main}
cg_print_within('inFiber vs its running time', $inFiber, (float)$v['inFiber'], 5);
echo 'inFiber less than the sleep: ', $inFiber < (float)$v['sleeper'] ? 'yes' : 'no', "\n";
cg_print_within('sleeper', $t('{main} -> sleeper @23'), (float)$v['sleeper']);
cg_print_within('Fiber->start', $t('{main} -> php::Fiber->start @21'), (float)$v['start'], 5);
cg_print_within('Fiber->resume', $t('{main} -> php::Fiber->resume @25'), (float)$v['resume'], 5);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fiber-suspended');
?>
--EXPECT--
structure ok
summary = sum of self costs
inFiber -> busy @11 = 1
inFiber -> busy @15 = 1
inFiber -> php::Fiber::suspend @13 = 1
php::Fiber->start -> inFiber @21 = 1
sleeper -> php::usleep @18 = 1
{main} -> php::Fiber->__construct @19 = 1
{main} -> php::Fiber->resume @25 = 1
{main} -> php::Fiber->start @21 = 1
{main} -> sleeper @23 = 1
inFiber vs its running time: within 5%
inFiber less than the sleep: yes
sleeper: within 2%
Fiber->start: within 5%
Fiber->resume: within 5%
