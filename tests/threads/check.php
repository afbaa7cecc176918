<?php
/*
 * check.php - checks the profiles written by the threaded test
 * (tests/threads/run.sh) against the requests that asked for them.
 *
 *   php check.php count RESDIR OUTDIR N
 *       RESDIR/<id>.{code,hdr,body} for ids 1..N, from docroot/count.php
 *       (body lines: id, n, sum, tid, ztid, pid, mode, mode_source, clock,
 *       profile). Each request must name, in its X-Profile-Filename header
 *       and in profiler_get_filename(), its own file in OUTDIR, distinct
 *       from every other request's; the file must be a complete profile in
 *       which f was called exactly n times, all from {main}; OUTDIR must hold
 *       those N files and nothing else.
 *   php check.php window RESDIR OUTDIR N
 *       the same for docroot/win/window.php: two windows per request, f
 *       called exactly a and b times in them, outside() in neither; OUTDIR
 *       must hold those 2N files and nothing else.
 *
 * Prints "ok - ..." / "not ok - ..." lines (run.sh counts them), "#   "
 * lines with details (at most a few per check), "# ..." lines with counts,
 * and "files: PATH" lines: the profiles to give to callgrind_annotate.
 */

declare(strict_types=1);

const SHOW = 5;
/* usleep(1000) at least, in Time_(10ns): half of it, to allow for clocks */
const MIN_TIME = 50000;

/** Parses a plain-text Cachegrind profile. Returns [problems, info]; info:
 *  calls (callee => calls), edges ("caller -> callee" => calls), functions
 *  (name => true), summary (list of numbers) and time_index. */
function parse_profile(string $path): array
{
    $text = @file_get_contents($path);
    if ($text === false) {
        return [["cannot read $path"], null];
    }
    if ($text === '') {
        return [["$path is empty"], null];
    }
    $problems = [];
    $bad = static function (int $n, string $msg) use (&$problems): void {
        if (count($problems) < 10) {
            $problems[] = "line $n: $msg";
        }
    };
    $info = ['calls' => [], 'edges' => [], 'functions' => [], 'summary' => null, 'time_index' => null];
    $lines = explode("\n", rtrim($text, "\n"));
    if (($lines[0] ?? '') !== 'version: 1') {
        $bad(1, "does not start with 'version: 1'");
    }
    $fn = [];
    $fl = [];
    $cur = null;
    $callee = null;
    $pending = false;
    $events = 0;
    $versions = 0;
    $resolve = static function (string $v, array &$map, int $n) use ($bad): ?string {
        if (!preg_match('/^\((\d+)\)(?: (.+))?$/', $v, $m)) {
            return $v;
        }
        if (isset($m[2])) {
            if (isset($map[$m[1]]) && $map[$m[1]] !== $m[2]) {
                $bad($n, "({$m[1]}) redefined");
            }
            return $map[$m[1]] = $m[2];
        }
        if (!isset($map[$m[1]])) {
            $bad($n, "({$m[1]}) used before it is defined");
            return null;
        }
        return $map[$m[1]];
    };
    foreach ($lines as $i => $line) {
        $n = $i + 1;
        if ($info['summary'] !== null) {
            $bad($n, 'text after the summary: line');
            break;
        }
        if ($line === '') {
            continue;
        }
        if (preg_match('/^(version|creator|cmd|part|positions|events|totals): ?(.*)$/', $line, $m)) {
            if ($m[1] === 'version' && ++$versions > 1) {
                $bad($n, 'a second version: line (two profiles in one file)');
            }
            if ($m[1] === 'events') {
                $names = preg_split('/\s+/', trim($m[2]));
                $events = count($names);
                foreach ($names as $k => $e) {
                    if (strncmp($e, 'Time', 4) === 0) {
                        $info['time_index'] = $k;
                    }
                }
            }
            continue;
        }
        if (preg_match('/^(fl|fi|fe|cfl|cfi)=(.*)$/', $line, $m)) {
            $resolve($m[2], $fl, $n);
            continue;
        }
        if (preg_match('/^(fn|cfn)=(.*)$/', $line, $m)) {
            $name = $resolve($m[2], $fn, $n);
            if ($name !== null) {
                $info['functions'][$name] = true;
            }
            if ($m[1] === 'fn') {
                $cur = $name;
            } else {
                $callee = $name;
            }
            continue;
        }
        if (preg_match('/^calls=(\d+) /', $line, $m)) {
            if ($cur === null || $callee === null) {
                $bad($n, 'calls= outside a function block or without cfn=');
            } else {
                $info['calls'][$callee] = ($info['calls'][$callee] ?? 0) + (int)$m[1];
                $edge = "$cur -> $callee";
                $info['edges'][$edge] = ($info['edges'][$edge] ?? 0) + (int)$m[1];
            }
            $pending = true;
            continue;
        }
        if (preg_match('/^\d+( -?\d+)+$/', $line)) {
            if (substr_count($line, ' ') !== $events) {
                $bad($n, "cost line with the wrong number of costs: $line");
            }
            if ($cur === null) {
                $bad($n, 'cost line outside a function block');
            }
            $pending = false;
            continue;
        }
        if (preg_match('/^summary: (\d+(?: \d+)*)$/', $line, $m)) {
            $info['summary'] = array_map('intval', explode(' ', $m[1]));
            if (count($info['summary']) !== $events) {
                $bad($n, 'summary: with the wrong number of costs');
            }
            continue;
        }
        $bad($n, 'malformed line: ' . substr($line, 0, 80));
    }
    if ($pending) {
        $bad(count($lines), 'calls= without its cost line');
    }
    if ($info['summary'] === null) {
        $bad(count($lines), 'no summary: line (truncated?)');
    }
    if (!isset($info['functions']['{main}'])) {
        $bad(count($lines), 'no {main}');
    }
    return [$problems, $info];
}

