--TEST--
robustness: an output_dir below a regular file (unusable even for root) changes nothing; an ERR is logged
--FILE--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
require __DIR__ . '/fixtures/same.inc';
$base = cg_test_dir('bad-dir-file');
file_put_contents("$base/regular-file", "x");
[$dir] = cg_same_as_without('bad-dir-file', ['profiler.output_dir' => "$base/regular-file/sub"]);
echo 'regular file untouched: ', file_get_contents("$base/regular-file") === 'x' ? 'yes' : 'no', "\n";
echo "-- output_dir is the regular file itself\n";
cg_same_as_without('bad-dir-file', ['profiler.output_dir' => "$base/regular-file"]);
echo 'regular file untouched: ', file_get_contents("$base/regular-file") === 'x' ? 'yes' : 'no', "\n";
echo 'files next to it: ', json_encode(cg_outputs($base)), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../profile/fixtures/cg.inc';
cg_clean('bad-dir-file');
?>
--EXPECTF--
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: The profile could not be started: no usable output directory.
[Profiler] WARN: The output directory '%s/regular-file/sub' cannot be used: Not a directory.
regular file untouched: yes
-- output_dir is the regular file itself
stdout identical: yes
exit status: 3 (without the extension: 3)
profile files: []
[Profiler] ERR: The profile could not be started: no usable output directory.
[Profiler] WARN: The output directory '%s/regular-file'%r( is not a directory|: Not a directory| cannot be used: Not a directory)%r.
regular file untouched: yes
files next to it: ["regular-file"]
