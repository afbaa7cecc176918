--TEST--
windows: a worker loop with start_with_request=no and three profiler_start()/profiler_stop() windows writes three complete files, each with only its job's calls
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function leaf($x) { return $x + 1; }
function job_a($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += leaf($i); } return $s; }
function job_b($n) { return array_sum(array_map('leaf', range(1, $n))); }
function job_c($n) { $s = ''; for ($i = 0; $i < $n; $i++) { $s .= strrev("a$i"); } return strlen($s); }
foreach ([['job_a', 3], ['job_b', 5], ['job_c', 7]] as [$job, $n]) {
    $started = profiler_start();
    $job($n);
    $stopped = profiler_stop();
    echo "start=$started\nstop=$stopped\n";
}
PHP;
$dir = cg_test_dir('windows-three');
$r = cg_run($dir, $code, ['profiler.start_with_request' => 'no', 'profiler.use_compression' => '1',
    'profiler.output_name' => 'worker.out']);
echo str_replace($dir, 'DIR', $r['out']), $r['err'] === '' ? '' : 'stderr: ' . $r['err'];
$names = cg_values($r['out']);
preg_match_all('/^stop=(.*)$/m', $r['out'], $m);
$stopped = $m[1];
echo 'files in the directory: ', str_replace($dir, 'DIR', json_encode(cg_outputs($dir), JSON_UNESCAPED_SLASHES)), "\n";
echo 'three distinct names: ', count(array_unique($stopped)) === 3 ? 'yes' : 'no', "\n";
$plain = cg_test_dir('windows-three');
foreach ($stopped as $i => $file) {
    echo '-- window ', $i + 1, ': ', str_replace($dir, 'DIR', $file), "\n";
    $p = cg_parse($file);
    cg_print_check($p);
    echo 'sections: ', count($p['sections']), ', summary present: ', $p['sections'][0]['summary'] !== null ? 'yes' : 'no', "\n";
    cg_print_summary_check($p);
    cg_print_edges($p, $dir);
    // callgrind_annotate does not read gzip: give it the decompressed text
    $copy = "$plain/window" . ($i + 1);
    file_put_contents($copy, cg_read($file));
    $proc = proc_open(['callgrind_annotate', '--inclusive=no', '--auto=no', '--threshold=100', $copy],
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($proc);
    echo "callgrind_annotate: exit status $status, stderr ", $err === '' ? '(empty)' : $err, "\n";
    preg_match('/^\s*([\d,]+)\s.*PROGRAM TOTALS/m', $out, $t);
    echo 'PROGRAM TOTALS = summary time: ', (int)str_replace(',', '', $t[1] ?? '-1') === $p['summary'][0][0] ? 'yes' : 'no', "\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('windows-three');
?>
--EXPECT--
start=DIR/worker.out.gz
stop=DIR/worker.out.gz
start=DIR/worker.out.2.gz
stop=DIR/worker.out.2.gz
start=DIR/worker.out.3.gz
stop=DIR/worker.out.3.gz
files in the directory: ["worker.out.2.gz","worker.out.3.gz","worker.out.gz"]
three distinct names: yes
-- window 1: DIR/worker.out.gz
structure ok
sections: 1, summary present: yes
summary = sum of self costs
job_a -> leaf @3 = 3
{main} -> job_a @8 = 1
{main} -> php::profiler_start @7 = 1
{main} -> php::profiler_stop @9 = 1
callgrind_annotate: exit status 0, stderr (empty)
PROGRAM TOTALS = summary time: yes
-- window 2: DIR/worker.out.2.gz
structure ok
sections: 1, summary present: yes
summary = sum of self costs
job_b -> php::array_map @4 = 1
job_b -> php::array_sum @4 = 1
job_b -> php::range @4 = 1
php::array_map -> leaf @4 = 5
{main} -> job_b @8 = 1
{main} -> php::profiler_start @7 = 1
{main} -> php::profiler_stop @9 = 1
callgrind_annotate: exit status 0, stderr (empty)
PROGRAM TOTALS = summary time: yes
-- window 3: DIR/worker.out.3.gz
structure ok
sections: 1, summary present: yes
summary = sum of self costs
job_c -> php::strrev @5 = 7
{main} -> job_c @8 = 1
{main} -> php::profiler_start @7 = 1
{main} -> php::profiler_stop @9 = 1
callgrind_annotate: exit status 0, stderr (empty)
PROGRAM TOTALS = summary time: yes
