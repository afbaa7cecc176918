--TEST--
profile: internal functions and methods are named php::name, php::Class->method, php::Class::static (declaring class)
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-internal', <<<'PHP'
<?php
class AppException extends RuntimeException {}
$a = str_repeat('ab', 3);
$e = new Exception('boom');
$r = new RuntimeException('x');
$x = new AppException('y');
$d = new ArrayObject([1, 2]);
$d->count();
$s = DateTime::createFromFormat('Y-m-d', '2020-01-02');
echo strtoupper('ok'), "\n";
PHP);
cg_print_check($p);
cg_print_edges($p, $dir);
echo 'file of php::str_repeat: ', $p['files']['php::str_repeat'], "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-internal');
?>
--EXPECT--
OK
structure ok
{main} -> php::ArrayObject->__construct @7 = 1
{main} -> php::ArrayObject->count @8 = 1
{main} -> php::DateTime::createFromFormat @9 = 1
{main} -> php::Exception->__construct @4 = 1
{main} -> php::Exception->__construct @5 = 1
{main} -> php::Exception->__construct @6 = 1
{main} -> php::str_repeat @3 = 1
{main} -> php::strtoupper @10 = 1
file of php::str_repeat: php:internal
