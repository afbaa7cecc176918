--TEST--
robustness: E_USER_ERROR and a compile error in an include end the script; the profile is complete
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
$cases = [
    'E_USER_ERROR' => <<<'PHP'
<?php
function fail() { trigger_error('fatal by user', E_USER_ERROR); }
function outer() { fail(); }
outer();
echo "not reached\n";
PHP,
    'compile error in include' => <<<'PHP'
<?php
file_put_contents(__DIR__ . '/bad.inc', '<?php function outer() {}');
function outer() { return 1; }
function loader() { include __DIR__ . '/bad.inc'; }
outer();
loader();
echo "not reached\n";
PHP,
];
// PHP's own messages that PHP 8.4 words differently: on 8.4 each must be in
// the output exactly as written here, and is printed as PHP 8.2 words it
// (E_USER_ERROR still ends the script on 8.4, after a deprecation notice)
$php84 = PHP_VERSION_ID >= 80400 ? [
    'E_USER_ERROR' => [
        "\nDeprecated: Passing E_USER_ERROR to trigger_error() is deprecated since 8.4, throw an exception or call exit with a string message instead in DIR/script.php on line 2\n" => '',
    ],
    'compile error in include' => [
        'Fatal error: Cannot redeclare function outer() (' => 'Fatal error: Cannot redeclare outer() (',
    ],
] : [];
foreach ($cases as $name => $code) {
    echo "-- $name\n";
    $dir = cg_test_dir('fatal-user');
    $r = cg_run($dir, $code, ['profiler.output_name' => 'cachegrind.out']);
    $without = cg_run($dir, $code, [], ['ext' => false]);
    $out = str_replace($dir, 'DIR', $r['out']);
    foreach ($php84[$name] ?? [] as $from => $to) {
        if (substr_count($out, $from) !== 1) {
            echo "not once in the output: $from\n";
        }
        $out = str_replace($from, $to, $out);
    }
    echo $out, "exit status {$r['status']} (without the extension: {$without['status']})\n";
    echo 'stdout identical: ', $r['out'] === $without['out'] ? 'yes' : 'no', "\n";
    $p = cg_parse("$dir/cachegrind.out");
    cg_print_check($p);
    cg_print_summary_check($p);
    cg_print_edges($p, $dir, '/^(?!.*php::file_put_contents)/');
}
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('fatal-user');
?>
--EXPECT--
-- E_USER_ERROR

Fatal error: fatal by user in DIR/script.php on line 2
exit status 255 (without the extension: 255)
stdout identical: yes
structure ok
summary = sum of self costs
fail -> php::trigger_error @2 = 1
outer -> fail @3 = 1
{main} -> outer @4 = 1
-- compile error in include

Fatal error: Cannot redeclare outer() (previously declared in DIR/script.php:3) in DIR/bad.inc on line 1
exit status 255 (without the extension: 255)
stdout identical: yes
structure ok
summary = sum of self costs
{main} -> loader @6 = 1
{main} -> outer @5 = 1
