--TEST--
activation: start_with_request=trigger without any trigger gives neither a profile nor a header
--CGI--
--INI--
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=/tmp
profiler.output_name=profiler-phpt-act-no-trigger.cg
profiler.use_compression=0
--GET--
XDEBUG_TRIGGERX=1&xdebug_trigger=1
--COOKIE--
XDEBUG=1
--FILE--
<?php
@unlink('/tmp/profiler-phpt-act-no-trigger.cg');
function inRequest() { return profiler_get_filename(); }
var_dump(inRequest());
$sent = array_values(preg_grep('/^X-Profile-Filename:/i', headers_list()));
echo 'X-Profile-Filename headers: ', json_encode($sent), "\n";
?>
--EXPECT--
bool(false)
X-Profile-Filename headers: []
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean_check_absent('/tmp/profiler-phpt-act-no-trigger.cg*');
?>
