"""Cells that print a great deal: batched, truncated past the per-cell limit with a note, kernel responsive."""
import time

import pytest

from djinn_client import assert_within


def test_a_million_lines_arrive_in_batches(kernel):
    result = kernel.ok("for (int i = 0; i < 1_000_000; i++) System.out.println(i);", timeout=300)
    streams = result.of_type("stream")
    text = "".join(m["content"]["text"] for m in streams if m["content"]["name"] == "stdout")
    assert text.startswith("0\n1\n2\n") and text.endswith("999999\n")
    assert len(streams) < 1_000, f"{len(streams)} messages for a million lines"


@pytest.mark.timing
def test_two_hundred_megabytes_are_cut_at_the_limit_with_a_note(kernel):
    start = time.monotonic()
    result = kernel.ok('var block = "x".repeat(1 << 20);\nfor (int i = 0; i < 200; i++) System.out.print(block);',
                       timeout=300)
    stdout = "".join(m["content"]["text"] for m in result.of_type("stream") if m["content"]["name"] == "stdout")
    stderr = "".join(m["content"]["text"] for m in result.of_type("stream") if m["content"]["name"] == "stderr")
    assert len(stdout) == 8 * 1024 * 1024, len(stdout)
    assert "this cell's output passed 8.0 MiB" in stderr
    assert "192.0 MiB of output not shown (200.0 MiB written, the first 8.0 MiB shown)" in stderr
    assert_within(time.monotonic() - start, 120, "the flood", "output is throttled, not queued without bound")
    # the kernel answers at once afterwards, and the next cell has its whole limit again
    assert kernel.request("kernel_info", timeout=5).reply["content"]["status"] == "ok"
    assert kernel.ok('System.out.print("after");').stdout() == "after"
