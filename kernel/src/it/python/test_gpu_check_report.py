"""scripts/gpu_check.py's report goes first under docs/gpu-checks.md's "## Runs", keeping the document's
description and the earlier runs; the device run commits that file as it comes back. (The checks themselves need
a GPU: docs/gpu-checks.md.)"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[4] / "scripts"))
import gpu_check  # noqa: E402


def test_the_run_goes_first_under_runs_and_the_rest_stays():
    document = "# GPU checks\n\nHow to run it.\n\n## Runs\n\nNo run on a GPU yet.\n\n### Rehearsal\n\nOn the CPU.\n"
    merged = gpu_check.with_run(document, "### GPU run on H200: 12 of 12 checks passed\n\n#### PASS: %device\n")
    assert merged.startswith("# GPU checks\n\nHow to run it.\n\n## Runs\n\n### GPU run on H200: 12 of 12")
    assert merged.index("#### PASS: %device") < merged.index("No run on a GPU yet.") < merged.index("### Rehearsal")
    assert merged.count("## Runs\n") == 1


def test_a_document_without_runs_gets_the_heading():
    assert gpu_check.with_run("", "### GPU run") == "# GPU checks\n\n## Runs\n\n### GPU run\n"


def test_the_real_document_has_the_heading_the_merge_looks_for():
    text = (pathlib.Path(__file__).resolve().parents[4] / "docs" / "gpu-checks.md").read_text()
    assert "\n## Runs\n" in text
