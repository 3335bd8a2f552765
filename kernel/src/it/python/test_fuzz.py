"""10,000 malformed, truncated, oversized, wrongly typed or badly signed messages on shell, control and
stdin: the kernel never crashes, never executes an unsigned or badly signed request, keeps answering,
and logs the rejections without flooding its log."""
import json
import os
import random
import time

import jupyter_client
import zmq

from djinn_client import KERNELS

MESSAGES = 10_000


def garbage(rng, session, marker):
    """One hostile multipart message, of a kind chosen at random."""
    kind = rng.randrange(8)
    header = session.msg_header(rng.choice(["execute_request", "complete_request", "kernel_info_request",
                                            "inspect_request", "history_request", "shutdown_request"]))
    execute = {"code": f'java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "x");',
               "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
               "stop_on_error": True}
    parts = [session.pack(header), b"{}", b"{}", session.pack(execute)]
    good = session.sign(parts)
    if kind == 0:  # no delimiter
        return [os.urandom(rng.randrange(1, 64)) for _ in range(rng.randrange(1, 6))]
    if kind == 1:  # truncated after the delimiter
        return [b"<IDS|MSG>", good][: rng.randrange(1, 3)] + parts[: rng.randrange(0, 3)]
    if kind == 2:  # wrong signature
        return [b"<IDS|MSG>", bytes(rng.choice(b"0123456789abcdef") for _ in range(64))] + parts
    if kind == 3:  # no signature
        return [b"<IDS|MSG>", b""] + parts
    if kind == 4:  # signed with another key
        other = jupyter_client.session.Session(key=b"not-the-key")
        return [b"<IDS|MSG>", other.sign(parts)] + parts
    if kind == 5:  # invalid JSON, signed correctly: still never executed
        broken = [b"{", b"[]", b"null", os.urandom(32)]
        return [b"<IDS|MSG>", session.sign(broken)] + broken
    if kind == 6:  # oversized part, badly signed
        return [b"<IDS|MSG>", b"bad", os.urandom(rng.choice([1 << 16, 1 << 20]))] + parts[1:]
    # correctly signed, wrongly typed content for requests that do not execute code
    header = session.msg_header(rng.choice(["complete_request", "inspect_request", "history_request",
                                            "is_complete_request"]))
    content = {"code": rng.choice([123, None, [], {"a": 1}]), "cursor_pos": rng.choice(["x", -5, None, 1e12]),
               "hist_access_type": rng.choice([7, "range", None]), "n": "many"}
    typed = [session.pack(header), b"{}", b"{}", json.dumps(content).encode()]
    return [b"<IDS|MSG>", session.sign(typed)] + typed


def test_ten_thousand_hostile_messages(tmp_path):
    log = open(tmp_path / "kernel.log", "w")
    manager = jupyter_client.KernelManager(kernel_name=KERNELS[0])
    manager.start_kernel(stderr=log, env={**os.environ, "DJINN_LOG_LEVEL": "warn"})
    client = manager.blocking_client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    marker = tmp_path / "executed"
    info = manager.get_connection_info()
    context = zmq.Context.instance()
    sockets = []
    for port in ("shell_port", "control_port", "stdin_port"):
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.setsockopt(zmq.SNDHWM, 0)
        socket.connect(f"tcp://{info['ip']}:{info[port]}")
        sockets.append(socket)
    rng = random.Random(20261122)
    try:
        for i in range(MESSAGES):
            rng.choice(sockets).send_multipart(garbage(rng, client.session, marker))
        time.sleep(2)
        # everything sent before this request has been read by the time it is answered
        client.kernel_info()
        reply = client.get_shell_msg(timeout=60)
        assert reply["content"]["status"] == "ok"
        assert manager.is_alive()
        assert not marker.exists(), "an unsigned or badly signed request was executed"
        msg_id = client.execute("6 * 7")
        while True:
            msg = client.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
                assert msg["content"]["data"]["text/plain"] == "42"
                break
    finally:
        for socket in sockets:
            socket.close()
        client.stop_channels()
        manager.shutdown_kernel(now=False)
        log.close()
    dropped = [line for line in open(tmp_path / "kernel.log") if "dropped" in line]
    assert 20 <= len(dropped) <= 40, f"{len(dropped)} log lines for the rejections"
