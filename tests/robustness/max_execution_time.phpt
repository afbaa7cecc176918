--TEST--
robustness: max_execution_time ends the script; the profile is complete, the open frames hold the time spent
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
function onShutdown() { echo "shutdown\n"; }
register_shutdown_function('onShutdown');
function spin() {
    $x = 0;
    while (true) {
        $x++;
    }
}
function outer() { spin(); }
outer();
PHP;
[$dir, $r, $p] = cg_profile('max-exec', $code, ['max_execution_time' => '2']);
echo "exit status {$r['status']}\n";
cg_print_check($p);
cg_print_summary_check($p);
cg_print_edges($p, $dir);
cg_print_names($p, $dir, '/onShutdown/');
$spin = $p['incl']['outer -> spin @10'][0] ?? 0;
// max_execution_time counts CPU time: most of the two seconds was spent in
// spin(); PHP's start-up takes the rest, a tenth of a second under valgrind
echo 'spin took >= 1.8 s: ', $spin * 10 >= 1800000000 ? 'yes' : "no ($spin)", "\n";
cg_print_within('spin\'s share of the summary', $spin, cg_total_time($p), 2);
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('max-exec');
?>
--EXPECTF--
%AFatal error: Maximum execution time of 2 seconds exceeded in DIR/script.php on line %d
shutdown
exit status 255
structure ok
summary = sum of self costs
outer -> spin @10 = 1
{main} -> outer @11 = 1
{main} -> php::register_shutdown_function @3 = 1
onShutdown
spin took >= 1.8 s: yes
spin's share of the summary: within 2%
