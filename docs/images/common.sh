# Shared by the scripts that remake the pictures in docs/images: installs
# what they need, builds the extension when modules/profiler.so is missing,
# and profiles a real Debian program, phpcs (php-codesniffer) checking the
# sources of Twig (php-twig) against PSR-12. Sourced, not run.

# root of the source tree, and the module the pictures are made with
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
so="$root/modules/profiler.so"

# install_packages PACKAGE...: installs those not installed yet, plus what
# building and profiling need
install_packages() {
    local packages=("$@" php-codesniffer php-twig php8.2-dev php8.2-cli zlib1g-dev gcc make)
    local missing=() p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

build_module() {
    if [ ! -f "$so" ]; then
        (cd "$root" && phpize >/dev/null && ./configure --enable-profiler >/dev/null && make -j"$(nproc)" >/dev/null)
    fi
}

# profile_phpcs DIR SETTING...: writes DIR/phpcs-twig.out (plus what the
# settings add) and phpcs's report to DIR/phpcs.txt. phpcs exits with 1 or 2
# when it finds violations, which it does here; that is not a failure.
profile_phpcs() {
    local dir=$1 args=() s
    shift
    for s in "$@"; do
        args+=(-d "$s")
    done
    php -d "extension=$so" \
        -d profiler.mode=profile \
        -d "profiler.output_dir=$dir" \
        -d profiler.output_name=phpcs-twig.out \
        "${args[@]}" \
        /usr/bin/phpcs --standard=PSR12 --report=summary -q --no-colors /usr/share/php/Twig >"$dir/phpcs.txt" || true
}