/** One request's results: [code, list of X-Profile-Filename values, body
 *  fields]. */
function read_request(string $resdir, int $id): array
{
    $code = trim((string)@file_get_contents("$resdir/$id.code"));
    $headers = [];
    foreach (explode("\n", (string)@file_get_contents("$resdir/$id.hdr")) as $line) {
        if (preg_match('/^x-profile-filename:\s*(.*?)\s*$/i', $line, $m)) {
            $headers[] = $m[1];
        }
    }
    $body = [];
    foreach (explode("\n", (string)@file_get_contents("$resdir/$id.body")) as $line) {
        if (preg_match('/^([a-z_0-9]+)=(.*)$/', $line, $m) && !isset($body[$m[1]])) {
            $body[$m[1]] = $m[2];
        }
    }
    return [$code, $headers, $body];
}

final class Report
{
    /** @var array<string, list<string>> check => problems */
    private array $problems = [];
    /** @var array<string, string> check => description, in order */
    private array $checks = [];

    /** @var array<string, array{int, int}> check => [requests that got to it, requests expected] */
    private array $reached = [];

    public function check(string $key, string $what, int $expect = 0): void
    {
        $this->checks[$key] = $what;
        $this->problems[$key] ??= [];
        $this->reached[$key] = [0, $expect];
    }

    /** A request (or window) got as far as this check: a check that fewer
     *  than expected got to fails, however few problems it found itself. */
    public function reach(string $key): void
    {
        $this->reached[$key][0]++;
    }

    public function fail(string $key, string $problem): void
    {
        $this->problems[$key][] = $problem;
    }

    public function failed(string $key): bool
    {
        return $this->problems[$key] !== [];
    }

    public function print(): void
    {
        foreach ($this->checks as $key => $what) {
            $p = $this->problems[$key];
            [$got, $expect] = $this->reached[$key];
            if ($p === [] && $got >= $expect) {
                echo "ok - $what\n";
                continue;
            }
            echo "not ok - $what: ", $got < $expect ? "only $got of $expect got this far" : '',
                $got < $expect && $p ? ', ' : '', $p ? count($p) . ' problem' . (count($p) === 1 ? '' : 's') : '', "\n";
            foreach (array_slice($p, 0, SHOW) as $line) {
                echo "#   $line\n";
            }
            if (count($p) > SHOW) {
                echo '#   ... and ', count($p) - SHOW, " more\n";
            }
        }
    }
}

