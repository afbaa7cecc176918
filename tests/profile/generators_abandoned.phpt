--TEST--
profile: generators abandoned half-way, never started, or finished by return count every resume exactly (not the creation, which observers cannot see)
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Creating a generator runs none of its code, and PHP's observer API
// reports no call for it, so profiler counts only the resumes; Xdebug
// also counts the creation (docs/xdebug-comparison.md).
[$dir, $r, $p] = cg_profile('gen-abandoned', <<<'PHP'
<?php
function counter($n) {
    for ($i = 0; $i < $n; $i++) {
        yield $i;
    }
}
function early() {
    yield 1;
    return 'r';
    yield 2;
}
function consume() {
    $g = counter(100);
    foreach ($g as $v) {
        if ($v == 2) {
            break;
        }
    }
}
consume();
$never = counter(3);
unset($never);
$e = early();
foreach ($e as $v) {
}
echo $e->getReturn(), "\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('gen-abandoned');
?>
--EXPECT--
r
structure ok
consume -> counter @14 = 3
{main} -> consume @20 = 1
{main} -> early @24 = 2
{main} -> php::Generator->getReturn @26 = 1
