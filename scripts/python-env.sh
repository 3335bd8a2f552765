#!/usr/bin/env bash
# Creates (or updates) the project's Python environment in .venv from the given requirements files.
# Usage: scripts/python-env.sh REQUIREMENTS_FILE...
# Where pip's own configuration lists a local file:// mirror as an extra index and PIP_INDEX_URL is
# unset, that mirror becomes the index: otherwise pip would retry an unreachable default index for
# minutes on machines without internet. Elsewhere pip works as usual.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${DJINN_VENV:-$root/.venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# The venv's own pip reads the configuration: the python that made it may have no pip.
if [ -z "${PIP_INDEX_URL:-}" ]; then
  mirrors=$("$venv/bin/python" -m pip config list 2>/dev/null | sed -n "s/.*extra-index-url='\(.*\)'/\1/p" | tr ' ' '\n' | grep '^file://' || true)
  if [ -n "$mirrors" ]; then
    export PIP_INDEX_URL="$(echo "$mirrors" | head -n1)"
    extra="$(echo "$mirrors" | tail -n +2 | tr '\n' ' ')"
    export PIP_EXTRA_INDEX_URL="${extra% }"
  fi
fi

stamp="$venv/.requirements-$(cat "$@" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $(printf -- '-r %s ' "$@")
  touch "$stamp"
fi
echo "$venv"
