--TEST--
robustness: after pcntl_fork() the child writes its own profile named with its own pid, from the fork on; the parent's is untouched
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function before() { return 1; }
function inChild() { return 2; }
function inParent() { return 3; }
before();
before();
$pid = pcntl_fork();
if ($pid === 0) {
    inChild();
    inChild();
    echo "child=", getmypid(), "\n";
    exit(0);
}
pcntl_waitpid($pid, $status);
inParent();
echo "parent=", getmypid(), "\nforked=$pid\n";
PHP;
foreach (['0', '1'] as $gz) {
    echo "-- use_compression=$gz\n";
    $dir = cg_test_dir('fork');
    $r = cg_run($dir, $code, ['profiler.output_name' => 'cg.%p', 'profiler.use_compression' => $gz]);
    $v = cg_values($r['out']);
    echo 'child pid as seen by both: ', $v['child'] === $v['forked'] ? 'same' : 'different', "\n";
    $suffix = $gz ? '.gz' : '';
    $files = cg_outputs($dir);
    $want = ["cg.{$v['child']}$suffix", "cg.{$v['parent']}$suffix"];
    sort($want);
    echo 'files are cg.<parent pid> and cg.<child pid> and nothing else: ', $files === $want ? 'yes' : json_encode($files), "\n";
    foreach (['parent', 'child'] as $who) {
        echo "$who:\n";
        $p = cg_parse("$dir/cg.{$v[$who]}$suffix");
        cg_print_check($p);
        cg_print_summary_check($p);
        echo 'sections: ', count($p['sections']), "\n";
        cg_take_exit_calls($p, $dir, $who === 'child' ? ['{main} -> php::exit @12 = 1'] : []);
        // whether the pcntl_fork call itself is in the child's profile is left open
        cg_print_edges($p, $dir, $who === 'child' ? '/^(?!.*php::pcntl_fork)/' : null);
    }
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fork');
?>
--EXPECT--
-- use_compression=0
child pid as seen by both: same
files are cg.<parent pid> and cg.<child pid> and nothing else: yes
parent:
structure ok
summary = sum of self costs
sections: 1
{main} -> before @5 = 1
{main} -> before @6 = 1
{main} -> inParent @15 = 1
{main} -> php::getmypid @16 = 1
{main} -> php::pcntl_fork @7 = 1
{main} -> php::pcntl_waitpid @14 = 1
child:
structure ok
summary = sum of self costs
sections: 1
{main} -> inChild @10 = 1
{main} -> inChild @9 = 1
{main} -> php::getmypid @11 = 1
-- use_compression=1
child pid as seen by both: same
files are cg.<parent pid> and cg.<child pid> and nothing else: yes
parent:
structure ok
summary = sum of self costs
sections: 1
{main} -> before @5 = 1
{main} -> before @6 = 1
{main} -> inParent @15 = 1
{main} -> php::getmypid @16 = 1
{main} -> php::pcntl_fork @7 = 1
{main} -> php::pcntl_waitpid @14 = 1
child:
structure ok
summary = sum of self costs
sections: 1
{main} -> inChild @10 = 1
{main} -> inChild @9 = 1
{main} -> php::getmypid @11 = 1
