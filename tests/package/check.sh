#!/usr/bin/env bash
# Package check: package.xml (the PECL package description) is valid and
# lists exactly the files that ship.
#
#   1. `pecl package-validate package.xml` reports no errors;
#   2. every file git tracks (`git ls-files`), and every file under src/ and
#      tests/ that is not ignored (`git ls-files --cached --others
#      --exclude-standard`), is listed in package.xml; an untracked NAME.sh
#      beside a NAME.phpt is a run-tests.php leftover and is not required;
#   3. every file package.xml lists exists.
#
# When 2 or 3 fails, regenerate the list with
#   php scripts/update-package-xml.php
# and review the diff.
#
# usage: bash tests/package/check.sh
# Output: `ok N - ...` / `not ok N - ...` lines (details indented), then
# `N passed, M failed`. Exit status 1 if anything failed.
set -u

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1

passed=0
failed=0
n=0
report() { # report STATUS DESCRIPTION [DETAILS-FILE]
    n=$((n + 1))
    if [ "$1" = ok ]; then
        passed=$((passed + 1))
        echo "ok $n - $2"
    else
        failed=$((failed + 1))
        echo "not ok $n - $2"
        if [ -n "${3:-}" ] && [ -s "$3" ]; then
            head -n 50 "$3" | sed 's/^/    /'
            total=$(wc -l <"$3")
            [ "$total" -gt 50 ] && echo "    ... and $((total - 50)) more"
        fi
    fi
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 0. package.xml is there and parses as XML
if [ ! -f package.xml ]; then
    report "not ok" "package.xml exists (create it with: php scripts/update-package-xml.php)"
    echo "$passed passed, $failed failed"
    exit 1
fi

# 1. pecl package-validate
if ! command -v pecl >/dev/null 2>&1; then
    echo "pecl not found: install php-pear (apt-get install -y php-pear)" >"$work/pecl.txt"
    report "not ok" "pecl package-validate package.xml" "$work/pecl.txt"
else
    pecl package-validate package.xml >"$work/pecl.txt" 2>&1
    rc=$?
    # pecl prints "Validation: N error(s), M warning(s)"; warnings do not fail
    if [ "$rc" -eq 0 ] && grep -q '^Validation: 0 error(s)' "$work/pecl.txt"; then
        report ok "pecl package-validate package.xml ($(grep '^Validation:' "$work/pecl.txt"))"
    else
        report "not ok" "pecl package-validate package.xml (exit status $rc)" "$work/pecl.txt"
    fi
fi

# The files package.xml lists: <file name="..."> under nested <dir name="...">.
if ! php -r '
    $xml = @simplexml_load_file("package.xml");
    if ($xml === false) { fwrite(STDERR, "package.xml is not well-formed XML\n"); exit(1); }
    $xml->registerXPathNamespace("p", "http://pear.php.net/dtd/package-2.0");
    $walk = function ($dir, $prefix) use (&$walk) {
        foreach ($dir->children("http://pear.php.net/dtd/package-2.0") as $child) {
            $name = (string) $child->attributes()["name"];
            if ($child->getName() === "dir") {
                $walk($child, $name === "/" ? "" : $prefix . rtrim($name, "/") . "/");
            } elseif ($child->getName() === "file") {
                echo $prefix, $name, "\n";
            }
        }
    };
    foreach ($xml->xpath("/p:package/p:contents/p:dir") as $dir) { $walk($dir, ""); }
' >"$work/listed-raw.txt" 2>"$work/parse.txt"; then
    report "not ok" "package.xml can be read" "$work/parse.txt"
fi
LC_ALL=C sort -u "$work/listed-raw.txt" >"$work/listed.txt"

# 2. every shipped file is listed
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files >"$work/tracked.txt"
    # Untracked, not ignored files under src/ and tests/, less the NAME.sh
    # scripts that run-tests.php leaves beside a failed NAME.phpt (the same
    # rule as scripts/update-package-xml.php).
    git ls-files --others --exclude-standard -- src tests | while IFS= read -r f; do
        case "$f" in
            *.sh) [ -f "${f%.sh}.phpt" ] && continue ;;
        esac
        printf '%s\n' "$f"
    done >"$work/untracked.txt"
    cat "$work/tracked.txt" "$work/untracked.txt" | grep -v -x 'package.xml' | LC_ALL=C sort -u >"$work/required-all.txt"
    : >"$work/required.txt"
    while IFS= read -r f; do
        # a file deleted in the work tree but not yet from the index does not ship
        [ -f "$f" ] && printf '%s\n' "$f" >>"$work/required.txt"
    done <"$work/required-all.txt"
    LC_ALL=C comm -23 "$work/required.txt" "$work/listed.txt" | sed 's/^/missing from package.xml: /' >"$work/missing.txt"
    if [ -s "$work/missing.txt" ]; then
        echo "(run: php scripts/update-package-xml.php)" >>"$work/missing.txt"
        report "not ok" "every git-tracked file and every file in src/ and tests/ is in package.xml" "$work/missing.txt"
    else
        report ok "every git-tracked file and every file in src/ and tests/ is in package.xml ($(wc -l <"$work/required.txt") files)"
    fi
else
    echo "not a git work tree: cannot list the shipped files" >"$work/git.txt"
    report "not ok" "every git-tracked file and every file in src/ and tests/ is in package.xml" "$work/git.txt"
fi

# 3. every listed file exists
: >"$work/absent.txt"
while IFS= read -r f; do
    [ -f "$f" ] || printf 'listed in package.xml but absent: %s\n' "$f" >>"$work/absent.txt"
done <"$work/listed.txt"
if [ ! -s "$work/listed.txt" ]; then
    echo "package.xml lists no files" >"$work/absent.txt"
    report "not ok" "every file package.xml lists exists" "$work/absent.txt"
elif [ -s "$work/absent.txt" ]; then
    echo "(run: php scripts/update-package-xml.php)" >>"$work/absent.txt"
    report "not ok" "every file package.xml lists exists" "$work/absent.txt"
else
    report ok "every file package.xml lists exists ($(wc -l <"$work/listed.txt") files)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
