--TEST--
profile: plain functions are named by their name, with exact call counts per call-site line
--FILE--
<?php
require __DIR__ . '/fixtures/cg.inc';
[$dir, $r, $p] = cg_profile('names-functions', <<<'PHP'
<?php
function leaf($x) { return $x + 1; }
function mid($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += leaf($i);
    }
    return $s + leaf(0);
}
echo mid(3), "\n";
echo mid(4), "\n";
leaf(1); leaf(2);
echo "end\n";
PHP);
cg_print_check($p);
cg_print_names($p, $dir);
cg_print_edges($p, $dir);
echo 'file of leaf: ', str_replace($dir, 'DIR', $p['files']['leaf']), "\n";
echo 'file of {main}: ', str_replace($dir, 'DIR', $p['files']['{main}']), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/fixtures/cg.inc';
cg_clean('names-functions');
?>
--EXPECT--
7
11
end
structure ok
leaf
mid
{main}
mid -> leaf @6 = 7
mid -> leaf @8 = 2
{main} -> leaf @12 = 2
{main} -> mid @10 = 1
{main} -> mid @11 = 1
file of leaf: DIR/script.php
file of {main}: DIR/script.php
