"""Start-up: `reporter --help` and the error paths import none of the heavy libraries.

Importing sumy, NLTK, numpy, WeasyPrint, wordfreq and simplemma costs seconds
(issue 5); a user asking for help or naming a missing file must not wait for
them. Each check runs in a fresh interpreter, so what an earlier test imported
cannot hide an import. Only which modules are loaded is asserted, never a time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sumy", "nltk", "numpy", "weasyprint", "wordfreq", "simplemma")

# Runs reporter.cli.main(argv) and prints its exit status and the heavy modules then loaded.
PROBE = f"""
import json, sys
from reporter.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as e:
    status = e.code
print(json.dumps({{"status": status, "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules)}}))
"""


def run_cli(*argv: str, cwd: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stdout"], result["stderr"] = done.stdout, done.stderr
    return result


@pytest.mark.parametrize("argv", [["--help"], ["brief", "--help"], ["batch", "--help"], ["--version"], []])
def test_help_imports_no_heavy_library(tmp_path, argv):
    result = run_cli(*argv, cwd=tmp_path)
    assert result["heavy"] == []
    assert result["status"] in (0, 2)  # --help and --version exit 0; no command prints usage


def test_missing_input_file_imports_no_heavy_library(tmp_path):
    # The inputs are read before the pipeline (and its numpy) is imported.
    result = run_cli("brief", "missing-a.txt", "missing-b.txt", "-o", str(tmp_path / "out.pdf"), cwd=tmp_path)
    assert result["status"] != 0 and "missing-a.txt" in result["stderr"]
    assert result["heavy"] == []
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("argv", [
    ["brief", "only-one.txt"],  # fewer than two articles
    ["brief", "--length", "0"],  # a bad summary length
    ["brief", "--summarizer", "nope"],  # argparse refuses the choice
    ["batch", "missing-manifest.csv"],  # a missing batch manifest
])
def test_usage_errors_import_no_heavy_library(tmp_path, argv):
    result = run_cli(*argv, cwd=tmp_path)
    assert result["status"] != 0
    assert result["heavy"] == []
