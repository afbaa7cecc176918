--TEST--
activation: a symlink at the output path is never followed; another name is chosen, the target is untouched, and the log says why
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$dir = cg_test_dir('symlink');
$victim = cg_test_dir('symlink') . '/precious.txt';
file_put_contents($victim, "precious\n");
symlink($victim, "$dir/cachegrind.out");
symlink("$dir/nonexistent-target", "$dir/other.out");
$code = <<<'PHP'
<?php
function f() { return 1; }
f();
echo profiler_get_filename(), "\n";
PHP;
foreach (['cachegrind.out' => 'to an existing file', 'other.out' => 'dangling'] as $name => $what) {
    echo "-- symlink $what\n";
    $r = cg_run($dir, $code, ['profiler.output_name' => $name, 'profiler.log' => "$dir/profiler.log"]);
    $file = trim($r['out']);
    echo 'profiler_get_filename(): ', str_replace($dir, 'DIR', $file), "\n";
    echo 'is a regular file, not a link: ', is_file($file) && !is_link($file) ? 'yes' : 'no', "\n";
    $p = cg_parse($file);
    cg_print_check($p);
    cg_print_edges($p, $dir, '/ -> f @/');
}
echo "--\n";
echo 'victim untouched: ', file_get_contents($victim) === "precious\n" ? 'yes' : 'no', "\n";
echo 'links still links to the same targets: ', readlink("$dir/cachegrind.out") === $victim && readlink("$dir/other.out") === "$dir/nonexistent-target" ? 'yes' : 'no', "\n";
echo 'dangling target not created: ', file_exists("$dir/nonexistent-target") ? 'no' : 'yes', "\n";
cg_print_log("$dir/profiler.log", $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('symlink');
?>
--EXPECTF--
-- symlink to an existing file
profiler_get_filename(): DIR/cachegrind.out%s
is a regular file, not a link: yes
structure ok
{main} -> f @3 = 1
-- symlink dangling
profiler_get_filename(): DIR/other.out%s
is a regular file, not a link: yes
structure ok
{main} -> f @3 = 1
--
victim untouched: yes
links still links to the same targets: yes
dangling target not created: yes
[Profiler] WARN: 'DIR/cachegrind.out' is a symbolic link, which is never followed; writing 'DIR/cachegrind.out%s' instead.
[Profiler] WARN: 'DIR/other.out' is a symbolic link, which is never followed; writing 'DIR/other.out%s' instead.
