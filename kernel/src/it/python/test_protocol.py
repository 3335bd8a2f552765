"""Protocol conformance, covering what jupyter_kernel_test 0.7 checks, through jupyter_client."""
import base64


def test_kernel_info(kernel):
    result = kernel.request("kernel_info")
    content = result.reply["content"]
    assert content["status"] == "ok"
    assert content["implementation"] == "djinn"
    assert tuple(int(p) for p in content["protocol_version"].split(".")) >= (5, 3)
    language = content["language_info"]
    assert language["name"] == "java"
    assert language["file_extension"] == ".jshell"
    assert language["mimetype"]


def test_hello_world_stdout(kernel):
    result = kernel.ok('System.out.println("hello, world");')
    assert result.stdout() == "hello, world\n"
    assert result.stderr() == ""


def test_stderr(kernel):
    result = kernel.ok('System.err.println("to stderr");')
    assert result.stderr() == "to stderr\n"


def test_execute_result_always_has_text_plain(kernel):
    result = kernel.ok("6 * 7")
    assert result.result_text() == "42"
    assert result.of_type("execute_result")[0]["content"]["execution_count"] == result.reply["content"]["execution_count"]


def test_statement_has_no_result(kernel):
    result = kernel.ok("int quiet = 3;")
    assert result.of_type("execute_result") == []


def test_error_reply_and_message(kernel):
    result = kernel.execute('throw new IllegalStateException("boom");')
    assert result.status == "error"
    error = result.error()
    assert error["ename"] == "java.lang.IllegalStateException"
    assert error["evalue"] == "boom"
    assert any("cell [" in line for line in error["traceback"]), error["traceback"]
    assert result.reply["content"]["ename"] == "java.lang.IllegalStateException"


def test_user_frames_first_and_wrapper_frames_hidden(kernel):
    kernel.ok("int divide(int a, int b) {\n    return a / b;\n}")
    error = kernel.execute("divide(1, 0)").error()
    frames = [line for line in error["traceback"] if line.strip().startswith("at ")]
    assert "divide" in frames[0] and "line 2" in frames[0], frames
    assert not any("jdk.jshell" in f or "jdk.internal" in f or "io.djinn.runtime" in f for f in frames), frames


def test_frames_in_declared_and_anonymous_classes_are_cell_lines(kernel):
    model = kernel.ok('class Model {\n    void fit() {\n        throw new IllegalStateException("in fit");\n    }\n}')
    kernel.ok("Runnable later;")
    # A statement: its anonymous class keeps running after the kernel has compacted JShell's records.
    assigned = kernel.ok("later = new Runnable() {\n    public void run() {\n        new Model().fit();\n    }\n};")
    for i in range(120):
        kernel.ok(f"{i} + 1")
    error = kernel.execute("later.run();").error()
    frames = [line.strip() for line in error["traceback"] if line.strip().startswith("at ")]
    assert frames[0] == f"at Model.fit (cell [{model.reply['content']['execution_count']}], line 3)", frames
    assert frames[1] == f"at <anonymous>.run (cell [{assigned.reply['content']['execution_count']}], line 3)", frames


def test_compile_error_points_at_the_line(kernel):
    result = kernel.execute("int ok = 1;\nint bad = undefinedThing + 1;")
    assert result.status == "error"
    error = result.error()
    assert error["ename"] == "CompilationError"
    assert "cannot find symbol" in error["evalue"]
    assert any("line 2" in line for line in error["traceback"]), error["traceback"]


def test_display_data(kernel):
    result = kernel.ok('display("shown"); System.out.println("after");')
    kinds = [m["msg_type"] for m in result.iopub]
    displays = result.of_type("display_data")
    assert displays[0]["content"]["data"]["text/plain"] == "shown"
    assert displays[0]["content"]["transient"]["display_id"]
    assert kinds.index("display_data") < kinds.index("stream")


def test_output_order_is_kept(kernel):
    result = kernel.ok('System.out.println("one"); display("two"); System.out.println("three");')
    sequence = [m["content"].get("text", m["content"].get("data", {}).get("text/plain"))
                for m in result.of_type("stream", "display_data")]
    assert sequence == ["one\n", "two", "three\n"]


