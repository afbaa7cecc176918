--TEST--
peak memory: profiler.peak_memory=1 adds PeakMemory_(bytes); a call keeping 8 MiB raises it by >= 8 MB, then one keeping 1 MiB by 1..2 MB, a call allocating nothing by 0; self costs add up to the summary; peak_memory=0 keeps two events
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// The peak only grows, so each allocation is kept alive (in a global) and
// made when the current usage is at the peak: eight_mb() first (its rise is
// 8 MiB minus whatever gap between usage and peak the script started with,
// a few KB: hence ">= 8 MB" with MB = 10^6), then one_mb(), whose 1 MiB all
// lies above the peak that eight_mb() left. nothing() then runs with the
// usage at the peak too, so any allocation during it would show.
$code = <<<'PHP'
<?php
$keep = [];
function eight_mb() { global $keep; $keep['eight'] = str_repeat('8', 8 << 20); }
function one_mb() { global $keep; $keep['one'] = str_repeat('1', 1 << 20); }
function nothing($x) { return $x * 2 + 1; }
function alloc_both() { eight_mb(); one_mb(); }
alloc_both();
nothing(3);
echo "ok\n";
PHP;
[$dir, $r, $p] = cg_profile('peak-memory', $code, ['profiler.peak_memory' => '1'], ['zend_alloc' => true]);
cg_print_check($p);
echo 'events: ', $p['sections'][0]['header']['events'], "\n";
$costLines = preg_grep('/^\d+( \d+)*$/', explode("\n", $p['text']));
$counts = array_count_values(array_map(fn($l) => substr_count($l, ' '), $costLines));
ksort($counts);
echo 'cost lines by number of costs: ', json_encode($counts), "\n";
cg_print_summary_check($p);
$selfPeak = array_sum(array_map(fn($c) => $c[2], $p['self']));
echo 'self PeakMemory adds up to the summary: ', $selfPeak === $p['summary'][0][2] ? 'yes' : "no ($selfPeak vs {$p['summary'][0][2]})", "\n";
$peak = fn($edge) => $p['incl'][$edge][2] ?? -1;
$eight = $peak('alloc_both -> eight_mb @6');
$one = $peak('alloc_both -> one_mb @6');
$both = $peak('{main} -> alloc_both @7');
$nothing = $peak('{main} -> nothing @8');
echo 'inclusive PeakMemory of eight_mb >= 8 MB: ', $eight >= 8000000 ? 'yes' : "no: $eight", "\n";
echo 'inclusive PeakMemory of eight_mb < 9 MB: ', $eight < 9000000 ? 'yes' : "no: $eight", "\n";
echo 'inclusive PeakMemory of one_mb >= 1 MB: ', $one >= 1000000 ? 'yes' : "no: $one", "\n";
echo 'inclusive PeakMemory of one_mb < 2 MB: ', $one < 2000000 ? 'yes' : "no: $one", "\n";
echo 'inclusive PeakMemory of alloc_both >= eight_mb + one_mb: ', $both >= $eight + $one ? 'yes' : "no: $both", "\n";
echo 'inclusive PeakMemory of nothing: ', $nothing, "\n";
echo 'summary PeakMemory >= inclusive of alloc_both: ', $p['summary'][0][2] >= $both ? 'yes' : 'no', "\n";

echo "-- peak_memory=0\n";
[$dir0, $r0, $p0] = cg_profile('peak-memory', $code, ['profiler.peak_memory' => '0'], ['zend_alloc' => true]);
cg_print_check($p0);
echo 'events: ', $p0['sections'][0]['header']['events'], "\n";
$costLines = preg_grep('/^\d+( \d+)*$/', explode("\n", $p0['text']));
$counts = array_count_values(array_map(fn($l) => substr_count($l, ' '), $costLines));
ksort($counts);
echo 'cost lines by number of costs: ', json_encode($counts), "\n";
echo 'summary: ', count($p0['summary'][0]), " numbers\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('peak-memory');
?>
--EXPECTF--
ok
structure ok
events: Time_(10ns) Memory_(bytes) PeakMemory_(bytes)
cost lines by number of costs: {"3":%d}
summary = sum of self costs
self PeakMemory adds up to the summary: yes
inclusive PeakMemory of eight_mb >= 8 MB: yes
inclusive PeakMemory of eight_mb < 9 MB: yes
inclusive PeakMemory of one_mb >= 1 MB: yes
inclusive PeakMemory of one_mb < 2 MB: yes
inclusive PeakMemory of alloc_both >= eight_mb + one_mb: yes
inclusive PeakMemory of nothing: 0
summary PeakMemory >= inclusive of alloc_both: yes
-- peak_memory=0
ok
structure ok
events: Time_(10ns) Memory_(bytes)
cost lines by number of costs: {"2":%d}
summary: 2 numbers
