--TEST--
robustness: a trigger_value made only of commas and spaces changes nothing; it is logged and nothing is profiled
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
cg_same_as_without('bad-trigger-value', ['profiler.start_with_request' => 'trigger', 'profiler.trigger_value' => ' , ,, '],
    ['env' => ['XDEBUG_TRIGGER' => ',']]);
echo "-- empty trigger sent\n";
cg_same_as_without('bad-trigger-value', ['profiler.start_with_request' => 'trigger', 'profiler.trigger_value' => ','],
    ['env' => ['XDEBUG_TRIGGER' => '']]);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-trigger-value');
?>
--EXPECTF--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] %r(ERR|WARN)%r: profiler.trigger_value ' , ,, ' %s
[Profiler] WARN: Trigger XDEBUG_TRIGGER found in the environment, but its value does not match profiler.trigger_value.
-- empty trigger sent
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] %r(ERR|WARN)%r: profiler.trigger_value ',' %s
