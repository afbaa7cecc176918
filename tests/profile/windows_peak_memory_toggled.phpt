--TEST--
windows: turning profiler.peak_memory on and off between windows gives named functions the handlers each profile needs; every window counts every call, and only the window with peak memory has the third event, with the peak's rise in it
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Named functions get one pair of handlers for profiles on the fast path
// and another for profiles that read peak memory; each window must run
// with the right pair, including functions first called in an earlier one.
$code = <<<'PHP'
<?php
function helper($x) { return str_repeat('h', $x << 20); }
function work($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += strlen(helper($i)); } return $s; }
foreach (['0', '1', '0'] as $w => $peak) {
    ini_set('profiler.peak_memory', $peak);
    profiler_start();
    work($w + 2);
    profiler_stop();
}
echo "ok\n";
PHP;
$dir = cg_test_dir('windows-peak');
$r = cg_run($dir, $code, ['profiler.start_with_request' => 'no', 'profiler.output_name' => 'peak.out'], ['zend_alloc' => true]);
echo $r['out'], $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
foreach (['peak.out', 'peak.out.2', 'peak.out.3'] as $name) {
    echo "-- $name\n";
    $p = cg_parse("$dir/$name");
    cg_print_check($p);
    echo 'events: ', $p['sections'][0]['header']['events'], "\n";
    cg_print_summary_check($p);
    cg_print_edges($p, $dir);
    if ($name === 'peak.out.2') {
        // its largest string (2 MiB) is above any peak the script reached before
        $peak = $p['incl']['{main} -> work @7'][2] ?? -1;
        echo 'work raised the peak by more than 1 MB: ', $peak > 1000000 ? 'yes' : "no ($peak)", "\n";
    }
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('windows-peak');
?>
--EXPECT--
ok
files: ["peak.out","peak.out.2","peak.out.3"]
-- peak.out
structure ok
events: Time_(10ns) Memory_(bytes)
summary = sum of self costs
helper -> php::str_repeat @2 = 2
work -> helper @3 = 2
{main} -> php::profiler_start @6 = 1
{main} -> php::profiler_stop @8 = 1
{main} -> work @7 = 1
-- peak.out.2
structure ok
events: Time_(10ns) Memory_(bytes) PeakMemory_(bytes)
summary = sum of self costs
helper -> php::str_repeat @2 = 3
work -> helper @3 = 3
{main} -> php::profiler_start @6 = 1
{main} -> php::profiler_stop @8 = 1
{main} -> work @7 = 1
work raised the peak by more than 1 MB: yes
-- peak.out.3
structure ok
events: Time_(10ns) Memory_(bytes)
summary = sum of self costs
helper -> php::str_repeat @2 = 4
work -> helper @3 = 4
{main} -> php::profiler_start @6 = 1
{main} -> php::profiler_stop @8 = 1
{main} -> work @7 = 1
