--TEST--
profile: profiler_get_filename() returns the profile's path during the request, also in shutdown functions; false with mode=off
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function inside() { return profiler_get_filename(); }
register_shutdown_function(function () { var_dump(profiler_get_filename()); });
var_dump(profiler_get_filename());
var_dump(inside());
PHP;
[$dir, $r, $p] = cg_profile('get-filename', $code, ['profiler.output_name' => 'named.%p']);
$file = cg_only_output($dir);
echo 'file: ', str_replace([$dir, (string)preg_replace('/\D/', '', basename($file))], ['DIR', 'PID'], $file), "\n";
echo 'all three equal the file: ', substr_count($r['out'], '"' . $file . '"') === 3 ? 'yes' : 'no', "\n";
cg_print_check($p);

echo "-- mode=off\n";
$dir2 = cg_test_dir('get-filename');
$r2 = cg_run($dir2, $code, ['profiler.mode' => 'off']);
echo $r2['out'], $r2['err'];
echo 'files: ', json_encode(cg_outputs($dir2)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('get-filename');
?>
--EXPECTF--
string(%d) "DIR/named.%d"
string(%d) "DIR/named.%d"
string(%d) "DIR/named.%d"
file: DIR/named.PID
all three equal the file: yes
structure ok
-- mode=off
bool(false)
bool(false)
bool(false)
files: []
