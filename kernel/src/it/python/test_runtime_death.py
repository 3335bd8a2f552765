"""A runtime that dies is reported in the cell and replaced; the kernel never dies."""
import os

import pytest

from djinn_client import Kernel, KERNELS


@pytest.fixture(scope="module", params=KERNELS)
def small_heap_kernel(request):
    k = Kernel(request.param, env={"DJINN_JVM_OPTS": "-Xmx192m"})
    yield k
    k.shutdown()


def assert_replaced(kernel, result, *words):
    assert result.status == "error"
    error = result.error()
    assert error["ename"] == "RuntimeDied", error
    for word in words:
        assert word in error["evalue"], error["evalue"]
    assert "fresh runtime was started" in error["evalue"]
    assert kernel.ok("40 + 2").result_text() == "42"
    # the preloads are back too
    assert "(1)" in kernel.ok("NDManager.newBaseManager().ones(new Shape(1))").result_text()


def test_system_exit(each_jdk_kernel):
    kernel = each_jdk_kernel
    kernel.ok("int lost = 1;")
    result = kernel.execute("System.exit(3);")
    assert_replaced(kernel, result, "exited with status 3")
    assert kernel.execute("lost").status == "error"  # the variables went with the old runtime


def test_native_abort_in_libtorch(each_jdk_kernel):
    kernel = each_jdk_kernel
    # DJL 0.35's PyTorch JNI aborts the JVM on BFLOAT16. Djinn's dtype guard stops NDArray.toType before
    # that, so the native call is made directly here, as buggy native code would: a real libtorch abort.
    result = kernel.execute(
        'var jni = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");\n'
        'var lib = jni.getDeclaredField("LIB"); lib.setAccessible(true);\n'
        'var to = jni.getDeclaredMethod("torchTo", long.class, int.class, int[].class); to.setAccessible(true);\n'
        'var victim = (ai.djl.pytorch.engine.PtNDArray) NDManager.newBaseManager().ones(new Shape(2));\n'
        'to.invoke(lib.get(null), victim.getHandle(), DataType.BFLOAT16.ordinal(), new int[] {0, -1});')
    if result.status == "ok":
        pytest.skip("this engine build no longer aborts on BFLOAT16")
    assert_replaced(kernel, result, "signal 6", "SIGABRT")


def test_runtime_killed_from_outside(each_jdk_kernel):
    kernel = each_jdk_kernel
    pid = int(kernel.ok("ProcessHandle.current().pid()").result_text())
    msg_id = kernel.client.execute("Thread.sleep(60000);")
    import time
    time.sleep(0.5)
    os.kill(pid, 9)
    result = kernel.collect(msg_id, timeout=30)
    assert_replaced(kernel, result, "signal 9")


def test_out_of_memory_that_leaves_the_runtime_unusable(small_heap_kernel):
    kernel = small_heap_kernel
    result = kernel.execute("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);", timeout=120)
    assert result.status == "error"
    error = result.error()
    assert error["ename"] == "RuntimeDied", error
    assert "heap" in error["evalue"]
    assert kernel.ok("40 + 2").result_text() == "42"


def test_out_of_memory_that_the_runtime_survives_is_a_plain_error(small_heap_kernel):
    kernel = small_heap_kernel
    kernel.ok("int keptAfterOom = 7;")
    result = kernel.execute("long[] tooBig = new long[Integer.MAX_VALUE - 8];")
    assert result.status == "error"
    assert result.error()["ename"] == "java.lang.OutOfMemoryError"
    assert kernel.ok("keptAfterOom").result_text() == "7"
