<?php
/*
 * Regenerates the <contents> section of package.xml (the PECL package
 * description) from the files git knows about:
 *
 *     git ls-files --cached --others --exclude-standard
 *
 * that is, every tracked file plus every new file that .gitignore does not
 * exclude, so build products never get in (nor the NAME.sh scripts that
 * run-tests.php leaves beside a failed NAME.phpt). Everything else in package.xml
 * (name, version, notes, dependencies...) is kept as it is; when there is no
 * package.xml yet, one is made from the template at the end of this file.
 *
 * usage:
 *   php scripts/update-package-xml.php           rewrite package.xml
 *   php scripts/update-package-xml.php --check   exit 1 if it would change
 *   php scripts/update-package-xml.php --print   print the new file instead
 *
 * Roles: tests/** is "test"; the build inputs (config.m4, config.w32, *.c,
 * *.h, the stub, src/**, and dot-files) are "src"; everything else
 * (README.md, docs/**, examples/**, scripts/**, bench/**) is "doc", which
 * `pecl install` copies to PHP's doc directory. package.xml itself is not
 * listed: `pecl package` adds it to the archive.
 */

declare(strict_types=1);

const ROOT_FILES_SRC = ['config.m4', 'config.w32', 'php_profiler.h', 'profiler.stub.php', 'profiler_arginfo.h'];

function fail(string $message): never
{
    fwrite(STDERR, "update-package-xml: $message\n");
    exit(2);
}

function role_of(string $path): string
{
    if (str_starts_with($path, 'tests/')) {
        return 'test';
    }
    if (in_array($path, ROOT_FILES_SRC, true) || str_starts_with($path, 'src/')) {
        return 'src';
    }
    if (!str_contains($path, '/') && preg_match('/\.(c|h)$/', $path)) {
        return 'src';
    }
    if (basename($path)[0] === '.' || str_starts_with($path, '.')) {
        return 'src'; // .gitignore, .ci/run, .editorconfig: kept for rebuilding, not installed
    }
    return 'doc';
}

/** @return list<string> */
function git_files(string $root, string $args): array
{
    $cmd = 'git -C ' . escapeshellarg($root) . ' ls-files -z ' . $args;
    // shell_exec() gives null for empty output too: read the pipe and the status
    $proc = proc_open($cmd, [1 => ['pipe', 'w']], $pipes);
    $out = is_resource($proc) ? stream_get_contents($pipes[1]) : false;
    $rc = is_resource($proc) ? proc_close($proc) : -1;
    if ($out === false || $rc !== 0) {
        fail("'$cmd' failed; is this a git checkout?");
    }
    return array_values(array_filter(explode("\0", $out), fn($p) => $p !== ''));
}

/**
 * run-tests.php leaves NAME.sh (a script that reruns a failed test) beside
 * NAME.phpt; its other leftovers are in .gitignore, this one cannot be
 * (tests/ has real .sh scripts), so an untracked NAME.sh next to a NAME.phpt
 * is not shipped. tests/package/check.sh applies the same rule.
 */
function is_run_tests_leftover(string $root, string $path): bool
{
    return str_ends_with($path, '.sh') && is_file($root . '/' . substr($path, 0, -3) . '.phpt');
}

/** @return list<string> */
function shipped_files(string $root): array
{
    $files = [];
    foreach (git_files($root, '--cached') as $path) {
        $files[$path] = true;
    }
    foreach (git_files($root, '--others --exclude-standard') as $path) {
        if (!is_run_tests_leftover($root, $path)) {
            $files[$path] = true;
        }
    }
    unset($files['package.xml']);
    foreach (array_keys($files) as $path) {
        if (!is_file("$root/$path")) {
            unset($files[$path]); // deleted in the work tree but still in the index
        }
    }
    $files = array_keys($files);
    sort($files, SORT_STRING);
    return $files;
}

