<?php
/*
 * compare.php - compares two Cachegrind profiles by structure.
 *
 * usage: php compare.php [options] A.out B.out
 *
 *   A is the reference (normally Xdebug's profile), B the candidate (normally
 *   the profiler extension's).  Either may be plain or gzip-compressed, and
 *   may be written per call (Xdebug) or aggregated (one block per function,
 *   summed calls=); several sections per file are merged.
 *
 *   The profiles match when
 *     1. they name the same set of functions (fn= / cfn= names),
 *     2. every function is attributed to the same file (fl= / cfl=), and
 *     3. every (caller, callee, call-site line) edge has the same total
 *        number of calls.
 *   Costs (time, memory) are not compared.
 *
 * options:
 *   --allow=FILE    allowlist of known, intended differences (default:
 *                   known-differences.txt beside this script; "--allow=" for
 *                   none).  See that file for the format.
 *   --versions=php=V,xdebug=V
 *                   versions that conditional rules (`[xdebug>=3.5] ...`)
 *                   are tested against (default: from A's header line
 *                   `creator: xdebug 3.5.3 (PHP 8.4.16)`; none if A has no
 *                   such line)
 *   --max=N         print at most N differences (default 30)
 *   --labels=A,B    names used for the two sides in messages
 *                   (default: xdebug,profiler)
 *   --quiet         print nothing on success
 *
 * exit status: 0 identical (after the allowlist), 1 different, 2 usage or
 * parse error.
 */

declare(strict_types=1);

require_once __DIR__ . '/cgparse.php';

final class CgAllowlist
{
    /** @var list<array{kind: string, re: string, src: string}> */
    public array $rules = [];

    /**
     * Reads an allowlist.  A rule may start with a condition in brackets,
     * `[xdebug>=3.5] edge REGEX` or `[php>=8.4 xdebug>=3.5] ...`: it then
     * applies only when every comparison holds for $versions (keys "php"
     * and "xdebug", the versions the reference profile was made with); a
     * conditional rule never applies when the version it tests is unknown.
     *
     * @param array<string,string> $versions
     */
    public static function load(?string $path, array $versions = []): self
    {
        $a = new self();
        if ($path === null || $path === '') {
            return $a;
        }
        if (!is_file($path)) {
            throw new CgParseError("allowlist $path not found");
        }
        foreach (file($path, FILE_IGNORE_NEW_LINES) as $i => $line) {
            $t = trim($line);
            if ($t === '' || $t[0] === '#') {
                continue;
            }
            $where = "$path:" . ($i + 1);
            $applies = true;
            if (preg_match('/^\[([^\]]*)\]\s*(.*)$/', $t, $c)) {
                $applies = self::holds($c[1], $versions, $where);
                $t = $c[2];
            }
            if (!preg_match('/^(name|file|edge|splice|leaf|more)\s+(.+)$/', $t, $m)) {
                throw new CgParseError("$where: expected '[CONDITION] name|file|edge|splice|leaf|more REGEX'");
            }
            $re = '~' . str_replace('~', '\\~', $m[2]) . '~';
            if (@preg_match($re, '') === false) {
                throw new CgParseError("$where: invalid regex {$m[2]}");
            }
            if ($applies) {
                $a->rules[] = ['kind' => $m[1], 're' => $re, 'src' => trim($line)];
            }
        }
        return $a;
    }

    /** @param array<string,string> $versions */
    private static function holds(string $cond, array $versions, string $where): bool
    {
        $terms = preg_split('/\s+/', trim($cond), -1, PREG_SPLIT_NO_EMPTY);
        if ($terms === []) {
            throw new CgParseError("$where: empty condition");
        }
        $ok = true;
        foreach ($terms as $term) {
            if (!preg_match('/^(php|xdebug)(>=|<=|<|>|=)(\d+(?:\.\d+)*)$/', $term, $m)) {
                throw new CgParseError("$where: bad condition '$term' (expected php|xdebug, one of >= <= < > =, a version)");
            }
            $have = $versions[$m[1]] ?? null;
            if ($have === null) {
                $ok = false;
                continue;
            }
            // compare only as many components as the rule names: php<8.4
            // holds for 8.3.30, xdebug=3.5 for 3.5.3
            $n = count(explode('.', $m[3]));
            $have = implode('.', array_slice(explode('.', $have), 0, $n));
            $op = $m[2] === '=' ? '==' : $m[2];
            if (!version_compare($have, $m[3], $op)) {
                $ok = false;
            }
        }
        return $ok;
    }

