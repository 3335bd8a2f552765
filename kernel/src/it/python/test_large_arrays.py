"""Large NDArrays in cells: declaring or showing one copies only a corner to the JVM. DJL 0.35's own
toString boxes every element (JShell calls it for each declared variable): 60 s and +6.8 GiB RSS for
a 1 GiB array here before the runtime agent's fix."""

RSS = ('long rssMiB() throws Exception { for (String l : java.nio.file.Files.readAllLines('
       'java.nio.file.Path.of("/proc/self/status"))) if (l.startsWith("VmRSS")) '
       'return Long.parseLong(l.replaceAll("\\\\D", "")) / 1024; return -1; }')


def test_declaring_a_large_array_costs_its_own_memory_only(kernel):
    kernel.ok(RSS)
    kernel.ok("var scratch = Devices.newManager(); System.gc();")
    before = int(kernel.ok("rssMiB()").result_text())
    kernel.ok("var quarter = scratch.zeros(new Shape(64, 1024, 1024));")  # 256 MiB of float32
    grown = int(kernel.ok("rssMiB()").result_text()) - before
    # The array is 256 MiB; boxing its 64M elements, as DJL's toString does, would add gigabytes.
    assert grown < 512, f"RSS grew by {grown} MiB"
    text = kernel.ok("String.valueOf(quarter)").result_text()
    assert text.startswith("ND: (64, 1024, 1024) cpu() float32\nfirst values, [0:6, 0:6, 0:20]:"), text
    shown = kernel.ok("quarter").result_text()
    assert shown.startswith("NDArray (64, 1024, 1024) float32 on cpu()\nfirst values, [0:6, 0:6, 0:12]:"), shown
    kernel.ok("scratch.close();")


def test_small_arrays_print_as_djl_prints_them(kernel):
    text = kernel.ok("String.valueOf(manager.arange(6f).reshape(2, 3))").result_text()
    assert text.rstrip() == "ND: (2, 3) cpu() float32\n[[0., 1., 2.],\n [3., 4., 5.],\n]", text
