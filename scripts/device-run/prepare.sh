#!/usr/bin/env bash
# Assembles what the prepared GPU run (scripts/device-run/run.sh) carries to a machine that has a GPU, Python
# and torch but no Java and no network: a jlink'd JRE (with jdk.jshell, jdk.compiler and the JNI headers), the
# built kernel without the CPU libtorch (the device's own torch is used), the part of a DJL checkout that
# `djinn build-jni` compiles, and the Python wheels that drive Jupyter there. One file, under 64 MiB: the JRE
# and the jars are stored uncompressed and the whole is xz'd, which packs class files 4-8 times smaller than
# each jar's own deflate (fastutil: 23 MB as shipped, 2.8 MB this way).
#
#   scripts/device-run/prepare.sh --djl-source DJL_CHECKOUT [--out build-out/device-bundle.tar.xz]
#
# The DJL checkout must be at the tag of the DJL release Djinn runs; nothing of it is committed (build-out/ is
# ignored). Needs the built kernel (./mvnw package -DskipTests -DskipITs) and a JDK (jlink).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
djl="" out="build-out/device-bundle.tar.xz"
while [ $# -gt 0 ]; do
  case "$1" in
    --djl-source) djl="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 --djl-source DJL_CHECKOUT [--out FILE]" >&2; exit 2 ;;
  esac
done
[ -n "$djl" ] || { echo "error: --djl-source DJL_CHECKOUT is required" >&2; exit 2; }
[ -f kernel/target/djinn.jar ] || { echo "error: build first: ./mvnw package -DskipTests -DskipITs" >&2; exit 2; }
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
stage="build-out/device"
rm -rf "$stage" && mkdir -p "$stage"

# The JRE: what the kernel and the runtime load, and jni.h for the JNI build.
"$java_home/bin/jlink" --add-modules java.se,jdk.jshell,jdk.compiler,jdk.unsupported,jdk.zipfs,jdk.management \
  --strip-debug --no-man-pages --no-header-files --compress=0 --output "$stage/jre"
cp -r "$java_home/include" "$stage/jre/include"

# The kernel: djinn.jar with lib/, runtime/ and sources/ beside it, less the CPU libtorch jar (111 MB).
mkdir -p "$stage/djinn"
cp kernel/target/djinn.jar "$stage/djinn/"
cp -r kernel/target/lib kernel/target/sources "$stage/djinn/"
mkdir -p "$stage/djinn/runtime"
find kernel/target/runtime -maxdepth 1 -type f ! -name 'pytorch-native-cpu-*' -exec cp {} "$stage/djinn/runtime/" \;

# Every jar stored, not deflated, so that xz sees the class files (the JVM reads stored jars as well).
find "$stage/djinn" -name '*.jar' | while read -r jar; do
  unpacked="$(mktemp -d)"
  (cd "$unpacked" && unzip -q "$root/$jar") && "$java_home/bin/jar" -c0Mf "$jar" -C "$unpacked" .
  rm -rf "$unpacked"
done

# DJL's JNI sources, as build-jni reads them.
for part in engines/pytorch/pytorch-native/src/main/native engines/pytorch/pytorch-engine/src/main/java \
            api/src/main/native gradle/libs.versions.toml; do
  [ -e "$djl/$part" ] || { echo "error: $djl has no $part: is it a DJL checkout?" >&2; exit 2; }
  mkdir -p "$stage/djl-src/$(dirname "$part")"
  cp -r "$djl/$part" "$stage/djl-src/$part"
done

# Wheels for driving Jupyter, in case the device's Python lacks them (binary ones for this machine's Python).
python="${PYTHON:-python3}"
if [ -z "${PIP_INDEX_URL:-}" ]; then
  mirror="$(pip config list 2>/dev/null | sed -n "s/^global.extra-index-url='\(file:[^ ']*\).*/\1/p" | head -1)"
  [ -n "$mirror" ] && export PIP_INDEX_URL="$mirror"
fi
"$python" -m pip download -q --only-binary=:all: --dest "$stage/wheels" jupyter_client nbclient nbformat

tar -C build-out -I 'xz -T0 -9' -cf "$out" device
size=$(stat -c %s "$out")
echo "$out: $((size / 1024 / 1024)) MiB ($size bytes)"
[ "$size" -le $((64 * 1024 * 1024)) ] || { echo "error: over the 64 MiB a device call may carry" >&2; exit 1; }
