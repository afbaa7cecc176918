--TEST--
profile: the file starts with Xdebug's header (version, creator, cmd, part, positions: line, events) and ends with summary:
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('format-header', <<<'PHP'
<?php
function f() { return str_repeat('a', 10); }
f();
file_put_contents(__DIR__ . '/version.log', PHP_VERSION);
PHP);
$text = file_get_contents("$dir/cachegrind.out");
$lines = explode("\n", $text);
$phpVersion = file_get_contents("$dir/version.log");
for ($i = 0; $i < 7; $i++) {
    echo preg_replace('/^creator: profiler \S+ \(PHP ' . preg_quote($phpVersion) . '\)$/', 'creator: profiler <version> (PHP <php version>)',
        str_replace($dir, 'DIR', $lines[$i])), "\n";
}
echo 'ends with newline: ', substr($text, -1) === "\n" ? 'yes' : 'no', "\n";
$nonEmpty = array_values(array_filter($lines, fn($l) => $l !== ''));
echo 'last line: ', preg_match('/^summary: \d+ \d+$/', end($nonEmpty)) ? 'summary: <time> <memory>' : end($nonEmpty), "\n";
echo 'version lines: ', preg_match_all('/^version: /m', $text), "\n";
echo 'fl= before every fn=: ', preg_match('/(^|\n)(?!fl=)[^\n]*\nfn=/', $text) ? 'no' : 'yes', "\n";
echo 'calls= lines: ', preg_match_all('/^calls=\d+ 0 0$/m', $text), ' of ', preg_match_all('/^calls=/m', $text), "\n";
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('format-header');
?>
--EXPECT--
version: 1
creator: profiler <version> (PHP <php version>)
cmd: DIR/script.php
part: 1
positions: line

events: Time_(10ns) Memory_(bytes)
ends with newline: yes
last line: summary: <time> <memory>
version lines: 1
fl= before every fn=: yes
calls= lines: 3 of 3
structure ok
f -> php::str_repeat @2 = 1
{main} -> f @3 = 1
{main} -> php::file_put_contents @4 = 1
