--TEST--
robustness: an output_dir the process may not write to (run as nobody) changes nothing; ERR and the reason are logged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
// The tests run as root, who may write anywhere: the child drops to
// nobody with setpriv (util-linux). Everything it reads is copied into a
// directory nobody can read.
$base = cg_test_dir('bad-dir-unwritable');
copy(cg_so(), "$base/profiler.so");
chmod("$base/profiler.so", 0755);
mkdir("$base/ro", 0555);
chmod("$base/ro", 0555);
$log = "$base/profiler.log";
touch($log);
chmod($log, 0666);
putenv('PROFILER_SO=' . "$base/profiler.so");
$asNobody = ['prefix' => ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']];
if (trim((string)shell_exec('id -u')) !== '0') {
    $asNobody = [];   // not root: the mode bits are enough
}
cg_same_as_without('bad-dir-unwritable', ['profiler.output_dir' => "$base/ro", 'profiler.log' => $log], $asNobody);
echo 'read-only dir still empty: ', json_encode(array_values(array_diff(scandir("$base/ro"), ['.', '..']))), "\n";
cg_print_log($log, $base);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-dir-unwritable');
?>
--EXPECTF--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
read-only dir still empty: []
[Profiler] ERR: The profile could not be started: no usable output directory.
[Profiler] WARN: The output directory 'DIR/ro' is not writable: Permission denied (mode 0555, owner uid 0, process uid 65534).
