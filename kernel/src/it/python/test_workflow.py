"""A person's notebook workflow: edit a cell and run it again, re-declare, re-define, import what a
library's docs import. Every test declares the names it uses, so the tests pass alone and in any order."""


def value(kernel, code):
    return kernel.ok(code).result_text()


def test_a_redeclared_variable_shows_its_new_value(each_jdk_kernel):
    k = each_jdk_kernel
    k.ok('String wfText = "first";')
    k.ok('String wfText = "second";')
    assert value(k, "wfText") == "second"
    k.ok("var wfNumber = 2;")
    assert value(k, "var wfNumber = 3; wfNumber") == "3"
    k.ok("int wfCount = 1;")
    k.ok("int wfCount = 5;")
    assert value(k, "wfCount") == "5"


def test_a_redeclared_array_shows_the_new_array(each_jdk_kernel):
    k = each_jdk_kernel
    k.ok("var wfArray = manager.zeros(new Shape(2));")
    k.ok("var wfArray = manager.ones(new Shape(3));")
    text = value(k, "wfArray")
    assert "(3)" in text and "1." in text and "0." not in text, text


def test_a_redefined_type_and_a_reassigned_variable_show_the_truth(each_jdk_kernel):
    k = each_jdk_kernel
    k.ok('record WfPoint(int x) {}\nvar wfPoint = new WfPoint(1);')
    k.ok('record WfPoint(int x, int y) {}\nvar wfPoint = new WfPoint(1, 2);')
    assert value(k, "wfPoint") == "WfPoint[x=1, y=2]"
    k.ok("String wfReassigned = \"a\";")
    k.ok("wfReassigned = \"b\";")
    assert value(k, "wfReassigned") == "b"


def test_a_cell_ending_in_display_does_not_echo_the_display_id(kernel):
    result = kernel.ok('display("<b>bold</b>", "text/html");')
    assert result.of_type("execute_result") == []
    shown = result.of_type("display_data")
    assert len(shown) == 1 and shown[0]["content"]["data"]["text/html"] == "<b>bold</b>"
    # The id is still returned to code that keeps it, and a later cell showing it shows it.
    kernel.ok('String wfDisplayId = display("x");')
    assert len(value(kernel, "wfDisplayId")) == len("00000000-0000-0000-0000-000000000000")
