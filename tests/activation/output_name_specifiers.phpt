--TEST--
activation: output_name specifiers %p %r %t %u %s %H %R %U %S %c %% expand with Xdebug's meanings (php-cgi)
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('specifiers');
$before = time();
$code = <<<'PHP'
<?php
echo "pid=", getmypid(), "\ncwd=", getcwd(), "\nfile=", profiler_get_filename(), "\n";
PHP;
// %s (the script's path) gets a run of its own, to keep the names short
$r2 = cg_run($dir, $code, ['profiler.output_name' => 'cg.s=%s'], ['cgi' => true]);
$r = cg_run($dir, $code, ['profiler.output_name' => 'cg.p=%p.r=%r.t=%t.u=%u.H=%H.R=%R.U=%U.S=%S.c=%c.pct=%%'], ['cgi' => true, 'env' => [
    'HTTP_HOST' => 'www.example.org',
    'REQUEST_URI' => '/test/page.php?a=1&b=2',
    'UNIQUE_ID' => 'abc123',
    'HTTP_COOKIE' => 'PHPSESSID=sess1234',
]]);
$after = time();
[$headers, $body] = cg_cgi_split($r['out']);
$v = cg_values($body);
$file = $v['file'];
echo 'in output_dir: ', dirname($file) === $dir ? 'yes' : $file, "\n";
echo 'header = profiler_get_filename(): ', ($headers['X-Profile-Filename'] ?? null) === $file ? 'yes' : 'no', "\n";
echo 'the file exists: ', is_file($file) ? 'yes' : 'no', "\n";
$name = basename($file);
if (!preg_match('/^cg\.p=(.*)\.r=(.*)\.t=(.*)\.u=(.*)\.H=(.*)\.R=(.*)\.U=(.*)\.S=(.*)\.c=(.*)\.pct=(.*)$/', $name, $m)) {
    echo "unexpected name: $name\n";
    exit;
}
echo '%p = the pid: ', $m[1] === $v['pid'] ? 'yes' : $m[1], "\n";
echo '%r = random hex: ', preg_match('/^[0-9a-f]{6,8}$/', $m[2]) ? 'yes' : $m[2], "\n";
echo '%t = time in seconds: ', preg_match('/^\d+$/', $m[3]) && $m[3] >= $before && $m[3] <= $after ? 'yes' : $m[3], "\n";
echo '%u = seconds_microseconds: ', preg_match('/^(\d+)_(\d{6})$/', $m[4], $u) && $u[1] >= $before && $u[1] <= $after ? 'yes' : $m[4], "\n";
echo '%H = ', $m[5], "\n";
echo '%R = ', $m[6], "\n";
echo '%U = ', $m[7], "\n";
echo '%S = ', $m[8], "\n";
echo '%c = crc32 of the working directory: ', $m[9] === sprintf('%u', crc32($v['cwd'])) ? 'yes' : $m[9], "\n";
echo '%% = ', $m[10], "\n";
$file2 = cg_values(cg_cgi_split($r2['out'])[1])['file'];
$script = preg_replace('/[^A-Za-z0-9_=,@~-]/', '_', "$dir/script.php");
echo '%s = script path with /, . made _: ', basename($file2) === "cg.s=$script" ? 'yes' : basename($file2) . " vs $script", "\n";
echo 'files: ', count(cg_outputs($dir)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('specifiers');
?>
--EXPECT--
in output_dir: yes
header = profiler_get_filename(): yes
the file exists: yes
%p = the pid: yes
%r = random hex: yes
%t = time in seconds: yes
%u = seconds_microseconds: yes
%H = www_example_org
%R = _test_page_php_a=1_b=2
%U = abc123
%S = sess1234
%c = crc32 of the working directory: yes
%% = %
%s = script path with /, . made _: yes
files: 2
