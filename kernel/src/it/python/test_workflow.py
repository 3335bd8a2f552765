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


def test_tablesaws_docs_imports_keep_manager_and_draw_inline(each_jdk_kernel):
    k = each_jdk_kernel
    k.ok("import tech.tablesaw.plotly.Plot;\nimport tech.tablesaw.plotly.api.*;\nimport tech.tablesaw.plotly.components.*;")
    assert value(k, "manager == null") == "false"
    result = k.ok("var wfFigure = new Figure(Layout.builder(\"docs\").build(),\n"
                  "    tech.tablesaw.plotly.traces.ScatterTrace.builder(new double[]{1, 2}, new double[]{3, 4}).build());\n"
                  "Plot.show(wfFigure);")
    shown = result.of_type("display_data")
    assert len(shown) == 1 and "application/vnd.plotly.v1+json" in shown[0]["content"]["data"], result.iopub
    assert result.of_type("execute_result") == []


def test_an_awt_import_leaves_earlier_declarations_usable_and_says_what_it_changed(each_jdk_kernel):
    k = each_jdk_kernel
    k.ok('var wfNames = new ArrayList<String>(List.of("a"));')
    result = k.ok("import java.awt.*;")
    assert "Note: Font means java.awt.Font now" in result.stderr(), result.stderr()
    assert value(k, "wfNames.size()") == "1"
    assert value(k, "new Shape(2, 3)") == "(2, 3)"
    k.ok("import ai.djl.util.*;")
    assert value(k, "Utils.class.getName()") == "ai.djl.util.Utils"


def test_a_class_named_like_a_default_import_does_not_break_later_cells(each_jdk_kernel):
    k = each_jdk_kernel
    result = k.ok('class Devices { static String where() { return "mine"; } }')
    assert "Note: class Devices replaces import io.djinn.api.Devices." in result.stderr()
    assert value(k, "Devices.where()") == "mine"
    assert value(k, "manager.ones(new Shape(2)).sum().getFloat()") == "2.0"


def test_a_redefined_class_says_which_variables_it_reset(kernel):
    kernel.ok("class WfBox { int v = 1; }\nWfBox wfBox = new WfBox();")
    result = kernel.ok("class WfBox { int v = 2; }")
    assert "Note: variable wfBox was reset to null because class WfBox changed; run its cell again to set it." \
        in result.stderr(), result.stderr()
