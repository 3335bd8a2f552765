#!/usr/bin/env bash
# HEALTHCHECK: healthy when a Jupyter server this user runs answers its /api (JupyterLab at / or a
# JupyterHub single-user server under /user/NAME/; both write a runtime file that 'jupyter server list' reads).
set -euo pipefail
urls=$(jupyter server list --json 2>/dev/null | python3 -c 'import json, sys
for line in sys.stdin:
    if line.strip():
        print(json.loads(line)["url"])')
for url in $urls; do
  if curl -fsS --max-time 5 "${url%/}/api" >/dev/null; then
    exit 0
  fi
done
exit 1
