--TEST--
profile: the memory cost of a function that keeps a big string is at least the string's size; self = inclusive - children
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('memory', <<<'PHP'
<?php
$keep = [];
function allocate() {
    global $keep;
    $keep[] = str_repeat('x', 4000000);
}
function parent_of_alloc() {
    allocate();
    $local = str_repeat('y', 10);
}
function transient() {
    $s = str_repeat('z', 3000000);
    return strlen($s);
}
function transientUnset() {
    $s = str_repeat('z', 3000000);
    unset($s);
    return 1;
}
parent_of_alloc();
transient();
transientUnset();
echo "ok\n";
PHP, [], ['zend_alloc' => true]);
cg_print_check($p);
cg_print_summary_check($p);
$incl = fn($k) => $p['incl'][$k][1] ?? -1;
echo 'inclusive memory of allocate >= 4000000: ', $incl('parent_of_alloc -> allocate @8') >= 4000000 ? 'yes' : 'no: ' . $incl('parent_of_alloc -> allocate @8'), "\n";
echo 'inclusive memory of parent_of_alloc >= 4000000: ', $incl('{main} -> parent_of_alloc @20') >= 4000000 ? 'yes' : 'no: ' . $incl('{main} -> parent_of_alloc @20'), "\n";
echo 'self memory of parent_of_alloc < 100000: ', ($p['self']['parent_of_alloc'][1] ?? -1) < 100000 ? 'yes' : 'no: ' . $p['self']['parent_of_alloc'][1], "\n";
// Xdebug's meaning: the change in zend_memory_usage() over the call, read
// after PHP has freed the function's locals, so a local variable freed when
// the function returns costs nothing (Xdebug: 0)
echo 'inclusive memory of transient (local freed on return) < 100000: ', $incl('{main} -> transient @21') < 100000 ? 'yes' : 'no: ' . $incl('{main} -> transient @21'), "\n";
echo 'inclusive memory of transientUnset (unset before return) < 100000: ', $incl('{main} -> transientUnset @22') < 100000 ? 'yes' : 'no: ' . $incl('{main} -> transientUnset @22'), "\n";
echo 'summary memory >= 4000000: ', $p['summary'][0][1] >= 4000000 ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('memory');
?>
--EXPECT--
ok
structure ok
summary = sum of self costs
inclusive memory of allocate >= 4000000: yes
inclusive memory of parent_of_alloc >= 4000000: yes
self memory of parent_of_alloc < 100000: yes
inclusive memory of transient (local freed on return) < 100000: yes
inclusive memory of transientUnset (unset before return) < 100000: yes
summary memory >= 4000000: yes
