--TEST--
robustness: a fatal error (memory_limit) leaves one complete profile with every call counted, shutdown function included
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
$calls = 0;
function onShutdown() {
    global $calls;
    file_put_contents(__DIR__ . '/calls.json', json_encode($calls));
    echo "shutdown\n";
}
register_shutdown_function('onShutdown');
function grow() {
    global $calls;
    $a = [];
    while (true) {
        $calls++;
        $a[] = str_repeat('x', 1024);
    }
}
function outer() { grow(); }
outer();
PHP;
[$dir, $r, $p] = cg_profile('fatal-memory', $code, ['memory_limit' => '8M'], ['zend_alloc' => true]);
echo "exit status {$r['status']}\n";
cg_print_check($p);
cg_print_summary_check($p);
$calls = json_decode(file_get_contents("$dir/calls.json"));
echo 'str_repeat calls = the script\'s count: ', ($p['edges']['grow -> php::str_repeat @14'] ?? -1) === $calls ? 'yes' : "no ({$p['edges']['grow -> php::str_repeat @14']} vs $calls)", "\n";
cg_print_edges($p, $dir, '/^(?!grow -> php::str_repeat)(?!onShutdown)/');
cg_print_names($p, $dir, '/onShutdown/');
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fatal-memory');
?>
--EXPECTF--
%AFatal error: Allowed memory size of 8388608 bytes exhausted %s
shutdown
exit status 255
structure ok
summary = sum of self costs
str_repeat calls = the script's count: yes
outer -> grow @17 = 1
{main} -> outer @18 = 1
{main} -> php::register_shutdown_function @8 = 1
onShutdown
