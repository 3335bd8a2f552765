"""install's JVM caches: a training session records, beside the kernelspec, ahead-of-time caches for both JVMs
(JDK 25+) or a class-data-sharing archive of the kernel JVM (JDK 17 to 24), and kernels start from them; a cache
that no longer fits its JVM costs its speed, not the session. The start-up gain itself is measured in bench/,
not here."""
import glob
import json
import os
import pathlib
import shutil
import subprocess

import pytest

from djinn_client import Kernel

ROOT = pathlib.Path(__file__).resolve().parents[4]
JAR = ROOT / "kernel" / "target" / "djinn.jar"


def jdk25():
    candidates = [os.environ.get("DJINN_TEST_JDK25", "")] + sorted(glob.glob("/usr/lib/jvm/*25*"))
    for home in candidates:
        if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return os.path.join(home, "bin", "java")
    return None


def install(java, prefix, name, *options):
    result = subprocess.run([java, "-jar", str(JAR), "install", "--prefix", str(prefix), "--name", name, *options],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, prefix / "share" / "jupyter" / "kernels" / name


@pytest.fixture(scope="module")
def cached_spec(tmp_path_factory):
    java = jdk25()
    if java is None:
        pytest.skip("no JDK 25 here (set DJINN_TEST_JDK25): install makes JVM caches only on JDK 25 and later")
    prefix = tmp_path_factory.mktemp("jvm-caches")
    out, spec = install(java, prefix, "djinn-cached")
    return out, spec, prefix


def start(monkeypatch, prefix, name):
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", ""))
    return Kernel(name)


def spoiled_copy(spec, prefix, name, *caches):
    """A copy of an installed kernelspec under prefix whose caches are garbage, as after a JDK update."""
    copy = prefix / "share" / "jupyter" / "kernels" / name
    shutil.copytree(spec, copy)
    for cache in caches:
        (copy / cache).chmod(0o644)  # the JVM writes them read-only
        (copy / cache).write_bytes(b"not a cache any more")
    kernel_json = copy / "kernel.json"
    kernel_json.write_text(kernel_json.read_text().replace(str(spec), str(copy)))
    return copy


def runtime_arguments(kernel):
    return kernel.ok("String.join(\" \", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())"
                     ).result_text()


def test_install_on_jdk25_records_both_caches_and_kernels_start_from_them(cached_spec, monkeypatch):
    out, spec, prefix = cached_spec
    assert "JVM caches: kernel.aot and runtime.aot" in out, out
    argv = json.loads((spec / "kernel.json").read_text())["argv"]
    assert f"-XX:AOTCache={spec / 'kernel.aot'}" in argv
    assert f"-Ddjinn.runtimeJvmCache={spec / 'runtime.aot'}" in argv
    assert argv.index(f"-XX:AOTCache={spec / 'kernel.aot'}") < argv.index("-jar")
    kernel = start(monkeypatch, prefix, "djinn-cached")
    try:
        assert kernel.ok("40 + 2").result_text() == "42"
        assert "(2, 2)" in kernel.ok("manager.ones(new Shape(2, 2)).mul(3)").result_text()
        assert f"-XX:AOTCache={spec / 'runtime.aot'}" in runtime_arguments(kernel)
        assert str(spec / "kernel.aot") in mapped_files(kernel.manager.provisioner.process.pid)
        # the runtime JVM, on its own collector, uses its cache too
        runtime_pid = int(kernel.ok("ProcessHandle.current().pid()").result_text())
        assert str(spec / "runtime.aot") in mapped_files(runtime_pid)
    finally:
        kernel.shutdown()


def test_caches_that_no_longer_fit_cost_speed_not_the_session(cached_spec, monkeypatch, tmp_path):
    """As after a JDK update: both JVMs find a cache they cannot use, say so in the log, and run without."""
    _, spec, _ = cached_spec
    prefix = tmp_path / "prefix"
    stale = spoiled_copy(spec, prefix, "djinn-stale", "kernel.aot", "runtime.aot")
    kernel = start(monkeypatch, prefix, "djinn-stale")
    try:
        assert kernel.ok("40 + 2").result_text() == "42"
        assert str(stale / "kernel.aot") not in mapped_files(kernel.manager.provisioner.process.pid)
        assert "(2, 2)" in kernel.ok("manager.ones(new Shape(2, 2))").result_text()
    finally:
        kernel.shutdown()


def jdk17():
    java = shutil.which("java")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    if '"17' not in version:
        pytest.skip(f"the default java is not JDK 17: {version.splitlines()[0]}")
    return java


def mapped_files(pid):
    with open(f"/proc/{pid}/maps") as maps:
        return {line.split()[-1] for line in maps if len(line.split()) >= 6}


@pytest.fixture(scope="module")
def class_data_spec(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("class-data")
    out, spec = install(jdk17(), prefix, "djinn-class-data")
    return out, spec, prefix


def test_install_on_jdk17_records_the_kernel_jvms_class_data_and_the_kernel_maps_it(class_data_spec, monkeypatch):
    out, spec, prefix = class_data_spec
    assert "JVM caches: kernel.jsa" in out, out
    assert not (spec / "kernel.aot").exists() and not (spec / "runtime.aot").exists()
    argv = json.loads((spec / "kernel.json").read_text())["argv"]
    archive = f"-XX:SharedArchiveFile={spec / 'kernel.jsa'}"
    assert archive in argv and argv.index(archive) < argv.index("-jar")
    assert not any("AOTCache" in arg or "runtimeJvmCache" in arg for arg in argv)
    kernel = start(monkeypatch, prefix, "djinn-class-data")
    try:
        assert kernel.ok("40 + 2").result_text() == "42"
        assert "(2, 2)" in kernel.ok("manager.ones(new Shape(2, 2)).mul(3)").result_text()
        # The JVM maps an archive it uses for as long as it runs; one it refused it does not map at all.
        assert str(spec / "kernel.jsa") in mapped_files(kernel.manager.provisioner.process.pid)
        arguments = runtime_arguments(kernel)
        assert "SharedArchiveFile" not in arguments and "AOTCache" not in arguments, arguments
    finally:
        kernel.shutdown()


def test_a_class_data_archive_that_no_longer_fits_costs_speed_not_the_session(class_data_spec, monkeypatch, tmp_path):
    """As after a JDK update or a rebuilt jar: the kernel JVM cannot use the archive and runs without it."""
    _, spec, _ = class_data_spec
    prefix = tmp_path / "prefix"
    stale = spoiled_copy(spec, prefix, "djinn-stale-class-data", "kernel.jsa")
    kernel = start(monkeypatch, prefix, "djinn-stale-class-data")
    try:
        assert kernel.ok("40 + 2").result_text() == "42"
        assert str(stale / "kernel.jsa") not in mapped_files(kernel.manager.provisioner.process.pid)
    finally:
        kernel.shutdown()


def test_reinstalling_replaces_the_archive(class_data_spec):
    """A read-only archive from an earlier install (the JVM writes it so) is removed, not left to block the new one."""
    _, spec, prefix = class_data_spec
    first = (spec / "kernel.jsa").stat().st_mtime_ns
    out, _ = install(jdk17(), prefix, "djinn-class-data")
    assert "JVM caches: kernel.jsa" in out, out
    assert (spec / "kernel.jsa").stat().st_mtime_ns != first


def test_jvm_caches_off_makes_none(tmp_path):
    java = jdk25() or shutil.which("java")
    out, spec = install(java, tmp_path, "djinn-nocache", "--jvm-caches", "off")
    assert "JVM caches" not in out
    assert not (spec / "kernel.aot").exists() and not (spec / "kernel.jsa").exists()
    assert not any("AOTCache" in arg or "SharedArchiveFile" in arg
                   for arg in json.loads((spec / "kernel.json").read_text())["argv"])
