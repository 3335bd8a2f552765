"""Interrupts stop sleeps, tight loops and DJL loops within 2 s, keeping earlier variables (JDK 17 and 25)."""
import threading
import time

import pytest

from djinn_client import assert_within

CASES = {
    "sleep": "Thread.sleep(600000);",
    "tight loop": "while (true) {}",
    "djl loop": "try (var m = NDManager.newBaseManager()) {\n"
                "    var a = m.ones(new Shape(64, 64));\n"
                "    while (true) { a.add(1).close(); }\n"
                "}",
}


@pytest.mark.timing
@pytest.mark.parametrize("case", list(CASES))
def test_interrupt_stops_the_cell_and_keeps_variables(each_jdk_kernel, case):
    kernel = each_jdk_kernel
    kernel.ok('String survivor = "still here";')
    msg_id = kernel.client.execute(CASES[case])
    time.sleep(1.0)
    start = time.monotonic()
    kernel.manager.interrupt_kernel()
    result = kernel.collect(msg_id, timeout=10)
    stopped_after = time.monotonic() - start
    assert result.status == "error"
    assert result.error()["ename"] == "Interrupted", result.error()
    assert_within(stopped_after, 2.0, f"stopping {case}", "an interrupt stops the cell promptly")
    assert kernel.ok("survivor").result_text() == "still here"


def test_interrupt_when_idle_is_harmless(kernel):
    kernel.manager.interrupt_kernel()
    time.sleep(0.3)
    assert kernel.ok("1 + 2").result_text() == "3"


def test_interrupt_ends_a_pending_input_request(kernel):
    msg_id = kernel.client.execute("System.in.read()", allow_stdin=True)
    request = kernel.client.get_stdin_msg(timeout=10)
    assert request["msg_type"] == "input_request"
    kernel.manager.interrupt_kernel()
    result = kernel.collect(msg_id, timeout=10)
    assert result.status == "error"
    assert kernel.ok("5").result_text() == "5"