    /**
     * The versions a profile was made with, from Xdebug's header line
     * `creator: xdebug 3.5.3 (PHP 8.4.16)`.
     *
     * @return array<string,string>
     */
    public static function versionsOf(CgProfile $p): array
    {
        $creator = $p->sections[0]['header']['creator'] ?? '';
        if (preg_match('/^xdebug\s+(\d+(?:\.\d+)*)\S*\s+\(PHP\s+(\d+(?:\.\d+)*)/i', $creator, $m)) {
            return ['xdebug' => $m[1], 'php' => $m[2]];
        }
        return [];
    }

    /** @return list<array{kind: string, re: string, src: string}> */
    public function ofKind(string $kind): array
    {
        return array_values(array_filter($this->rules, static fn ($r) => $r['kind'] === $kind));
    }

    /** Returns the matching rule's text, or null. */
    public function allows(string $kind, string $key): ?string
    {
        foreach ($this->rules as $r) {
            if ($r['kind'] === $kind && preg_match($r['re'], $key)) {
                return $r['src'];
            }
        }
        return null;
    }
}

/**
 * Applies `splice REGEX` rules: a function that exists in $p but not in
 * $other, and all of whose outgoing calls go to functions matching REGEX,
 * is removed from $p; its callers get its outgoing calls (at those calls'
 * call-site lines).  Used for frames that only one side can see, such as
 * Xdebug's __call trampoline level.  Returns descriptions of what was done.
 *
 * @return list<string>
 */
function cg_splice(CgProfile $p, CgProfile $other, CgAllowlist $allow, string $label): array
{
    $done = [];
    foreach ($allow->ofKind('splice') as $rule) {
        $out = [];
        $in = [];
        foreach ($p->edges as $key => $calls) {
            [$caller, $callee, $line] = explode('|', $key, 3);
            $out[$caller][] = [$callee, $line, $calls, $key];
            $in[$callee][] = [$caller, $line, $calls, $key];
        }
        foreach (array_keys(array_diff_key($p->names, $other->names)) as $f) {
            if (!isset($out[$f])) {
                continue;
            }
            $ok = true;
            foreach ($out[$f] as [$callee]) {
                if (!preg_match($rule['re'], $callee)) {
                    $ok = false;
                    break;
                }
            }
            if (!$ok) {
                continue;
            }
            $parents = $in[$f] ?? [];
            foreach ($parents as [, , , $key]) {
                unset($p->edges[$key]);
            }
            foreach ($out[$f] as [$callee, $line, $calls, $key]) {
                unset($p->edges[$key]);
                if ($parents === []) {
                    continue;
                }
                $parent = $parents[0][0];
                foreach ($parents as [$caller, $pline]) {
                    if ($pline === $line) {
                        $parent = $caller;
                        break;
                    }
                }
                $nk = "$parent|$callee|$line";
                $p->edges[$nk] = ($p->edges[$nk] ?? 0) + $calls;
            }
            unset($p->names[$f]);
            foreach ($p->locations as $loc => $_) {
                if (explode("\t", $loc, 2)[1] === $f) {
                    unset($p->locations[$loc]);
                }
            }
            $done[] = "spliced out $label's $f   [allowed: {$rule['src']}]";
        }
    }
    return $done;
}

