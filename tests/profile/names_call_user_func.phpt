--TEST--
profile: call_user_func and call_user_func_array frames are named php::call_user_func:{/path:line}
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-cuf', <<<'PHP'
<?php
namespace N;
function cb($x) { return $x; }
function twice() {
    call_user_func('N\cb', 1);
    call_user_func('N\cb', 2);
}
call_user_func('N\cb', 1);
call_user_func_array('N\cb', [1]);
twice();
twice();
echo "ok\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-cuf');
?>
--EXPECT--
ok
structure ok
N\twice -> php::call_user_func:{DIR/script.php:5} @5 = 2
N\twice -> php::call_user_func:{DIR/script.php:6} @6 = 2
php::call_user_func:{DIR/script.php:5} -> N\cb @5 = 2
php::call_user_func:{DIR/script.php:6} -> N\cb @6 = 2
php::call_user_func:{DIR/script.php:8} -> N\cb @8 = 1
php::call_user_func_array:{DIR/script.php:9} -> N\cb @9 = 1
{main} -> N\twice @10 = 1
{main} -> N\twice @11 = 1
{main} -> php::call_user_func:{DIR/script.php:8} @8 = 1
{main} -> php::call_user_func_array:{DIR/script.php:9} @9 = 1