def test_update_display_data(kernel):
    result = kernel.ok('String id = display("first"); updateDisplay(id, "second");')
    update = result.of_type("update_display_data")[0]["content"]
    assert update["data"]["text/plain"] == "second"
    assert update["transient"]["display_id"] == result.of_type("display_data")[0]["content"]["transient"]["display_id"]


def test_clear_output(kernel):
    result = kernel.ok('System.out.println("gone"); clearOutput(true);')
    assert result.of_type("clear_output")[0]["content"]["wait"] is True
    result = kernel.ok('System.out.println("gone too"); clearOutput();')
    assert result.of_type("clear_output")[0]["content"]["wait"] is False


def test_display_a_string_as_a_mime_type(kernel):
    result = kernel.ok('display("<b>bold</b>", "text/html"); display("# Title", "text/markdown");')
    assert [m["content"]["data"] for m in result.of_type("display_data")] == [
        {"text/html": "<b>bold</b>"}, {"text/markdown": "# Title"}]
    assert result.of_type("execute_result") == []


def test_display_as_a_mime_type_the_value_lacks_is_a_clear_error(kernel):
    result = kernel.execute('display(42, "text/html");')
    assert result.status == "error"
    assert result.error()["evalue"] == "cannot show java.lang.Integer as text/html; it can be shown as text/plain"


