#!/usr/bin/env bash
# Djinn's benchmarks in one run: kernel figures for Djinn, rapaio-jupyter-kernel (fetched from Maven
# Central) and ipykernel, interleaved; then DJL in Djinn against PyTorch in Python. Results go to
# bench/results/kernels.json and bench/results/deep-learning.json; docs/benchmarks.md explains them.
#
#   bench/run.sh            full run (22 minutes on 2 cores with a JDK 25 and DJINN_BENCH_TORCH_JNI)
#   bench/run.sh --quick    fewer starts and repeats, to try the harness
#   bench/run.sh --training [N]
#                           the deep-learning figures alone, N repeats (5)
#   DJINN_BENCH_TORCH_JNI=.../libdjl_torch.so bench/run.sh
#                           also DJL on the bench's own torch, through a JNI built for it (build-jni)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
starts=5 repeats=5 kernels_too=true
case "${1:-}" in
  --quick) starts=2 repeats=1 ;;
  --training) kernels_too=false repeats="${2:-5}" ;;
esac

if [ ! -f kernel/target/djinn.jar ]; then
  ./mvnw -B -q package -DskipTests -DskipITs
fi
venv="$(DJINN_VENV="$root/bench/.venv" scripts/python-env.sh bench/requirements.txt | tail -n1)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/djinn-bench.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
kernels="$prefix/share/jupyter/kernels"

"$java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name bench-djinn >/dev/null
# The same JDK without what install records for its JVMs (on JDK 17 to 24, the kernel JVM's class data), so that
# their gain is measured in this run too.
"$java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name bench-djinn-nocache --jvm-caches off >/dev/null
# DJL's num_threads sets libtorch's intra-op threads, but the BLAS library keeps its own pool (a
# "1-thread" 4096 matmul used both cores here); OMP_NUM_THREADS and MKL_NUM_THREADS bound it.
for threads in 1 2; do
  "$java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name "bench-djinn-${threads}t" \
    --jvm-opt="-Dai.djl.pytorch.num_threads=$threads" --jvm-opt=-Dai.djl.pytorch.num_interop_threads=1 \
    --env OMP_NUM_THREADS="$threads" --env MKL_NUM_THREADS="$threads" >/dev/null
  # The same on glibc's default malloc settings, to measure what the runtime's own (NativeAllocator) change.
  "$java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name "bench-djinn-glibc-${threads}t" \
    --jvm-opt="-Dai.djl.pytorch.num_threads=$threads" --jvm-opt=-Dai.djl.pytorch.num_interop_threads=1 \
    --env OMP_NUM_THREADS="$threads" --env MKL_NUM_THREADS="$threads" --env DJINN_KEEP_NATIVE_MEMORY=false >/dev/null
done
# With DJINN_BENCH_TORCH_JNI naming a JNI built by `build-jni` for the bench's own torch, DJL also runs on that
# libtorch (README, "Use the PyTorch you have"): the same version as the PyTorch it is compared with.
local_torch_kernels=()
if [ -n "${DJINN_BENCH_TORCH_JNI:-}" ]; then
  torch_dir="$("$venv/bin/python" -c 'import os, torch; print(os.path.dirname(torch.__file__))')"
  for threads in 1 2; do
    "$java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name "bench-djinn-localtorch-${threads}t" \
      --jvm-opt="-Dai.djl.pytorch.num_threads=$threads" --jvm-opt=-Dai.djl.pytorch.num_interop_threads=1 \
      --env OMP_NUM_THREADS="$threads" --env MKL_NUM_THREADS="$threads" \
      --env DJINN_TORCH_LIBRARY_PATH="$torch_dir" --env DJINN_TORCH_JNI="$DJINN_BENCH_TORCH_JNI" >/dev/null
  done
  local_torch_kernels=(--djinn-local-torch-kernel-1t bench-djinn-localtorch-1t
    --djinn-local-torch-kernel-2t bench-djinn-localtorch-2t)
fi

# rapaio-jupyter-kernel: one jar on Maven Central, started as its own installer would start it.
rapaio_version=3.0.1
rapaio_dir="$root/bench/.cache"
rapaio_jar="$rapaio_dir/rapaio-jupyter-kernel-$rapaio_version.jar"
if [ ! -f "$rapaio_jar" ]; then
  ./mvnw -B -q dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$rapaio_version" \
    -DoutputDirectory="$rapaio_dir"
