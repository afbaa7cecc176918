<?php
/*
 * cgparse.php - parser for Cachegrind/Callgrind profile files as written by
 * Xdebug's profiler and by the "profiler" extension.
 *
 * Library use:
 *     require __DIR__ . '/cgparse.php';
 *     $p = CgParse::parseFile('cachegrind.out.123');      // throws CgParseError
 *     $p->names;      // [function name => true]
 *     $p->locations;  // ["file\tname" => true]  (file = fl/cfl of the function)
 *     $p->edges;      // ["caller|callee|callsite_line" => total calls]
 *     $p->self;       // [function name => [self cost per event]]
 *     $p->sections;   // one entry per section (each `version:` line starts one)
 *     $p->events;     // event names of the first section
 *     $p->problems;   // structural problems (filled by parsing; see check())
 *
 * Input may be plain or gzip-compressed (detected by the 1f 8b magic bytes).
 * A file may hold several sections ("parts"): every `version:` line starts a
 * new section with its own name-compression tables; the data of all sections
 * is merged.
 *
 * CLI:
 *     php cgparse.php names   FILE   sorted function names, one per line
 *     php cgparse.php files   FILE   sorted "file<TAB>function" pairs
 *     php cgparse.php edges   FILE   "caller|callee|line<TAB>calls", sorted
 *     php cgparse.php self    FILE   "function<TAB>cost1 cost2 ..." (self cost)
 *     php cgparse.php summary FILE   the summary line(s), one per section
 *     php cgparse.php events  FILE   event names
 *     php cgparse.php json    FILE   everything above as JSON
 *     php cgparse.php cat     FILE   the decompressed text
 *     php cgparse.php aggregate [--parts=N] FILE
 *         rewrites FILE in aggregated form (one block per function, summed
 *         calls=, N sections with their own compression tables) to stdout
 *     php cgparse.php check   [--time-tolerance=PCT] [--time-slack=N] FILE
 *         validates the structure (see CgParse::check()); prints OK or the
 *         problems; exit status 0 when valid, 1 otherwise.
 *
 * Exit status 2 on usage errors or unreadable/unparsable input.
 *
 * Only PHP's standard extensions (zlib for gzip input) are used.
 */

declare(strict_types=1);

final class CgParseError extends RuntimeException
{
}

final class CgProfile
{
    /** @var array<string,true> function names (fn= and cfn=) */
    public array $names = [];
    /** @var array<string,true> "file\tname" for every function seen */
    public array $locations = [];
    /** @var array<string,int> "caller|callee|line" => calls */
    public array $edges = [];
    /** @var array<string,list<int>> "caller|callee|line" => summed inclusive costs */
    public array $edgeCosts = [];
    /** @var array<string,list<int>> function name => summed self costs */
    public array $self = [];
    /** @var array<string,int> function name => number of fn= blocks */
    public array $blocks = [];
    /** @var array<string,list<int>> "file\tname" => summed self costs */
    public array $selfLoc = [];
    /** @var array<string,int> "file\tname" => line of its first self cost line */
    public array $selfLine = [];
    /** @var array<string,array{0: string, 1: string}> edge key => [caller file, callee file] (first seen) */
    public array $edgeLoc = [];
    /** @var list<string> event names of the first section */
    public array $events = [];
    /**
     * @var list<array{header: array<string,string>, events: list<string>,
     *     summary: ?list<int>, summaryLine: ?string, selfTotal: list<int>,
     *     startLine: int, costLines: int}>
     */
    public array $sections = [];
    /** @var list<string> structural problems, "line N: message" */
    public array $problems = [];
    public string $path = '';

    public function eventIndex(string $prefix): int
    {
        foreach ($this->events as $i => $e) {
            if (stripos($e, $prefix) === 0) {
                return $i;
            }
        }
        return 0;
    }
}

final class CgParse
{
    /** Maximum number of problems recorded before giving up listing them. */
    private const MAX_PROBLEMS = 50;

