#!/usr/bin/env python3
"""The GPU check of %device, %gpu, %memory, the dtype guard and CUDA out-of-memory handling: runs them
through jupyter_client against an installed Djinn kernelspec on a machine with an NVIDIA GPU, and
writes what it saw, with the device named, as Markdown: first under "## Runs" in OUTPUT.md (docs/gpu-checks.md
by default), the document's description and earlier runs kept.

    scripts/gpu-check.sh [OUTPUT.md]     (builds nothing; installs the built kernel into a temp prefix)

Exits 0 when every check passed, 1 when one failed, 3 when this machine has no GPU to check.
"""
import datetime
import os
import platform
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "kernel", "src", "it", "python"))
from djinn_client import Kernel  # noqa: E402


def shown(result):
    """The text a notebook would show for a cell: streams, results and errors, in order."""
    parts = []
    for msg in result.iopub:
        content = msg["content"]
        if msg["msg_type"] == "stream":
            parts.append(content["text"].rstrip())
        elif msg["msg_type"] in ("execute_result", "display_data"):
            parts.append(content["data"].get("text/plain", "").rstrip())
        elif msg["msg_type"] == "error":
            parts.append(content["ename"] + ": " + content["evalue"])
    return "\n".join(p for p in parts if p)


class Check:
    def __init__(self, kernel):
        self.kernel = kernel
        self.rows = []

    def cell(self, title, code, expect, timeout=300):
        result = self.kernel.execute(code, timeout=timeout)
        text = shown(result)
        passed = bool(expect(result, text))
        self.rows.append((title, code, text, passed))
        print(("PASS " if passed else "FAIL ") + title, flush=True)
        return text


def gpu_name():
    try:
        return subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"],
                              capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def read_or_empty(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return ""


def with_run(document, report):
    """The document with the run's report first under its "## Runs" heading, what was there kept below it (earlier
    runs and rehearsals); a document without that heading (or none) becomes a heading and the report."""
    heading = "\n## Runs\n"
    if heading not in document:
        return "# GPU checks\n\n## Runs\n\n" + report + "\n"
    before, after = document.split(heading, 1)
    return before + heading + "\n" + report + "\n" + after.lstrip("\n")


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "docs/gpu-checks.md"
    device = gpu_name()
    if not device or shutil.which("nvidia-smi") is None:
        print("No NVIDIA GPU here (nvidia-smi found nothing): the GPU check needs one. Nothing was written.")
        return 3
    kernel = Kernel(os.environ.get("DJINN_KERNEL_NAME", "djinn-gpu-check"))
    check = Check(kernel)
    try:
        check.cell("%device shows a GPU and CUDA libtorch", "%device",
                   lambda r, t: r.status == "ok" and "gpu:0" in t and " cpu flavor" not in t)
        check.cell("%gpu shows the GPU", "%gpu",
                   lambda r, t: r.status == "ok" and not t.startswith("No GPU") and ", driver " in t and "CUDA" in t)
        check.cell("%device gpu switches the kernel manager", "%device gpu",
                   lambda r, t: r.status == "ok" and "gpu:0" in t)
        check.cell("manager makes arrays on the GPU", "manager.ones(new Shape(2, 2)).getDevice()",
                   lambda r, t: r.status == "ok" and "gpu(0)" in t)
        check.cell("%device gpu:N out of range", "%device gpu:64",
                   lambda r, t: r.status == "error" and "is out of range" in t)
        check.cell("%memory before", "%memory", lambda r, t: r.status == "ok" and "GPU memory in use" in t)
        check.cell("a 1 GiB array shows in %memory",
                   "var big = Devices.newManager(); var block = big.zeros(new Shape(256, 1024, 1024));\n%memory",
                   lambda r, t: r.status == "ok" and "gpu:0" in t and "1.0 GiB" in t)
        check.cell("closing it and emptying the cache", "big.close();\n%memory --empty-cache",
                   lambda r, t: r.status == "ok" and "Emptied PyTorch's CUDA cache" in t)
        check.cell("FLOAT16 matmul on the GPU",
                   "var h = manager.randomUniform(0, 1, new Shape(4096, 4096)).toType(DataType.FLOAT16, false);\n"
                   "h.matMul(h).getDataType()",
                   lambda r, t: r.status == "ok" and "float16" in t.lower())
        check.cell("BFLOAT16 is an error, not a dead runtime", "h.toType(DataType.BFLOAT16, false)",
                   lambda r, t: r.status == "error" and "UnsupportedDataTypeException" in t)
        check.cell("a CUDA out-of-memory error is summarised", "manager.zeros(new Shape(1L << 40), DataType.FLOAT32)",
                   lambda r, t: r.status == "error" and "CUDA out of memory: asked for" in t)
        check.cell("the runtime goes on after it", "h.sum().toType(DataType.FLOAT32, false).getFloat() > 0",
                   lambda r, t: r.status == "ok" and "true" in t)
    finally:
        kernel.shutdown()

    failed = [row for row in check.rows if not row[3]]
    report = [f"### GPU run on {device} ({platform.node()}), "
              f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: "
              f"{len(check.rows) - len(failed)} of {len(check.rows)} checks passed", ""]
    for title, code, text, passed in check.rows:
        report += [f"#### {'PASS' if passed else 'FAIL'}: {title}", "", "```java", code, "```", "", "```", text, "```", ""]
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    document = with_run(read_or_empty(output), "\n".join(report))
    with open(output, "w") as out:
        out.write(document)
    print(f"wrote {output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
