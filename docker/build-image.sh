#!/usr/bin/env bash
# The steps both images run (docker/Dockerfile and docker/Dockerfile.cuda), one layer each:
#   build-image.sh system              JDK 17, Python, tini, curl; the jovyan user (uid 1000, gid 100)
#   build-image.sh python              the Jupyter environment in /opt/venv, from docker/requirements.txt
#   build-image.sh djinn [--cuda FL]   Djinn by scripts/install.sh (the path CI runs), Maven only meanwhile
# Run as root from the repository root (the Dockerfiles bind-mount the build context there).
set -euo pipefail
: "${NB_USER:=jovyan}" "${NB_UID:=1000}" "${NB_GID:=100}" "${VENV:=/opt/venv}" "${DJINN_HOME:=/opt/djinn}"
export DEBIAN_FRONTEND=noninteractive

case "${1:?usage: build-image.sh system|python|djinn [--cuda FLAVOR]}" in
  system)
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless openjdk-17-source python3 python3-venv tini curl \
      ca-certificates locales fonts-dejavu-core
    echo "en_US.UTF-8 UTF-8" > /etc/locale.gen && locale-gen >/dev/null
    rm -rf /var/lib/apt/lists/*
    # Ubuntu's images come with a user 'ubuntu' holding uid 1000, which docker-stacks gives to jovyan.
    if id -u ubuntu >/dev/null 2>&1; then userdel --remove ubuntu; fi
    useradd --create-home --shell /bin/bash --uid "$NB_UID" --gid "$NB_GID" "$NB_USER"
    ;;
  python)
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --no-cache-dir --disable-pip-version-check -q -r docker/requirements.txt
    # docker-stacks lets the notebook user install packages into the environment.
    chown -R "$NB_UID:$NB_GID" "$VENV"
    ;;
  djinn)
    shift
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends maven
    # The same script ./djinn.sh, Binder and CI run: build, copy to DJINN_HOME, natives, kernelspec.
    # Offline at run time: the natives are in the image, so a notebook never downloads libtorch.
    scripts/install.sh --prefix "$VENV" --home "$DJINN_HOME" --offline "$@"
    apt-get purge -y -qq --auto-remove maven
    rm -rf /var/lib/apt/lists/*
    ;;
  *)
    echo "build-image.sh: unknown step '$1'" >&2
    exit 2
    ;;
esac
