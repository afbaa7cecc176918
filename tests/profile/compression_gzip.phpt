--TEST--
profile: use_compression=1 writes NAME.gz, a gzip stream holding the whole profile
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('gzip', <<<'PHP'
<?php
function f() { return 1; }
f(); f();
echo profiler_get_filename(), "\n";
PHP, ['profiler.use_compression' => '1', 'profiler.output_name' => 'cg.%p']);
echo str_replace($dir, 'DIR', implode(' ', cg_outputs($dir))), "\n";
$file = cg_only_output($dir);
echo 'matches profiler_get_filename(): ', $file === trim($r['out']) ? 'yes' : 'no', "\n";
echo 'name: ', preg_match('/^cg\.\d+\.gz$/', basename($file)) ? 'cg.<pid>.gz' : basename($file), "\n";
$raw = file_get_contents($file);
echo 'gzip magic: ', bin2hex(substr($raw, 0, 2)), "\n";
$text = gzdecode($raw);
echo 'gzdecode: ', $text === false ? 'failed' : 'ok', "\n";
echo 'starts with: ', strtok($text, "\n"), "\n";
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('gzip');
?>
--EXPECTF--
DIR/cg.%d.gz
cg.%d.gz
matches profiler_get_filename(): yes
name: cg.<pid>.gz
gzip magic: 1f8b
gzdecode: ok
starts with: version: 1
structure ok
{main} -> f @3 = 2
{main} -> php::profiler_get_filename @4 = 1
