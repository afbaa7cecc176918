--TEST--
activation: a comma-separated trigger_value list with spaces around the values matches one of them exactly
--CGI--
--INI--
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=/tmp
profiler.output_name=profiler-phpt-act-trigger-value-list.cg
profiler.use_compression=0
profiler.trigger_value="  alpha ,  beta  ,gamma  "
--GET--
XDEBUG_TRIGGER=beta
--FILE--
<?php
@unlink('/tmp/profiler-phpt-act-trigger-value-list.cg');
function inRequest() { return profiler_get_filename(); }
$f = inRequest();
var_dump($f);
$sent = array_values(preg_grep('/^X-Profile-Filename:/i', headers_list()));
echo 'header = profiler_get_filename(): ', $sent === ["X-Profile-Filename: $f"] ? 'yes' : json_encode($sent), "\n";
echo 'file not there before the request ends: ', file_exists($f) ? 'no' : 'yes', "\n";
?>
--EXPECTHEADERS--
X-Profile-Filename: /tmp/profiler-phpt-act-trigger-value-list.cg
--EXPECT--
string(44) "/tmp/profiler-phpt-act-trigger-value-list.cg"
header = profiler_get_filename(): yes
file not there before the request ends: yes
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean_check_profile('/tmp/profiler-phpt-act-trigger-value-list.cg', [
    '{main} -> inRequest @4' => 1,
    'inRequest -> php::profiler_get_filename @3' => 1,
], __DIR__ . '/trigger_value_list.php');
?>
