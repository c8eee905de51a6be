#!/usr/bin/env bash
# Install Debian packages (as root): scripts/apt_install.sh chromium nginx ...
#
# Used by both pipelines and by the Makefile's rules for the test tools, so a runner that reaches no public
# registry needs one setting: DEBIAN_MIRROR, the mirror of the Debian archive (e.g.
# https://nexus.intranet/repository/debian), and DEBIAN_SECURITY_MIRROR for the security archive (default:
# DEBIAN_MIRROR with "-security" appended). Unset or empty, apt uses the sources the system has
# (deb.debian.org in the Debian images).
#
# The mirror is passed to apt for this run only (a sources file in a temporary folder, given with -o): the system's
# /etc/apt is never changed. The suites are the system's own (VERSION_CODENAME from /etc/os-release), and the
# packages are checked against Debian's archive keys as usual.
set -euo pipefail

if (($# == 0)); then
    echo "Gebruik: scripts/apt_install.sh PAKKET..." >&2
    exit 2
fi

apt_options=()
update_options=()
if [[ -n "${DEBIAN_MIRROR:-}" ]]; then
    # shellcheck disable=SC1091  # the running system's release file
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    if [[ -z "$codename" ]]; then
        echo "DEBIAN_MIRROR is gezet, maar /etc/os-release noemt geen VERSION_CODENAME." >&2
        exit 1
    fi
    mirror="${DEBIAN_MIRROR%/}"
    security="${DEBIAN_SECURITY_MIRROR:-$mirror-security}"
    signed_by=""
    if [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]]; then
        signed_by=$'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
    parts="$(mktemp -d)"
    trap 'rm -rf "$parts"' EXIT
    {
        printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\n%s\n' \
            "$mirror" "$codename" "$codename" "$signed_by"
        printf 'Types: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n%s' "${security%/}" "$codename" "$signed_by"
    } >"$parts/mirror.sources"
    chmod 0755 "$parts" && chmod 0644 "$parts/mirror.sources"  # apt's download user must read them
    apt_options=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$parts")
    update_options=(--error-on=any)  # an unreachable mirror stops here, not at "unable to locate package"
    echo "Debian-pakketten van $mirror (beveiligingsupdates: ${security%/})"
fi

apt-get "${apt_options[@]}" update -qq "${update_options[@]}"
DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y -qq "$@"
