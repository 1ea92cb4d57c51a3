"""Nothing is lost: atomic outputs, no overwrite without --force, interrupted runs
leave nothing behind, concurrent runs never clobber each other, inputs untouched."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import CLOCK, FIXTURES, one_error_line, subprocess_env
from reporter.errors import ExitStatus, OutputError
from reporter.run.output import write_all

PAIR = [FIXTURES / "sismo_a.txt", FIXTURES / "sismo_b.txt"]


def reporter(*args, cwd, **kw):
    return subprocess.Popen([sys.executable, "-m", "reporter", *args], cwd=cwd, env=subprocess_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_write_all_refuses_an_existing_file_and_leaves_it_intact(tmp_path):
    target = tmp_path / "x.pdf"
    target.write_bytes(b"the reviewer's work")
    with pytest.raises(OutputError):
        write_all({tmp_path / "x.json": b"{}", target: b"new"}, force=False)
    assert target.read_bytes() == b"the reviewer's work"
    # the half of the set that could be written is not left behind either
    assert not (tmp_path / "x.json").exists()
    assert not list(tmp_path.glob("*.part"))


def test_write_all_with_force_replaces_atomically(tmp_path):
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    write_all({target: b"new"}, force=True)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


# `python -m reporter`, held at a known point of the run: when it gets there it creates the
# file REPORTER_TEST_MARKER and waits (up to a minute) for the test's signal.
#   pipeline: the articles are read, the pipeline is about to run (nothing written yet);
#   writing:  the first output is written to its temporary file and flushed, the others not yet.
HELD = """
import os, signal, sys, time
from pathlib import Path

# Ctrl-C reaches a program run from a terminal; a test run started in the background (a shell's
# `&`, nohup) hands its children SIGINT ignored, and Python then never raises KeyboardInterrupt
signal.signal(signal.SIGINT, signal.default_int_handler)

point, marker = sys.argv[1], Path(os.environ["REPORTER_TEST_MARKER"])
del sys.argv[1]


def hold():
    marker.write_text(point)
    time.sleep(60)  # the signal interrupts this
    sys.exit("the test never sent its signal")


if point == "pipeline":
    import reporter.pipeline
    real_brief = reporter.pipeline.brief

    def brief(*args, **kwargs):
        hold()

    reporter.pipeline.brief = brief
elif point == "writing":
    real_fsync = os.fsync

    def fsync(fd):  # write_all fsyncs each temporary file before moving any into place
        real_fsync(fd)
        hold()

    os.fsync = fsync
from reporter.cli import main

sys.exit(main(sys.argv[1:]))
"""


def wait_for(marker: Path, proc: subprocess.Popen, seconds: float = 120) -> None:
    """Until the child has created `marker`; fails if it ends or the time runs out first."""
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(f"the run ended (status {proc.returncode}) before it reached the point: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.communicate()
            pytest.fail(f"the run did not reach the point within {seconds} s")
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.parametrize("point, signum", [
    ("pipeline", signal.SIGTERM),
    ("writing", signal.SIGTERM),
    ("writing", signal.SIGINT),  # Ctrl-C
])
def test_a_signal_leaves_no_partial_output(tmp_path, point, signum):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((FIXTURES / "sismo_a.txt").read_bytes())
    b.write_bytes((FIXTURES / "sismo_b.txt").read_bytes())
    before = (digest(a), digest(b))
    marker = tmp_path / "reached"
    proc = subprocess.Popen([sys.executable, "-c", HELD, point, "brief", "a.txt", "b.txt", "-o", "out/x.pdf"],
                            cwd=tmp_path, env={**subprocess_env(), "REPORTER_TEST_MARKER": str(marker)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(marker, proc)
    out = tmp_path / "out"
    if point == "writing":  # there is a partial output to clean up: one temporary file, nothing in place
        assert [p.name.endswith(".part") for p in out.iterdir()] == [True]
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == ExitStatus.INTERRUPTED, err
    assert err == "reporter: interrupted; no output was written\n"
    assert not out.exists() or list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", "b.txt", "reached"] + ["out"] * out.exists())
    assert (digest(a), digest(b)) == before  # inputs are never modified


@pytest.mark.slow
def test_two_runs_into_one_folder_both_succeed_without_clobbering(tmp_path):
    procs = [reporter("brief", *map(str, PAIR), "-o", "out/", cwd=tmp_path) for _ in range(2)]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(pdfs) == 2  # two distinct dated names (a taken name gets -2)
    for pdf in pdfs:
        assert pdf.with_suffix(".json").exists() and pdf.with_suffix(".csv").exists()
        assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
def test_two_runs_racing_for_one_name_never_clobber(tmp_path):
    def one(_):
        p = reporter("brief", *map(str, PAIR), "-o", "same.pdf", cwd=tmp_path)
        out, err = p.communicate(timeout=180)
        return p.returncode, err

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(code for code, _ in pool.map(one, range(2)))
    # one wins; the other either saw the file first or lost the race at the final link
    assert codes == [0, ExitStatus.OUTPUT]
    assert (tmp_path / "same.pdf").read_bytes().startswith(b"%PDF-")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


@pytest.mark.slow
def test_a_dated_name_already_taken_gets_the_next_number(cli, tmp_path):
    # No -o: a new dated briefing (the fixed clock of the `cli` fixture), never over a file already there.
    dated = f"briefing-{CLOCK:%Y%m%d-%H%M%S}"
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / f"{dated}.csv").write_text("the reviewer's verdicts", encoding="utf-8")
    r = cli("brief", *map(str, PAIR), "-o", "out/")
    assert r.status == 0, r.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{dated}.csv"] + [f"{dated}-2{ext}" for ext in (".pdf", ".json", ".csv")])
    assert (tmp_path / "out" / f"{dated}.csv").read_text(encoding="utf-8") == "the reviewer's verdicts"
    assert r.err == "wrote " + ", ".join(str(tmp_path / "out" / f"{dated}-2{ext}") for ext in (".pdf", ".json", ".csv")) + "\n"


# Regression: mkdir's FileExistsError ended in "internal error" after the render; now checked before the work
def test_an_output_folder_that_cannot_be_made_is_one_clear_line(cli, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    r = cli("brief", *map(str, PAIR), "-o", "taken/x.pdf")
    one_error_line(r, ExitStatus.OUTPUT)
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a file, not a folder"
