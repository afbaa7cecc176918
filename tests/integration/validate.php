<?php
/*
 * validate.php - checks Cachegrind profiles written by the profiler extension
 * during the integration tests (tests/integration/run.sh).
 *
 * A file is plain text or gzip; a gzip file may hold several concatenated
 * gzip members (profiler.append=1 with compression). Every `version:` line
 * starts a section. A section is readable when:
 *   - its header comes first, in order: version: 1, creator:, cmd:, part:,
 *     positions:, events:;
 *   - every other line is well formed: fl=/fn=/cfl=/cfn= with a name
 *     compression "(N) name" or a back reference "(N)" to a name already
 *     defined in this section, calls=, cost lines with one position and one
 *     number per event, blank lines;
 *   - calls= is followed by a cost line, cost lines follow a fn=;
 *   - it ends with a `summary:` line with one number per event;
 *   - {main} is one of its functions.
 * The app page (docroot/app.php) defines req_<id> and calls work_<id % 10>,
 * so each section names the request it belongs to.
 *
 * Usage:
 *   php validate.php file PATH [--sections=N] [--cmd=PATH] [--id=N]
 *       one file: prints "OK sections=N ids=..." or the problems.
 *   php validate.php load DIR RESDIR N [--name-ids]
 *       DIR holds one profile per request. RESDIR holds, for each request
 *       id 1..N, <id>.code (HTTP status), <id>.hdr (response headers) and
 *       <id>.body (the page, whose "profile=" line is profiler_get_filename()).
 *       Checks that each request got a header naming a distinct complete
 *       profile of that very request, and that DIR holds nothing else.
 *       With --name-ids, the file name must also carry "id=<id>_" (%R).
 *   php validate.php append FILE RESDIR N
 *       FILE holds N profiles appended one after another, one per request.
 *   php validate.php watch DIR STOPFILE
 *       reads every file as soon as it appears in DIR, until STOPFILE exists
 *       (at most 150 s): each must already be a complete profile, as a tool
 *       watching the directory would see it.
 * Prints the counts "requests sent", "profiles found", "profiles readable".
 * Exit status: 0 when everything holds, 1 otherwise, 2 on usage errors.
 */

declare(strict_types=1);

const MAX_PROBLEMS = 20;

/** Splits raw file bytes into decompressed gzip members (or one plain text).
 *  Returns [list of texts, error or null]. */
function decode_members(string $raw): array
{
    if (strlen($raw) < 2 || substr($raw, 0, 2) !== "\x1f\x8b") {
        return [[$raw], null];
    }
    $texts = [];
    $offset = 0;
    $len = strlen($raw);
    while ($offset < $len) {
        if (substr($raw, $offset, 2) !== "\x1f\x8b") {
            return [$texts, sprintf('garbage after gzip member %d at byte %d', count($texts), $offset)];
        }
        $ctx = inflate_init(ZLIB_ENCODING_GZIP);
        $out = @inflate_add($ctx, substr($raw, $offset), ZLIB_FINISH);
        if ($out === false || inflate_get_status($ctx) !== ZLIB_STREAM_END) {
            return [$texts, sprintf('gzip member %d at byte %d is truncated or corrupt', count($texts) + 1, $offset)];
        }
        $used = inflate_get_read_len($ctx);
        if ($used <= 0) {
            return [$texts, 'gzip member consumed no input'];
        }
        $texts[] = $out;
        $offset += $used;
    }
    return [$texts, null];
}

/** Splits a text into sections, each starting at a `version:` line. Text
 *  before the first `version:` line is reported as a problem. */
function split_sections(string $text, array &$problems): array
{
    $lines = explode("\n", $text);
    $sections = [];
    $current = null;
    foreach ($lines as $i => $line) {
        if (strncmp($line, 'version:', 8) === 0) {
            if ($current !== null) {
                $sections[] = $current;
            }
            $current = [];
        } elseif ($current === null) {
            if ($line !== '') {
                $problems[] = 'line ' . ($i + 1) . ': text before the first version: line';
            }
            continue;
        }
        $current[] = $line;
    }
    if ($current !== null) {
        $sections[] = $current;
    }
    return $sections;
}