    /**
     * Yields the content of $path in chunks, gunzipped when the file starts
     * with the gzip magic bytes 1f 8b.  Gzip data is verified: every member
     * must end properly (zlib checks its CRC and length), so truncated or
     * corrupt files are rejected; concatenated members are supported.
     *
     * @return Generator<int, string>
     */
    public static function chunks(string $path): Generator
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new CgParseError("cannot read $path");
        }
        $fh = fopen($path, 'rb');
        if ($fh === false) {
            throw new CgParseError("cannot open $path");
        }
        try {
            $first = (string) fread($fh, 1 << 20);
            if (strncmp($first, "\x1f\x8b", 2) !== 0) {
                if ($first !== '') {
                    yield $first;
                }
                while (!feof($fh)) {
                    $buf = fread($fh, 1 << 20);
                    if ($buf === false) {
                        throw new CgParseError("$path: read error");
                    }
                    if ($buf !== '') {
                        yield $buf;
                    }
                }
                return;
            }
            if (!function_exists('inflate_init')) {
                throw new CgParseError("$path is gzip-compressed but PHP's zlib extension is missing");
            }
            $pending = $first;
            $ctx = inflate_init(ZLIB_ENCODING_GZIP);
            $fed = 0;
            $ended = false;
            while (true) {
                if ($pending === '') {
                    if (feof($fh)) {
                        break;
                    }
                    $pending = fread($fh, 1 << 20);
                    if ($pending === false) {
                        throw new CgParseError("$path: read error");
                    }
                    continue;
                }
                if ($ended) {
                    if (trim($pending, "\0") === '' && feof($fh)) {
                        break;      // zero padding after the last member
                    }
                    $ctx = inflate_init(ZLIB_ENCODING_GZIP);
                    $fed = 0;
                    $ended = false;
                }
                $before = $fed;
                $fed += strlen($pending);
                $out = @inflate_add($ctx, $pending, ZLIB_SYNC_FLUSH);
                if ($out === false) {
                    throw new CgParseError("$path: corrupt gzip data");
                }
                if ($out !== '') {
                    yield $out;
                }
                if (inflate_get_status($ctx) === ZLIB_STREAM_END) {
                    $ended = true;
                    $pending = (string) substr($pending, inflate_get_read_len($ctx) - $before);
                } else {
                    $pending = '';
                }
            }
            if (!$ended) {
                throw new CgParseError("$path: gzip data truncated (stream does not end properly)");
            }
        } finally {
            fclose($fh);
        }
    }

    /** Reads the whole (decompressed) text of a profile file. */
    public static function readText(string $path): string
    {
        $text = '';
        foreach (self::chunks($path) as $c) {
            $text .= $c;
        }
        return $text;
    }

    public static function parseFile(string $path): CgProfile
    {
        $p = new CgProfile();
        $p->path = $path;
        $parser = new self($p);
        $lineNo = 0;
        $rest = '';
        foreach (self::chunks($path) as $chunk) {
            $lines = explode("\n", $rest . $chunk);
            $rest = array_pop($lines);
            foreach ($lines as $line) {
                $parser->line(rtrim($line, "\r"), ++$lineNo);
            }
        }
        if ($rest !== '') {
            $parser->line(rtrim($rest, "\r"), ++$lineNo);
        }
        $parser->finish($lineNo);
        return $p;
    }

    public static function parseString(string $text, string $label = '(string)'): CgProfile
    {
        $p = new CgProfile();
        $p->path = $label;
        $parser = new self($p);
        $lineNo = 0;
        foreach (preg_split('/\r?\n/', $text) as $line) {
            $parser->line($line, ++$lineNo);
        }
        $parser->finish($lineNo);
        return $p;
    }

    // ---------------------------------------------------------------- state

    private CgProfile $p;
    private int $section = -1;
    /** @var array<int,string> */
    private array $fileIds = [];
    /** @var array<int,string> */
    private array $fnIds = [];
    private int $npos = 1;
    private int $nev = 0;
    private bool $seenVersion = false;
    private ?string $fl = null;     // current file (fl=)
    private ?string $fn = null;     // current function (fn=)
    private ?string $cfl = null;    // pending callee file
    private ?string $cfn = null;    // pending callee function
    private ?int $pendingCalls = null;
    private int $pendingCallsLine = 0;
    private int $lastPos = 0;
    private int $timeIdx = 0;

    private function __construct(CgProfile $p)
    {
        $this->p = $p;
    }

    private function problem(int $lineNo, string $msg): void
    {
        $n = count($this->p->problems);
        if ($n < self::MAX_PROBLEMS) {
            $this->p->problems[] = "line $lineNo: $msg";
        } elseif ($n === self::MAX_PROBLEMS) {
            $this->p->problems[] = '... (further problems not listed)';
        }
    }

    private function newSection(int $lineNo): void
    {
        $this->closeSection($lineNo);
        $this->section++;
        $this->p->sections[$this->section] = [
            'header' => [],
            'events' => [],
            'summary' => null,
            'summaryLine' => null,
            'selfTotal' => [],
            'startLine' => $lineNo,
            'costLines' => 0,
        ];
        $this->fileIds = [];
        $this->fnIds = [];
        $this->npos = 1;
        $this->nev = 0;
        $this->fl = null;
        $this->fn = null;
        $this->cfl = null;
        $this->cfn = null;
        $this->pendingCalls = null;
        $this->lastPos = 0;
        $this->timeIdx = 0;
    }

    private function closeSection(int $lineNo): void
    {
        if ($this->pendingCalls !== null) {
            $this->problem($this->pendingCallsLine, 'calls= line not followed by a cost line');
            $this->pendingCalls = null;
        }
    }

    /**
     * Resolves a possibly compressed name "(N) name" / "(N)" / "name".
     *
     * @param array<int,string> $table
     */
    private function resolve(string $spec, array &$table, int $lineNo, string $kind): string
    {
        if ($spec !== '' && $spec[0] === '(') {
            $close = strpos($spec, ')');
            if ($close === false || !ctype_digit($id = substr($spec, 1, $close - 1))) {
                $this->problem($lineNo, "malformed compressed $kind name '$spec'");
                return $spec;
            }
            $id = (int) $id;
            $rest = substr($spec, $close + 1);
            if ($rest === '') {
                if (!isset($table[$id])) {
                    $this->problem($lineNo, "$kind id ($id) used before being defined");
                    return "($id)";
                }
                return $table[$id];
            }
            if ($rest[0] !== ' ') {
                $this->problem($lineNo, "malformed compressed $kind name '$spec'");
            }
            $name = substr($rest, 1);
            if (isset($table[$id]) && $table[$id] !== $name) {
                $this->problem($lineNo, "$kind id ($id) redefined as '$name' (was '{$table[$id]}')");
            }
            $table[$id] = $name;
            return $name;
        }
        return $spec;
    }

    private function addFunction(string $file, string $name): void
    {
        $this->p->names[$name] = true;
        $this->p->locations[$file . "\t" . $name] = true;
    }

    private function line(string $line, int $lineNo): void
    {
        if ($line === '') {
            return;
        }
        $c = $line[0];
        if ($c >= '0' && $c <= '9' || $c === '+' || $c === '-' || $c === '*') {
            $this->costLine($line, $lineNo);
            return;
        }
        if ($c === '#') {
            return;
        }
        $eq = strpos($line, '=');
        $colon = strpos($line, ':');
        if ($eq !== false && ($colon === false || $eq < $colon)) {
            $key = substr($line, 0, $eq);
            $val = substr($line, $eq + 1);
            $this->assignment($key, $val, $lineNo);
            return;
        }
        if ($colon !== false && preg_match('/^([A-Za-z][A-Za-z0-9_ -]*):\s?(.*)$/', $line, $m)) {
            $this->headerLine($m[1], $m[2], $lineNo);
            return;
        }
        if ($this->section < 0) {
            $this->newSection($lineNo);
        }
        $this->problem($lineNo, "unrecognised line '" . self::clip($line) . "'");
    }

    private static function clip(string $s): string
    {
        return strlen($s) > 80 ? substr($s, 0, 77) . '...' : $s;
    }

    private function headerLine(string $key, string $val, int $lineNo): void
    {
        if ($key === 'version') {
            $this->newSection($lineNo);
            $this->seenVersion = true;
        } elseif ($this->section < 0) {
            $this->newSection($lineNo);
        }
        $s = &$this->p->sections[$this->section];
        switch ($key) {
            case 'events':
                if ($s['costLines'] > 0) {
                    $this->problem($lineNo, 'events: line after cost lines');
                }
                $ev = preg_split('/\s+/', trim($val), -1, PREG_SPLIT_NO_EMPTY);
                $s['events'] = $ev;
                $this->nev = count($ev);
                if ($this->nev === 0) {
                    $this->problem($lineNo, 'events: line names no event');
                }
                if ($this->section === 0 || $this->p->events === []) {
                    $this->p->events = $ev;
                } elseif ($ev !== $this->p->events) {
                    $this->problem($lineNo, 'events differ from the first section: ' . implode(' ', $ev));
                }
                $this->timeIdx = 0;
                foreach ($ev as $i => $e) {
                    if (stripos($e, 'time') === 0) {
                        $this->timeIdx = $i;
                        break;
                    }
                }
                $s['selfTotal'] = array_fill(0, $this->nev, 0);
                break;
            case 'positions':
                $pos = preg_split('/\s+/', trim($val), -1, PREG_SPLIT_NO_EMPTY);
                $this->npos = max(1, count($pos));
                break;
            case 'summary':
            case 'totals':
                $f = preg_split('/\s+/', trim($val), -1, PREG_SPLIT_NO_EMPTY);
                $nums = [];
                foreach ($f as $x) {
                    if (!preg_match('/^\d+$/', $x)) {
                        $this->problem($lineNo, "non-numeric $key value '$x'");
                    }
                    $nums[] = (int) $x;
                }
                if ($this->nev > 0 && count($nums) !== $this->nev) {
                    $this->problem($lineNo, "$key has " . count($nums) . " values, expected {$this->nev}");
                }
                if ($key === 'summary' || $s['summary'] === null) {
                    $s['summary'] = $nums;
                    $s['summaryLine'] = "$key: $val";
                }
                break;
        }
        $s['header'][$key] = $val;
    }

    private function assignment(string $key, string $val, int $lineNo): void
    {
        if ($this->section < 0) {
            $this->newSection($lineNo);
        }
        if ($this->pendingCalls !== null && $key !== 'calls') {
            $this->problem($this->pendingCallsLine, 'calls= line not followed by a cost line');
            $this->pendingCalls = null;
        }
        switch ($key) {
            case 'fl':
                $this->fl = $this->resolve($val, $this->fileIds, $lineNo, 'file');
                $this->fn = null;
                $this->cfl = null;
                $this->cfn = null;
                break;
            case 'fi':
            case 'fe':
                // inline file change: only affects where costs are attributed
                $this->resolve($val, $this->fileIds, $lineNo, 'file');
                break;
            case 'fn':
                $this->fn = $this->resolve($val, $this->fnIds, $lineNo, 'function');
                if ($this->fl === null) {
                    $this->problem($lineNo, 'fn= without a preceding fl=');
                    $this->fl = '???';
                }
                $this->addFunction($this->fl, $this->fn);
                $this->p->blocks[$this->fn] = ($this->p->blocks[$this->fn] ?? 0) + 1;
                $this->cfl = null;
                $this->cfn = null;
                break;
            case 'cfl':
            case 'cfi':
                $this->cfl = $this->resolve($val, $this->fileIds, $lineNo, 'file');
                break;
            case 'cfn':
                $this->cfn = $this->resolve($val, $this->fnIds, $lineNo, 'function');
                break;
            case 'calls':
                if ($this->cfn === null) {
                    $this->problem($lineNo, 'calls= without a preceding cfn=');
                }
                if ($this->fn === null) {
                    $this->problem($lineNo, 'calls= outside of a function block');
                }
                if (!preg_match('/^(\d+)(\s+[-+*0-9x]+)*\s*$/', $val, $m)) {
                    $this->problem($lineNo, "malformed calls= line 'calls=$val'");
                    $this->pendingCalls = 0;
                } else {
                    $this->pendingCalls = (int) $m[1];
                }
                $this->pendingCallsLine = $lineNo;
                break;
            case 'ob':
            case 'cob':
            case 'jump':
            case 'jcnd':
                break;
            default:
                $this->problem($lineNo, "unknown specification '$key='");
        }
    }

    private function costLine(string $line, int $lineNo): void
    {
        if ($this->section < 0) {
            $this->newSection($lineNo);
        }
        $s = &$this->p->sections[$this->section];
        $s['costLines']++;
        if ($this->nev === 0) {
            if ($s['costLines'] === 1) {
                $this->problem($lineNo, 'cost line before any events: line');
            }
        }
        $f = explode(' ', $line);
        if (count($f) !== $this->npos + $this->nev || in_array('', $f, true)) {
            $f = preg_split('/\s+/', trim($line));
            if (count($f) !== $this->npos + $this->nev) {
                $this->problem($lineNo, 'cost line has ' . count($f) . ' fields, expected '
                    . ($this->npos + $this->nev) . " ('" . self::clip($line) . "')");
            }
        }
        // first position column: the line number
        $pos = $f[0];
        if (ctype_digit($pos)) {
            $ln = (int) $pos;
        } elseif ($pos === '*') {
            $ln = $this->lastPos;
        } elseif (preg_match('/^[-+]\d+$/', $pos)) {
            $ln = $this->lastPos + (int) $pos;
        } elseif (preg_match('/^0x[0-9a-fA-F]+$/', $pos)) {
            $ln = (int) hexdec($pos);
        } else {
            $this->problem($lineNo, "bad position '$pos'");
            $ln = 0;
        }
        for ($i = 1; $i < $this->npos && $i < count($f); $i++) {
            if (!preg_match('/^(\d+|[-+]\d+|\*|0x[0-9a-fA-F]+)$/', $f[$i])) {
                $this->problem($lineNo, "bad position '{$f[$i]}'");
            }
        }
        $this->lastPos = $ln;
        $costs = [];
        $n = count($f);
        for ($i = $this->npos; $i < $n; $i++) {
            $v = $f[$i];
            if (!ctype_digit($v)) {
                $this->problem($lineNo, "non-numeric cost '$v'");
                $costs[] = 0;
            } else {
                $costs[] = (int) $v;
            }
        }
        if ($this->fn === null) {
            $this->problem($lineNo, 'cost line outside of a function block (no fn=)');
            return;
        }
        if ($this->pendingCalls !== null) {
            // inclusive cost of a call from $this->fn to $this->cfn at line $ln
            $callee = $this->cfn ?? '???';
            $cfile = $this->cfl ?? $this->fl;
            $this->addFunction($cfile, $callee);
            $key = $this->fn . '|' . $callee . '|' . $ln;
            $this->p->edges[$key] = ($this->p->edges[$key] ?? 0) + $this->pendingCalls;
            if (!isset($this->p->edgeLoc[$key])) {
                $this->p->edgeLoc[$key] = [$this->fl, $cfile];
            }
            if (!isset($this->p->edgeCosts[$key])) {
                $this->p->edgeCosts[$key] = array_fill(0, max($this->nev, count($costs)), 0);
            }
            foreach ($costs as $i => $v) {
                $this->p->edgeCosts[$key][$i] = ($this->p->edgeCosts[$key][$i] ?? 0) + $v;
            }
            $this->pendingCalls = null;
            $this->cfl = null;
            $this->cfn = null;
            return;
        }
        // self cost of the current function
        if (!isset($this->p->self[$this->fn])) {
            $this->p->self[$this->fn] = array_fill(0, max($this->nev, count($costs)), 0);
        }
        $loc = $this->fl . "\t" . $this->fn;
        if (!isset($this->p->selfLoc[$loc])) {
            $this->p->selfLoc[$loc] = array_fill(0, max($this->nev, count($costs)), 0);
            $this->p->selfLine[$loc] = $ln;
        }
        $self = &$this->p->self[$this->fn];
        $selfLoc = &$this->p->selfLoc[$loc];
        foreach ($costs as $i => $v) {
            $self[$i] = ($self[$i] ?? 0) + $v;
            $selfLoc[$i] = ($selfLoc[$i] ?? 0) + $v;
            $s['selfTotal'][$i] = ($s['selfTotal'][$i] ?? 0) + $v;
        }
    }

    private function finish(int $lineNo): void
    {
        if ($this->section < 0) {
            $this->problem($lineNo, 'empty profile');
            return;
        }
        $this->closeSection($lineNo);
        if (!$this->seenVersion) {
            $this->problem(1, 'no version: header line');
        }
    }

    // ---------------------------------------------------------------- check

    /**
     * Validates the structure of a parsed profile.  Returns the list of
     * problems (empty when valid):
     *  - the file starts with a `version:` header, every section has
     *    `events:` and `summary:` lines, and the summary has one value per
     *    event;
     *  - every compressed id is defined before it is used, never redefined
     *    with another name;
     *  - every cost line has (positions + events) numeric fields, every
     *    calls= line follows a cfn= and is followed by a cost line;
     *  - every called function also has its own fn= block;
     *  - per section, the self costs of the time event add up to the
     *    summary value within $tolerancePct percent (or $slack units).
     *
     * @return list<string>
     */
    public static function check(CgProfile $p, float $tolerancePct = 2.0, int $slack = 0): array
    {
        $problems = $p->problems;
        foreach ($p->sections as $i => $s) {
            $n = $i + 1;
            $where = "section $n (line {$s['startLine']})";
            if (!isset($s['header']['version'])) {
                $problems[] = "$where: no version: line";
            }
            if ($s['events'] === []) {
                $problems[] = "$where: no events: line";
                continue;
            }
            if ($s['costLines'] === 0) {
                $problems[] = "$where: no cost lines";
            }
            if ($s['summary'] === null) {
                $problems[] = "$where: no summary: line";
                continue;
            }
            $ti = 0;
            foreach ($s['events'] as $k => $e) {
                if (stripos($e, 'time') === 0) {
                    $ti = $k;
                    break;
                }
            }
            $sum = $s['selfTotal'][$ti] ?? 0;
            $want = $s['summary'][$ti] ?? 0;
            $diff = abs($sum - $want);
            $allowed = max($want * $tolerancePct / 100.0, (float) $slack);
            if ($diff > $allowed) {
                $problems[] = sprintf(
                    '%s: self costs of event %s add up to %d, summary says %d (off by %.2f%%, allowed %.2f%%%s)',
                    $where,
                    $s['events'][$ti],
                    $sum,
                    $want,
                    $want > 0 ? 100.0 * $diff / $want : INF,
                    $tolerancePct,
                    $slack > 0 ? " or $slack units" : ''
                );
            }
        }
        // every callee has a block of its own
        $missing = [];
        foreach ($p->edges as $key => $_) {
            $callee = explode('|', $key)[1];
            if (!isset($p->blocks[$callee])) {
                $missing[$callee] = true;
            }
        }
        foreach (array_slice(array_keys($missing), 0, 20) as $m) {
            $problems[] = "called function '$m' has no fn= block of its own";
        }
        return $problems;
    }
}

