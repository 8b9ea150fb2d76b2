#!/usr/bin/env bash
# Build the sandbox's Debian root file system without any image registry.
#
#   sandbox_image/build-rootfs.sh OUTPUT.tar
#   sandbox_image/build-rootfs.sh --print-mirror     (just say which mirror and suite)
#
# debootstrap (minbase + python3 + python3-numpy) from the Debian mirror this
# machine's apt already uses, then pack the tree as a tarball for `docker import`.
# Needs root (debootstrap makes device nodes and chroots).
# Overrides: JUDGE_DEBIAN_MIRROR, JUDGE_DEBIAN_SUITE; JUDGE_APT_DIR (default
# /etc/apt) is where the apt sources are read from.
set -euo pipefail

out="${1:?usage: build-rootfs.sh OUTPUT.tar | --print-mirror}"
apt_dir="${JUDGE_APT_DIR:-/etc/apt}"

# Print "URI SUITE" for each archive entry of the apt sources, in the order apt
# reads them: sources.list, then sources.list.d/ in name order, where *.list
# files have one-line entries and *.sources files deb822 stanzas.
apt_entries() {
    local f
    for f in "$apt_dir"/sources.list "$apt_dir"/sources.list.d/*; do
        [ -r "$f" ] || continue
        case "$f" in
            *.sources)
                awk 'tolower($1) == "uris:" { uri = $2 }
                     tolower($1) == "suites:" { for (i = 2; i <= NF; i++) print uri, $i }
                     /^[[:space:]]*$/ { uri = "" }' "$f" ;;
            */sources.list | *.list)
                # "deb [options] URI SUITE components": skip the bracketed options.
                awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                                   print $(i), $(i + 1) }' "$f" ;;
        esac
    done
}

# The main archive: a URI ending in /debian and a release suite, so not
# bookworm-updates, bookworm-backports or the security archive.
pick_mirror() {
    local uri suite
    while read -r uri suite; do
        uri="${uri%/}"
        case "$uri" in */debian) ;; *) continue ;; esac
        case "$suite" in *-* | "") continue ;; esac
        echo "$uri $suite"
        return 0
    done < <(apt_entries)
    return 1
}

read -r found_mirror found_suite < <(pick_mirror || echo "http://deb.debian.org/debian bookworm")
mirror="${JUDGE_DEBIAN_MIRROR:-$found_mirror}"
suite="${JUDGE_DEBIAN_SUITE:-$found_suite}"
if [ "$out" = "--print-mirror" ]; then
    echo "$mirror $suite"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "build-rootfs.sh: debootstrap needs root" >&2
    exit 1
fi
command -v debootstrap >/dev/null || { echo "build-rootfs.sh: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/var/tmp}/judge-rootfs.XXXXXX")"
root="$work/root"
cleanup() {
    # A failed debootstrap can leave /proc or /sys mounted inside the tree:
    # unmount them first so rm -rf never walks into the host's file systems.
    awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l
    rm -rf "$work"
}
trap cleanup EXIT

echo "debootstrap $suite from $mirror" >&2
debootstrap --variant=minbase --include=python3,python3-numpy "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log" >&2
    exit 1
}

# The image never runs apt: drop its caches and the documentation to keep it small.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
       "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar --numeric-owner -C "$root" -cf "$out" .
echo "wrote $out" >&2
