--TEST--
robustness: an invalid profiler.mode changes nothing; an ERR is logged and the profiler stays off
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
cg_same_as_without('bad-mode', ['profiler.mode' => 'profiling']);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-mode');
?>
--EXPECT--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: Invalid profiler.mode 'profiling'; it must be 'off' or 'profile'. The profiler is off.
