"""A thin, strict client for driving Djinn through jupyter_client in tests.

Every reply and every iopub message of a request is checked against the messaging spec's required
fields, and the iopub sequence of each request must be busy -> [execute_input] -> ... -> idle.
"""
import os
import time

import jupyter_client

HEADER_FIELDS = {"msg_id", "session", "username", "date", "msg_type", "version"}

REQUIRED_CONTENT = {
    "kernel_info_reply": {"status", "protocol_version", "implementation", "implementation_version",
                          "language_info", "banner"},
    "execute_reply": {"status", "execution_count"},
    "complete_reply": {"status", "matches", "cursor_start", "cursor_end", "metadata"},
    "inspect_reply": {"status", "found", "data", "metadata"},
    "is_complete_reply": {"status"},
    "history_reply": {"status", "history"},
    "comm_info_reply": {"status", "comms"},
    "interrupt_reply": {"status"},
    "shutdown_reply": {"status", "restart"},
    "status": {"execution_state"},
    "stream": {"name", "text"},
    "execute_input": {"code", "execution_count"},
    "execute_result": {"execution_count", "data", "metadata"},
    "display_data": {"data", "metadata", "transient"},
    "update_display_data": {"data", "metadata", "transient"},
    "error": {"ename", "evalue", "traceback"},
    "clear_output": {"wait"},
    "input_request": {"prompt", "password"},
}

KERNELS = os.environ.get("DJINN_TEST_KERNELS", "djinn-test").split(",")

# Wall-clock limits are set for a 2-core CI runner with room to spare; a slower machine scales them.
TIMING_SLACK = float(os.environ.get("DJINN_TIMING_SLACK", "1"))


def assert_within(seconds, limit, what, why):
    """A timing assertion (mark its test @pytest.mark.timing): `what` took `seconds`, which must stay under
    `limit` seconds times DJINN_TIMING_SLACK; `why` says what the limit guards, for the failure message."""
    allowed = limit * TIMING_SLACK
    assert seconds < allowed, (
        f"{what} took {seconds:.2f} s, over its {allowed:g} s limit ({why}). This is a wall-clock limit set for a "
        f"2-core CI runner: on a much slower or busier machine, run with DJINN_TIMING_SLACK=2 (or more) to "
        f"tell slowness from a hang")


def check_message(msg):
    missing = HEADER_FIELDS - set(msg["header"])
    assert not missing, f"{msg['msg_type']} header lacks {missing}"
    required = REQUIRED_CONTENT.get(msg["msg_type"], set())
    missing = required - set(msg["content"])
    assert not missing, f"{msg['msg_type']} lacks {missing}: {msg['content']}"
    if msg["msg_type"].endswith("_reply") and msg["content"]["status"] == "error":
        assert {"ename", "evalue", "traceback"} <= set(msg["content"]), msg["content"]
    if msg["msg_type"] == "execute_result":
        assert "text/plain" in msg["content"]["data"], msg["content"]


def is_plotly_library(msg):
    return msg["msg_type"] == "display_data" and "djinn-plotly-library" in msg["content"]["data"].get("text/html", "")


class Result:
    """The reply and the iopub messages (in order, status included) of one request."""

    def __init__(self, reply, iopub, stdin=()):
        self.reply = reply
        self.iopub = iopub
        self.stdin = list(stdin)

    @property
    def status(self):
        return self.reply["content"]["status"]

    def of_type(self, *types):
        """The messages of these types, in order; the outputs carrying plotly.js (the kernel's, put in the
        notebook for its charts, not the cell's own) are left out: plotly_library() has them."""
        return [m for m in self.iopub + self.stdin if m["msg_type"] in types and not is_plotly_library(m)]

    def plotly_library(self):
        return [m for m in self.iopub if is_plotly_library(m)]

    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stdout")

    def stderr(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stderr")

    def result_text(self):
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"]["text/plain"] if results else None

    def error(self):
        errors = self.of_type("error")
        return errors[-1]["content"] if errors else None


class Kernel:
    def __init__(self, name="djinn-test", env=None):
        self.name = name
        self.manager = jupyter_client.KernelManager(kernel_name=name)
        kwargs = {"env": {**os.environ, **env}} if env else {}
        self.started_at = time.monotonic()
        self.manager.start_kernel(**kwargs)
        self.client = self.manager.blocking_client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        # iopub messages read while collecting another request, kept for their own collect()
        self.backlog = {}
        self.replies = {}

    def collect(self, msg_id, timeout=120, on_input=None, expect_input=True):
        """Reads the iopub messages of msg_id up to its idle status, then its shell reply."""
        iopub = []
        stdin = []
        deadline = time.monotonic() + timeout
        for msg in self.backlog.pop(msg_id, []):
            check_message(msg)
            iopub.append(msg)
        while not (iopub and iopub[-1]["msg_type"] == "status" and iopub[-1]["content"]["execution_state"] == "idle"):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no idle status for {msg_id} within {timeout}s; got {[m['msg_type'] for m in iopub]}"
            if on_input is not None:
                try:
                    request = self.client.get_stdin_msg(timeout=0.05)
                    check_message(request)
                    stdin.append(request)
                    self.client.input(on_input(request["content"]))
                    continue
                except Exception as e:  # queue.Empty
                    if type(e).__name__ != "Empty":
                        raise
            try:
                msg = self.client.get_iopub_msg(timeout=min(remaining, 0.2 if on_input else remaining))
            except Exception as e:
                if type(e).__name__ == "Empty":
                    continue
                raise
            parent = msg["parent_header"].get("msg_id")
            if parent != msg_id:
                self.backlog.setdefault(parent, []).append(msg)
                continue
            check_message(msg)
            iopub.append(msg)
        reply = self.shell_reply(msg_id, deadline)
        check_message(reply)
        statuses = [m for m in iopub if m["msg_type"] == "status"]
        assert iopub[0]["msg_type"] == "status" and iopub[0]["content"]["execution_state"] == "busy", \
            [m["msg_type"] for m in iopub]
        assert len(statuses) == 2, [m["msg_type"] for m in iopub]
        return Result(reply, iopub, stdin)

    def shell_reply(self, msg_id, deadline):
        """The shell reply to msg_id; replies to other requests are kept for their own collect()."""
        if msg_id in self.replies:
            return self.replies.pop(msg_id)
        while True:
            reply = self.client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
            parent = reply["parent_header"]["msg_id"]
            if parent == msg_id:
                return reply
            self.replies[parent] = reply

    def execute(self, code, timeout=120, on_input=None, **kwargs):
        msg_id = self.client.execute(code, allow_stdin=on_input is not None, **kwargs)
        result = self.collect(msg_id, timeout, on_input)
        if not kwargs.get("silent"):
            kinds = [m["msg_type"] for m in result.iopub]
            assert kinds[1] == "execute_input", kinds
        return result

    def ok(self, code, timeout=120):
        result = self.execute(code, timeout)
        assert result.status == "ok", (code, result.error(), result.stderr())
        return result

    def request(self, method, *args, timeout=30, **kwargs):
        msg_id = getattr(self.client, method)(*args, **kwargs)
        return self.collect(msg_id, timeout)

    def shutdown(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)
