--TEST--
activation: with append=0 an existing file at the output path is replaced by the new profile
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('replace');
file_put_contents("$dir/cachegrind.out", str_repeat("old garbage\n", 1000));
$code = <<<'PHP'
<?php
function f() { return 1; }
f();
echo "ran\n";
PHP;
$r = cg_run($dir, $code, ['profiler.output_name' => 'cachegrind.out', 'profiler.append' => '0']);
$r = cg_run($dir, $code, ['profiler.output_name' => 'cachegrind.out', 'profiler.append' => '0']);
echo $r['out'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
$text = file_get_contents("$dir/cachegrind.out");
echo 'old content gone: ', strpos($text, 'old garbage') === false ? 'yes' : 'no', "\n";
$p = cg_parse("$dir/cachegrind.out");
cg_print_check($p);
echo 'sections: ', count($p['sections']), "\n";
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('replace');
?>
--EXPECT--
ran
files: ["cachegrind.out"]
old content gone: yes
structure ok
sections: 1
{main} -> f @3 = 1