/**
 * Applies `leaf REGEX` rules: a function matching REGEX that exists in $p
 * but not in $other and calls nothing in $p (a leaf) is removed from $p with
 * the calls made to it. Used for frames only one side can see that do no
 * work of their own, such as the include of a file that only declares
 * classes, which the engine skips without running it.
 *
 * @return list<string>
 */
function cg_drop_leaves(CgProfile $p, CgProfile $other, CgAllowlist $allow, string $label): array
{
    $done = [];
    foreach ($allow->ofKind('leaf') as $rule) {
        $callers = [];
        foreach ($p->edges as $key => $calls) {
            [$caller] = explode('|', $key, 2);
            $callers[$caller] = true;
        }
        foreach (array_keys(array_diff_key($p->names, $other->names)) as $f) {
            if (isset($callers[$f]) || !preg_match($rule['re'], $f)) {
                continue;
            }
            foreach ($p->edges as $key => $calls) {
                if (explode('|', $key, 3)[1] === $f) {
                    unset($p->edges[$key]);
                }
            }
            unset($p->names[$f]);
            foreach ($p->locations as $loc => $_) {
                if (explode("\t", $loc, 2)[1] === $f) {
                    unset($p->locations[$loc]);
                }
            }
            $done[] = "dropped $label's leaf $f   [allowed: {$rule['src']}]";
        }
    }
    return $done;
}

/**
 * Compares two parsed profiles; returns [differences, allowed differences].
 *
 * @return array{0: list<string>, 1: list<string>}
 */
function cg_compare(CgProfile $a, CgProfile $b, CgAllowlist $allow, string $la, string $lb): array
{
    $diffs = [];
    $allowed = array_merge(cg_splice($a, $b, $allow, $la), cg_splice($b, $a, $allow, $lb),
        cg_drop_leaves($a, $b, $allow, $la), cg_drop_leaves($b, $a, $allow, $lb));
    $note = static function (string $kind, string $key, string $msg) use ($allow, &$diffs, &$allowed): void {
        $rule = $allow->allows($kind, $key);
        if ($rule === null) {
            $diffs[] = $msg;
        } else {
            $allowed[] = "$msg   [allowed: $rule]";
        }
    };

    // 1. function names
    $onlyA = array_diff_key($a->names, $b->names);
    $onlyB = array_diff_key($b->names, $a->names);
    ksort($onlyA, SORT_STRING);
    ksort($onlyB, SORT_STRING);
    foreach ($onlyA as $n => $_) {
        $note('name', $n, "function only in $la: $n");
    }
    foreach ($onlyB as $n => $_) {
        $note('name', $n, "function only in $lb: $n");
    }

    // 2. files of functions present on both sides
    $byName = static function (CgProfile $p): array {
        $r = [];
        foreach ($p->locations as $loc => $_) {
            [$file, $name] = explode("\t", $loc, 2);
            $r[$name][] = $file;
        }
        foreach ($r as &$files) {
            sort($files, SORT_STRING);
        }
        return $r;
    };
    $fa = $byName($a);
    $fb = $byName($b);
    ksort($fa, SORT_STRING);
    foreach ($fa as $name => $filesA) {
        if (!isset($fb[$name]) || $filesA === $fb[$name]) {
            continue;
        }
        $note(
            'file',
            $name,
            "file of $name: $la has " . implode(', ', $filesA) . "; $lb has " . implode(', ', $fb[$name])
        );
    }

    // 3. call edges
    $keys = $a->edges + $b->edges;
    ksort($keys, SORT_STRING);
    foreach ($keys as $key => $_) {
        $ca = $a->edges[$key] ?? 0;
        $cb = $b->edges[$key] ?? 0;
        if ($ca === $cb) {
            continue;
        }
        [$caller, $callee, $line] = explode('|', $key, 3) + ['', '', ''];
        $desc = "$caller -> $callee @ line $line";
        $more = $ca > $cb ? $allow->allows('more', $key) : null;
        if ($more !== null) {
            // the first profile may count more calls here, never fewer
            $allowed[] = "$desc: $la=$ca $lb=$cb   [allowed: $more]";
            continue;
        }
        if ($ca === 0) {
            $note('edge', $key, "call only in $lb: $desc (calls=$cb)");
        } elseif ($cb === 0) {
            $note('edge', $key, "call only in $la: $desc (calls=$ca)");
        } else {
            $note('edge', $key, "call count differs: $desc: $la=$ca $lb=$cb");
        }
    }
    return [$diffs, $allowed];
}

