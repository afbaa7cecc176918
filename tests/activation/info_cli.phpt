--TEST--
activation: profiler_info() on the CLI prints text: the mode and its source, whether and why this request is profiled, the file, recent log messages
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = '<?php profiler_info();';
$cases = [
    'profiled' => [['profiler.output_name' => 'cg.out'], []],
    'trigger mode, no trigger' => [['profiler.start_with_request' => 'trigger'], []],
    'trigger with a wrong value' => [['profiler.start_with_request' => 'trigger', 'profiler.trigger_value' => 'right'], ['XDEBUG_TRIGGER' => 'wrong']],
    'missing output_dir' => [['profiler.output_dir' => '/nonexistent/profiler-dir'], []],
    'mode off' => [['profiler.mode' => 'off'], []],
    // logged at startup, before the request: still what a user needs to see
    'invalid PROFILER_MODE' => [['profiler.mode' => 'off'], ['PROFILER_MODE' => 'bogus']],
];
foreach ($cases as $title => [$ini, $env]) {
    echo "-- $title\n";
    $dir = cg_test_dir('info-cli');
    $r = cg_run($dir, $code, $ini, ['env' => $env]);
    $out = str_replace($dir, 'DIR', $r['out']);
    echo 'no HTML: ', strpos($out, '<') === false ? 'yes' : 'no', "\n";
    foreach (['Mode', 'Mode set by', 'Profiling this request', 'Why', 'Profile file'] as $row) {
        echo "$row: ", preg_match('/^\s*' . preg_quote($row, '/') . '\s{2,}(.*)$/m', $out, $m) ? $m[1] : '(missing)', "\n";
    }
    preg_match('/(?:^|\n)Recent log messages\n(.*?)(?:\n\n|\z)/s', $out, $m);
    echo "recent log:\n", preg_replace('/^\s*\S+\s+/m', '  ', $m[1] ?? '(missing)'), "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('info-cli');
?>
--EXPECTF--
-- profiled
no HTML: yes
Mode: profile
Mode set by: profiler.mode
Profiling this request: yes
Why: %s
Profile file: DIR/cg.out
recent log:
  [Profiler] INFO: Profiling into 'DIR/cg.out'.
-- trigger mode, no trigger
no HTML: yes
Mode: profile
Mode set by: profiler.mode
Profiling this request: no
Why: %Sno XDEBUG_TRIGGER or XDEBUG_PROFILE%S
Profile file: (none)
recent log:
  (none)
-- trigger with a wrong value
no HTML: yes
Mode: profile
Mode set by: profiler.mode
Profiling this request: no
Why: %Sdoes not match profiler.trigger_value%S
Profile file: (none)
recent log:
  [Profiler] WARN: Trigger XDEBUG_TRIGGER found in the environment, but its value does not match profiler.trigger_value.
-- missing output_dir
no HTML: yes
Mode: profile
Mode set by: profiler.mode
Profiling this request: no
Why: %Soutput_dir%S
Profile file: (none)
recent log:
  [Profiler] ERR: The profile could not be started: no usable output directory.
  [Profiler] WARN: The output directory '/nonexistent/profiler-dir' cannot be used: No such file or directory.
-- mode off
no HTML: yes
Mode: off
Mode set by: profiler.mode
Profiling this request: no
Why: %Smode is off%S
Profile file: (none)
recent log:
  (none)
-- invalid PROFILER_MODE
no HTML: yes
Mode: off
Mode set by: profiler.mode
Profiling this request: no
Why: %Smode is off%S
Profile file: (none)
recent log:
  [Profiler] ERR: Invalid PROFILER_MODE environment value 'bogus'; it must be 'off' or 'profile'. profiler.mode stands.
