"""The one install path (scripts/install.sh) as the Docker images, Binder and ./djinn.sh run it.

There is no Docker engine here, so the images themselves are not built: what they run is. The install
script goes into a temporary prefix and a tutorial runs with the kernel it installed; Binder's postBuild
runs in a scratch HOME with Binder's requirements; the images' start script serves JupyterLab as a
non-root user with token auth; and test_images.py checks that the Dockerfiles call this same script.
"""
import getpass
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import jupyter_client
import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[4]
WELCOME = ROOT / "notebooks" / "01-welcome.ipynb"


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


def errors(notebook):
    return [(cell.source, output) for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if output.output_type == "error"]


@pytest.fixture(scope="module")
def public_dirs():
    """Makes world-readable temporary directories (pytest's own are private to their owner), so that a
    non-root user can run what is installed there, as jovyan runs what root installed in the images."""
    made = []

    def make(name):
        made.append(pathlib.Path(tempfile.mkdtemp(prefix=f"djinn-{name}-")))
        made[-1].chmod(0o755)
        return made[-1]
    yield make
    for directory in made:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="module")
def installed(public_dirs):
    """scripts/install.sh into a fresh prefix, offline, as the images run it."""
    prefix = public_dirs("prefix")
    result = run([str(ROOT / "scripts" / "install.sh"), "--prefix", str(prefix), "--offline",
                  "--name", "djinn-installed", "--display-name", "Djinn (installed)"])
    return prefix, result


def test_install_script_puts_kernel_natives_and_kernelspec_in_the_prefix(installed):
    prefix, result = installed
    spec_dir = prefix / "share" / "jupyter" / "kernels" / "djinn-installed"
    assert result.stdout.strip() == str(spec_dir)
    spec = json.loads((spec_dir / "kernel.json").read_text())
    home = prefix / "share" / "djinn"
    assert spec["argv"][spec["argv"].index("-jar") + 1] == str(home / "djinn.jar")
    assert spec["env"] == {"DJINN_CACHE_DIR": str(home / "natives"), "DJINN_OFFLINE": "true"}
    libtorch = list((home / "natives" / "pytorch").glob("*-cpu-linux-x86_64/libtorch.so"))
    assert libtorch, "the CPU libtorch was not unpacked into the natives directory"
    assert "cpu: libtorch 2.7.1 cpu " in result.stderr


def test_a_tutorial_runs_with_the_installed_kernel_and_its_natives(installed, monkeypatch):
    prefix, _ = installed
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    # The kernelspec's own settings must be enough: nothing from the test environment's.
    monkeypatch.delenv("DJINN_CACHE_DIR", raising=False)
    monkeypatch.delenv("DJINN_OFFLINE", raising=False)
    notebook = nbformat.read(WELCOME, as_version=4)
    probe = nbformat.v4.new_code_cell("%device")
    notebook.cells.append(probe)
    NotebookClient(notebook, kernel_name="djinn-installed", timeout=300,
                   resources={"metadata": {"path": str(WELCOME.parent)}}).execute()
    assert not errors(notebook)
    device = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in probe.outputs)
    assert str(prefix / "share" / "djinn" / "natives") in device, device


def test_a_second_install_replaces_the_first_in_place(installed):
    prefix, _ = installed
    home = prefix / "share" / "djinn"
    before = sorted(p.name for p in (home / "runtime").iterdir())
    run([str(ROOT / "scripts" / "install.sh"), "--prefix", str(prefix), "--offline", "--name", "djinn-installed"])
    assert sorted(p.name for p in (home / "runtime").iterdir()) == before
    assert not list(home.glob(".install.*")), "the staging directory was left behind"