def test_images_render_as_png(kernel):
    result = kernel.ok("var pngPicture = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                       "pngPicture")
    data = result.of_type("execute_result")[0]["content"]["data"]
    assert data["text/plain"] == "BufferedImage 4×3"
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    result = kernel.ok("ai.djl.modality.cv.ImageFactory.getInstance().fromImage(pngPicture)")
    data = result.of_type("execute_result")[0]["content"]["data"]
    assert data["text/plain"].endswith(" 4×3") and base64.b64decode(data["image/png"]).startswith(b"\x89PNG")


def test_completion(kernel):
    kernel.ok('String greeting = "hi";')
    code = "int unrelated = 1;\ngreeting.toUpp"
    result = kernel.request("complete", code, len(code))
    content = result.reply["content"]
    assert "toUpperCase(" in content["matches"], content
    assert content["cursor_start"] == len(code) - len("toUpp")
    assert content["cursor_end"] == len(code)


def test_completion_of_a_class_name(kernel):
    result = kernel.request("complete", "NDMana", 6)
    assert "NDManager" in result.reply["content"]["matches"]


def test_completion_of_magic_names(kernel):
    result = kernel.request("complete", "%mav", 4)
    content = result.reply["content"]
    assert "%maven" in content["matches"] and "%mavenRepo" in content["matches"]
    assert content["cursor_start"] == 0


def test_completion_with_code_points_before_the_cursor(kernel):
    kernel.ok('String smiley = "\U0001F600";')
    code = 'var t = "\U0001F600\U0001F600"; smiley.isEm'
    result = kernel.request("complete", code, len(code))  # Python counts code points, like Jupyter
    content = result.reply["content"]
    assert "isEmpty()" in content["matches"], content
    assert content["cursor_start"] == len(code) - 4


def test_inspect_with_cursor_inside_a_name(kernel):
    result = kernel.request("inspect", "Math.abs(-1)", 6)
    content = result.reply["content"]
    assert content["found"] is True
    assert "abs" in content["data"]["text/plain"]


def test_inspect_with_cursor_at_end_of_name(kernel):
    for code in ["Math.abs", "String", "NDManager"]:
        result = kernel.request("inspect", code, len(code))
        content = result.reply["content"]
        assert content["found"] is True, code
        assert content["data"]["text/plain"], code


def test_inspect_of_a_variable(kernel):
    kernel.ok("var numbers = new ArrayList<Integer>();")
    result = kernel.request("inspect", "numbers", len("numbers"))
    content = result.reply["content"]
    assert content["found"] is True
    assert "ArrayList" in content["data"]["text/plain"]


def test_inspect_nothing(kernel):
    result = kernel.request("inspect", "   ", 1)
    assert result.reply["content"]["found"] is False


def test_is_complete(kernel):
    def status(code):
        return kernel.request("is_complete", code).reply["content"]

    assert status("int a = 1;")["status"] == "complete"
    assert status("1 + 1")["status"] == "complete"
    incomplete = status("for (int i = 0; i < 3; i++) {")
    assert incomplete["status"] == "incomplete"
    assert incomplete["indent"] == "    "
    assert status("int x = 1 +") == {"status": "incomplete", "indent": ""}
    assert status("int x = ;;)]")["status"] == "invalid"
    assert status('String s = "unterminated')["status"] == "invalid"
    assert status("%lsmagic")["status"] == "complete"


def test_history(kernel):
    kernel.ok("int rememberedValue = 11;")
    history = kernel.request("history", hist_access_type="tail", n=3).reply["content"]["history"]
    assert history[-1][2] == "int rememberedValue = 11;"
    found = kernel.request("history", hist_access_type="search", pattern="*rememberedValue*").reply["content"]["history"]
    assert found and found[-1][2] == "int rememberedValue = 11;"
    kernel.ok("rememberedValue + 1")
    # With output, as jupyter_kernel_test 0.7 asks: each entry's third item is an (input, output) pair.
    pairs = kernel.request("history", hist_access_type="tail", n=2, output=True, raw=True).reply["content"]["history"]
    assert [entry[2] for entry in pairs] == [["int rememberedValue = 11;", None], ["rememberedValue + 1", "12"]]
    start = pairs[0][1]
    ranged = kernel.request("history", hist_access_type="range", session=pairs[0][0], start=start, stop=start + 1,
                            output=True, raw=True).reply["content"]["history"]
    assert ranged == [[pairs[0][0], start, ["int rememberedValue = 11;", None]]]


def test_comm_info(kernel):
    assert kernel.request("comm_info").reply["content"]["comms"] == {}


def test_stdin_input_request(kernel):
    result = kernel.execute(
        'var reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));\n'
        'System.out.println("got " + reader.readLine());',
        on_input=lambda request: "typed text")
    assert result.status == "ok", result.error()
    assert result.of_type("input_request")
    assert result.stdout() == "got typed text\n"


def test_exactly_one_input_request_per_line(kernel):
    """Readers read ahead; each line the cell reads must still prompt once, in every cell."""
    for i in range(6):
        asked = []
        result = kernel.execute(
            'var in = new java.util.Scanner(System.in);\n'
            'System.out.println(in.nextInt() + in.nextInt());',
            on_input=lambda request: asked.append(request) or str(10 * (len(asked))))
        assert result.status == "ok", result.error()
        assert result.stdout() == "30\n"
        assert len(asked) == 2, [r["prompt"] for r in asked]


def test_input_with_a_prompt_and_a_password(kernel):
    asked = []
    result = kernel.execute(
        'String name = io.djinn.api.Input.readLine("Name: ");\n'
        'String secret = io.djinn.api.Input.readPassword("Token: ");\n'
        'System.out.println(name + " " + secret.length());',
        on_input=lambda request: asked.append(request) or ("ada" if len(asked) == 1 else "s3cret"))
    assert result.status == "ok", result.error()
    assert [(r["prompt"], r["password"]) for r in asked] == [("Name: ", False), ("Token: ", True)]
    assert result.stdout() == "ada 6\n"


def test_stdin_without_frontend_support_is_an_error_not_a_hang(kernel):
    result = kernel.execute("System.in.read()", timeout=30)
    assert result.status == "error", (result.result_text(), result.stdout(), result.stderr())
    assert "allow_stdin" in result.error()["evalue"]


def test_silent_execution(kernel):
    before = kernel.ok("1").reply["content"]["execution_count"]
    result = kernel.execute('System.out.println("quiet"); 5', silent=True)
    assert result.of_type("execute_input", "execute_result") == []
    after = kernel.ok("1").reply["content"]["execution_count"]
    assert after == before + 1


def test_unicode_output(kernel):
    result = kernel.ok('System.out.println("naïve ☕ \U0001F600");')
    assert result.stdout() == "naïve ☕ \U0001F600\n"
