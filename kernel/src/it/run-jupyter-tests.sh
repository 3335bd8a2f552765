#!/usr/bin/env bash
# Integration tests: a real Jupyter (jupyter_client, nbclient) drives the built kernel.
# Run from the repository root after `./mvnw package` (Maven's integration-test phase does this).
# The kernel is installed into a throwaway Jupyter prefix, once per JDK found: JDK 17 (the java
# running the build, or JAVA_HOME) and JDK 25 when DJINN_TEST_JDK25 or /usr/lib/jvm/*25* has one.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
venv="$(scripts/python-env.sh kernel/src/it/requirements.txt | tail -n1)"

prefix="$(mktemp -d "${TMPDIR:-/tmp}/djinn-it.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Each install's "JVM caches:" line is kept in the log: it says whether the suite ran on kernels started from them.
jvm_caches_line() { sed -n "/^JVM caches: [^t]/s/^/$1: /p"; }
"$java_bin" -jar kernel/target/djinn.jar install --prefix "$prefix" --name djinn-test --display-name "Djinn (tests)" \
  | jvm_caches_line djinn-test

kernels="djinn-test"
jdk25="${DJINN_TEST_JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1 || true)}"
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  "$jdk25/bin/java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name djinn-test-jdk25 \
    --display-name "Djinn (tests, JDK 25)" --java "$jdk25/bin/java" | jvm_caches_line djinn-test-jdk25
  kernels="$kernels,djinn-test-jdk25"
fi

export JUPYTER_PATH="$prefix/share/jupyter"
export DJINN_TEST_KERNELS="$kernels"
# Tests never need the network for DJL: fail fast if something tries.
export DJINN_OFFLINE="${DJINN_OFFLINE:-true}"
export DJINN_CACHE_DIR="${DJINN_CACHE_DIR:-$HOME/.cache/djinn/djl}"
if [ $# -eq 0 ]; then
  set -- kernel/src/it/python
fi
exec "$venv/bin/python" -m pytest -ra -p no:cacheprovider "$@"
