--TEST--
robustness: an unknown output_name specifier changes nothing in the script; it is logged and the profile still written
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
[$dir] = cg_same_as_without('bad-specifier', ['profiler.output_name' => 'cg.%q.out']);
$p = cg_parse(cg_only_output($dir));
cg_print_check($p);
cg_print_edges($p, $dir, '/ -> f @/');
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-specifier');
?>
--EXPECTF--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: ["cg.%q.out"]
[Profiler] %r(ERR|WARN)%r: %s'%q'%s
structure ok
{main} -> f @6 = 100
