--TEST--
activation: profiler_info() under CGI prints HTML with the mode, why this request is profiled, the file and the recent log
--CGI--
--INI--
profiler.mode=profile
profiler.start_with_request=trigger
profiler.output_dir=/tmp
profiler.output_name=profiler-phpt-act-info-cgi.cg
profiler.use_compression=0
--GET--
XDEBUG_TRIGGER=1
--FILE--
<?php
@unlink('/tmp/profiler-phpt-act-info-cgi.cg');
ob_start();
profiler_info();
$html = ob_get_clean();
echo 'starts with a tag: ', preg_match('/^\s*<[a-z]/', $html) ? 'yes' : 'no', "\n";
echo 'tables: ', substr_count($html, '<table') >= 1 && substr_count($html, '<table') === substr_count($html, '</table>') ? 'balanced' : 'no', "\n";
$rows = [];
preg_match_all('~<tr><td>(.*?)</td><td>(.*?)</td></tr>~', $html, $m, PREG_SET_ORDER);
foreach ($m as [, $k, $v]) {
    $rows[html_entity_decode($k)][] = html_entity_decode($v, ENT_QUOTES);
}
foreach (['Mode', 'Profiling this request', 'Why', 'Profile file', 'profiler.start_with_request'] as $k) {
    echo "$k: ", implode(' | ', $rows[$k] ?? ['(missing)']), "\n";
}
echo 'log mentions the file: ', count(preg_grep("~Profiling into '/tmp/profiler-phpt-act-info-cgi\\.cg'~", array_merge(...array_values($rows)))) === 1 ? 'yes' : 'no', "\n";
echo 'values HTML-escaped: ', strpos($html, "'/tmp/profiler-phpt-act-info-cgi.cg'") === false ? 'yes' : 'no', "\n";
?>
--EXPECTHEADERS--
X-Profile-Filename: /tmp/profiler-phpt-act-info-cgi.cg
--EXPECTF--
starts with a tag: yes
tables: balanced
Mode: profile
Profiling this request: yes
Why: %SXDEBUG_TRIGGER%SGET%S
Profile file: /tmp/profiler-phpt-act-info-cgi.cg
profiler.start_with_request: trigger
log mentions the file: yes
values HTML-escaped: yes
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean_check_profile('/tmp/profiler-phpt-act-info-cgi.cg', ['{main} -> php::profiler_info @4' => 1], __DIR__ . '/info_cgi.php');
?>