fi
mkdir -p "$kernels/bench-rapaio"
cat > "$kernels/bench-rapaio/kernel.json" <<JSON
{"argv": ["$java", "-jar", "$rapaio_jar", "{connection_file}"], "display_name": "rapaio $rapaio_version",
 "language": "java", "interrupt_mode": "message"}
JSON
"$venv/bin/python" -m ipykernel install --prefix "$prefix" --name bench-python >/dev/null

# On JDK 25, Djinn's install records ahead-of-time caches for both JVMs (docs/benchmarks.md): Djinn runs there
# with and without them, so that the JDK's own gain and the caches' can be told apart.
jdk25_kernels=()
jdk25="${DJINN_BENCH_JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1 || true)}"
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  "$jdk25/bin/java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name bench-djinn-jdk25 >/dev/null
  "$jdk25/bin/java" -jar kernel/target/djinn.jar install --prefix "$prefix" --name bench-djinn-jdk25-nocache \
    --jvm-caches off >/dev/null
  jdk25_kernels=(--kernel bench-djinn-jdk25=djinn --kernel bench-djinn-jdk25-nocache=djinn)
fi

# JShell's own floor (bench/JShellFloor.java): JShell alone in one JVM with the kernel JVM's options and its own
# class data (JDK 17) or ahead-of-time cache (JDK 25), bare and with Djinn's class path and default imports,
# started interleaved with the kernels.
floor_dir="$prefix/jshell-floor"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$floor_dir/classes" bench/JShellFloor.java
# In a jar: class data sharing refuses a class directory on the class path.
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$floor_dir/jshell-floor.jar" -C "$floor_dir/classes" .
floors=()
# floor NAME JVM-OPTION... -- ARGUMENT...: trains the JVM's cache in one run, then adds the floor with it.
floor() {
  local name="$1" jvm=() args=() train use
  shift
  while [ "$1" != -- ]; do jvm+=("$1"); shift; done
  shift
  args=("$@")
  case "${jvm[0]}" in
    "$java") train="-XX:ArchiveClassesAtExit=$floor_dir/$name.jsa" use="-XX:SharedArchiveFile=$floor_dir/$name.jsa" ;;
    *) train="-XX:AOTCacheOutput=$floor_dir/$name.aot" use="-XX:AOTCache=$floor_dir/$name.aot" ;;
  esac
  "${jvm[@]}" "$train" -cp "$floor_dir/jshell-floor.jar" JShellFloor "${args[@]}" --warmup 20 --cells 1 >/dev/null 2>&1
  floors+=(--floor "$name=$(printf '%q ' "${jvm[@]}" "$use" -cp "$floor_dir/jshell-floor.jar" JShellFloor "${args[@]}")")
}
djinn_side=(--class-path "$(ls kernel/target/runtime/*.jar | paste -sd: -)"
  --imports kernel/src/main/resources/io/djinn/kernel/default-imports.jsh)
floor jshell-bare "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --
floor jshell-djinn "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -- "${djinn_side[@]}"
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  floor jshell-bare-jdk25 "$jdk25/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --
  floor jshell-djinn-jdk25 "$jdk25/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -- "${djinn_side[@]}"
fi

export JUPYTER_PATH="$prefix/share/jupyter"
export DJINN_OFFLINE="${DJINN_OFFLINE:-true}"
mkdir -p bench/results
[ "$kernels_too" = true ] && "$venv/bin/python" bench/kernel_latency.py --starts "$starts" --kernel bench-djinn=djinn \
  --kernel bench-djinn-nocache=djinn --kernel bench-rapaio=java --kernel bench-python=python "${jdk25_kernels[@]}" "${floors[@]}" --out bench/results/kernels.json
"$venv/bin/python" bench/dl_bench.py --djinn-kernel-1t bench-djinn-1t --djinn-kernel-2t bench-djinn-2t \
  --djinn-glibc-kernel-1t bench-djinn-glibc-1t --djinn-glibc-kernel-2t bench-djinn-glibc-2t \
  "${local_torch_kernels[@]}" --repeats "$repeats" --out bench/results/deep-learning.json