function contents_xml(array $files): string
{
    $xml = " <contents>\n  <dir name=\"/\">\n";
    foreach ($files as $path) {
        $xml .= sprintf("   <file name=\"%s\" role=\"%s\" />\n",
            htmlspecialchars($path, ENT_XML1 | ENT_QUOTES, 'UTF-8'), role_of($path));
    }
    return $xml . "  </dir>\n </contents>";
}

$root = dirname(__DIR__);
$mode = $argv[1] ?? '';
if (!in_array($mode, ['', '--check', '--print'], true)) {
    fail("unknown option $mode (use --check or --print)");
}

$path = "$root/package.xml";
$old = is_file($path) ? file_get_contents($path) : null;
$base = $old ?? template();
$contents = contents_xml(shipped_files($root));
$new = preg_replace('~ *<contents>.*?</contents>~s', str_replace(['\\', '$'], ['\\\\', '\\$'], $contents), $base, 1, $count);
if ($new === null || $count !== 1) {
    fail("package.xml has no <contents> section to replace");
}
$version = null;
$header = @file_get_contents("$root/php_profiler.h");
if (is_string($header) && preg_match('/#define PHP_PROFILER_VERSION "([^"]+)"/', $header, $m)) {
    $version = $m[1];
}
if ($old === null && $version !== null) {
    $new = str_replace('@VERSION@', $version, $new);
}
if ($version !== null && !str_contains($new, "<release>$version</release>")) {
    fwrite(STDERR, "update-package-xml: note: PHP_PROFILER_VERSION is $version but package.xml's <version> differs\n");
}

if ($mode === '--print') {
    echo $new;
    exit(0);
}
if ($mode === '--check') {
    if ($new !== $old) {
        echo "package.xml is out of date: run php scripts/update-package-xml.php\n";
        exit(1);
    }
    echo "package.xml is up to date\n";
    exit(0);
}
if ($new !== $old) {
    file_put_contents($path, $new);
    echo "package.xml updated: " . substr_count($contents, '<file ') . " files\n";
} else {
    echo "package.xml unchanged: " . substr_count($contents, '<file ') . " files\n";
}

function template(): string
{
    $date = gmdate('Y-m-d');
    return <<<XML
<?xml version="1.0" encoding="UTF-8"?>
<package packagerversion="1.10.13" version="2.0" xmlns="http://pear.php.net/dtd/package-2.0" xmlns:tasks="http://pear.php.net/dtd/tasks-1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://pear.php.net/dtd/tasks-1.0 http://pear.php.net/dtd/tasks-1.0.xsd http://pear.php.net/dtd/package-2.0 http://pear.php.net/dtd/package-2.0.xsd">
 <name>profiler</name>
 <channel>pecl.php.net</channel>
 <summary>Low-overhead function profiler writing Xdebug-compatible Cachegrind files</summary>
 <description>Profiles every user and internal function call through PHP's observer API (the JIT stays on) and writes Cachegrind files with Xdebug's function names and call counts, for KCacheGrind, QCacheGrind and callgrind_annotate.</description>
 <lead>
  <name>profiler maintainers</name>
  <user>maintainers</user>
  <email>maintainers@example.invalid</email>
  <active>yes</active>
 </lead>
 <date>$date</date>
 <version>
  <release>@VERSION@</release>
  <api>@VERSION@</api>
 </version>
 <stability>
  <release>alpha</release>
  <api>alpha</api>
 </stability>
 <license>Unspecified</license>
 <notes>
First release.
 </notes>
 <contents>
 </contents>
 <dependencies>
  <required>
   <php>
    <min>8.2.0</min>
    <max>8.2.99</max>
   </php>
   <pearinstaller>
    <min>1.10.0</min>
   </pearinstaller>
  </required>
 </dependencies>
 <providesextension>profiler</providesextension>
 <extsrcrelease>
  <configureoption name="enable-profiler" prompt="Enable the profiler extension" default="yes" />
 </extsrcrelease>
</package>

XML;
}
