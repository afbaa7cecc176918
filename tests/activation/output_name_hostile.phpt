--TEST--
activation: hostile request values (../, slashes, control and non-UTF-8 bytes, 10 kB) in the output name never leave output_dir
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$cases = [
    ['%R', ['REQUEST_URI' => '/../../../../../../tmp/evil/../x']],
    ['%H', ['HTTP_HOST' => '../../..']],
    ['%H.%R', ['HTTP_HOST' => '..', 'REQUEST_URI' => '/..']],
    ['%U', ['UNIQUE_ID' => '..']],
    ['%S', ['HTTP_COOKIE' => 'PHPSESSID=..%2F..%2Fx']],
    ['cg.%R', ['REQUEST_URI' => "/\x01\xff\xfe\t\x1b[31m\\..\\..\\x"]],
    ['../../cg.%p', []],
    ['/etc/cg', []],
    ['cg.%R', ['REQUEST_URI' => '/' . str_repeat('a/', 5000)]],
    ['%R', ['REQUEST_URI' => '/' . str_repeat('x', 300)]],
];
foreach ($cases as $i => [$format, $env]) {
    $dir = cg_test_dir('hostile');
    mkdir("$dir/out");
    $r = cg_run($dir, '<?php echo "file=", profiler_get_filename(), "\n";',
        ['profiler.output_name' => $format, 'profiler.output_dir' => "$dir/out", 'profiler.log' => "$dir/profiler.log"],
        ['cgi' => true, 'env' => $env]);
    [$headers, $body] = cg_cgi_split($r['out']);
    $file = cg_values($body)['file'] ?? '';
    $name = basename($file);
    $inside = $file !== '' && dirname($file) === "$dir/out" && is_file($file);
    $outFiles = array_values(array_diff(scandir("$dir/out"), ['.', '..']));
    $topFiles = array_values(array_diff(scandir($dir), ['.', '..']));
    $safe = preg_match('/^[\x21-\x7e]+$/', $name) && $name !== '.' && $name !== '..' && strlen($name) <= 255;
    echo "case $i: in output_dir: ", $inside ? 'yes' : "NO ($file)",
        '; only file there: ', $outFiles === [$name] ? 'yes' : json_encode($outFiles),
        '; nothing else written: ', $topFiles === ['out', 'profiler.log', 'script.php'] || $topFiles === ['out', 'script.php'] ? 'yes' : json_encode($topFiles),
        '; printable and <= 255 bytes: ', $safe ? 'yes' : 'no',
        '; header: ', ($headers['X-Profile-Filename'] ?? null) === $file ? 'yes' : 'no', "\n";
    if ($i < 8) {
        echo "  name: $name\n";
    } else {
        echo '  shortened: ', strlen($name) < 300 ? 'yes' : 'no', "\n";
        cg_print_log("$dir/profiler.log", $dir);
    }
}
echo 'no file named evil or x appeared in /tmp: ', !file_exists('/tmp/evil') && !file_exists('/etc/cg') ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('hostile');
?>
--EXPECTF--
case 0: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: ___________________tmp_evil____x
case 1: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: ________
case 2: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: __.___
case 3: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: __
case 4: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: __%s
case 5: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: cg.%s
case 6: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: _%s
case 7: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  name: _etc_cg
case 8: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  shortened: yes
[Profiler] WARN: The profile's name was too long and has been shortened to '%s'.
case 9: in output_dir: yes; only file there: yes; nothing else written: yes; printable and <= 255 bytes: yes; header: yes
  shortened: yes
[Profiler] WARN: The profile's name was too long and has been shortened to '%s'.
no file named evil or x appeared in /tmp: yes