/** The checks that count.php and window.php share: status, who served the
 *  request, and the mode this thread sees. Returns the body or null. */
function check_request(Report $r, string $resdir, int $id, array $need, array &$threads, array &$pids): ?array
{
    [$code, $headers, $body] = read_request($resdir, $id);
    if ($code !== '200') {
        $r->fail('status', "request $id: HTTP status '$code'");
        return null;
    }
    foreach ($need as $k) {
        if (!isset($body[$k])) {
            $r->fail('status', "request $id: the page has no '$k=' line");
            return null;
        }
    }
    if ((int)$body['id'] !== $id) {
        $r->fail('status', "request $id: the page answered for request {$body['id']}");
        return null;
    }
    $r->reach('status');
    $body['headers'] = $headers;
    $threads[$body['tid']][] = $id;
    $pids[$body['pid']] = true;
    // zend_thread_id() (debug ZTS builds) must agree with the kernel's ids
    static $ztids = [];
    if ($body['ztid'] !== 'none') {
        $seen = $ztids[$body['ztid']] ??= $body['tid'];
        if ($seen !== $body['tid']) {
            $r->fail('status', "request $id: zend_thread_id() {$body['ztid']} in threads $seen and {$body['tid']}");
        }
    }
    $mode = "Mode {$body['mode']}, Mode set by {$body['mode_source']}, Clock {$body['clock']}";
    if ($body['mode'] !== 'profile' || $body['mode_source'] !== 'profiler.mode'
        || !in_array($body['clock'], ['tsc', 'monotonic'], true)) {
        $r->fail('mode', "request $id (thread {$body['tid']}): profiler_info() shows $mode");
    }
    $r->reach('mode');
    return $body;
}

function thread_summary(array $threads, array $pids, array $bad): void
{
    $sizes = array_map('count', $threads);
    arsort($sizes);
    $parts = [];
    foreach ($sizes as $tid => $count) {
        $parts[] = "$tid:$count" . (isset($bad[$tid]) ? '(' . count($bad[$tid]) . ' failed)' : '');
    }
    echo '# threads (tid:requests): ', implode(' ', $parts), "\n";
    echo '# threads seen: ', count($threads), ', processes seen: ', count($pids), "\n";
}

function threads_check(Report $r, array $threads, array $pids, array $bad, string $what): void
{
    $r->check('threads', "$what served by more than one thread of one process: "
        . count($threads) . ' threads, ' . count($pids) . ' process' . (count($pids) === 1 ? '' : 'es'));
    if (count($threads) < 2) {
        $r->fail('threads', 'the requests that answered were served by ' . count($threads) . ' thread(s)');
    }
    if (count($pids) !== 1) {
        $r->fail('threads', 'the requests that answered came from ' . count($pids) . ' processes, expected 1');
    }
    if (isset($threads['unknown'])) {
        $r->fail('threads', 'the thread id of ' . count($threads['unknown']) . ' requests is unknown');
    }
    $r->check('per-thread', "$what: every thread's requests all pass");
    foreach ($bad as $tid => $ids) {
        $r->fail('per-thread', "thread $tid: " . count($ids) . ' of ' . count($threads[$tid])
            . ' requests failed (first: ' . $ids[0] . ')');
    }
}

function check_outdir(Report $r, string $outdir, array $expected, int $n): void
{
    $found = [];
    foreach (scandir($outdir) ?: [] as $f) {
        if ($f !== '.' && $f !== '..') {
            $found[] = "$outdir/$f";
        }
    }
    $r->check('dir', "the output directory holds $n profiles, the ones the pages named, and nothing else");
    if (count($found) !== $n) {
        $r->fail('dir', count($found) . " files, expected $n");
    }
    foreach (array_diff($found, $expected) as $f) {
        $r->fail('dir', 'unexpected file ' . basename($f));
    }
    foreach (array_diff($expected, $found) as $f) {
        $r->fail('dir', 'missing ' . basename($f));
    }
}