function compare_main(array $argv): int
{
    $usage = "usage: php compare.php [--allow=FILE] [--versions=php=V,xdebug=V] [--max=N] [--labels=A,B] [--quiet] A.out B.out\n";
    $versions = null;
    $allowPath = __DIR__ . '/known-differences.txt';
    $max = 30;
    $la = 'xdebug';
    $lb = 'profiler';
    $quiet = false;
    $files = [];
    foreach (array_slice($argv, 1) as $arg) {
        if (strncmp($arg, '--allow=', 8) === 0) {
            $allowPath = substr($arg, 8);
        } elseif (preg_match('/^--versions=(.*)$/', $arg, $m)) {
            $versions = [];
            foreach (preg_split('/[,\s]+/', $m[1], -1, PREG_SPLIT_NO_EMPTY) as $kv) {
                if (!preg_match('/^(php|xdebug)=(\d+(?:\.\d+)*)/', $kv, $v)) {
                    fwrite(STDERR, "bad --versions entry $kv\n$usage");
                    return 2;
                }
                $versions[$v[1]] = $v[2];
            }
        } elseif (preg_match('/^--max=(\d+)$/', $arg, $m)) {
            $max = (int) $m[1];
        } elseif (preg_match('/^--labels=([^,]+),(.+)$/', $arg, $m)) {
            [$la, $lb] = [$m[1], $m[2]];
        } elseif ($arg === '--quiet') {
            $quiet = true;
        } elseif ($arg === '-h' || $arg === '--help') {
            echo $usage;
            return 0;
        } elseif ($arg !== '' && $arg[0] === '-') {
            fwrite(STDERR, "unknown option $arg\n$usage");
            return 2;
        } else {
            $files[] = $arg;
        }
    }
    if (count($files) !== 2) {
        fwrite(STDERR, $usage);
        return 2;
    }
    try {
        $pa = CgParse::parseFile($files[0]);
        $pb = CgParse::parseFile($files[1]);
        $allow = CgAllowlist::load($allowPath, $versions ?? CgAllowlist::versionsOf($pa));
    } catch (CgParseError $e) {
        fwrite(STDERR, 'compare: ' . $e->getMessage() . "\n");
        return 2;
    }
    [$diffs, $allowed] = cg_compare($pa, $pb, $allow, $la, $lb);
    foreach ([[$pa, $la], [$pb, $lb]] as [$p, $label]) {
        if ($p->problems !== []) {
            fwrite(STDERR, "compare: warning: $label profile {$p->path} has structural problems, e.g. {$p->problems[0]}\n");
        }
    }
    if ($diffs === []) {
        if (!$quiet) {
            printf(
                "identical: %d functions, %d call edges, %d calls%s\n",
                count($pa->names),
                count($pa->edges),
                array_sum($pa->edges),
                $allowed === [] ? '' : ' (' . count($allowed) . ' allowed differences)'
            );
        }
        return 0;
    }
    printf(
        "DIFFERENT: %s (%s) vs %s (%s): %d difference(s)%s\n",
        $la,
        $files[0],
        $lb,
        $files[1],
        count($diffs),
        $allowed === [] ? '' : ', ' . count($allowed) . ' allowed'
    );
    foreach (array_slice($diffs, 0, $max) as $d) {
        echo "  $d\n";
    }
    if (count($diffs) > $max) {
        printf("  ... and %d more\n", count($diffs) - $max);
    }
    return 1;
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    exit(compare_main($argv));
}
