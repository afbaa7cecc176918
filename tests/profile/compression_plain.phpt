--TEST--
profile: use_compression=0 writes plain text under the name, without .gz
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('plain', <<<'PHP'
<?php
function f() { return 1; }
f(); f(); f();
echo profiler_get_filename(), "\n";
PHP, ['profiler.use_compression' => '0', 'profiler.output_name' => 'cg.%p']);
echo str_replace($dir, 'DIR', implode(' ', cg_outputs($dir))), "\n";
$file = cg_only_output($dir);
echo 'matches profiler_get_filename(): ', $file === trim($r['out']) ? 'yes' : 'no', "\n";
$raw = file_get_contents($file);
echo 'starts with: ', json_encode(substr($raw, 0, 11)), "\n";
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('plain');
?>
--EXPECTF--
DIR/cg.%d
cg.%d
matches profiler_get_filename(): yes
starts with: "version: 1\n"
structure ok
{main} -> f @3 = 3
{main} -> php::profiler_get_filename @4 = 1
