#!/usr/bin/env bash
# Print the Python that makes the virtual environments: $PYTHON if it is 3.11 or newer, else the newest python3.X
# (X >= 11) or python3 on PATH that runs. Says what is missing, and exits 2, when there is none.
set -euo pipefail
MINIMUM=11

# "3 12" for a Python 3.12; nothing for a command that does not run (a pyenv shim of a version not selected).
version_of() {
    "$1" -c 'import sys; print(*sys.version_info[:2])' 2>/dev/null </dev/null || true
}

if [ -n "${PYTHON:-}" ]; then
    read -r major minor <<<"$(version_of "$PYTHON")" || true
    if [ "${major:-}" = 3 ] && [[ "${minor:-}" =~ ^[0-9]+$ ]] && [ "$minor" -ge "$MINIMUM" ]; then
        echo "$PYTHON"
        exit 0
    fi
    found="start niet"
    [ -z "${major:-}" ] || found="gevonden: $major.${minor:-?}"
    echo "PYTHON=$PYTHON is geen Python 3.$MINIMUM of nieuwer ($found)." \
         "Geef een andere mee, bijvoorbeeld PYTHON=python3.12, of laat PYTHON weg om er een te zoeken." >&2
    exit 2
fi

best="" best_minor=-1 seen=()
declare -A tried=()
for name in $(compgen -c python3); do
    [[ "$name" =~ ^python3(\.[0-9]+)?$ ]] && [ -z "${tried[$name]:-}" ] || continue
    tried[$name]=1
    read -r major minor <<<"$(version_of "$name")" || true
    [ "${major:-}" = 3 ] && [[ "${minor:-}" =~ ^[0-9]+$ ]] || continue
    seen+=("$name ($major.$minor)")
    if [ "$minor" -ge "$MINIMUM" ] && [ "$minor" -gt "$best_minor" ]; then
        best="$name" best_minor="$minor"
    fi
done
if [ -z "$best" ]; then
    echo "Geen Python 3.$MINIMUM of nieuwer gevonden op PATH (gevonden: ${seen[*]:-geen}). Installeer er een" \
         "(Debian: apt-get install python3), of geef er een mee: make <doel> PYTHON=/pad/naar/python3.12" >&2
    exit 2
fi
echo "$best"