/** Checks one profile: complete, f called exactly $calls times, all from
 *  {main}, each of $once called once from {main}, none of $absent in it,
 *  and the clock running. */
function check_profile(Report $r, string $label, string $file, int $calls, array $once, array $absent): bool
{
    [$problems, $info] = parse_profile($file);
    $r->reach('complete');
    if ($problems) {
        $r->fail('complete', "$label: " . basename($file) . ': ' . implode('; ', $problems));
        return false;
    }
    $ok = true;
    $got = $info['calls']['f'] ?? 0;
    $edge = $info['edges']['{main} -> f'] ?? 0;
    if ($got !== $calls || $edge !== $calls) {
        $r->fail('counts', "$label: f called $got times ($edge from {main}), expected $calls");
        $ok = false;
    }
    foreach ($once as $callee) {
        if (($info['edges']["{main} -> $callee"] ?? 0) !== 1) {
            $r->fail('counts', "$label: {main} -> $callee: " . ($info['edges']["{main} -> $callee"] ?? 0)
                . ' calls, expected 1');
            $ok = false;
        }
    }
    foreach ($absent as $name) {
        if (isset($info['functions'][$name])) {
            $r->fail('counts', "$label: $name was called outside the window but is in its profile");
            $ok = false;
        }
    }
    $r->reach('counts');
    $t = $info['time_index'];
    if ($t === null || $info['summary'][$t] < MIN_TIME) {
        $r->fail('clock', "$label: summary time " . ($t === null ? '(no Time event)' : $info['summary'][$t])
            . ' (10 ns units), expected at least ' . MIN_TIME . ' for the usleep in it');
        $ok = false;
    }
    $r->reach('clock');
    return $ok;
}

function check_count(string $resdir, string $outdir, int $n): void
{
    $r = new Report();
    $r->check('status', "$n requests answered 200 by count.php", $n);
    $r->check('mode', "profiler_info() in every request's thread: Mode profile, set by profiler.mode, a clock", $n);
    $r->check('header', 'each request has one X-Profile-Filename header, equal to profiler_get_filename()', $n);
    $r->check('unique', 'no two requests name the same profile', $n);
    $r->check('complete', 'each named profile is complete (version: 1 ... summary:) and well formed', $n);
    $r->check('counts', "f's call count in each profile is that request's n exactly", $n);
    $r->check('clock', 'each profile has a running clock (summary time covers the page\'s usleep)', $n);
    $threads = $pids = $bad = $owner = [];
    $files = [];
    $good = 0;
    for ($id = 1; $id <= $n; $id++) {
        $body = check_request($r, $resdir, $id, ['id', 'n', 'tid', 'ztid', 'pid', 'mode', 'mode_source', 'clock', 'profile'], $threads, $pids);
        if ($body === null) {
            continue;
        }
        $tid = $body['tid'];
        $h = $body['headers'];
        if (count($h) !== 1 || $h[0] !== $body['profile']) {
            $r->fail('header', "request $id (thread $tid): X-Profile-Filename " . json_encode($h, JSON_UNESCAPED_SLASHES)
                . ", profiler_get_filename() '{$body['profile']}'");
            $bad[$tid][] = $id;
            continue;
        }
        $r->reach('header');
        $file = $h[0];
        if (isset($owner[$file])) {
            $r->fail('unique', "requests {$owner[$file]} and $id both name " . basename($file));
            $bad[$tid][] = $id;
            continue;
        }
        $r->reach('unique');
        $owner[$file] = $id;
        $files[] = $file;
        if (!check_profile($r, "request $id (thread $tid)", $file, (int)$body['n'], [], [])) {
            $bad[$tid][] = $id;
            continue;
        }
        $good++;
    }
    check_outdir($r, $outdir, $files, $n);
    threads_check($r, $threads, $pids, $bad, 'count.php');
    echo "# count.php: $n requests, " . count($files) . " profiles named, $good complete with exact counts\n";
    thread_summary($threads, $pids, $bad);
    $r->print();
    foreach ($files as $f) {
        echo "files: $f\n";
    }
}

