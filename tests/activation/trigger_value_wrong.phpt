--TEST--
activation: trigger values that do not match profiler.trigger_value exactly (a prefix, another case) give nothing
--CGI--
--INI--
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=/tmp
profiler.output_name=profiler-phpt-act-trigger-value-wrong.cg
profiler.use_compression=0
profiler.trigger_value=s3cr3t
--GET--
XDEBUG_TRIGGER=s3cr3
--COOKIE--
XDEBUG_PROFILE=S3CR3T
--FILE--
<?php
@unlink('/tmp/profiler-phpt-act-trigger-value-wrong.cg');
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
cg_clean_check_absent('/tmp/profiler-phpt-act-trigger-value-wrong.cg*');
?>
