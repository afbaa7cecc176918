--TEST--
activation: append=1 with compression appends gzip members; the file is one valid gzip stream holding both profiles
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('append-gzip');
$code = <<<'PHP'
<?php
function f($n) { return $n; }
$n = (int)($argv[1] ?? 1);
for ($i = 0; $i < $n; $i++) {
    f($i);
}
echo profiler_get_filename(), "\n";
PHP;
$ini = ['profiler.append' => '1', 'profiler.use_compression' => '1', 'profiler.output_name' => 'cachegrind.out'];
$r1 = cg_run($dir, $code, $ini, ['args' => ['2']]);
$r2 = cg_run($dir, $code, $ini, ['args' => ['7']]);
echo str_replace($dir, 'DIR', $r1['out'] . $r2['out']);
echo 'files: ', json_encode(cg_outputs($dir)), "\n";
$raw = file_get_contents("$dir/cachegrind.out.gz");
echo 'gzip magic: ', bin2hex(substr($raw, 0, 2)), "\n";
// gzip(1) reads concatenated members as one stream
exec('gzip -dc ' . escapeshellarg("$dir/cachegrind.out.gz"), $lines, $status);
echo "gzip -dc: exit $status, ", count(preg_grep('/^version: /', $lines)), " version: lines\n";
$p = cg_parse("$dir/cachegrind.out.gz");
cg_print_check($p);
cg_print_summary_check($p);
echo 'sections: ', count($p['sections']), "\n";
foreach ($p['sections'] as $i => $s) {
    echo 'section ', $i + 1, ': ', json_encode($s['edges']), "\n";
}
echo 'same text as gzip -dc: ', cg_read("$dir/cachegrind.out.gz") === implode("\n", $lines) . "\n" ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('append-gzip');
?>
--EXPECT--
DIR/cachegrind.out.gz
DIR/cachegrind.out.gz
files: ["cachegrind.out.gz"]
gzip magic: 1f8b
gzip -dc: exit 0, 2 version: lines
structure ok
summary = sum of self costs
sections: 2
section 1: {"{main} -> f @5":2,"{main} -> php::profiler_get_filename @7":1}
section 2: {"{main} -> f @5":7,"{main} -> php::profiler_get_filename @7":1}
same text as gzip -dc: yes
