--TEST--
activation: a trigger value that is only part of a listed value, or the list itself, gives nothing
--CGI--
--INI--
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=/tmp
profiler.output_name=profiler-phpt-act-trigger-value-list-wrong.cg
profiler.use_compression=0
profiler.trigger_value="alpha, beta"
--GET--
XDEBUG_TRIGGER=alpha,beta
--COOKIE--
XDEBUG_PROFILE=bet
--FILE--
<?php
@unlink('/tmp/profiler-phpt-act-trigger-value-list-wrong.cg');
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
cg_clean_check_absent('/tmp/profiler-phpt-act-trigger-value-list-wrong.cg*');
?>
