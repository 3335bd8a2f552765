#!/usr/bin/env bash
# The prepared GPU run, one call on a machine with an NVIDIA GPU, Python and torch, and no Java or network:
#
#   scripts/device-run/run.sh build-out/device-bundle.tar.xz      (in the repository root; see prepare.sh)
#
# 1. records what the machine has (GPU, driver, compiler, CMake, CUDA, Python, torch) in its first seconds, and
#    stops with that record when the JNI cannot be built there (no torch, no C++ compiler);
# 2. builds DJL's JNI against the machine's torch (djinn build-jni) and runs Djinn on that libtorch;
# 3. runs scripts/gpu-check.sh, tutorials 02, 03, 06 and 08 full length, and bench/dl_bench.py --device gpu;
# 4. leaves under $OUT (default build-out/device-out): device-facts.txt, build-jni.log, gpu-checks.md, the executed
#    notebooks, dl-bench-gpu.json and steps.txt (each step's status and seconds).
# Every step has a time limit and the whole run ends by $DJINN_DEVICE_DEADLINE_S seconds (default 540), so the
# call comes back within the device tool's 10 minutes with whatever was done. On a machine without a GPU the
# same path runs on the CPU (the rehearsal): the GPU check then exits 3 and writes nothing.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bundle="${1:?usage: $0 BUNDLE.tar.xz}"
out="${OUT:-build-out/device-out}"
work="${DJINN_DEVICE_WORK:-${TMPDIR:-/tmp}/djinn-device}"
budget="${DJINN_DEVICE_DEADLINE_S:-540}"
start=$(date +%s)
deadline=$((start + budget))
mkdir -p "$out"
out="$(cd "$out" && pwd)"
steps="$out/steps.txt"
: > "$steps"

left() { echo $((deadline - $(date +%s))); }
# step NAME LIMIT_S COMMAND...: runs with a time limit (capped by the deadline), logs to $out/NAME.log.
step() {
  local name="$1" limit="$2"; shift 2
  local remaining; remaining=$(left)
  [ "$limit" -gt "$remaining" ] && limit=$remaining
  if [ "$limit" -lt 5 ]; then echo "$name: skipped (no time left)" | tee -a "$steps"; return 124; fi
  local t0=$(date +%s) rc=0
  timeout --kill-after=10 "$limit" "$@" > "$out/$name.log" 2>&1 || rc=$?
  echo "$name: exit $rc in $(( $(date +%s) - t0 )) s (limit $limit s)" | tee -a "$steps"
  return $rc
}

# 1. What this machine has.
python="${PYTHON:-python3}"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2 " GiB memory"}')"
  echo "gpu: $(timeout 20 nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv,noheader 2>&1 | head -4 | tr '\n' ';')"
  for tool in g++ c++ clang++ cmake ninja nvcc make; do
    if command -v "$tool" >/dev/null 2>&1; then echo "$tool: $("$tool" --version 2>&1 | head -1)"; else echo "$tool: none"; fi
  done
  echo "CUDA_HOME: ${CUDA_HOME:-unset}; /usr/local/cuda: $(ls -d /usr/local/cuda* 2>/dev/null | tr '\n' ' ')"
  echo "python: $($python --version 2>&1) at $(command -v "$python")"
  timeout 60 "$python" -c 'import os, torch; print("torch:", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available(), "at", os.path.dirname(torch.__file__))' 2>&1 | tail -1
  timeout 30 "$python" -c 'import jupyter_client, nbclient; print("jupyter_client:", jupyter_client.__version__, "nbclient:", nbclient.__version__)' 2>&1 | tail -1
} > "$out/device-facts.txt"
cat "$out/device-facts.txt"
torch_dir="$(timeout 60 "$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)"
cxx=""
for tool in "${CXX:-}" g++ c++ clang++; do
  if [ -n "$tool" ] && command -v "$tool" >/dev/null 2>&1; then cxx="$tool"; break; fi
done
if [ -z "$torch_dir" ] || [ -z "$cxx" ]; then
  echo "stop: the JNI cannot be built here (${torch_dir:+torch found}${torch_dir:-no torch}, ${cxx:-no C++ compiler})" \
    | tee -a "$steps" "$out/device-facts.txt"
  exit 3
fi

# 2. Unpack, a Python that drives Jupyter, and the JNI.
rm -rf "$work" && mkdir -p "$work"
# Python unpacks (tarfile, zipfile): the machine may lack xz or unzip, never Python.
step unpack 90 "$python" -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$bundle" "$work" \
  || exit 1
