--TEST--
profile: self times add up to the summary exactly, and the summary matches the wall time within 2%
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Times are compared with what the script itself measures with hrtime(),
// so that a busy machine (preemption) affects both sides alike.
[$dir, $r, $p] = cg_profile('selftime', <<<'PHP'
<?php
$t0 = hrtime(true);
function spin($ns) {
    $end = hrtime(true) + $ns;
    $x = 0;
    while (hrtime(true) < $end) {
        $x++;
    }
    return $x;
}
function nap($us) { usleep($us); }
function work() {
    $measured = 0;
    for ($i = 0; $i < 5; $i++) {
        $s = hrtime(true);
        spin(60000000);
        $measured += hrtime(true) - $s;
        nap(10000);
        str_repeat('x', 1000);
    }
    return $measured;
}
$spin = work();
$wall = hrtime(true) - $t0;
echo "spin=$spin\nwall=$wall\n";
PHP, [], ['quiet' => true]);
cg_print_check($p);
cg_print_summary_check($p);
$v = cg_values($r['out']);
// the profile is in units of 10 ns
cg_print_within('summary vs wall time of the script', cg_total_time($p) * 10, (float)$v['wall']);
$selfSum = array_sum(array_map(fn($c) => $c[0], $p['self']));
echo 'sum of self times == summary: ', $selfSum === cg_total_time($p) ? 'yes' : "no ($selfSum)", "\n";
$spinIncl = $p['incl']['work -> spin @16'][0] ?? 0;
cg_print_within('inclusive time of spin vs measured', $spinIncl * 10, (float)$v['spin']);
$spinSelf = $p['self']['spin'][0] ?? 0;
$hrtimeInSpin = ($p['incl']['spin -> php::hrtime @4'][0] ?? 0) + ($p['incl']['spin -> php::hrtime @6'][0] ?? 0);
// (each figure is rounded to 10 ns on its own)
echo 'self(spin) = incl(spin) - its children: ', abs($spinSelf - ($spinIncl - $hrtimeInSpin)) <= 3 ? 'yes' : "no ($spinSelf vs $spinIncl - $hrtimeInSpin)", "\n";
$napIncl = $p['incl']['work -> nap @18'][0] ?? 0;
echo 'nap (5 x usleep 10 ms) >= 50 ms: ', $napIncl * 10 >= 50000000 ? 'yes' : "no ($napIncl)", "\n";
echo 'calls: ', json_encode(array_intersect_key($p['edges'], array_flip(['{main} -> work @23', 'work -> spin @16', 'work -> nap @18', 'nap -> php::usleep @11']))), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('selftime');
?>
--EXPECT--
structure ok
summary = sum of self costs
summary vs wall time of the script: within 2%
sum of self times == summary: yes
inclusive time of spin vs measured: within 2%
self(spin) = incl(spin) - its children: yes
nap (5 x usleep 10 ms) >= 50 ms: yes
calls: {"nap -> php::usleep @11":5,"work -> nap @18":5,"work -> spin @16":5,"{main} -> work @23":1}
