--TEST--
robustness: a CLI script stopped by SIGTERM or SIGINT, whose pcntl_signal handler exits, leaves one complete profile
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$code = <<<'PHP'
<?php
pcntl_async_signals(true);
function cleanup() { return 1; }
function handler($sig) {
    echo "got signal $sig\n";
    cleanup();
    exit(0);
}
function onShutdown() { echo "shutdown\n"; }
function busy() {
    echo "ready\n";
    // one line: the handler runs where the engine checks for interrupts
    while (true) { usleep(1000); }
}
pcntl_signal(SIGTERM, 'handler');
pcntl_signal(SIGINT, 'handler');
register_shutdown_function('onShutdown');
busy();
PHP;
foreach (['SIGTERM' => 15, 'SIGINT' => 2] as $name => $sig) {
    echo "-- $name\n";
    $dir = cg_test_dir('signal');
    file_put_contents("$dir/script.php", $code);
    $cmd = [cg_php(), '-n', '-d', 'extension=' . cg_so(), '-d', 'profiler.mode=profile', '-d', "profiler.output_dir=$dir",
        '-d', 'profiler.use_compression=0', '-d', 'profiler.output_name=cachegrind.out', "$dir/script.php"];
    $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir, ['PATH' => getenv('PATH')]);
    $out = fgets($pipes[1]);
    usleep(100000);
    proc_terminate($proc, $sig);
    $out .= stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($proc);
    cg_check_debug_reports($err);
    echo $out, $err, "exit status $status\n";
    echo 'files: ', json_encode(cg_outputs($dir)), "\n";
    $p = cg_parse("$dir/cachegrind.out");
    cg_print_check($p);
    cg_print_summary_check($p);
    cg_take_exit_calls($p, $dir, ['handler -> php::exit @7 = 1']);
    cg_print_edges($p, $dir, '/^(?!busy -> php::usleep)/');
    echo 'usleep called: ', ($p['edges']['busy -> php::usleep @13'] ?? 0) > 0 ? 'yes' : 'no', "\n";
    cg_print_names($p, $dir, '/onShutdown/');
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('signal');
?>
--EXPECT--
-- SIGTERM
ready
got signal 15
shutdown
exit status 0
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
busy -> handler @13 = 1
handler -> cleanup @6 = 1
{main} -> busy @18 = 1
{main} -> php::pcntl_async_signals @2 = 1
{main} -> php::pcntl_signal @15 = 1
{main} -> php::pcntl_signal @16 = 1
{main} -> php::register_shutdown_function @17 = 1
usleep called: yes
onShutdown
-- SIGINT
ready
got signal 2
shutdown
exit status 0
files: ["cachegrind.out"]
structure ok
summary = sum of self costs
busy -> handler @13 = 1
handler -> cleanup @6 = 1
{main} -> busy @18 = 1
{main} -> php::pcntl_async_signals @2 = 1
{main} -> php::pcntl_signal @15 = 1
{main} -> php::pcntl_signal @16 = 1
{main} -> php::register_shutdown_function @17 = 1
usleep called: yes
onShutdown