/** Validates one section; returns [problems, info]. info: cmd, functions
 *  (name => true), ids (list of req_<id> ids). */
function check_section(array $lines): array
{
    $problems = [];
    $bad = static function (int $n, string $msg) use (&$problems): void {
        if (count($problems) < MAX_PROBLEMS) {
            $problems[] = "line $n: $msg";
        }
    };
    $info = ['cmd' => null, 'functions' => [], 'ids' => []];
    $header = ['version', 'creator', 'cmd', 'part', 'positions', 'events'];
    $h = 0;
    $events = 0;
    $files = [];
    $fns = [];
    $inFn = false;
    $pendingCall = false;
    $summary = false;
    $costLines = 0;
    $last = count($lines);
    while ($last > 0 && $lines[$last - 1] === '') {
        $last--;
    }
    for ($i = 0; $i < $last; $i++) {
        $n = $i + 1;
        $line = $lines[$i];
        if ($summary) {
            $bad($n, 'text after the summary: line');
            break;
        }
        if ($h < count($header)) {
            if ($line === '') {
                continue;
            }
            if (!preg_match('/^([a-z]+): ?(.*)$/', $line, $m) || $m[1] !== $header[$h]) {
                $bad($n, "expected header line '{$header[$h]}:', got '" . substr($line, 0, 80) . "'");
                return [$problems, $info];
            }
            if ($m[1] === 'version' && $m[2] !== '1') {
                $bad($n, "version is '{$m[2]}', not 1");
            } elseif ($m[1] === 'cmd') {
                $info['cmd'] = $m[2];
            } elseif ($m[1] === 'positions' && $m[2] !== 'line') {
                $bad($n, "positions is '{$m[2]}', not 'line'");
            } elseif ($m[1] === 'events') {
                $events = count(preg_split('/\s+/', trim($m[2])));
                if (trim($m[2]) === '') {
                    $bad($n, 'no event names');
                }
            }
            $h++;
            continue;
        }
        if ($line === '') {
            if ($pendingCall) {
                $bad($n, 'calls= not followed by a cost line');
                $pendingCall = false;
            }
            continue;
        }
        if (preg_match('/^(fl|fn|cfl|cfn|fi|fe)=\((\d+)\)(?: (.+))?$/', $line, $m)) {
            if ($pendingCall) {
                $bad($n, 'calls= not followed by a cost line');
                $pendingCall = false;
            }
            $isFile = $m[1] !== 'fn' && $m[1] !== 'cfn';
            $table = $isFile ? $files : $fns;
            $id = (int)$m[2];
            if (isset($m[3])) {
                if (isset($table[$id]) && $table[$id] !== $m[3]) {
                    $bad($n, "($id) redefined as '{$m[3]}'");
                }
                $table[$id] = $m[3];
            } elseif (!isset($table[$id])) {
                $bad($n, "back reference ($id) to an undefined name");
            }
            if ($isFile) {
                $files = $table;
            } else {
                $fns = $table;
                $name = $table[$id] ?? '?';
                $info['functions'][$name] = true;
                if (preg_match('/^req_(\d+)$/', $name, $r) && $m[1] === 'fn') {
                    $info['ids'][] = (int)$r[1];
                }
            }
            if ($m[1] === 'fn') {
                $inFn = true;
            }
            continue;
        }
        if (preg_match('/^calls=(\d+) (\d+)(?: (\d+))?$/', $line)) {
            if (!$inFn) {
                $bad($n, 'calls= outside of a function block');
            }
            if ($pendingCall) {
                $bad($n, 'two calls= lines in a row');
            }
            $pendingCall = true;
            continue;
        }
        if (preg_match('/^\d+(?: -?\d+)+$/', $line)) {
            $numbers = count(explode(' ', $line)) - 1;
            if ($numbers !== $events) {
                $bad($n, "cost line has $numbers costs, but there are $events events");
            }
            if (!$inFn) {
                $bad($n, 'cost line outside of a function block');
            }
            $pendingCall = false;
            $costLines++;
            continue;
        }
        if (preg_match('/^summary: (\d+(?: \d+)*)$/', $line, $m)) {
            if (count(explode(' ', $m[1])) !== $events) {
                $bad($n, 'summary has the wrong number of costs');
            }
            if ($pendingCall) {
                $bad($n, 'calls= not followed by a cost line');
            }
            $summary = true;
            continue;
        }
        $bad($n, "malformed line '" . substr($line, 0, 80) . "'");
    }
    if ($h < count($header)) {
        $bad($last, 'incomplete header');
    }
    if (!$summary) {
        $bad($last, 'no summary: line at the end (truncated?)');
    }
    if ($costLines === 0) {
        $bad($last, 'no cost lines');
    }
    if (!isset($info['functions']['{main}'])) {
        $bad($last, 'no {main}');
    }
    return [$problems, $info];
}

