--TEST--
profile: a generator counts one call for its creation and one for each resume, as in Xdebug
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
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
{main} -> counter @12 = 1
{main} -> counter @8 = 1
{main} -> counter @9 = 6
{main} -> php::Generator->current @13 = 1
{main} -> php::Generator->getReturn @11 = 1
{main} -> php::Generator->next @14 = 1
{main} -> php::Generator->send @15 = 1
