"""A libtorch the user names (DJINN_TORCH_LIBRARY_PATH) with a JNI built for it (DJINN_TORCH_JNI, from
`djinn build-jni`), as far as it can be checked without DJL's C++ sources, which CI does not have: the kernel
refuses a pair that cannot work and says why in %device, starting on DJL's own libtorch so the notebook runs,
and `build-jni` refuses bad input with one line before it compiles anything. The build itself, against torch
2.13.0+cpu and 2.14.1+cu130, is rehearsed by hand (docs/gpu-checks.md), as it needs a DJL checkout.
"""
import pathlib
import subprocess

from djinn_client import KERNELS, Kernel

ROOT = pathlib.Path(__file__).resolve().parents[4]
JAR = ROOT / "kernel" / "target" / "djinn.jar"


def fake_wheel(root, version, cuda=None):
    """A torch package as pip lays it out, enough for the kernel to read which it is (it is never loaded)."""
    torch = root / "site-packages" / "torch"
    (torch / "lib").mkdir(parents=True)
    (torch / "lib" / "libtorch.so").write_bytes(b"not loaded")
    (torch / "version.py").write_text(f"__version__ = '{version}'\ncuda = {repr(cuda)}\n")
    return torch


def fake_jni(root, built_for, djl="0.35.1"):
    jni = root / "jni" / "libdjl_torch.so"
    jni.parent.mkdir(parents=True)
    jni.write_bytes(b"not loaded")
    (jni.parent / "djinn-jni.properties").write_text(
        f"djl.version={djl}\ntorch.version={built_for}\ntorch.home=/elsewhere/torch\ncuda.extras=false\n"
        "compiler=g++ 12\nbuilt=2026-12-01T00:00:00Z\n")
    return jni


def device_text(env):
    k = Kernel(KERNELS[0], env=env)
    try:
        text = k.ok("%device").of_type("execute_result")[0]["content"]["data"]["text/plain"]
        # The notebook runs on DJL's own libtorch all the same.
        assert k.ok("manager.ones(new Shape(2, 3)).sum().getFloat()").result_text() == "6.0"
        return text
    finally:
        k.shutdown()


def test_a_newer_torch_without_a_jni_is_not_loaded_and_device_says_how_to_build_one(tmp_path):
    torch = fake_wheel(tmp_path, "2.13.0+cpu")
    text = device_text({"DJINN_TORCH_LIBRARY_PATH": str(torch)})
    assert f"Why this libtorch: DJINN_TORCH_LIBRARY_PATH={torch} is libtorch 2.13.0+cpu, and DJL 0.35.1's own JNI " \
           "works only with libtorch 2.7.1, so it was not used: build a JNI for it with 'djinn build-jni --torch " in text
    assert "libtorch 2.7.1, cpu flavor" in text
    assert "DJL's JNI: " in text and "with no djinn build-jni record beside it" in text


def test_a_jni_built_for_another_torch_is_refused(tmp_path):
    torch = fake_wheel(tmp_path, "2.13.0+cpu")
    jni = fake_jni(tmp_path, "2.11.0+cu130")
    text = device_text({"DJINN_TORCH_LIBRARY_PATH": str(torch), "DJINN_TORCH_JNI": str(jni)})
    assert f"DJINN_TORCH_JNI={jni} was built for libtorch 2.11.0+cu130, but DJINN_TORCH_LIBRARY_PATH={torch} is " \
           "2.13.0+cpu, so neither was used" in text
    assert "libtorch 2.7.1, cpu flavor" in text


def build_jni(*args):
    return subprocess.run(["java", "-jar", str(JAR), "build-jni", *args], capture_output=True, text=True, timeout=120)


def test_build_jni_refuses_what_it_cannot_build_from_before_compiling(tmp_path):
    torch = fake_wheel(tmp_path, "2.13.0+cpu")
    not_djl = build_jni("--djl-source", str(tmp_path), "--torch", str(torch))
    assert not_djl.returncode == 2
    assert f"error: {tmp_path} is not a DJL checkout: it has no engines/pytorch/pytorch-native/src/main/native" \
           in not_djl.stderr, not_djl.stderr

    djl = tmp_path / "djl"
    for part in ("engines/pytorch/pytorch-native/src/main/native",
                 "engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni", "api/src/main/native/djl", "gradle"):
        (djl / part).mkdir(parents=True)
    (djl / "engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java").write_text("")
    (djl / "api/src/main/native/djl/utils.h").write_text("")
    (djl / "gradle/libs.versions.toml").write_text('[versions]\ndjl = "0.36.0"\n')
    other_release = build_jni("--djl-source", str(djl), "--torch", str(torch))
    assert other_release.returncode == 2
    assert "is DJL 0.36.0, but Djinn runs DJL 0.35.1: the JNI must come from the same release ('git -C " \
           in other_release.stderr and "checkout v0.35.1')" in other_release.stderr, other_release.stderr

    (djl / "gradle/libs.versions.toml").write_text('[versions]\ndjl = "0.35.1"\n')
    no_compiler = build_jni("--djl-source", str(djl), "--torch", str(torch), "--cxx", "no-such-compiler")
    assert no_compiler.returncode == 2
    assert "error: no C++ compiler: 'no-such-compiler --version' failed" in no_compiler.stderr, no_compiler.stderr

    no_torch = build_jni("--djl-source", str(djl), "--torch", str(tmp_path / "jni-less"))
    assert no_torch.returncode == 2 and "is not a directory" in no_torch.stderr, no_torch.stderr
