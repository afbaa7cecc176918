<?php
/*
 * Draws a flame graph, as a self-contained SVG file, from folded stacks
 * (the `.folded` file that profiler.output_format=cachegrind,folded writes,
 * or any file in the same format: "frame;frame;frame VALUE" per line).
 *
 * usage:
 *   php scripts/flamegraph.php [options] FILE.folded > flame.svg
 *   php scripts/flamegraph.php [options] -o flame.svg FILE.folded
 *   (FILE "-" reads standard input)
 *
 * options:
 *   -o FILE            write the SVG to FILE instead of standard output
 *   --title=TEXT       the title (default "Flame graph")
 *   --subtitle=TEXT    a second line under the title (default: the total)
 *   --width=PX         picture width in pixels (default 1200)
 *   --height=PX        height of one frame in pixels (default 16)
 *   --font-size=PX     label size in pixels (default 12)
 *   --min-width=PX     leave out frames narrower than this (default 0.1)
 *   --unit-ns=N        nanoseconds per unit of the values (default 10, the
 *                      profiler's Time_(10ns)); 0 prints raw values
 *   --short-names      label frames without their PHP namespace and without
 *                      "php::" (Foo\Bar\Baz->run is labelled Baz->run,
 *                      php::iconv_strlen iconv_strlen); the tooltip keeps
 *                      the full name
 *
 * The picture: one rectangle per frame of the merged call paths, as wide as
 * the time spent in it and in what it called, stacked by depth from the
 * root ("all") at the bottom; siblings in alphabetical order, as
 * flamegraph.pl draws them. Colours come from a hash of the function name,
 * so a function has the same colour everywhere and in every graph: warm
 * colours for PHP code, blue ones for PHP's internal functions (php::...).
 * Labels are cut to the rectangle's width. Hovering over a rectangle in a
 * browser shows the full name, the time and the share of the total (an SVG
 * <title>; there is no JavaScript).
 *
 * Exit status: 0, or 1 when the input cannot be read or has no valid line.
 * Lines that are not "STACK VALUE" are skipped and counted on stderr.
 */

declare(strict_types=1);

const USAGE = "usage: php flamegraph.php [-o OUT.svg] [--title=T] [--subtitle=T] [--width=PX] [--height=PX]\n"
    . "       [--font-size=PX] [--min-width=PX] [--unit-ns=N] [--short-names] FILE.folded|-\n";

function fail(string $message): never
{
    fwrite(STDERR, "flamegraph.php: $message\n");
    exit(1);
}

function parse_args(array $argv): array
{
    $o = ['out' => null, 'title' => 'Flame graph', 'subtitle' => null, 'width' => 1200, 'height' => 16,
        'font' => 12, 'minwidth' => 0.1, 'unitns' => 10.0, 'short' => false, 'file' => null];
    $numeric = ['width' => 'width', 'height' => 'height', 'font-size' => 'font', 'min-width' => 'minwidth',
        'unit-ns' => 'unitns'];
    for ($i = 1; $i < count($argv); $i++) {
        $a = $argv[$i];
        if ($a === '-o') {
            $o['out'] = $argv[++$i] ?? fail('-o needs a file name');
        } elseif ($a === '-h' || $a === '--help') {
            fwrite(STDOUT, USAGE);
            exit(0);
        } elseif ($a === '--short-names') {
            $o['short'] = true;
        } elseif (preg_match('/^--(title|subtitle)=(.*)$/s', $a, $m)) {
            $o[$m[1]] = $m[2];
        } elseif (preg_match('/^--([a-z-]+)=(.*)$/', $a, $m) && isset($numeric[$m[1]])) {
            if (!is_numeric($m[2]) || (float)$m[2] < 0) {
                fail("--{$m[1]} needs a number >= 0");
            }
            $o[$numeric[$m[1]]] = (float)$m[2];
        } elseif ($a !== '-' && str_starts_with($a, '-')) {
            fail("unknown option $a\n" . USAGE);
        } elseif ($o['file'] === null) {
            $o['file'] = $a;
        } else {
            fail('one input file only');
        }
    }
    if ($o['file'] === null) {
        fail("no input file\n" . USAGE);
    }
    if ($o['width'] < 100 || $o['height'] < 4 || $o['font'] < 4) {
        fail('width must be >= 100, height and font size >= 4');
    }
    return $o;
}