/** Reads and checks a whole file. Returns [problems, sections info list,
 *  member count]. */
function check_file(string $path): array
{
    $raw = @file_get_contents($path);
    if ($raw === false) {
        return [["cannot read $path"], [], 0];
    }
    if ($raw === '') {
        return [["$path is empty"], [], 0];
    }
    [$texts, $error] = decode_members($raw);
    $problems = $error === null ? [] : [$error];
    $infos = [];
    foreach ($texts as $t => $text) {
        $sections = split_sections($text, $problems);
        if (!$sections) {
            $problems[] = 'member ' . ($t + 1) . ' holds no version: line';
        }
        foreach ($sections as $lines) {
            [$p, $info] = check_section($lines);
            $k = count($infos) + 1;
            foreach ($p as $msg) {
                $problems[] = "section $k: $msg";
            }
            $info['ok'] = !$p;
            $infos[] = $info;
        }
    }
    return [$problems, $infos, count($texts)];
}

/** Checks what a section says about its request: exactly one req_<id>,
 *  work_<id % 10> and the app's own functions. */
function check_app_section(array $info, ?int $expectId, ?string $cmd): array
{
    $problems = [];
    if (count($info['ids']) !== 1) {
        $problems[] = 'expected exactly one req_<id> function, found ' . count($info['ids']);
        return $problems;
    }
    $id = $info['ids'][0];
    if ($expectId !== null && $id !== $expectId) {
        $problems[] = "profile is of request $id, expected $expectId";
    }
    foreach (['{main}', 'work_' . ($id % 10), 'app_helper', 'app_render', 'php::profiler_get_filename'] as $fn) {
        if (!isset($info['functions'][$fn])) {
            $problems[] = "function $fn missing";
        }
    }
    if ($cmd !== null && $info['cmd'] !== $cmd) {
        $problems[] = "cmd is '{$info['cmd']}', expected '$cmd'";
    }
    return $problems;
}

/** Reads what the load client left for each request in RESDIR: <id>.code
 *  (HTTP status), <id>.hdr (response headers), <id>.body (response body,
 *  whose "profile=" line is profiler_get_filename()). */
function read_results(string $dir, int $n): array
{
    $rows = [];
    for ($id = 1; $id <= $n; $id++) {
        $code = @file_get_contents("$dir/$id.code");
        if ($code === false) {
            continue;
        }
        $hdr = (string)@file_get_contents("$dir/$id.hdr");
        $body = (string)@file_get_contents("$dir/$id.body");
        $rows[] = [
            'id' => $id,
            'status' => trim($code),
            'header' => preg_match("/^x-profile-filename: *([^\r\n]*)/mi", $hdr, $m) ? $m[1] : "",
            'headers' => preg_match_all("/^x-profile-filename:/mi", $hdr),
            'body' => preg_match("/^profile=(.*)$/m", $body, $m) ? $m[1] : "",
        ];
    }
    return $rows;
}

function report(array $counts, array $problems): int
{
    foreach ($counts as $k => $v) {
        echo "$k: $v\n";
    }
    $shown = array_slice($problems, 0, MAX_PROBLEMS);
    foreach ($shown as $p) {
        echo "problem: $p\n";
    }
    if (count($problems) > count($shown)) {
        echo 'problem: ... and ' . (count($problems) - count($shown)) . " more\n";
    }
    return $problems ? 1 : 0;
}

