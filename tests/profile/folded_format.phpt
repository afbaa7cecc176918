--TEST--
folded: output_format=cachegrind,folded writes NAME.folded beside NAME.gz; lines are "frame;frame;... value" rooted at {main}, add up to the summary time within 1%, and show recursion depth
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function work($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += strlen(str_repeat('x', $i % 50)); } return $s; }
function rec($d) { return $d > 1 ? rec($d - 1) + 1 : work(2000); }
function inner($x) { return $x + 1; }
function outer() {
    $s = inner(1);
    $s += inner(2);
    for ($i = 0; $i < 20000; $i++) { $s += $i; }
    return $s;
}
outer();
rec(5);
echo "ok\n";
PHP;
$dir = cg_test_dir('folded-format');
$r = cg_run($dir, $code, ['profiler.output_format' => 'cachegrind,folded', 'profiler.use_compression' => '1',
    'profiler.output_name' => 'fold.out']);
echo $r['out'], $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
$p = cg_parse("$dir/fold.out.gz");
cg_print_check($p);
$text = file_get_contents("$dir/fold.out.folded");
echo 'plain text (not gzip): ', strncmp($text, "\x1f\x8b", 2) !== 0 ? 'yes' : 'no', "\n";
echo 'ends with a newline: ', substr($text, -1) === "\n" ? 'yes' : 'no', "\n";
$lines = explode("\n", rtrim($text, "\n"));
$bad = array_values(array_filter($lines, fn($l) => !preg_match('/^[^ ]+ \d+$/', $l)));
echo 'lines not matching "^[^ ]+ \d+$": ', count($bad), $bad ? ' (first: ' . json_encode($bad[0]) . ')' : '', "\n";
$values = [];
foreach ($lines as $l) {
    $sp = strrpos($l, ' ');
    $stack = substr($l, 0, $sp);
    $values[$stack] = ($values[$stack] ?? 0) + (int)substr($l, $sp + 1);
}
echo 'paths written once each: ', count($values) === count($lines) ? 'yes' : 'no', "\n";
$notMain = array_filter(array_keys($values), fn($s) => explode(';', $s)[0] !== '{main}');
echo 'stacks not starting with {main}: ', count($notMain), "\n";
$emptyFrame = array_filter(array_keys($values), fn($s) => in_array('', explode(';', $s), true));
echo 'stacks with an empty frame: ', count($emptyFrame), "\n";
cg_print_within('sum of the values vs the summary time', array_sum($values), cg_total_time($p), 1.0);
// each function's self time in the Cachegrind file is the sum over its paths
// (each path rounded to 10 ns on its own: at most 1 unit apart per path)
$off = [];
foreach ($p['self'] as $fn => $costs) {
    $paths = array_filter($values, fn($s) => substr($s, -strlen(";$fn")) === ";$fn" || $s === $fn, ARRAY_FILTER_USE_KEY);
    if (abs(array_sum($paths) - $costs[0]) > count($paths)) {
        $off[] = "$fn: folded " . array_sum($paths) . ', cachegrind ' . $costs[0];
    }
}
echo 'functions whose folded self time differs from the Cachegrind self time: ', $off ? implode('; ', $off) : 'none', "\n";
echo "paths:\n";
$stacks = array_keys($values);
sort($stacks);
foreach ($stacks as $s) {
    echo '  ', $s, "\n";
}
$rec = array_values(array_filter($stacks, fn($s) => preg_match('/^\{main\}(;rec)+$/', $s)));
echo 'rec paths by depth: ', implode(', ', array_map(fn($s) => substr_count($s, ';rec'), $rec)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('folded-format');
?>
--EXPECT--
ok
files: ["fold.out.folded","fold.out.gz"]
structure ok
plain text (not gzip): yes
ends with a newline: yes
lines not matching "^[^ ]+ \d+$": 0
paths written once each: yes
stacks not starting with {main}: 0
stacks with an empty frame: 0
sum of the values vs the summary time: within 1%
functions whose folded self time differs from the Cachegrind self time: none
paths:
  {main}
  {main};outer
  {main};outer;inner
  {main};rec
  {main};rec;rec
  {main};rec;rec;rec
  {main};rec;rec;rec;rec
  {main};rec;rec;rec;rec;rec
  {main};rec;rec;rec;rec;rec;work
  {main};rec;rec;rec;rec;rec;work;php::str_repeat
rec paths by depth: 1, 2, 3, 4, 5
