"""Invariants of the Docker images and the Binder set-up, checked from their files: there is no Docker
engine here to build them. What the images run is exercised in test_install_paths.py."""
import os
import pathlib
import re

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
DOCKERFILES = [ROOT / "docker" / "Dockerfile", ROOT / "docker" / "Dockerfile.cuda"]


def instructions(dockerfile):
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def arguments(dockerfile, keyword):
    return [rest for key, rest in instructions(dockerfile) if key == keyword]


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_base_images_are_pinned(dockerfile):
    bases = arguments(dockerfile, "FROM")
    assert bases
    for base in bases:
        image = base.split()[0]
        name, _, tag = image.rpartition(":")
        assert name and "/" not in tag, f"{image}: no tag"
        assert tag != "latest" and re.search(r"\d", tag), f"{image}: not a pinned version tag"


def test_the_cuda_image_is_on_a_cuda_12_runtime_and_prepares_cuda_libtorch():
    dockerfile = ROOT / "docker" / "Dockerfile.cuda"
    assert re.fullmatch(r"nvidia/cuda:12\.\d+\.\d+-runtime-ubuntu\d+\.\d+", arguments(dockerfile, "FROM")[0])
    assert any(run.endswith("docker/build-image.sh djinn --cuda cu128") for run in arguments(dockerfile, "RUN"))


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_images_follow_the_docker_stacks_conventions(dockerfile):
    users = arguments(dockerfile, "USER")
    assert users and users[-1] in ("1000", "jovyan", "${NB_UID}"), f"runs as {users[-1:]}, not jovyan"
    env = " ".join(arguments(dockerfile, "ENV"))
    assert "NB_USER=jovyan" in env and "NB_UID=1000" in env and "NB_GID=100" in env
    assert arguments(dockerfile, "EXPOSE") == ["8888"]
    assert arguments(dockerfile, "ENTRYPOINT") == ['["tini", "-g", "--"]']
    assert arguments(dockerfile, "CMD") == ['["start-notebook.sh"]']
    healthchecks = arguments(dockerfile, "HEALTHCHECK")
    assert len(healthchecks) == 1 and healthchecks[0].endswith('CMD ["healthcheck.sh"]')
    copies = " ".join(arguments(dockerfile, "COPY"))
    assert "docker/start-notebook.sh" in copies and "docker/healthcheck.sh" in copies
    assert "notebooks/ /opt/djinn/tutorials/" in copies


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.name)
def test_images_install_djinn_by_the_script_ci_runs(dockerfile):
    runs = arguments(dockerfile, "RUN")
    assert [r.split("docker/build-image.sh ")[1].split()[0] for r in runs] == ["system", "python", "djinn"]
    # The step that installs Djinn mounts the build context rather than copying it into a layer.
    assert "--mount=type=bind,target=/src" in runs[2]
    step = (ROOT / "docker" / "build-image.sh").read_text().split("  djinn)")[1].split(";;")[0]
    assert 'scripts/install.sh --prefix "$VENV" --home "$DJINN_HOME" --offline "$@"' in step
    assert "scripts/install.sh" in (ROOT / "kernel" / "src" / "it" / "python" / "test_install_paths.py").read_text()


def test_binder_runs_the_same_install_script():
    post_build = (ROOT / "binder" / "postBuild").read_text()
    assert '"$repo/scripts/install.sh" --prefix "$prefix" --torch-flavor cpu --offline' in post_build
    assert os.access(ROOT / "binder" / "postBuild", os.X_OK)
    apt = (ROOT / "binder" / "apt.txt").read_text().split()
    assert "openjdk-17-jdk-headless" in apt and "maven" in apt
    requirements = (ROOT / "binder" / "requirements.txt").read_text()
    assert "jupyterlab==" in requirements and "plotly==" in requirements


def test_scripts_the_images_run_are_executable():
    for name in ["build-image.sh", "start-notebook.sh", "healthcheck.sh"]:
        assert os.access(ROOT / "docker" / name, os.X_OK), name
    assert os.access(ROOT / "scripts" / "install.sh", os.X_OK)


def test_token_auth_is_never_turned_off_and_root_is_never_allowed():
    files = list((ROOT / "docker").iterdir()) + list((ROOT / "binder").iterdir())
    for path in files:
        text = path.read_text()
        assert not re.search(r"token\s*=\s*(''|\"\"|$)", text, re.M | re.I), f"{path.name} empties the token"
        assert "--allow-root" not in text and "disable_check_xsrf" not in text, path.name
        assert "password=''" not in text.lower(), path.name
    start = (ROOT / "docker" / "start-notebook.sh").read_text()
    assert 'if [ -n "${JUPYTERHUB_API_TOKEN:-}" ]; then\n  exec jupyterhub-singleuser "$@"' in start


def test_compose_serves_on_localhost_with_the_notebooks_and_a_gpu_variant():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"lab", "lab-gpu"}
    for name, service in services.items():
        assert all(port.startswith("127.0.0.1:") for port in service["ports"]), name
        assert "../notebooks:/home/jovyan/tutorials" in service["volumes"], name
        assert service["build"]["context"] == ".."
    assert services["lab"]["build"]["dockerfile"] == "docker/Dockerfile"
    gpu = services["lab-gpu"]
    assert gpu["build"]["dockerfile"] == "docker/Dockerfile.cuda"
    devices = gpu["deploy"]["resources"]["reservations"]["devices"]
    assert devices == [{"driver": "nvidia", "count": "all", "capabilities": ["gpu"]}]


def test_build_context_leaves_out_outputs_and_environments():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in ["**/target", ".venv", "bench/.venv", ".git"]:
        assert entry in ignored


def test_image_requirements_are_pinned_and_include_the_hub_single_user_server():
    lines = [line for line in (ROOT / "docker" / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert all(re.search(r"==|<", line) for line in lines), lines
    assert any(line.startswith("jupyterhub") for line in lines)
