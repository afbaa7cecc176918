--TEST--
profile: with a small max_tree_memory, exploding call paths are written as several part: sections and no call is lost
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// a() and b() call each other from four call sites each, chosen by the
// base-4 digits of $k: 16384 different call paths of depth 8.
[$dir, $r, $p] = cg_profile('memory-cap', <<<'PHP'
<?php
function a($k, $d) {
    if ($d === 0) {
        return 0;
    }
    switch ($k % 4) {
        case 0: return b($k >> 2, $d - 1);
        case 1: return b($k >> 2, $d - 1);
        case 2: return b($k >> 2, $d - 1);
        default: return b($k >> 2, $d - 1);
    }
}
function b($k, $d) {
    if ($d === 0) {
        return 0;
    }
    switch ($k % 4) {
        case 0: return a($k >> 2, $d - 1);
        case 1: return a($k >> 2, $d - 1);
        case 2: return a($k >> 2, $d - 1);
        default: return a($k >> 2, $d - 1);
    }
}
for ($k = 0; $k < 16384; $k++) {
    a($k, 7);
}
echo "ok\n";
PHP, ['profiler.max_tree_memory' => '200000']);
cg_print_check($p);
cg_print_summary_check($p);
$n = count($p['sections']);
echo 'several parts: ', $n >= 3 ? 'yes' : "no ($n)", "\n";
$parts = array_map(fn($s) => (int)($s['header']['part'] ?? 0), $p['sections']);
echo 'parts numbered 1..n: ', $parts === range(1, $n) ? 'yes' : json_encode($parts), "\n";
$cmds = array_unique(array_map(fn($s) => $s['header']['cmd'] ?? '', $p['sections']));
echo 'every part has the cmd: ', count($cmds) === 1 && reset($cmds) === "$dir/script.php" ? 'yes' : json_encode($cmds), "\n";
echo "edges summed over all parts:\n";
cg_print_edges($p, $dir);
echo 'total calls: ', array_sum($p['edges']), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('memory-cap');
?>
--EXPECT--
ok
structure ok
summary = sum of self costs
several parts: yes
parts numbered 1..n: yes
every part has the cmd: yes
edges summed over all parts:
a -> b @10 = 16384
a -> b @7 = 16384
a -> b @8 = 16384
a -> b @9 = 16384
b -> a @18 = 12288
b -> a @19 = 12288
b -> a @20 = 12288
b -> a @21 = 12288
{main} -> a @25 = 16384
total calls: 131072
