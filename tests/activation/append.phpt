--TEST--
activation: append=1 adds each profile to the end of the file: two runs give two complete version: sections
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('append');
$code = <<<'PHP'
<?php
function f($n) { return $n; }
$n = (int)($argv[1] ?? 1);
for ($i = 0; $i < $n; $i++) {
    f($i);
}
echo profiler_get_filename(), "\n";
PHP;
$ini = ['profiler.append' => '1', 'profiler.output_name' => 'cachegrind.out'];
$r1 = cg_run($dir, $code, $ini, ['args' => ['3']]);
$first = file_get_contents("$dir/cachegrind.out");
$r2 = cg_run($dir, $code, $ini, ['args' => ['5']]);
echo str_replace($dir, 'DIR', $r1['out'] . $r2['out']);
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
$text = file_get_contents("$dir/cachegrind.out");
echo 'first profile kept byte for byte: ', strlen($text) > strlen($first) && substr($text, 0, strlen($first)) === $first ? 'yes' : 'no', "\n";
$p = cg_parse("$dir/cachegrind.out");
cg_print_check($p);
cg_print_summary_check($p);
echo 'sections: ', count($p['sections']), "\n";
foreach ($p['sections'] as $i => $s) {
    echo 'section ', $i + 1, ': ', json_encode($s['edges']), "\n";
}
// each section parses on its own too
$parts = preg_split('/(?=^version: )/m', $text, -1, PREG_SPLIT_NO_EMPTY);
foreach ($parts as $i => $part) {
    $q = cg_parse_text($part);
    echo 'part ', $i + 1, ' alone: ', $q['problems'] ? implode('; ', $q['problems']) : 'ok', "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('append');
?>
--EXPECT--
DIR/cachegrind.out
DIR/cachegrind.out
files: ["cachegrind.out"]
first profile kept byte for byte: yes
structure ok
summary = sum of self costs
sections: 2
section 1: {"{main} -> f @5":3,"{main} -> php::profiler_get_filename @7":1}
section 2: {"{main} -> f @5":5,"{main} -> php::profiler_get_filename @7":1}
part 1 alone: ok
part 2 alone: ok
