--TEST--
profile: a call site that calls a dozen methods in an order that keeps changing counts every call exactly, also while the tree is written in parts and emptied
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// dispatch() calls run() on objects of 12 classes from one line, in an
// order that no guess of the next call follows (phpcs calls its sniffs like
// this); other() calls the same methods from a second place, so where each
// was last found moves. Meanwhile a() and b() make 16384 call paths, so the
// tree is written and emptied several times with those places remembered.
[$dir, $r, $p] = cg_profile('many-callees', <<<'PHP'
<?php
abstract class Sniff { abstract public function run(int $n): int; }
class S0 extends Sniff { public function run(int $n): int { return $n; } }
class S1 extends Sniff { public function run(int $n): int { return $n + 1; } }
class S2 extends Sniff { public function run(int $n): int { return $n + 2; } }
class S3 extends Sniff { public function run(int $n): int { return $n + 3; } }
class S4 extends Sniff { public function run(int $n): int { return $n + 4; } }
class S5 extends Sniff { public function run(int $n): int { return $n + 5; } }
class S6 extends Sniff { public function run(int $n): int { return $n + 6; } }
class S7 extends Sniff { public function run(int $n): int { return $n + 7; } }
class S8 extends Sniff { public function run(int $n): int { return $n + 8; } }
class S9 extends Sniff { public function run(int $n): int { return $n + 9; } }
class S10 extends Sniff { public function run(int $n): int { return $n + 10; } }
class S11 extends Sniff { public function run(int $n): int { return $n + 11; } }
function dispatch(array $objs, array $seq): int {
    $t = 0;
    foreach ($seq as $i) {
        $t += $objs[$i]->run($i);
    }
    return $t;
}
function other(array $objs, int $i): int {
    return $objs[$i]->run($i);
}
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
$objs = [new S0, new S1, new S2, new S3, new S4, new S5, new S6, new S7, new S8, new S9, new S10, new S11];
$x = 1;
$want = [];
for ($r = 0; $r < 64; $r++) {
    $seq = [];
    for ($j = 0; $j < 50; $j++) {
        $x = ($x * 1103515245 + 12345) % 2147483648;
        $seq[] = ($x >> 16) % 12;
        $want['dispatch -> S' . end($seq) . '->run'] = ($want['dispatch -> S' . end($seq) . '->run'] ?? 0) + 1;
    }
    dispatch($objs, $seq);
    other($objs, $r % 12);
    $want['other -> S' . ($r % 12) . '->run'] = ($want['other -> S' . ($r % 12) . '->run'] ?? 0) + 1;
    for ($k = $r * 256; $k < ($r + 1) * 256; $k++) {
        a($k, 7);
    }
}
ksort($want);
echo json_encode($want), "\n";
PHP, ['profiler.max_tree_memory' => '200000'], ['quiet' => true]);
cg_print_check($p);
echo 'several parts: ', count($p['sections']) >= 3 ? 'yes' : 'no (' . count($p['sections']) . ')', "\n";
$want = json_decode(trim($r['out']), true);
$got = [];
foreach ($p['edges'] as $key => $n) {
    if (preg_match('/^((?:dispatch|other) -> S\d+->run) @\d+$/', $key, $m)) {
        $got[$m[1]] = ($got[$m[1]] ?? 0) + $n;
    }
}
ksort($got);
echo 'callees seen: ', count($got), "\n";
echo 'calls as the script counted them: ', $got === $want ? 'yes' : json_encode(['want' => $want, 'got' => $got]), "\n";
echo 'calls from dispatch: ', array_sum(array_filter($got, fn($k) => str_starts_with($k, 'dispatch'), ARRAY_FILTER_USE_KEY)), "\n";
echo 'a() and b() calls: ', array_sum(array_filter($p['edges'], fn($k) => preg_match('/^(a|b|\{main\}) -> (a|b) /', $k), ARRAY_FILTER_USE_KEY)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('many-callees');
?>
--EXPECT--
structure ok
several parts: yes
callees seen: 24
calls as the script counted them: yes
calls from dispatch: 3200
a() and b() calls: 131072
