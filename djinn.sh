#!/usr/bin/env bash
# The main job: build Djinn, make a local Python environment with JupyterLab, install the Djinn
# kernelspec into it, then open JupyterLab on notebooks/ (or run a notebook headless).
#
#   ./djinn.sh lab [JUPYTER-LAB-ARGS...]     build, install, open JupyterLab on notebooks/
#   ./djinn.sh execute NOTEBOOK [OUTPUT]     build, install, execute NOTEBOOK headless and write
#                                            the executed copy (default: NOTEBOOK with .executed.ipynb)
#   ./djinn.sh install                       build and install the kernelspec into .venv only
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

command="${1:-lab}"
shift || true

venv="$(scripts/python-env.sh scripts/requirements-lab.txt | tail -n1)"
# The one install path (also run by the Docker images, Binder and CI): build, natives, kernelspec.
scripts/install.sh --prefix "$venv" >/dev/null

case "$command" in
  lab)
    root_flag=()
    [ "$(id -u)" = 0 ] && root_flag=(--allow-root)
    exec "$venv/bin/jupyter" lab --notebook-dir="$root/notebooks" "${root_flag[@]}" "$@"
    ;;
  execute)
    notebook="${1:?usage: ./djinn.sh execute NOTEBOOK [OUTPUT]}"
    output="${2:-${notebook%.ipynb}.executed.ipynb}"
    exec "$venv/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=djinn \
      --ExecutePreprocessor.timeout=1800 --output "$(basename "$output")" --output-dir "$(dirname "$output")" "$notebook"
    ;;
  install)
    echo "Kernelspec 'djinn' installed into $venv"
    ;;
  *)
    echo "usage: ./djinn.sh lab | execute NOTEBOOK [OUTPUT] | install" >&2
    exit 2
    ;;
esac
