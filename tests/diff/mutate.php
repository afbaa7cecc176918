<?php
/*
 * mutate.php - makes a deliberately broken copy of a Cachegrind profile,
 * for selftest.sh to prove that compare.php and `cgparse.php check` catch
 * the breakage.
 *
 * usage: php mutate.php OP IN OUT
 *
 * OP (each changes the first suitable place only):
 *   calls      calls=N  ->  calls=N+1                    (compare must fail)
 *   rename     fn=(N) NAME  ->  fn=(N) NAME_mutated      (compare must fail)
 *   line       call-site line L  ->  L+1                 (compare must fail)
 *   dropcall   remove one cfl/cfn/calls/cost group       (compare must fail)
 *   undef      fn=(N) NAME  ->  fn=(N)  (id used before definition; check
 *              must fail)
 *   field      drop the last field of a cost line        (check must fail)
 *   summary    double the summary's first value          (check must fail)
 *   noheader   remove the version: line                  (check must fail)
 *   gzip       gzip-compress without changes             (must still match)
 *   truncgz    gzip-compress, then cut the data in half  (check must fail)
 */

declare(strict_types=1);

require_once __DIR__ . '/cgparse.php';

function mutate(string $op, string $text): string
{
    $lines = explode("\n", $text);
    $n = count($lines);
    $done = false;
    switch ($op) {
        case 'calls':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (preg_match('/^calls=(\d+)(.*)$/', $lines[$i], $m)) {
                    $lines[$i] = 'calls=' . ((int) $m[1] + 1) . $m[2];
                    $done = true;
                }
            }
            break;
        case 'rename':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (preg_match('/^fn=\(\d+\) (?!\{main\})/', $lines[$i])) {
                    $lines[$i] .= '_mutated';
                    $done = true;
                }
            }
            break;
        case 'line':
            for ($i = 0; $i + 1 < $n && !$done; $i++) {
                if (strncmp($lines[$i], 'calls=', 6) === 0) {
                    $f = explode(' ', $lines[$i + 1]);
                    $f[0] = (string) ((int) $f[0] + 1);
                    $lines[$i + 1] = implode(' ', $f);
                    $done = true;
                }
            }
            break;
        case 'dropcall':
            // a group whose cfl/cfn only reference ids (no definitions)
            for ($i = 2; $i + 1 < $n && !$done; $i++) {
                if (
                    strncmp($lines[$i], 'calls=', 6) === 0
                    && preg_match('/^cfn=\(\d+\)$/', $lines[$i - 1])
                    && preg_match('/^cfl=\(\d+\)$/', $lines[$i - 2])
                ) {
                    array_splice($lines, $i - 2, 4);
                    $done = true;
                }
            }
            break;
        case 'undef':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (preg_match('/^(fn=\(\d+\)) /', $lines[$i], $m)) {
                    $lines[$i] = $m[1];
                    $done = true;
                }
            }
            break;
        case 'field':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (preg_match('/^\d+( \d+)+$/', $lines[$i])) {
                    $lines[$i] = substr($lines[$i], 0, strrpos($lines[$i], ' '));
                    $done = true;
                }
            }
            break;
        case 'summary':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (preg_match('/^summary: (\d+)(.*)$/', $lines[$i], $m)) {
                    $lines[$i] = 'summary: ' . (2 * (int) $m[1] + 1000) . $m[2];
                    $done = true;
                }
            }
            break;
        case 'noheader':
            for ($i = 0; $i < $n && !$done; $i++) {
                if (strncmp($lines[$i], 'version:', 8) === 0) {
                    array_splice($lines, $i, 1);
                    $done = true;
                }
            }
            break;
        case 'gzip':
            return gzencode($text, 6);
        case 'truncgz':
            $gz = gzencode($text, 6);
            return substr($gz, 0, intdiv(strlen($gz), 2));
        default:
            throw new InvalidArgumentException("unknown operation $op");
    }
    if (!$done) {
        throw new RuntimeException("operation $op found nothing to change");
    }
    return implode("\n", $lines);
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    if ($argc !== 4) {
        fwrite(STDERR, "usage: php mutate.php OP IN OUT\n");
        exit(2);
    }
    try {
        $out = mutate($argv[1], CgParse::readText($argv[2]));
    } catch (Throwable $e) {
        fwrite(STDERR, 'mutate: ' . $e->getMessage() . "\n");
        exit(2);
    }
    if (file_put_contents($argv[3], $out) === false) {
        exit(2);
    }
    exit(0);
}
