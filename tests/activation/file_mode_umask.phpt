--TEST--
activation: profiles are created with the process's umask
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('umask');
$code = '<?php echo "ran\n";';
foreach (['0022' => '0644', '0077' => '0600', '0027' => '0640'] as $mask => $want) {
    $name = "cg.$mask";
    $r = cg_run($dir, $code, ['profiler.output_name' => $name], ['prefix' => ['sh', '-c', 'umask ' . $mask . ' && exec "$0" "$@"']]);
    clearstatcache();
    printf("umask %s: mode %04o (want %s)\n", $mask, fileperms("$dir/$name") & 0777, $want);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('umask');
?>
--EXPECT--
umask 0022: mode 0644 (want 0644)
umask 0077: mode 0600 (want 0600)
umask 0027: mode 0640 (want 0640)
