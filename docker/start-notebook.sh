#!/usr/bin/env bash
# The images' command, as in the Jupyter docker-stacks: under JupyterHub (which sets
# JUPYTERHUB_API_TOKEN) the single-user server, else JupyterLab on JUPYTER_IP (0.0.0.0), JUPYTER_PORT (8888).
# Token auth stays on: Jupyter makes a token and prints the URL with it, or takes JUPYTER_TOKEN.
set -euo pipefail
if [ "$(id -u)" = 0 ]; then
  echo "start-notebook.sh: refusing to run as root; the images run as jovyan (uid 1000)" >&2
  exit 1
fi
# The tutorials live in the image at $DJINN_HOME/tutorials; a home directory gets its own copy, once, so
# edits are the user's and survive on a persistent home (compose mounts a checkout's notebooks instead).
tutorials="${DJINN_HOME:-/opt/djinn}/tutorials"
if [ ! -e "$HOME/tutorials" ] && [ -d "$tutorials" ]; then
  cp -r "$tutorials" "$HOME/tutorials"
fi
if [ -n "${JUPYTERHUB_API_TOKEN:-}" ]; then
  exec jupyterhub-singleuser "$@"
fi
exec jupyter lab --ip="${JUPYTER_IP:-0.0.0.0}" --port="${JUPYTER_PORT:-8888}" --no-browser --ServerApp.root_dir="$HOME" "$@"