def test_install_script_rejects_a_bad_argument():
    result = subprocess.run([str(ROOT / "scripts" / "install.sh"), "--prefix"], capture_output=True, text=True)
    assert result.returncode != 0 and "--prefix needs a directory" in result.stderr
    result = subprocess.run([str(ROOT / "scripts" / "install.sh"), "--frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2 and "unknown argument '--frobnicate'" in result.stderr
    assert "Usage: scripts/install.sh --prefix DIR" in result.stderr


@pytest.fixture(scope="module")
def binder_env(public_dirs):
    """A Python environment from binder/requirements.txt, made by the system's python where there is one
    (as repo2docker and the images do), so that a non-root user can run it too."""
    env_dir = public_dirs("binder") / "env"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJINN_", "JUPYTER_", "PIP_"))}
    env["DJINN_VENV"] = str(env_dir)
    if os.path.exists("/usr/bin/python3"):
        env["PYTHON"] = "/usr/bin/python3"
    run([str(ROOT / "scripts" / "python-env.sh"), str(ROOT / "binder" / "requirements.txt")], env=env)
    return env_dir


def test_binder_postbuild_in_a_scratch_home_gives_a_kernel_that_runs_the_first_tutorial(binder_env, tmp_path):
    env_dir = binder_env
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJINN_", "JUPYTER_"))}
    env.update(HOME=str(home), PATH=f"{env_dir / 'bin'}:{env['PATH']}")
    run([str(ROOT / "binder" / "postBuild")], env=env, cwd=str(home))
    spec = json.loads((env_dir / "share" / "jupyter" / "kernels" / "djinn" / "kernel.json").read_text())
    assert spec["env"]["DJINN_TORCH_FLAVOR"] == "cpu" and spec["env"]["DJINN_OFFLINE"] == "true"
    output = tmp_path / "welcome.ipynb"
    run([str(env_dir / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.kernel_name=djinn", "--ExecutePreprocessor.timeout=300",
         "--output", str(output), str(WELCOME)], env=env, cwd=str(WELCOME.parent))
    assert not errors(nbformat.read(output, as_version=4))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, b""


@pytest.fixture
def as_user(public_dirs):
    """A command prefix that runs as a non-root user (the images' jovyan), and a HOME it owns."""
    home = public_dirs("home") / "jovyan"
    home.mkdir()
    if os.geteuid() != 0:
        return [], home
    if not shutil.which("runuser"):
        pytest.skip("running as root without runuser")
    shutil.chown(home, "nobody")
    return ["runuser", "-u", "nobody", "--"], home


def test_image_start_script_refuses_root():
    if os.geteuid() != 0:
        pytest.skip("needs root to check that root is refused")
    result = subprocess.run([str(ROOT / "docker" / "start-notebook.sh")], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and "refusing to run as root" in result.stderr


def test_image_start_script_serves_lab_with_token_auth_the_kernel_and_a_health_check(installed, binder_env, as_user):
    prefix, _ = installed
    user, home = as_user
    tutorials = home.parent / "djinn-home" / "tutorials"
    shutil.copytree(ROOT / "notebooks", tutorials)
    port = free_port()
    path = f"{binder_env / 'bin'}:{os.environ['PATH']}"
    env = ["env", f"HOME={home}", f"PATH={path}", f"JUPYTER_PORT={port}", "JUPYTER_IP=127.0.0.1", "JUPYTER_TOKEN=secret-token",
           f"JUPYTER_PATH={prefix / 'share' / 'jupyter'}", f"DJINN_HOME={tutorials.parent}"]
    server = subprocess.Popen(user + env + [str(ROOT / "docker" / "start-notebook.sh")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    health = user + env[:3] + [str(ROOT / "docker" / "healthcheck.sh")]
    try:
        deadline = time.time() + 90
        while subprocess.run(health, capture_output=True).returncode != 0:
            assert server.poll() is None, server.stdout.read()
            assert time.time() < deadline, "the health check never passed"
            time.sleep(1)
        base = f"http://127.0.0.1:{port}"
        assert http_status(f"{base}/api/kernelspecs")[0] == 403, "the API answered without the token"
        status, body = http_status(f"{base}/api/kernelspecs?token=secret-token")
        assert status == 200 and "djinn-installed" in json.loads(body)["kernelspecs"]
        assert (home / "tutorials" / "01-welcome.ipynb").is_file(), "the tutorials were not copied into HOME"
        request = urllib.request.Request(f"{base}/api/kernels?token=secret-token", method="POST",
                                         data=json.dumps({"name": "djinn-installed"}).encode(),
                                         headers={"Content-Type": "application/json"})
        kernel_id = json.loads(urllib.request.urlopen(request, timeout=30).read())["id"]
        results = []
        # The server relays a kernel's messages only to websocket clients; talk to it through the connection
        # file the server wrote instead, as the non-root user's kernel runs it.
        connection = home / ".local" / "share" / "jupyter" / "runtime" / f"kernel-{kernel_id}.json"
        client = jupyter_client.BlockingKernelClient(connection_file=str(connection))
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive('System.getProperty("user.name") + " " + (2 + 3)', timeout=60,
                                               output_hook=lambda msg: results.append(msg))
            assert reply["content"]["status"] == "ok"
            value = [m["content"]["data"]["text/plain"] for m in results if m["msg_type"] == "execute_result"]
            assert value == [f"{user[2] if user else getpass.getuser()} 5"], value
        finally:
            client.stop_channels()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    assert subprocess.run(health, capture_output=True).returncode != 0, "healthy with no server running"
