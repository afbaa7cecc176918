--TEST--
robustness: an empty profiler.output_dir changes neither output nor exit status; an ERR is logged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
cg_same_as_without('bad-dir-empty', ['profiler.output_dir' => '']);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-dir-empty');
?>
--EXPECT--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: The profile could not be started: no usable output directory.
[Profiler] WARN: The output directory is not set (empty).