/**
 * Writes a profile back out in aggregated form: one block per (file,
 * function) with its summed self cost, one call line per (caller, callee,
 * call-site line) with the summed calls= and inclusive costs, optionally
 * spread over several sections ("parts"), each with its own fresh
 * name-compression tables and a summary equal to its self costs.  This
 * is the shape the profiler extension writes; the self-test uses it to
 * exercise compare.php and callgrind_annotate without the extension.
 */
final class CgWriter
{
    public static function aggregate(CgProfile $p, int $parts = 1, string $cmd = ''): string
    {
        $parts = max(1, $parts);
        $nev = count($p->events);
        $locs = array_keys($p->selfLoc);
        // edges grouped by the block they belong to
        $byBlock = [];
        $firstLocOf = [];
        foreach ($locs as $loc) {
            $name = explode("\t", $loc, 2)[1];
            $firstLocOf[$name] ??= $loc;
        }
        foreach ($p->edges as $key => $calls) {
            [$caller] = explode('|', $key, 2);
            $want = ($p->edgeLoc[$key][0] ?? '') . "\t" . $caller;
            $loc = isset($p->selfLoc[$want]) ? $want : ($firstLocOf[$caller] ?? null);
            if ($loc === null) {
                continue;
            }
            $byBlock[$loc][] = $key;
        }
        $out = '';
        for ($k = 0; $k < $parts; $k++) {
            $fileIds = [];
            $fnIds = [];
            $ref = static function (array &$tbl, string $name): string {
                if (isset($tbl[$name])) {
                    return '(' . $tbl[$name] . ')';
                }
                $tbl[$name] = count($tbl) + 1;
                return '(' . $tbl[$name] . ') ' . $name;
            };
            $total = array_fill(0, $nev, 0);
            $body = '';
            foreach ($locs as $i => $loc) {
                if ($i % $parts !== $k) {
                    continue;
                }
                [$file, $name] = explode("\t", $loc, 2);
                $body .= 'fl=' . $ref($fileIds, $file) . "\n";
                $body .= 'fn=' . $ref($fnIds, $name) . "\n";
                $costs = $p->selfLoc[$loc];
                foreach ($costs as $j => $v) {
                    $total[$j] = ($total[$j] ?? 0) + $v;
                }
                $body .= $p->selfLine[$loc] . ' ' . implode(' ', $costs) . "\n";
                foreach ($byBlock[$loc] ?? [] as $key) {
                    [, $callee, $line] = explode('|', $key, 3);
                    $body .= 'cfl=' . $ref($fileIds, $p->edgeLoc[$key][1]) . "\n";
                    $body .= 'cfn=' . $ref($fnIds, $callee) . "\n";
                    $body .= 'calls=' . $p->edges[$key] . " 0 0\n";
                    $ec = $p->edgeCosts[$key] ?? array_fill(0, $nev, 0);
                    $body .= $line . ' ' . implode(' ', $ec) . "\n";
                }
                $body .= "\n";
            }
            $out .= "version: 1\ncreator: cgparse aggregate\ncmd: $cmd\npart: " . ($k + 1)
                . "\npositions: line\n\nevents: " . implode(' ', $p->events) . "\n\n"
                . $body . 'summary: ' . implode(' ', $total) . "\n\n";
        }
        return $out;
    }
}

