#!/usr/bin/env bash
# Runs the GPU check (scripts/gpu_check.py) against the built kernel on a machine with an NVIDIA GPU:
# installs kernel/target/djinn.jar as a kernelspec into a temporary Jupyter prefix and drives it with
# jupyter_client. DJINN_TORCH_FLAVOR / DJINN_TORCH_LIBRARY_PATH pass through to the kernel, so a
# prepared CUDA libtorch can be named. Python: $PYTHON, else the project's .venv, else python3. The kernel:
# $DJINN_JAR, else kernel/target/djinn.jar (the prepared device run unpacks one elsewhere).
#
#   scripts/gpu-check.sh [OUTPUT.md]     default docs/gpu-checks.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar="${DJINN_JAR:-kernel/target/djinn.jar}"
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests -DskipITs" >&2; exit 2; }
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
prefix="$(mktemp -d "${TMPDIR:-/tmp}/djinn-gpu-check.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" install --prefix "$prefix" --name djinn-gpu-check \
  --display-name "Djinn (GPU check)" --torch-flavor "${DJINN_TORCH_FLAVOR:-auto}" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" DJINN_KERNEL_NAME=djinn-gpu-check exec "$python" scripts/gpu_check.py "$@"