function check_window(string $resdir, string $outdir, int $n): void
{
    $r = new Report();
    $r->check('status', "$n requests answered 200 by window.php", $n);
    $r->check('mode', "profiler_info() in every request's thread: Mode profile, set by profiler.mode, a clock", $n);
    $r->check('header', 'profiler_start() and profiler_stop() return the same name for each window, '
        . 'the second window NAME.2, profiler_get_filename() false outside the windows', $n);
    $r->check('unique', 'no two windows name the same profile', 2 * $n);
    $r->check('complete', 'each window\'s profile is complete (version: 1 ... summary:) and well formed', 2 * $n);
    $r->check('counts', 'each window\'s profile has f called exactly as often as in the window, '
        . 'profiler_start/stop once each, and no outside()', 2 * $n);
    $r->check('clock', 'each window\'s profile has a running clock', 2 * $n);
    $threads = $pids = $bad = $owner = [];
    $files = [];
    $good = 0;
    for ($id = 1; $id <= $n; $id++) {
        $body = check_request($r, $resdir, $id, ['id', 'a', 'b', 'tid', 'ztid', 'pid', 'mode', 'mode_source', 'clock',
            'before', 'start1', 'inside', 'stop1', 'start2', 'stop2', 'after'], $threads, $pids);
        if ($body === null) {
            continue;
        }
        $tid = $body['tid'];
        $s1 = $body['start1'];
        $s2 = $body['start2'];
        $p = [];
        if ($body['before'] !== 'false' || $body['after'] !== 'false') {
            $p[] = "profiler_get_filename() outside the windows: before '{$body['before']}', after '{$body['after']}'";
        }
        if ($s1 === 'false' || $s2 === 'false') {
            $p[] = "profiler_start() returned false (start1 '$s1', start2 '$s2')";
        } elseif ($body['stop1'] !== $s1 || $body['inside'] !== $s1 || $body['stop2'] !== $s2) {
            $p[] = "names: start1 '$s1', inside '{$body['inside']}', stop1 '{$body['stop1']}', start2 '$s2', stop2 '{$body['stop2']}'";
        } elseif ($s2 !== "$s1.2") {
            $p[] = "the second window is '$s2', expected '$s1.2'";
        }
        if ($p) {
            $r->fail('header', "request $id (thread $tid): " . implode('; ', $p));
            $bad[$tid][] = $id;
            continue;
        }
        $r->reach('header');
        $ok = true;
        foreach ([[$s1, (int)$body['a'], 1], [$s2, (int)$body['b'], 2]] as [$file, $calls, $w]) {
            if (isset($owner[$file])) {
                $r->fail('unique', "requests {$owner[$file]} and $id both name " . basename($file));
                $ok = false;
                continue;
            }
            $r->reach('unique');
            $owner[$file] = $id;
            $files[] = $file;
            $ok = check_profile($r, "request $id (thread $tid) window $w", $file, $calls,
                ['php::profiler_start', 'php::profiler_stop'], ['outside']) && $ok;
        }
        if ($ok) {
            $good++;
        } else {
            $bad[$tid][] = $id;
        }
    }
    check_outdir($r, $outdir, $files, 2 * $n);
    threads_check($r, $threads, $pids, $bad, 'window.php');
    echo "# window.php: $n requests, " . count($files) . " window profiles named, $good requests with both windows exact\n";
    thread_summary($threads, $pids, $bad);
    $r->print();
    foreach ($files as $f) {
        echo "files: $f\n";
    }
}

if ($argc !== 5 || !in_array($argv[1], ['count', 'window'], true)) {
    fwrite(STDERR, "usage: php check.php count|window RESDIR OUTDIR N\n");
    exit(2);
}
if ($argv[1] === 'count') {
    check_count($argv[2], $argv[3], (int)$argv[4]);
} else {
    check_window($argv[2], $argv[3], (int)$argv[4]);
}