// ------------------------------------------------------------------- CLI

function cgparse_main(array $argv): int
{
    $usage = "usage: php cgparse.php names|files|edges|self|summary|events|json|cat|aggregate|check"
        . " [--parts=N] [--time-tolerance=PCT] [--time-slack=N] FILE\n";
    $args = array_slice($argv, 1);
    $mode = array_shift($args);
    $tol = 2.0;
    $slack = 0;
    $parts = 1;
    $files = [];
    foreach ($args as $a) {
        if (preg_match('/^--time-tolerance=([0-9.]+)$/', $a, $m)) {
            $tol = (float) $m[1];
        } elseif (preg_match('/^--time-slack=(\d+)$/', $a, $m)) {
            $slack = (int) $m[1];
        } elseif (preg_match('/^--parts=(\d+)$/', $a, $m)) {
            $parts = (int) $m[1];
        } elseif ($a !== '' && $a[0] === '-' && $a !== '-') {
            fwrite(STDERR, "unknown option $a\n" . $usage);
            return 2;
        } else {
            $files[] = $a;
        }
    }
    if ($mode === null || count($files) !== 1) {
        fwrite(STDERR, $usage);
        return 2;
    }
    if ($mode === 'cat') {
        try {
            echo CgParse::readText($files[0]);
        } catch (CgParseError $e) {
            fwrite(STDERR, 'cgparse: ' . $e->getMessage() . "\n");
            return 2;
        }
        return 0;
    }
    try {
        $p = CgParse::parseFile($files[0]);
    } catch (CgParseError $e) {
        fwrite(STDERR, 'cgparse: ' . $e->getMessage() . "\n");
        return $mode === 'check' ? 1 : 2;
    }
    switch ($mode) {
        case 'names':
            $n = array_keys($p->names);
            sort($n, SORT_STRING);
            foreach ($n as $x) {
                echo $x, "\n";
            }
            return 0;
        case 'files':
            $n = array_keys($p->locations);
            sort($n, SORT_STRING);
            foreach ($n as $x) {
                echo $x, "\n";
            }
            return 0;
        case 'edges':
            $e = $p->edges;
            ksort($e, SORT_STRING);
            foreach ($e as $k => $v) {
                echo $k, "\t", $v, "\n";
            }
            return 0;
        case 'self':
            $s = $p->self;
            ksort($s, SORT_STRING);
            foreach ($s as $k => $v) {
                echo $k, "\t", implode(' ', $v), "\n";
            }
            return 0;
        case 'summary':
            foreach ($p->sections as $s) {
                if ($s['summaryLine'] !== null) {
                    echo $s['summaryLine'], "\n";
                }
            }
            return 0;
        case 'events':
            echo implode(' ', $p->events), "\n";
            return 0;
        case 'json':
            echo json_encode([
                'events' => $p->events,
                'summaries' => array_map(static fn ($s) => $s['summary'], $p->sections),
                'names' => array_keys($p->names),
                'locations' => array_keys($p->locations),
                'edges' => $p->edges,
                'self' => $p->self,
                'problems' => $p->problems,
            ], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
            return 0;
        case 'aggregate':
            $cmd = '';
            foreach ($p->sections as $s) {
                $cmd = $s['header']['cmd'] ?? $cmd;
            }
            echo CgWriter::aggregate($p, $parts, $cmd);
            return 0;
        case 'check':
            $problems = CgParse::check($p, $tol, $slack);
            if ($problems !== []) {
                fwrite(STDERR, "cgparse check: {$files[0]}: INVALID\n");
                foreach ($problems as $x) {
                    fwrite(STDERR, "  $x\n");
                }
                return 1;
            }
            printf(
                "OK %s: %d section(s), %d functions, %d call edges\n",
                $files[0],
                count($p->sections),
                count($p->names),
                count($p->edges)
            );
            return 0;
        default:
            fwrite(STDERR, "unknown mode '$mode'\n" . $usage);
            return 2;
    }
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    exit(cgparse_main($argv));
}
