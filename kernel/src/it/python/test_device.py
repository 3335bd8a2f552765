"""%device, %gpu, %memory, the dtype guard and CUDA error reporting, through Jupyter on a machine
without a GPU (the GPU side is checked by scripts/gpu-check.sh on a GPU machine)."""
import os

import pytest

from djinn_client import KERNELS, Kernel

NO_GPU = os.path.exists("/proc/driver/nvidia/version") is False and os.path.exists("/dev/nvidiactl") is False
pytestmark = pytest.mark.skipif(not NO_GPU, reason="these tests state what a machine without a GPU shows")


def test_device_report_names_default_device_libtorch_and_why_no_gpu(kernel):
    report = kernel.ok("%device").of_type("execute_result")[0]["content"]["data"]
    text = report["text/plain"]
    assert text.startswith("Default device: cpu (used by `manager`")
    assert "libtorch 2.7.1, cpu flavor, loaded from " in text and "-cpu-linux-x86_64" in text
    assert "Why this libtorch: DJINN_TORCH_FLAVOR=auto and no NVIDIA driver on this machine" in text
    assert "CUDA_VISIBLE_DEVICES: not set" in text
    assert "No GPU: no NVIDIA driver on this machine" in text
    assert "<table>" in report["text/html"] and "<td>cpu</td>" in report["text/html"]


def test_asking_for_a_gpu_is_a_one_line_error_and_the_kernel_goes_on(kernel):
    kernel.ok("var kept = 41;")
    for spec in ("gpu", "gpu:1", "cuda:0"):
        error = kernel.execute("%device " + spec).error()
        assert error["ename"] == "UsageError", error
        assert error["evalue"].startswith("cannot use gpu:") and "no NVIDIA driver on this machine" in error["evalue"]
        assert error["traceback"] == [error["traceback"][0]], "no stack trace"
    assert kernel.ok("kept + 1").result_text() == "42"


def test_bad_device_names_and_arguments(kernel):
    error = kernel.execute("%device tpu").error()
    assert error["ename"] == "UsageError"
    assert "unknown device 'tpu': use cpu, gpu, gpu:N (N counts from 0) or auto" in error["evalue"]
    error = kernel.execute("%device cpu gpu").error()
    assert error["ename"] == "UsageError" and "Unmatched argument" in error["evalue"], error
    help_text = kernel.ok("%device --help").stdout()
    assert "cpu, gpu, gpu:N (from 0) or auto" in help_text


def test_switching_devices_and_the_kernel_manager(kernel):
    kernel.ok("var early = manager.ones(new Shape(2, 3));")
    assert kernel.ok("early.getDevice()").result_text() == "cpu()"
    stays = kernel.ok("%device cpu").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert stays.startswith("Default device stays cpu.")
    assert "Arrays made before stay where they are" in stays
    auto = kernel.ok("%device auto").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert auto.startswith("Default device stays cpu (DJL's choice).")
    # The helpers follow the default device and make working arrays and models.
    assert kernel.ok("Devices.device()").result_text() == "cpu()"
    printed = kernel.ok("try (var m = Devices.newManager()) { System.out.println(m.arange(4).sum()); }").stdout()
    assert printed.split() == ["ND:", "()", "cpu()", "int64", "6"], printed
    made = kernel.ok('try (var model = Devices.newModel("m")) { System.out.println(model.getNDManager().getDevice()); }')
    assert made.stdout().strip() == "cpu()", made.stdout()
    assert kernel.ok('String.valueOf(Devices.use("cpu"))').result_text().startswith("Default device stays cpu.")
    assert "(it follows %device)" in kernel.ok("manager").result_text()


def test_arrays_attach_to_the_notebook_manager(kernel):
    # DJL casts an attach target to its own manager class; the notebook's manager is a proxy.
    code = """
NDArray kept;
try (NDManager scratch = manager.newSubManager()) {
    kept = scratch.arange(5f);
    kept.attach(manager);
    NDList both = new NDList(scratch.ones(new Shape(2)), scratch.zeros(new Shape(2)));
    both.attach(manager);
    kept.tempAttach(scratch);
}
kept.sum()"""
    assert kernel.ok(code).result_text().split()[-1] == "10."


def test_gpu_magic_without_a_gpu(kernel):
    data = kernel.ok("%gpu").of_type("execute_result")[0]["content"]["data"]
    assert data["text/plain"] == ("No GPU: there is no NVIDIA GPU on this machine (no NVIDIA driver, no nvidia-smi); "
                                  "cells run on the CPU.")


def _open_arrays(text):
    for line in text.splitlines():
        if line.strip().startswith("open NDArrays:") and "cpu" in line:
            return int(line.split(":")[1].split()[0])
    return 0


