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

from reporter.errors import ExitStatus, OutputError
from reporter.run.output import write_all

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def reporter(*args, cwd, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "reporter", *args], cwd=cwd, env=env,
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


def long_article(n: int) -> str:
    lines = ["Un informe muy largo", ""]
    for i in range(n):
        lines.append(f"El ministerio número {i} informó el martes que {i * 7} personas recibieron ayuda en la "
                     f"provincia {i % 17}, según el comunicado oficial.")
        lines.append("")
    return "\n".join(lines)


def test_sigterm_leaves_no_partial_output(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(long_article(700), encoding="utf-8")
    b.write_text(long_article(650), encoding="utf-8")
    before = (digest(a), digest(b))
    proc = reporter("brief", str(a), str(b), "-o", "out/long.pdf", cwd=tmp_path)
    time.sleep(2.0)
    if proc.poll() is not None:
        pytest.fail("the run ended before the signal: make the input longer")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == ExitStatus.INTERRUPTED, err
    assert "Traceback" not in err
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []
    assert (digest(a), digest(b)) == before  # inputs are never modified


def test_two_runs_into_one_folder_both_succeed_without_clobbering(tmp_path):
    procs = [reporter("brief", *map(str, SEEDS), "-o", "out/", cwd=tmp_path) for _ in range(2)]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(pdfs) == 2  # two distinct dated names (a taken name gets -2)
    for pdf in pdfs:
        assert pdf.with_suffix(".json").exists() and pdf.with_suffix(".csv").exists()
        assert pdf.read_bytes().startswith(b"%PDF-")


def test_two_runs_racing_for_one_name_never_clobber(tmp_path):
    def one(_):
        p = reporter("brief", *map(str, SEEDS), "-o", "same.pdf", cwd=tmp_path)
        out, err = p.communicate(timeout=180)
        return p.returncode, err

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(code for code, _ in pool.map(one, range(2)))
    # one wins; the other either saw the file first or lost the race at the final link
    assert codes == [0, ExitStatus.OUTPUT]
    assert (tmp_path / "same.pdf").read_bytes().startswith(b"%PDF-")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
