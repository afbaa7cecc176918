<?php
/*
 * Renders bench/run.sh results as markdown tables plus goal checks.
 *
 * Usage: php -n report.php results.tsv skipped.tsv "base floor ..."
 * Exit status: 0 all checks PASS/SKIP, 1 at least one FAIL, 2 usage error.
 *
 * Ratio to base = median over a variant's runs of (the run's wall / the mean
 * wall of the successful base runs just before and after it). run.sh puts a
 * base run between every two other runs, so each run is measured against the
 * machine's speed of the same few seconds; the speed drifts more slowly than
 * that. RSS and sizes are medians over all successful runs.
 */
declare(strict_types=1);

if ($argc < 4) {
    fwrite(STDERR, "usage: report.php results.tsv skipped.tsv 'variants'\n");
    exit(2);
}
[$tsvFile, $skipFile, $variantList] = array_slice($argv, 1, 3);
$variants = preg_split('/\s+/', trim($variantList));

$skipped = [];
foreach (file($skipFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    [$v, $why] = explode("\t", $line, 2) + [1 => ''];
    $skipped[$v] = $why;
}

// $all[workload][variant] = rows
$all = [];
$workloads = [];
$fh = fopen($tsvFile, 'r');
$head = fgetcsv($fh, 0, "\t", '"', '');
while (($row = fgetcsv($fh, 0, "\t", '"', '')) !== false) {
    if (count($row) !== count($head)) {
        continue;
    }
    $r = array_combine($head, $row);
    $workloads[$r['workload']] = true;
    $all[$r['workload']][$r['variant']][] = [
        'seq' => (int) $r['seq'],
        'wall' => (float) $r['wall_s'],
        'rss' => (int) $r['rss_kb'],
        'files' => (int) $r['prof_files'],
        'disk' => (int) $r['prof_disk'],
        'raw' => (int) $r['prof_raw'],
        'rc' => (int) $r['rc'],
        'ok' => $r['out_ok'] === '1',
    ];
}
fclose($fh);

/** The mean wall of the successful base runs nearest before and after run
 * number $seq (one of them at the ends), or null if there is none. */
function localBase(array $baseRows, int $seq): ?float
{
    $before = $after = null;
    foreach ($baseRows as $b) {
        if (!$b['ok'] || $b['seq'] === $seq) {
            continue;
        }
        if ($b['seq'] < $seq && ($before === null || $b['seq'] > $before['seq'])) {
            $before = $b;
        }
        if ($b['seq'] > $seq && ($after === null || $b['seq'] < $after['seq'])) {
            $after = $b;
        }
    }
    $walls = array_column(array_filter([$before, $after]), 'wall');
    return $walls ? array_sum($walls) / count($walls) : null;
}

function median(array $xs): ?float
{
    $xs = array_values($xs);
    $n = count($xs);
    if ($n === 0) {
        return null;
    }
    sort($xs);
    return $n % 2 ? (float) $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2;
}

function bytes(?float $b): string
{
    if ($b === null) {
        return '-';
    }
    if ($b < 1024) {
        return sprintf('%d B', $b);
    }
    if ($b < 1024 * 1024) {
        return sprintf('%.1f KB', $b / 1024);
    }
    if ($b < 1024 ** 3) {
        return sprintf('%.1f MB', $b / 1024 / 1024);
    }
    return sprintf('%.2f GB', $b / 1024 ** 3);
}

function fmt(?float $x, string $f = '%.3f'): string
{
    return $x === null ? '-' : sprintf($f, $x);
}

/** Summary statistics for one workload/variant over its successful runs. */
function stats(array $rows, array $baseRows): array
{
    $goodRows = array_filter($rows, fn($x) => $x['ok']);
    $ratios = [];
    foreach ($goodRows as $x) {
        $local = localBase($baseRows, $x['seq']);
        if ($local !== null && $local > 0) {
            $ratios[] = $x['wall'] / $local;
        }
    }
    $walls = array_column($goodRows, 'wall');
    return [
        'runs' => count($rows),
        'failed' => count($rows) - count($goodRows),
        'wall' => median($walls),
        'min' => $walls ? min($walls) : null,
        'max' => $walls ? max($walls) : null,
        'ratio' => median($ratios),
        'rss' => median(array_column($goodRows, 'rss')),
        'files' => median(array_column($goodRows, 'files')),
        'disk' => median(array_column($goodRows, 'disk')),
        'raw' => median(array_column($goodRows, 'raw')),
        'rcs' => array_unique(array_column($rows, 'rc')),
    ];
}

$checks = [];  // [status, text]
$anyFail = false;
$check = function (string $status, string $text) use (&$checks, &$anyFail): void {
    $checks[] = [$status, $text];
    if ($status === 'FAIL') {
        $anyFail = true;
    }
};

foreach (array_keys($workloads) as $w) {
    $base = $all[$w]['base'] ?? [];
    $S = [];
    foreach ($variants as $v) {
        if (isset($all[$w][$v])) {
            $S[$v] = stats($all[$w][$v], $base);
        }
    }
    $baseRss = $S['base']['rss'] ?? null;

    echo "## $w\n\n";
    echo "| variant | runs | median wall s | min-max s | ratio to base | peak RSS MB | RSS ratio | profile size | notes |\n";
    echo "|---|---:|---:|---:|---:|---:|---:|---|---|\n";
    foreach ($variants as $v) {
        if (!isset($S[$v])) {
            $why = $skipped[$v] ?? 'not run';
            echo "| $v | 0 | - | - | - | - | - | - | skipped: $why |\n";
            continue;
        }
        $s = $S[$v];
        $notes = [];
        if ($s['failed']) {
            $notes[] = sprintf('**%d/%d runs failed** (rc %s, or output differs from base / stderr not empty)',
                $s['failed'], $s['runs'], implode(',', $s['rcs']));
        }
        if ($s['files'] === null || $s['files'] == 0) {
            $size = '-';
        } elseif ($s['disk'] != $s['raw']) {
            $size = bytes($s['disk']) . ' gz / ' . bytes($s['raw']) . ' raw';
        } else {
            $size = bytes($s['raw']);
        }
        if ($s['files'] !== null && $s['files'] > 1) {
            $notes[] = sprintf('%d files', $s['files']);
        }
        if (in_array($v, ['untriggered', 'xdebug-untriggered', 'off'], true) && $s['files'] > 0) {
            $notes[] = 'wrote a profile although not triggered';
        }
        $rssRatio = ($s['rss'] !== null && $baseRss) ? $s['rss'] / $baseRss : null;
        printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
            $v, $s['runs'], fmt($s['wall']),
            $s['min'] === null ? '-' : fmt($s['min']) . '-' . fmt($s['max']),
            $v === 'base' ? '1.000' : fmt($s['ratio']),
            fmt($s['rss'] === null ? null : $s['rss'] / 1024, '%.1f'),
            fmt($rssRatio, '%.2f'), $size, implode('; ', $notes));
    }
    echo "\n";

    $ratio = fn(string $v): ?float => isset($S[$v]) && $S[$v]['failed'] < $S[$v]['runs'] ? $S[$v]['ratio'] : null;
    $crashed = fn(string $v): bool => isset($S[$v]) && $S[$v]['failed'] > 0;

    // 1. profiling overhead vs. the clock+memory floor
    foreach ([['profiling', 'floor'], ['untriggered', 'floor0']] as [$v, $fl]) {
        $label = "$w: $v ratio <= 1 + 1.25 x ($fl - 1)";
        if (!isset($S[$v])) {
            $check('SKIP', "$label -- $v not run" . (isset($skipped[$v]) ? " ({$skipped[$v]})" : ''));
        } elseif ($crashed($v)) {
            $check('FAIL', "$label -- $v had failed runs");
        } elseif ($ratio($fl) === null) {
            $check('SKIP', "$label -- $fl not run");
        } else {
            $limit = 1 + 1.25 * ($ratio($fl) - 1);
            $check($ratio($v) <= $limit ? 'PASS' : 'FAIL',
                sprintf('%s -- %.3f vs limit %.3f (%s %.3f)', $label, $ratio($v), $limit, $fl, $ratio($fl)));
        }
    }
    // 2. extension loaded but off
    $label = "$w: off ratio <= 1.03";
    if (!isset($S['off'])) {
        $check('SKIP', "$label -- off not run" . (isset($skipped['off']) ? " ({$skipped['off']})" : ''));
    } elseif ($crashed('off')) {
        $check('FAIL', "$label -- off had failed runs");
    } else {
        $check($ratio('off') <= 1.03 ? 'PASS' : 'FAIL', sprintf('%s -- %.3f', $label, $ratio('off')));
    }
    // 3. memory
    $label = "$w: profiling peak RSS <= 1.10 x base";
    if (!isset($S['profiling'])) {
        $check('SKIP', "$label -- profiling not run");
    } elseif ($crashed('profiling') || !$baseRss) {
        $check('FAIL', "$label -- failed runs");
    } else {
        $rr = $S['profiling']['rss'] / $baseRss;
        $check($rr <= 1.10 ? 'PASS' : 'FAIL', sprintf('%s -- %.1f MB vs %.1f MB (x%.3f)',
            $label, $S['profiling']['rss'] / 1024, $baseRss / 1024, $rr));
    }
    // 4. profile size
    $label = "$w: profiling profile (uncompressed) <= 1% of xdebug's";
    if (!isset($S['profiling'])) {
        $check('SKIP', "$label -- profiling not run");
    } elseif (!isset($S['xdebug']) || !$S['xdebug']['raw']) {
        $check('SKIP', "$label -- no xdebug profile");
    } elseif ($crashed('profiling') || !$S['profiling']['raw']) {
        $check('FAIL', "$label -- no profile written");
    } else {
        $pct = 100 * $S['profiling']['raw'] / $S['xdebug']['raw'];
        $check($pct <= 1.0 ? 'PASS' : 'FAIL', sprintf('%s -- %s vs %s (%.3f%%; %s on disk)', $label,
            bytes($S['profiling']['raw']), bytes($S['xdebug']['raw']), $pct, bytes($S['profiling']['disk'])));
    }
}

echo "## Goal checks\n\n";
foreach ($checks as [$status, $text]) {
    echo "$status  $text\n";
}
$n = array_count_values(array_column($checks, 0));
printf("\n%d PASS, %d FAIL, %d SKIP\n", $n['PASS'] ?? 0, $n['FAIL'] ?? 0, $n['SKIP'] ?? 0);
exit($anyFail ? 1 : 0);