def test_memory_counts_arrays_before_and_after_closing(kernel):
    kernel.ok("System.gc();")
    before = kernel.ok("%memory").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert before.startswith("Memory of the runtime process")
    assert "JVM heap" in before and "process RSS" in before
    assert "No GPU memory to show: no GPU is visible to this runtime." in before
    kernel.ok("var scratch = Devices.newManager(); for (int i = 0; i < 25; i++) scratch.zeros(new Shape(1024, 256));")
    during = kernel.ok("%memory").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert _open_arrays(during) == _open_arrays(before) + 25, (before, during)
    assert "25.0 MiB" in during or _open_arrays(before) > 0
    kernel.ok("scratch.close();")
    after = kernel.ok("%memory").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert _open_arrays(after) == _open_arrays(before), (before, after)
    emptied = kernel.ok("%memory --empty-cache").of_type("execute_result")[0]["content"]["data"]["text/plain"]
    assert "Nothing to release: the loaded libtorch is the CPU build, which keeps no GPU cache." in emptied


def test_bfloat16_is_an_error_not_a_dead_runtime(kernel):
    kernel.ok("var survivor = manager.arange(6f);")
    error = kernel.execute("survivor.toType(DataType.BFLOAT16, false)").error()
    assert error["ename"] == "io.djinn.api.UnsupportedDataTypeException", error
    assert "cannot use BFLOAT16 arrays" in error["evalue"] and "use DataType.FLOAT16" in error["evalue"]
    error = kernel.execute("manager.zeros(new Shape(2), DataType.BFLOAT16)").error()
    assert error["ename"] == "io.djinn.api.UnsupportedDataTypeException", error
    # Same runtime, same variables; FLOAT16 works on the CPU.
    assert kernel.ok("survivor.toType(DataType.FLOAT16, false).sum().toFloatArray()[0]").result_text() == "15.0"


def test_a_cuda_out_of_memory_error_is_summarised_with_what_to_do(kernel):
    # DJL raises PyTorch's message as an EngineException; no GPU here, so the same exception is thrown by hand.
    error = kernel.execute(
        'throw new ai.djl.engine.EngineException("CUDA out of memory. Tried to allocate 20.00 GiB. GPU 0 has a total '
        'capacity of 79.19 GiB of which 3.94 GiB is free. Process 1 has 75.24 GiB memory in use.")').error()
    assert error["ename"] == "ai.djl.engine.EngineException"
    assert error["evalue"] == "CUDA out of memory: asked for 20.00 GiB on GPU 0, which had 3.94 GiB free of 79.19 GiB"
    text = "\n".join(error["traceback"])
    assert "%memory shows what holds GPU memory" in text and "%memory --empty-cache" in text
    assert kernel.ok("1 + 1").result_text() == "2"


def test_a_cuda_flavor_that_cannot_be_had_starts_on_the_cpu_and_says_why():
    k = Kernel(KERNELS[0], env={"DJINN_TORCH_FLAVOR": "cu128", "DJINN_OFFLINE": "true"})
    try:
        text = k.ok("%device").of_type("execute_result")[0]["content"]["data"]["text/plain"]
        assert "Why this libtorch: DJINN_TORCH_FLAVOR=cu128, but CUDA libtorch cu128 is not in " in text
        assert "libtorch 2.7.1, cpu flavor" in text
        assert k.ok("manager.ones(new Shape(2)).sum().getFloat()").result_text() == "2.0"
    finally:
        k.shutdown()


def test_a_bad_flavor_is_reported_and_the_kernel_starts_as_auto():
    k = Kernel(KERNELS[0], env={"DJINN_TORCH_FLAVOR": "cuda12"})
    try:
        text = k.ok("%device").of_type("execute_result")[0]["content"]["data"]["text/plain"]
        assert ("Why this libtorch: DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as cu128, not 'cuda12'; "
                "using auto.") in text
        assert k.ok("1 + 1").result_text() == "2"
    finally:
        k.shutdown()


def test_an_engine_that_does_not_load_is_reported_and_the_magics_still_answer(tmp_path):
    # A libtorch directory whose libtorch.so is not a library: DJL's engine fails to load.
    (tmp_path / "libtorch.so").write_bytes(b"not a shared library")
    k = Kernel(KERNELS[0], env={"DJINN_TORCH_LIBRARY_PATH": str(tmp_path), "DJINN_WARMUP": "false"})
    try:
        text = k.ok("%device").of_type("execute_result")[0]["content"]["data"]["text/plain"]
        assert text.startswith("Default device: none (the PyTorch engine did not load)"), text
        assert "The PyTorch engine did not load: " in text
        memory = k.ok("%memory").of_type("execute_result")[0]["content"]["data"]["text/plain"]
        assert "No NDArrays: the PyTorch engine did not load (%device says why)." in memory
        error = k.execute("%device cpu").error()
        assert error["ename"] == "UsageError" and error["evalue"].startswith("the PyTorch engine did not load"), error
        assert k.ok("6 * 7").result_text() == "42"
    finally:
        k.shutdown()