export JAVA_HOME="$work/device/jre"
java="$JAVA_HOME/bin/java"
jar="$work/device/djinn/djinn.jar"
if ! "$python" -c 'import jupyter_client, nbclient' >/dev/null 2>&1; then
  # A wheel is a zip of what an install puts in site-packages: unpacked onto PYTHONPATH, it needs no pip and no
  # venv (which would lose a torch installed in another venv).
  step python-path 60 "$python" -c 'import glob, sys, zipfile
for wheel in glob.glob(sys.argv[1] + "/*.whl"):
    zipfile.ZipFile(wheel).extractall(sys.argv[2])
sys.path.insert(0, sys.argv[2])
import jupyter_client, nbclient' "$work/device/wheels" "$work/pylib" && export PYTHONPATH="$work/pylib${PYTHONPATH:+:$PYTHONPATH}"
fi
export DJINN_CACHE_DIR="$work/cache"
step build-jni 300 "$java" -jar "$jar" build-jni --djl-source "$work/device/djl-src" --torch "$torch_dir" \
  --output "$work/jni" --cxx "$cxx" || { echo "stop: the JNI did not build; see build-jni.log" | tee -a "$steps"; exit 1; }
export DJINN_TORCH_LIBRARY_PATH="$torch_dir/lib" DJINN_TORCH_JNI="$work/jni/libdjl_torch.so"

# 3. The GPU check, the tutorials, the benchmark.
# The check puts its run first under "## Runs" of a copy of the document, to be committed as docs/gpu-checks.md.
cp docs/gpu-checks.md "$out/gpu-checks.md"
PYTHON="$python" DJINN_JAR="$jar" step gpu-check 150 scripts/gpu-check.sh "$out/gpu-checks.md"
prefix="$work/prefix"
"$java" -jar "$jar" install --prefix "$prefix" --name djinn --display-name "Java (Djinn)" \
  --env DJINN_TORCH_LIBRARY_PATH="$DJINN_TORCH_LIBRARY_PATH" --env DJINN_TORCH_JNI="$DJINN_TORCH_JNI" \
  --env DJINN_CACHE_DIR="$DJINN_CACHE_DIR" --env DJINN_PLOTLY_JS=none >/dev/null
# As bench/run.sh's: DJL's num_threads leaves the BLAS library's own pool alone, which OMP_ and MKL_NUM_THREADS
# bound (without them the rehearsal's "1-thread" DJL matmul ran on both cores, at 2x PyTorch's one thread).
for threads in 1 2; do
  "$java" -jar "$jar" install --prefix "$prefix" --name "bench-djinn-${threads}t" \
    --env DJINN_TORCH_LIBRARY_PATH="$DJINN_TORCH_LIBRARY_PATH" --env DJINN_TORCH_JNI="$DJINN_TORCH_JNI" \
    --env DJINN_CACHE_DIR="$DJINN_CACHE_DIR" --jvm-opt="-Dai.djl.pytorch.num_threads=$threads" \
    --jvm-opt=-Dai.djl.pytorch.num_interop_threads=1 --env OMP_NUM_THREADS="$threads" \
    --env MKL_NUM_THREADS="$threads" >/dev/null
done
export JUPYTER_PATH="$prefix/share/jupyter"
unset DJINN_TUTORIAL_QUICK  # full length
# The benchmark gets what the notebooks leave, at least bench_reserve seconds: its two passes (1 and 2 threads)
# took 45 s each in the CPU rehearsal, and it writes its results after each, so a pass the deadline cuts off
# loses only itself.
bench_reserve=120
step notebooks $(( $(left) - bench_reserve )) "$python" \
  scripts/device-run/run_notebooks.py --kernel djinn --out "$out/notebooks" --deadline $((deadline - bench_reserve)) \
  notebooks/02-cpu-vs-gpu.ipynb notebooks/03-tensor-cores-and-mixed-precision.ipynb notebooks/06-cnn-on-the-gpu.ipynb \
  notebooks/08-gpu-memory.ipynb
device=cpu
timeout 20 nvidia-smi -L >/dev/null 2>&1 && device=gpu
step dl-bench 600 "$python" bench/dl_bench.py --djinn-kernel-1t bench-djinn-1t --djinn-kernel-2t bench-djinn-2t \
  --repeats 1 --device "$device" --out "$out/dl-bench-$device.json"
echo "done in $(( $(date +%s) - start )) s" | tee -a "$steps"
