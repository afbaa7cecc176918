<?php
// Many internal string/array/math functions, including ones the compiler
// may turn into opcodes (strlen, count, is_*, etc.) next to ones that stay
// calls.

$s = sprintf('%05.1f|%s|%d|%x', 3.14159, 'abc', 42, 255);
$s .= vsprintf('%s-%s', ['a', 'b']);
$s .= str_pad('x', 5, '-', STR_PAD_BOTH);
$s .= number_format(1234567.891, 2);
$s .= implode(',', explode(' ', 'a b c'));
$s .= ucwords('hello world');
$s .= substr_count('aaa', 'a');
$s .= str_contains($s, 'a') ? 'y' : 'n';
$s .= strtr('abc', 'ab', 'xy');
$s .= preg_replace('/\s+/', ' ', "a  b\tc");
preg_match_all('/\d/', 'a1b22c333', $m);
$s .= json_encode(['a' => 1, 'b' => [1, 2]]);
$s .= md5('x') . crc32('x');
$s .= str_word_count('the quick brown fox');
$s .= wordwrap('The quick brown fox', 10, "\n", true);
$s .= htmlspecialchars('<a href="x">');
$s .= strlen($s) . count($m) . (is_string($s) ? 1 : 0);
$s .= ucfirst(strtolower('ABC'));
$s .= array_sum(range(1, 10)) . max(1, 5, 3) . min([4, 2]) . abs(-3);
$s .= intdiv(7, 2) . round(2.5) . floor(2.7) . ceil(2.1);
$arr = array_fill(0, 5, 'x');
$arr = array_merge($arr, array_keys(['a' => 1, 'b' => 2]));
$arr = array_unique(array_reverse($arr));
sort($arr);
$s .= implode('', array_slice($arr, 0, 3));
$s .= str_repeat('=', 3);
$s .= serialize([1, 'a' => true]);
$s .= var_export([1, 2], true);
$s .= base64_encode(base64_decode('aGVsbG8='));
printf("%s\n", $s);
echo strlen($s), "\n";
