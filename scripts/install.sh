#!/usr/bin/env bash
# Djinn's one install path, run by ./djinn.sh, the Docker images, Binder's postBuild and CI:
#   1. builds the kernel (skipped when kernel/target/djinn.jar is newer than its sources and poms),
#   2. copies it (djinn.jar, lib/, runtime/, sources/) into HOME_DIR, so the install outlives the checkout,
#   3. prepares DJL's PyTorch native libraries in NATIVES_DIR (the CPU build, and a CUDA build with
#      --cuda), so that no notebook downloads anything,
#   4. installs the kernelspec into the Jupyter prefix, pointing DJINN_CACHE_DIR at NATIVES_DIR.
#
# Usage: scripts/install.sh --prefix DIR [options]
#   --prefix DIR          Jupyter prefix: the kernelspec goes to DIR/share/jupyter/kernels/NAME (required)
#   --home DIR            where the kernel's jars go (default: PREFIX/share/djinn)
#   --natives DIR         where DJL's native libraries go (default: HOME/natives)
#   --cuda FLAVOR         also prepare CUDA libtorch FLAVOR (e.g. cu128; DJL downloads about 2 GB);
#                         kernels then load it on machines with an NVIDIA driver, the CPU build elsewhere
#   --torch-flavor F      fix the kernel's libtorch choice (auto, cpu, cuXXX; default: auto)
#   --offline             the kernel never downloads (DJINN_OFFLINE=true in the kernelspec)
#   --name NAME           kernelspec name (default: djinn)
#   --display-name TEXT   name shown in launchers (default: Java (Djinn))
#   --jvm-opt OPT         option for the runtime JVM, e.g. --jvm-opt=-Xmx2g (repeatable)
#   --java PATH           the java executable kernels run with (default: JAVA_HOME's, else java on PATH)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

usage() { sed -n '/^# Usage/,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit "${1:-2}"; }
prefix="" home="" natives="" cuda="" flavor="" offline=false name="djinn" display_name="Java (Djinn)" java=""
jvm_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --home) home="${2:?--home needs a directory}"; shift 2 ;;
    --natives) natives="${2:?--natives needs a directory}"; shift 2 ;;
    --cuda) cuda="${2:?--cuda needs a flavor such as cu128}"; shift 2 ;;
    --torch-flavor) flavor="${2:?--torch-flavor needs auto, cpu or a CUDA flavor}"; shift 2 ;;
    --offline) offline=true; shift ;;
    --name) name="${2:?--name needs a name}"; shift 2 ;;
    --display-name) display_name="${2:?--display-name needs a text}"; shift 2 ;;
    --jvm-opt=*) jvm_opts+=("$1"); shift ;;
    --jvm-opt) jvm_opts+=("--jvm-opt=${2:?--jvm-opt needs an option}"); shift 2 ;;
    --java) java="${2:?--java needs a path}"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix is required" >&2; usage; }
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
# Absolute paths: the kernelspec must find them from any working directory.
home="$(realpath -m "${home:-$prefix/share/djinn}")"
natives="$(realpath -m "${natives:-$home/natives}")"
java_args=()
[ -n "$java" ] && java_args=(--java "$java")
java="${java:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"

# 1. Build, unless the jar is newer than every file it is built from. Only stdout is the result.
cd "$root"
if [ ! -f kernel/target/djinn.jar ] || [ -n "$(find pom.xml {runtime,magics,kernel}/pom.xml {runtime,magics,kernel}/src/main -newer kernel/target/djinn.jar -type f -print -quit)" ]; then
  echo "install.sh: building the kernel" >&2
  ./mvnw -B -q package -DskipTests -DskipITs >&2
fi

# 2. Copy the kernel beside the prefix; a fresh directory swapped in, so a failed copy leaves the old one.
mkdir -p "$home"
staging="$(mktemp -d "$home/.install.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp -r kernel/target/djinn.jar kernel/target/lib kernel/target/runtime kernel/target/sources "$staging/"
rm -rf "$home/djinn.jar" "$home/lib" "$home/runtime" "$home/sources"
mv "$staging/djinn.jar" "$staging/lib" "$staging/runtime" "$staging/sources" "$home/"

# 3. Native libraries, by the kernel's own code (the same JVM set-up a runtime gets).
natives_args=(--cache-dir "$natives")
[ -n "$cuda" ] && natives_args+=(--torch-flavor "$cuda")
"$java" -jar "$home/djinn.jar" natives "${natives_args[@]}" "${java_args[@]}" >&2

# 4. The kernelspec.
install_args=(--prefix "$prefix" --name "$name" --display-name "$display_name" --env "DJINN_CACHE_DIR=$natives")
[ -n "$flavor" ] && install_args+=(--torch-flavor "$flavor")
[ "$offline" = true ] && install_args+=(--env DJINN_OFFLINE=true)
[ ${#jvm_opts[@]} -gt 0 ] && install_args+=("${jvm_opts[@]}")
"$java" -jar "$home/djinn.jar" install "${install_args[@]}" "${java_args[@]}" >&2
echo "$prefix/share/jupyter/kernels/$name"
