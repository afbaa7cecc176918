--TEST--
profile: callgrind_annotate (valgrind) reads the file, plain and gunzipped, with totals equal to the summary
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function leaf($x) { return $x + 1; }
function mid() {
    $s = 0;
    for ($i = 0; $i < 1000; $i++) {
        $s += leaf($i);
    }
    return $s;
}
mid();
echo "ok\n";
PHP;
foreach (['0' => 'cachegrind.out', '1' => 'cachegrind.out.gz'] as $gz => $name) {
    $dir = cg_test_dir('annotate');
    $r = cg_run($dir, $code, ['profiler.use_compression' => (string)$gz, 'profiler.output_name' => 'cachegrind.out']);
    echo $r['out'];
    $file = "$dir/$name";
    if ($gz) {
        file_put_contents("$dir/plain.out", gzdecode(file_get_contents($file)));
        $file = "$dir/plain.out";
    }
    $p = cg_parse($file);
    $proc = proc_open(['callgrind_annotate', '--inclusive=no', '--threshold=100', $file], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($proc);
    echo "use_compression=$gz: exit status $status\n";
    echo 'stderr: ', $err === '' ? '(empty)' : $err, "\n";
    preg_match('/^\s*([\d,]+)\s.*PROGRAM TOTALS/m', $out, $m);
    $totals = (int)str_replace(',', '', $m[1] ?? '-1');
    echo 'PROGRAM TOTALS = summary time: ', $totals === $p['summary'][0][0] ? 'yes' : "no ($totals vs {$p['summary'][0][0]})", "\n";
    foreach (['script.php:mid', 'script.php:leaf', 'script.php:{main}'] as $fn) {
        echo "$fn listed: ", preg_match('~[\s/]' . preg_quote($fn, '~') . '$~m', $out) ? 'yes' : 'no', "\n";
    }
    echo 'leaf called 1,000x: ', strpos($out, 'script.php:leaf (1,000x)') !== false ? 'yes' : 'no', "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('annotate');
?>
--EXPECT--
ok
use_compression=0: exit status 0
stderr: (empty)
PROGRAM TOTALS = summary time: yes
script.php:mid listed: yes
script.php:leaf listed: yes
script.php:{main} listed: yes
leaf called 1,000x: yes
ok
use_compression=1: exit status 0
stderr: (empty)
PROGRAM TOTALS = summary time: yes
script.php:mid listed: yes
script.php:leaf listed: yes
script.php:{main} listed: yes
leaf called 1,000x: yes
