"""Start-up: `reporter --help` and the error paths import none of the heavy libraries.

Importing sumy, NLTK, numpy, WeasyPrint, wordfreq and simplemma costs seconds
(issue 5); a user asking for help or naming a missing file must not wait for
them. Each check runs in a fresh interpreter, so what an earlier test imported
cannot hide an import. Only which modules are loaded is asserted, never a time.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import subprocess_env
from reporter.errors import ExitStatus

HEAVY = ("sumy", "nltk", "numpy", "weasyprint", "wordfreq", "simplemma")

# Runs reporter.cli.main(argv) and prints its exit status (main returns it, never exits)
# and the heavy modules then loaded.
PROBE = f"""
import json, sys
from reporter.cli import main
try:
    status, exited = main(sys.argv[1:]), False
except SystemExit as e:
    status, exited = e.code, True
print(json.dumps({{"status": status, "exited": exited, "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules)}}))
"""


def run_cli(*argv: str, cwd: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=cwd, env=subprocess_env(), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stdout"], result["stderr"] = done.stdout, done.stderr
    assert not result["exited"], "main raised SystemExit instead of returning the status"
    return result


@pytest.mark.parametrize("argv, status", [
    (["--help"], 0), (["brief", "--help"], 0), (["batch", "--help"], 0), (["--version"], 0),
    ([], ExitStatus.USAGE),  # no command: the usage
])
def test_help_imports_no_heavy_library(tmp_path, argv, status):
    result = run_cli(*argv, cwd=tmp_path)
    assert result["heavy"] == []
    assert result["status"] == status


def test_missing_input_file_imports_no_heavy_library(tmp_path):
    # The inputs are read before the pipeline (and its numpy) is imported.
    result = run_cli("brief", "missing-a.txt", "missing-b.txt", "-o", str(tmp_path / "out.pdf"), cwd=tmp_path)
    assert result["status"] == ExitStatus.INPUT and "missing-a.txt: no such file" in result["stderr"]
    assert result["heavy"] == []
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("argv, status", [
    (["brief", "only-one.txt"], ExitStatus.INPUT),  # fewer than two articles
    (["brief", "--length", "0"], ExitStatus.INPUT),  # a bad summary length
    (["brief", "--summarizer", "nope"], ExitStatus.USAGE),  # argparse refuses the choice
    (["batch", "missing-manifest.csv"], ExitStatus.INPUT),  # a missing batch manifest
])
def test_usage_errors_import_no_heavy_library(tmp_path, argv, status):
    result = run_cli(*argv, cwd=tmp_path)
    assert result["status"] == status, result["stderr"]
    assert result["heavy"] == []