/** A tree node: [name, total value, self value, children by name]. */
function node(string $name): array
{
    return ['name' => $name, 'total' => 0, 'self' => 0, 'children' => []];
}

/** Reads folded stacks into a tree rooted at "all"; returns [root, lines, skipped]. */
function read_folded($in): array
{
    $root = node('all');
    $lines = $skipped = 0;
    while (($line = fgets($in)) !== false) {
        $line = rtrim($line, "\r\n");
        if ($line === '') {
            continue;
        }
        $sp = strrpos($line, ' ');
        $value = $sp === false ? '' : substr($line, $sp + 1);
        if ($sp === false || $sp === 0 || !preg_match('/^[0-9]+$/', $value)) {
            $skipped++;
            continue;
        }
        $lines++;
        $v = (int)$value;
        $n = &$root;
        $n['total'] += $v;
        foreach (explode(';', substr($line, 0, $sp)) as $frame) {
            if (!isset($n['children'][$frame])) {
                $n['children'][$frame] = node($frame);
            }
            $n = &$n['children'][$frame];
            $n['total'] += $v;
        }
        $n['self'] += $v;
        unset($n);
    }
    return [$root, $lines, $skipped];
}

function xml(string $s): string
{
    // XML 1.0 has no place for most control characters, even escaped
    $s = preg_replace('/[\x00-\x08\x0B\x0C\x0E-\x1F]/', '?', $s) ?? $s;
    return htmlspecialchars($s, ENT_XML1 | ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

/** The fill colour of a frame: a stable hash of its name picks a shade. */
function colour(string $name): string
{
    if ($name === 'all') {
        return 'rgb(200,200,200)';
    }
    $h = crc32($name);
    $v1 = ($h & 0xff) / 255;
    $v2 = (($h >> 8) & 0xff) / 255;
    $v3 = (($h >> 16) & 0xff) / 255;
    if (str_starts_with($name, 'php::')) {
        // PHP's internal functions: blues
        return sprintf('rgb(%d,%d,%d)', 60 + (int)(70 * $v3), 150 + (int)(60 * $v1), 200 + (int)(55 * $v2));
    }
    // PHP code: flamegraph.pl's "hot" palette, reds to yellows
    return sprintf('rgb(%d,%d,%d)', 205 + (int)(50 * $v3), (int)(230 * $v1), (int)(55 * $v2));
}

function label_name(string $name, bool $short): string
{
    if (!$short) {
        return $name;
    }
    // Foo\Bar\Baz->run -> Baz->run, php::Foo\Bar::x -> Bar::x (the colour tells internal
    // functions apart); not inside {closure:/path...}
    $name = str_starts_with($name, 'php::') ? substr($name, 5) : $name;
    return preg_replace('/(?<![\/{:])\b(?:[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*\\\\)+(?=[A-Za-z_\x80-\xff])/', '', $name)
        ?? $name;
}

function human(float $value, float $unitNs): string
{
    if ($unitNs <= 0) {
        return number_format($value) . ' units';
    }
    $ns = $value * $unitNs;
    if ($ns >= 1e9) {
        return sprintf('%.2f s', $ns / 1e9);
    }
    if ($ns >= 1e6) {
        return sprintf('%.2f ms', $ns / 1e6);
    }
    if ($ns >= 1e3) {
        return sprintf('%.2f µs', $ns / 1e3);
    }
    return sprintf('%d ns', (int)$ns);
}

/** Cuts $s to $max characters (UTF-8 aware, no mbstring needed), ending in "..". */
function clip(string $s, int $max): string
{
    if (preg_match_all('/./us', $s) <= $max) {
        return $s;
    }
    preg_match('/^.{0,' . ($max - 2) . '}/us', $s, $m);
    return ($m[0] ?? substr($s, 0, $max - 2)) . '..';
}

/** Appends the rectangles of $n and below; returns the deepest depth drawn. */
function draw(array $n, float $x, int $depth, float $scale, array $o, float $total, array &$out): int
{
    $w = $n['total'] * $scale;
    if ($w < $o['minwidth']) {
        return $depth - 1;
    }
    $out[] = [$n['name'], $x, $depth, $w, $n['total'], $n['self']];
    $deepest = $depth;
    $names = array_keys($n['children']);
    sort($names, SORT_STRING);
    $cx = $x;
    foreach ($names as $name) {
        $c = $n['children'][$name];
        $deepest = max($deepest, draw($c, $cx, $depth + 1, $scale, $o, $total, $out));
        $cx += $c['total'] * $scale;
    }
    return $deepest;
}

function render(array $root, array $o): string
{
    $pad = 10;
    $frameH = (int)$o['height'];
    $font = $o['font'];
    $charW = $font * 0.59;           // average advance of a Verdana/DejaVu Sans glyph
    $total = (float)$root['total'];
    $width = (int)$o['width'];
    $scale = $total > 0 ? ($width - 2 * $pad) / $total : 0;
    $frames = [];
    $deepest = draw($root, $pad, 0, $scale, $o, $total, $frames);
    $top = 2 * $pad + (int)($font * 1.5) + ($o['subtitle'] === '' ? 0 : (int)($font * 1.3));
    $height = $top + ($deepest + 1) * $frameH + 2 * $pad;
    $subtitle = $o['subtitle'] ?? ('total ' . human($total, $o['unitns']) . ', ' . number_format(count($frames))
        . ' frames' . ($o['minwidth'] > 0 ? sprintf(' (narrower than %s px left out)', $o['minwidth']) : '')
        . '; warm: PHP code, blue: internal functions (php::)');

    $s = [];
    $s[] = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';
    $s[] = sprintf('<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">',
        $width, $height, $width, $height);
    $s[] = '<style>text { font-family: Verdana, "DejaVu Sans", sans-serif; fill: #000; }'
        . ' .title { font-size: ' . round($font * 1.4) . 'px; text-anchor: middle; }'
        . ' .sub { font-size: ' . $font . 'px; text-anchor: middle; fill: #555; }'
        . ' .f text { font-size: ' . $font . 'px; pointer-events: none; }'
        . ' .f:hover rect { stroke: #000; stroke-width: 0.5; }</style>';
    $s[] = sprintf('<rect x="0" y="0" width="%d" height="%d" fill="#f8f8f8"/>', $width, $height);
    $s[] = sprintf('<text class="title" x="%.1f" y="%d">%s</text>', $width / 2, $pad + (int)($font * 1.4), xml($o['title']));
    if ($subtitle !== '') {
        $s[] = sprintf('<text class="sub" x="%.1f" y="%d">%s</text>', $width / 2, $pad + (int)($font * 1.4) + (int)($font * 1.4),
            xml($subtitle));
    }
    foreach ($frames as [$name, $x, $depth, $w, $value, $self]) {
        $y = $height - $pad - ($depth + 1) * $frameH;
        $tip = sprintf('%s (%s, %.2f%%; self %s)', $name, human($value, $o['unitns']),
            $total > 0 ? 100 * $value / $total : 0, human($self, $o['unitns']));
        $s[] = '<g class="f"><title>' . xml($tip) . '</title>'
            . sprintf('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s" rx="2" ry="2"/>',
                $x, $y, $w, $frameH - 1, colour($name));
        $label = label_name($name, $o['short']);
        $fit = (int)floor(($w - 6) / $charW);
        if ($fit >= 3) {
            $label = clip($label, $fit);
            $s[] = sprintf('<text x="%.2f" y="%.1f">%s</text>', $x + 3, $y + $frameH / 2 + $font * 0.35, xml($label));
        }
        $s[] = '</g>';
    }
    $s[] = '</svg>';
    return implode("\n", $s) . "\n";
}

$o = parse_args($argv);
$in = $o['file'] === '-' ? STDIN : @fopen($o['file'], 'rb');
if ($in === false) {
    fail("cannot read {$o['file']}");
}
[$root, $lines, $skipped] = read_folded($in);
if ($skipped) {
    fwrite(STDERR, "flamegraph.php: skipped $skipped line(s) that are not \"STACK VALUE\"\n");
}
if ($lines === 0) {
    fail("no folded stacks in {$o['file']}");
}
$svg = render($root, $o);
if ($o['out'] === null) {
    fwrite(STDOUT, $svg);
} elseif (file_put_contents($o['out'], $svg) === false) {
    fail("cannot write {$o['out']}");
}
