--TEST--
folded: output_format=folded writes only NAME.folded (plain text, also with use_compression=1, no Cachegrind file), and profiler_get_filename() names it
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function leaf($x) { return $x + 1; }
function job($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += leaf($i); } return $s; }
job(3);
echo 'get_filename=', profiler_get_filename(), "\n";
PHP;
$dir = cg_test_dir('folded-only');
$r = cg_run($dir, $code, ['profiler.output_format' => 'folded', 'profiler.use_compression' => '1',
    'profiler.output_name' => 'only.out']);
echo str_replace($dir, 'DIR', $r['out']), $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
echo 'get_filename names the file: ', cg_values($r['out'])['get_filename'] === "$dir/only.out.folded" && is_file("$dir/only.out.folded") ? 'yes' : 'no', "\n";
$text = file_get_contents("$dir/only.out.folded");
echo 'plain text (not gzip): ', strncmp($text, "\x1f\x8b", 2) !== 0 ? 'yes' : 'no', "\n";
echo 'contains a Cachegrind header: ', strpos($text, 'version:') !== false || strpos($text, 'events:') !== false ? 'yes' : 'no', "\n";
$lines = explode("\n", rtrim($text, "\n"));
echo 'lines not matching "^[^ ]+ \d+$": ', count(preg_grep('/^[^ ]+ \d+$/', $lines, PREG_GREP_INVERT)), "\n";
$stacks = array_map(fn($l) => substr($l, 0, strrpos($l, ' ')), $lines);
sort($stacks);
echo implode("\n", $stacks), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('folded-only');
?>
--EXPECT--
get_filename=DIR/only.out.folded
files: ["only.out.folded"]
get_filename names the file: yes
plain text (not gzip): yes
contains a Cachegrind header: no
lines not matching "^[^ ]+ \d+$": 0
{main}
{main};job
{main};job;leaf
{main};php::profiler_get_filename
