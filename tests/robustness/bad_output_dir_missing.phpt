--TEST--
robustness: a missing profiler.output_dir changes neither output nor exit status; an ERR with the reason is logged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
$base = cg_test_dir('bad-dir-missing');
cg_same_as_without('bad-dir-missing', ['profiler.output_dir' => "$base/does/not/exist"]);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-dir-missing');
?>
--EXPECTF--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: The profile could not be started: no usable output directory.
[Profiler] WARN: The output directory '%s/does/not/exist' cannot be used: No such file or directory.
