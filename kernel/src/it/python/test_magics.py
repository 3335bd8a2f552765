"""IJava's magics and the magic framework, through Jupyter."""
import json
import subprocess

from djinn_client import KERNELS, Kernel


def test_lsmagic_lists_the_ijava_magics(kernel):
    out = kernel.ok("%lsmagic").stdout()
    for name in ("%maven", "%mavenRepo", "%jars", "%classpath", "%load", "%%loadFromPOM", "%lsmagic"):
        assert name in out, out


def test_help_with_question_mark_and_with_option(kernel):
    assert "COORDINATE" in kernel.ok("%maven?").stdout()
    assert "COORDINATE" in kernel.ok("%maven --help").stdout()
    assert "Usage" in kernel.ok("%%loadFromPOM?").stdout()


def test_bad_arguments_give_usage_not_a_stack_trace(kernel):
    result = kernel.execute("%maven")
    assert result.status == "error"
    error = result.error()
    assert error["ename"] == "UsageError"
    assert "Missing required parameter" in error["evalue"] and "Usage" in error["evalue"]
    assert not any("at picocli" in line or "Exception" in line for line in error["traceback"])


def test_unknown_magic_suggests_the_closest(kernel):
    error = kernel.execute("%mavne junit:junit:4.13.2").error()
    assert error["ename"] == "UsageError"
    assert "Unknown magic %mavne" in error["evalue"] and "Did you mean %maven?" in error["evalue"]


def test_bad_coordinate(kernel):
    error = kernel.execute("%maven not-a-coordinate").error()
    assert "not a Maven coordinate" in error["evalue"]


def test_maven_loads_an_artifact(kernel):
    result = kernel.ok("%maven org.apache.commons:commons-text:1.12.0\n"
                       'org.apache.commons.text.WordUtils.capitalize("djinn kernel")', timeout=300)
    assert "Added" in result.stdout()
    assert result.result_text() == "Djinn Kernel"


def test_maven_aligns_djl_modules(kernel):
    result = kernel.ok("%maven ai.djl:basicdataset:0.20.0", timeout=300)
    assert "Loaded ai.djl:basicdataset 0.35.1 instead of 0.20.0" in result.stdout()
    assert kernel.ok("ai.djl.basicdataset.cv.classification.Mnist.builder() != null").result_text() == "true"


def test_maven_refuses_another_engine(kernel):
    result = kernel.ok("%maven ai.djl.mxnet:mxnet-engine:0.20.0")
    assert "Not loaded" in result.stdout() and "another deep-learning engine" in result.stdout()


def test_maven_refuses_a_second_copy_of_a_provided_library(kernel):
    result = kernel.ok("%maven tech.tablesaw:tablesaw-core:0.43.1")
    assert "provided by Djinn (0.44.4)" in result.stdout()


def test_load_from_pom(kernel):
    result = kernel.ok("%%loadFromPOM\n<dependency>\n  <groupId>org.apache.commons</groupId>\n"
                       "  <artifactId>commons-text</artifactId>\n  <version>1.13.0</version>\n</dependency>",
                       timeout=300)
    assert "Added" in result.stdout()
    assert kernel.ok('org.apache.commons.text.WordUtils.initials("deep java library")').result_text() == "djl"


def build_jar(tmp_path):
    source = tmp_path / "src" / "demo" / "Greeter.java"
    source.parent.mkdir(parents=True)
    source.write_text("package demo; public class Greeter { public static String hi(String n) { return \"hi \" + n; } }")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "--release", "17", "-d", str(classes), str(source)], check=True)
    jar = tmp_path / "lib" / "greeter.jar"
    jar.parent.mkdir()
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    return classes, jar


def test_jars_with_a_glob(kernel, tmp_path):
    _, jar = build_jar(tmp_path)
    result = kernel.ok(f"%jars {jar.parent}/*.jar\n" 'demo.Greeter.hi("jar")')
    assert result.result_text() == "hi jar"


def test_jars_that_match_nothing(kernel, tmp_path):
    error = kernel.execute(f"%jars {tmp_path}/nothing-*.jar").error()
    assert error["ename"] == "UsageError" and "No jar matches" in error["evalue"]


def test_classpath_with_a_directory(kernel, tmp_path):
    classes, _ = build_jar(tmp_path)
    kernel.ok(f"%classpath {classes}")
    assert kernel.ok('demo.Greeter.hi("dir")').result_text() == "hi dir"


def test_load_a_jsh_file(kernel, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text("int loadedHelper(int x) { return x + 100; }\n")
    kernel.ok(f"%load {script}")
    assert kernel.ok("loadedHelper(1)").result_text() == "101"


def test_load_a_notebook_runs_its_code_cells(kernel, tmp_path):
    notebook = tmp_path / "other.ipynb"
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# not code"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["int fromNotebook = 5;\n", "int fromNotebookTwice = fromNotebook * 2;"]},
    ]}))
    kernel.ok(f"%load {notebook}")
    assert kernel.ok("fromNotebookTwice").result_text() == "10"


def test_load_stops_at_a_failing_cell(kernel, tmp_path):
    script = tmp_path / "broken.jsh"
    script.write_text("int fine = 1;\nthrow new RuntimeException(\"inside the script\");\n")
    result = kernel.execute(f"%load {script}")
    assert result.status == "error"
    assert result.error()["evalue"] == "inside the script"  # the cause, as the cell's error
    assert "%load: broken.jsh failed." in result.stderr()


def test_magic_between_code_lines(kernel, tmp_path):
    classes, _ = build_jar(tmp_path)
    result = kernel.ok(f'int before = 1;\n%classpath {classes}\ndemo.Greeter.hi("middle")')
    assert result.result_text() == "hi middle"


def test_an_ijava_d2l_style_header_runs_on_the_pytorch_engine(kernel):
    """Notebooks written for IJava and d2l-java pin old DJL versions and MXNet; they must still run."""
    result = kernel.ok("%maven ai.djl:api:0.20.0\n"
                       "%maven ai.djl.mxnet:mxnet-engine:0.20.0\n"
                       "%maven ai.djl.mxnet:mxnet-native-auto:1.8.0\n"
                       "%maven org.slf4j:slf4j-simple:1.7.36\n"
                       "NDManager manager = NDManager.newBaseManager();\n"
                       "manager.arange(12).reshape(3, 4).sum().getLong()", timeout=300)
    out = result.stdout()
    assert "ai.djl:api is provided by Djinn (0.35.1)" in out
    assert out.count("another deep-learning engine") == 2
    assert "org.slf4j:slf4j-simple is provided by Djinn" in out
    assert result.result_text() == "66"
    assert kernel.ok("Engine.getInstance().getEngineName()").result_text() == "PyTorch"


def test_a_plain_http_repository_is_only_added_on_request_and_flagged():
    # A kernel of its own: the repository stays for the session and would slow later resolutions.
    own = Kernel(KERNELS[0])
    try:
        out = own.ok("%mavenRepo plain http://localhost:9/repo").stdout()
        assert out.strip() == ("Added repository plain (http://localhost:9/repo): plain http, so downloads from it "
                               "are not protected in transit."), out
        error = own.execute("%mavenRepo odd ftp://localhost/repo").error()
        assert error["ename"] == "UsageError" and "is not an https, http or file URL" in error["evalue"], error
    finally:
        own.shutdown()
