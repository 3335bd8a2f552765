"""What a session leaves on disk: temporary files are owner-only and gone after restart and shutdown."""
import glob
import os
import stat
import tempfile
import time

from djinn_client import KERNELS, Kernel

PROFILED = "%%profile\nvar pm = NDManager.newBaseManager();\npm.ones(new Shape(64, 64)).matMul(pm.ones(new Shape(64, 64)));\npm.close();"


def own_perf_files(pids):
    """The JVM's per-process perf-data files (hsperfdata) of the given processes."""
    return [path for pid in pids for path in glob.glob(f"{tempfile.gettempdir()}/hsperfdata_*/{pid}")]


def test_temporary_files_are_private_and_removed_on_restart_and_shutdown():
    scratch = tempfile.mkdtemp(prefix="djinn-tmpdir-")
    kernel = Kernel(KERNELS[0], env={"DJINN_JVM_OPTS": f"-Djava.io.tmpdir={scratch}"})
    pids = [kernel.manager.provisioner.process.pid]
    try:
        pids.append(int(kernel.ok("ProcessHandle.current().pid()").result_text()))
        # %%profile writes its chrome trace to a temporary file: the visible case, proving the check can fail.
        kernel.ok(PROFILED)
        traces = glob.glob(os.path.join(scratch, "djinn-profile-*.json"))
        assert len(traces) == 1, os.listdir(scratch)
        assert stat.S_IMODE(os.stat(traces[0]).st_mode) == 0o600
        kernel.manager.restart_kernel(now=False)
        kernel.client.wait_for_ready(timeout=60)
        pids.append(int(kernel.ok("ProcessHandle.current().pid()").result_text()))
        assert os.listdir(scratch) == [], "left after restart: %s" % os.listdir(scratch)
        kernel.ok(PROFILED)
        assert len(os.listdir(scratch)) == 1
    finally:
        kernel.shutdown()
    time.sleep(1)
    assert os.listdir(scratch) == [], "left after shutdown: %s" % os.listdir(scratch)
    assert own_perf_files(pids) == []
    os.rmdir(scratch)
