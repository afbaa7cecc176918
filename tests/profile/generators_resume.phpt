--TEST--
profile: a generator counts one call for each resume, as in Xdebug (not its creation, which observers cannot see)
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
// Creating a generator runs none of its code, and PHP's observer API
// reports no call for it, so profiler counts only the resumes; Xdebug
// also counts the creation (docs/xdebug-comparison.md).
[$dir, $r, $p] = cg_profile('gen-resume', <<<'PHP'
<?php
function counter($n) {
    for ($i = 0; $i < $n; $i++) {
        yield $i;
    }
    return $n;
}
$g = counter(5);
foreach ($g as $v) {
}
echo $g->getReturn(), "\n";
$k = counter(10);
$k->current();
$k->next();
$k->send(5);
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('gen-resume');
?>
--EXPECT--
5
ok
structure ok
php::Generator->current -> counter @13 = 1
php::Generator->next -> counter @14 = 1
php::Generator->send -> counter @15 = 1
{main} -> counter @9 = 6
{main} -> php::Generator->current @13 = 1
{main} -> php::Generator->getReturn @11 = 1
{main} -> php::Generator->next @14 = 1
{main} -> php::Generator->send @15 = 1
