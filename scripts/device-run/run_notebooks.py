#!/usr/bin/env python3
"""Runs notebooks full length in a Djinn kernelspec with nbclient, as a person would run them top to bottom, and
writes each executed notebook and a summary (seconds, the first error) into an output folder.

    run_notebooks.py --kernel NAME --out DIR [--deadline UNIX_SECONDS] NOTEBOOK...

A notebook that fails is still written, with its outputs up to the failing cell. With --deadline, a notebook that
could not finish before it is stopped there (its cell timeout is the time left), so a device run ends on time.
"""
import argparse
import json
import os
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def run(path, kernel, out, deadline):
    notebook = nbformat.read(path, as_version=4)
    left = deadline - time.time() if deadline else 3600
    if left < 30:
        return {"notebook": os.path.basename(path), "status": "skipped", "why": "no time left before the deadline"}
    client = NotebookClient(notebook, kernel_name=kernel, timeout=int(left), allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.time()
    status, why = "ok", None
    try:
        client.execute()
    except CellTimeoutError as e:
        status, why = "timeout", str(e).splitlines()[0]
    except (CellExecutionError, DeadKernelError) as e:
        status, why = "error", str(e)[-2000:]
    seconds = round(time.time() - started, 1)
    # Saved as the repository keeps tutorials: the kernelspec every installation has.
    notebook.metadata.kernelspec = {"display_name": "Java (Djinn)", "language": "java", "name": "djinn"}
    nbformat.write(notebook, os.path.join(out, os.path.basename(path)))
    return {"notebook": os.path.basename(path), "status": status, "seconds": seconds, "why": why}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--deadline", type=float)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = []
    for path in args.notebooks:
        result = run(path, args.kernel, args.out, args.deadline)
        print(json.dumps(result), flush=True)
        results.append(result)
    with open(os.path.join(args.out, "notebooks.json"), "w") as summary:
        json.dump(results, summary, indent=2)
    return 0 if all(r["status"] == "ok" for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
