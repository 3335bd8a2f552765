"""Messages with a missing or wrong signature are dropped and never executed; sockets bind to the given address."""
import os
import subprocess
import time
import uuid

import zmq


def raw_execute(kernel, code, signature_transform):
    """Sends an execute_request on a raw DEALER socket, signing it and then spoiling the signature."""
    info = kernel.manager.get_connection_info(session=True)
    session = kernel.client.session
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    header = session.msg_header("execute_request")
    parts = [session.pack(p) for p in (header, {}, {}, {
        "code": code, "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True})]
    signature = signature_transform(session.sign(parts))
    socket.send_multipart([b"<IDS|MSG>", signature] + parts)
    return socket


def marker_code(path):
    return f'java.nio.file.Files.writeString(java.nio.file.Path.of("{path}"), "executed");'


def test_bad_signature_is_not_executed(kernel, tmp_path):
    marker = tmp_path / "bad-signature"
    socket = raw_execute(kernel, marker_code(marker), lambda good: b"0" * len(good))
    time.sleep(1.5)
    socket.close()
    assert not marker.exists()
    assert kernel.request("kernel_info").reply["content"]["status"] == "ok"


def test_missing_signature_is_not_executed(kernel, tmp_path):
    marker = tmp_path / "no-signature"
    socket = raw_execute(kernel, marker_code(marker), lambda good: b"")
    time.sleep(1.5)
    socket.close()
    assert not marker.exists()
    assert kernel.ok("1").result_text() == "1"


def test_good_signature_on_the_same_path_is_executed(kernel, tmp_path):
    """The control case: proves the raw path above would have executed a correctly signed message."""
    marker = tmp_path / "good-signature"
    socket = raw_execute(kernel, marker_code(marker), lambda good: good)
    deadline = time.monotonic() + 20
    while not (marker.exists() and marker.read_text() == "executed") and time.monotonic() < deadline:
        time.sleep(0.1)
    socket.close()
    assert marker.read_text() == "executed"


def test_malformed_frames_leave_the_kernel_answering(kernel):
    info = kernel.manager.get_connection_info()
    context = zmq.Context.instance()
    for port in ("shell_port", "control_port"):
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"tcp://{info['ip']}:{info[port]}")
        socket.send_multipart([b"no delimiter at all"])
        socket.send_multipart([b"<IDS|MSG>", b"sig"])
        socket.send_multipart([b"<IDS|MSG>", b"", b"{not json", b"{}", b"{}", b"{}"])
        socket.send_multipart([b"<IDS|MSG>", b"", b"[]", b"{}", b"{}", b"{}"])
        socket.close()
    assert kernel.request("kernel_info").reply["content"]["status"] == "ok"
    assert kernel.ok("2 + 2").result_text() == "4"


def test_sockets_bind_only_to_the_connection_address(kernel):
    info = kernel.manager.get_connection_info()
    ports = {info[p] for p in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    listening = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout
    seen = set()
    for line in listening.splitlines():
        local = line.split()[3]
        address, _, port = local.rpartition(":")
        if port.isdigit() and int(port) in ports:
            seen.add(int(port))
            # Java's dual-stack sockets show an IPv4 bind as its IPv4-mapped IPv6 form.
            assert address in (info["ip"], f"[{info['ip']}]", f"[::ffff:{info['ip']}]"), line
    assert seen == ports, f"not every channel was found listening: {sorted(ports - seen)}"
