--TEST--
windows: profiler_stop() without a window returns false; profiler_start() twice returns the same name; profiler_get_filename() names the window's file inside and is false outside; mode=off: profiler_start() returns false and writes nothing
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function show($what, $v) { echo $what, ': ', var_export($v, true), "\n"; }
show('stop before any window', profiler_stop());
show('get_filename before any window', profiler_get_filename());
$a = profiler_start();
$b = profiler_start();
show('start', $a);
show('second start returns the same name', $a === $b);
show('get_filename inside the window is its name', profiler_get_filename() === $a);
$stopped = profiler_stop();
show('stop returns the same name', $stopped === $a);
show('file exists after stop', is_file($a));
show('get_filename after the window', profiler_get_filename());
show('stop again', profiler_stop());
$c = profiler_start();
show('next start', $c);
show('get_filename inside the second window is its name', profiler_get_filename() === $c);
show('stop', profiler_stop() === $c);
show('get_filename after the second window', profiler_get_filename());
PHP;
$dir = cg_test_dir('windows-misc');
$r = cg_run($dir, $code, ['profiler.start_with_request' => 'no', 'profiler.output_name' => 'misc.out']);
echo str_replace($dir, 'DIR', $r['out']), $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
foreach (cg_outputs($dir) as $f) {
    $p = cg_parse("$dir/$f");
    echo "$f: ";
    cg_print_check($p);
}

echo "-- mode=off\n";
$dir2 = cg_test_dir('windows-misc');
$off = <<<'PHP'
<?php
function show($what, $v) { echo $what, ': ', var_export($v, true), "\n"; }
show('start', profiler_start());
show('start again', profiler_start());
show('get_filename', profiler_get_filename());
show('stop', profiler_stop());
PHP;
$r2 = cg_run($dir2, $off, ['profiler.mode' => 'off', 'profiler.output_name' => 'misc.out',
    'profiler.log' => "$dir2/profiler.log"]);
echo $r2['out'], $r2['err'] === '' ? '' : 'stderr: ' . $r2['err'];
echo 'files: ', json_encode(cg_outputs($dir2)), "\n";
cg_print_log("$dir2/profiler.log", $dir2, '/WARN/');
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('windows-misc');
?>
--EXPECT--
stop before any window: false
get_filename before any window: false
start: 'DIR/misc.out'
second start returns the same name: true
get_filename inside the window is its name: true
stop returns the same name: true
file exists after stop: true
get_filename after the window: false
stop again: false
next start: 'DIR/misc.out.2'
get_filename inside the second window is its name: true
stop: true
get_filename after the second window: false
files: ["misc.out","misc.out.2"]
misc.out: structure ok
misc.out.2: structure ok
-- mode=off
start: false
start again: false
get_filename: false
stop: false
files: []
[Profiler] WARN: profiler_start() was called, but profiler.mode is not 'profile'.
[Profiler] WARN: profiler_start() was called, but profiler.mode is not 'profile'.