function options(array $args): array
{
    $opts = [];
    $rest = [];
    foreach ($args as $a) {
        if (preg_match('/^--([a-z-]+)(?:=(.*))?$/', $a, $m)) {
            $opts[$m[1]] = $m[2] ?? true;
        } else {
            $rest[] = $a;
        }
    }
    return [$opts, $rest];
}

function main(array $argv): int
{
    [$opts, $args] = options(array_slice($argv, 1));
    $mode = $args[0] ?? '';
    $cmd = isset($opts['cmd']) ? (string)$opts['cmd'] : null;

    if ($mode === 'file' && count($args) === 2) {
        [$problems, $infos] = check_file($args[1]);
        $want = isset($opts['sections']) ? (int)$opts['sections'] : 1;
        if (count($infos) !== $want) {
            $problems[] = 'expected ' . $want . ' section(s), found ' . count($infos);
        }
        $ids = [];
        foreach ($infos as $k => $info) {
            foreach (check_app_section($info, isset($opts['id']) ? (int)$opts['id'] : null, $cmd) as $p) {
                $problems[] = 'section ' . ($k + 1) . ": $p";
            }
            $ids = array_merge($ids, $info['ids']);
        }
        if ($problems) {
            foreach (array_slice($problems, 0, MAX_PROBLEMS) as $p) {
                echo "problem: $p\n";
            }
            return 1;
        }
        echo 'OK sections=' . count($infos) . ' ids=' . implode(',', $ids) . "\n";
        return 0;
    }

    if ($mode === 'load' && count($args) === 4) {
        [, $dir, $results, $n] = $args;
        $n = (int)$n;
        $rows = read_results($results, $n);
        $problems = [];
        $dir = rtrim($dir, '/');
        $found = [];
        foreach (scandir($dir) ?: [] as $entry) {
            if ($entry === '.' || $entry === '..') {
                continue;
            }
            if ($entry[0] === '.') {
                $problems[] = "hidden file left in the output directory: $entry";
                continue;
            }
            $found[] = "$dir/$entry";
        }
        $readable = [];
        $ofFile = [];
        foreach ($found as $path) {
            [$p, $infos] = check_file($path);
            if (count($infos) !== 1) {
                $p[] = 'expected 1 section, found ' . count($infos);
            } else {
                $p = array_merge($p, check_app_section($infos[0], null, $cmd));
            }
            if ($p) {
                $problems[] = basename($path) . ': ' . $p[0] . (count($p) > 1 ? ' (+' . (count($p) - 1) . ' more)' : '');
                continue;
            }
            $readable[$path] = true;
            $ofFile[$path] = $infos[0]['ids'][0];
            if (isset($opts['name-ids']) && !str_contains(basename($path), 'id=' . $ofFile[$path] . '_')) {
                $problems[] = basename($path) . ": the name does not carry the id {$ofFile[$path]} of its request";
            }
        }
        $seenIds = [];
        $seenHeaders = [];
        foreach ($rows as $row) {
            $id = $row['id'];
            if (isset($seenIds[$id])) {
                $problems[] = "request $id listed twice";
            }
            $seenIds[$id] = true;
            if ($row['status'] !== '200') {
                $problems[] = "request $id: HTTP status {$row['status']}";
            }
            if ($row['header'] === '') {
                $problems[] = "request $id: no X-Profile-Filename header";
                continue;
            }
            if ($row['headers'] !== 1) {
                $problems[] = "request $id: {$row['headers']} X-Profile-Filename headers";
            }
            if ($row['header'] !== $row['body']) {
                $problems[] = "request $id: header '{$row['header']}' differs from profiler_get_filename() '{$row['body']}'";
            }
            if (isset($seenHeaders[$row['header']])) {
                $problems[] = "request $id: same file as request {$seenHeaders[$row['header']]}: {$row['header']}";
            }
            $seenHeaders[$row['header']] = $id;
            if (!in_array($row['header'], $found, true)) {
                $problems[] = "request $id: the file it names is not in $dir: {$row['header']}";
            } elseif (isset($ofFile[$row['header']]) && $ofFile[$row['header']] !== $id) {
                $problems[] = "request $id: its file holds the profile of request {$ofFile[$row['header']]}";
            }
        }
        for ($id = 1; $id <= $n; $id++) {
            if (!isset($seenIds[$id])) {
                $problems[] = "request $id has no result line";
            }
        }
        $ids = array_count_values(array_values($ofFile));
        for ($id = 1; $id <= $n; $id++) {
            if (!isset($ids[$id])) {
                $problems[] = "no readable profile of request $id";
            } elseif ($ids[$id] > 1) {
                $problems[] = "{$ids[$id]} profiles of request $id";
            }
        }
        if (count($rows) !== $n) {
            $problems[] = 'expected ' . $n . ' results, got ' . count($rows);
        }
        if (count($found) !== $n) {
            $problems[] = 'expected ' . $n . ' profiles, found ' . count($found);
        }
        return report([
            'requests sent' => count($rows),
            'profiles found' => count($found),
            'profiles readable' => count($readable),
        ], $problems);
    }

    if ($mode === 'append' && count($args) === 4) {
        [, $file, $results, $n] = $args;
        $n = (int)$n;
        $rows = read_results($results, $n);
        [$problems, $infos, $members] = check_file($file);
        $readable = 0;
        $ids = [];
        foreach ($infos as $k => $info) {
            $p = $info['ok'] ? check_app_section($info, null, $cmd) : ['not readable (see above)'];
            if ($p) {
                $problems[] = 'section ' . ($k + 1) . ': ' . implode('; ', $p);
                continue;
            }
            $readable++;
            $ids[] = $info['ids'][0];
        }
        $count = array_count_values($ids);
        for ($id = 1; $id <= $n; $id++) {
            if (!isset($count[$id])) {
                $problems[] = "no readable profile of request $id";
            } elseif ($count[$id] > 1) {
                $problems[] = "{$count[$id]} profiles of request $id";
            }
        }
        foreach ($rows as $row) {
            if ($row['status'] !== '200') {
                $problems[] = "request {$row['id']}: HTTP status {$row['status']}";
            }
            if ($row['header'] !== $file) {
                $problems[] = "request {$row['id']}: X-Profile-Filename is '{$row['header']}', expected '$file'";
            }
            if ($row['body'] !== $file) {
                $problems[] = "request {$row['id']}: profiler_get_filename() is '{$row['body']}', expected '$file'";
            }
        }
        if (count($rows) !== $n) {
            $problems[] = 'expected ' . $n . ' results, got ' . count($rows);
        }
        if (count($infos) !== $n) {
            $problems[] = "expected $n sections, found " . count($infos);
        }
        if ($members > 1 && $members !== $n) {
            $problems[] = "expected $n gzip members, found $members";
        }
        return report([
            'requests sent' => count($rows),
            'gzip members' => $members,
            'profiles found' => count($infos),
            'profiles readable' => $readable,
        ], $problems);
    }

    if ($mode === 'watch' && count($args) === 3) {
        [, $dir, $stop] = $args;
        $seen = [];
        $problems = [];
        $deadline = microtime(true) + 150;
        do {
            $last = file_exists($stop);
            foreach (scandir($dir) ?: [] as $entry) {
                if ($entry[0] === '.' || isset($seen[$entry])) {
                    continue;
                }
                $seen[$entry] = true;
                [$p, $infos] = check_file("$dir/$entry");
                if (!$p && count($infos) !== 1) {
                    $p[] = 'expected 1 section, found ' . count($infos);
                }
                if ($p) {
                    $problems[] = "$entry was incomplete when it appeared: " . $p[0];
                }
            }
            usleep(2000);
        } while (!$last && microtime(true) < $deadline);
        return report([
            'files read as they appeared' => count($seen),
            'incomplete when read' => count($problems),
        ], $problems);
    }

    fwrite(STDERR, "usage: php validate.php file PATH [--sections=N] [--cmd=PATH] [--id=N]\n"
        . "       php validate.php load DIR RESDIR N [--name-ids] [--cmd=PATH]\n"
        . "       php validate.php append FILE RESDIR N [--cmd=PATH]\n"
        . "       php validate.php watch DIR STOPFILE\n");
    return 2;
}

exit(main($argv));
