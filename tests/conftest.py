from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from reporter.settings import Settings
from reporter.pipeline import brief, make_source

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def briefing_of(*texts: str, settings: Settings = Settings()):
    sources = [make_source(f"{chr(97 + i)}.txt", t, settings) for i, t in enumerate(texts)]
    return brief(sources, settings)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sismo():
    return briefing_of(fixture("sismo_a.txt"), fixture("sismo_b.txt"))


@pytest.fixture(scope="session")
def storm():
    return briefing_of(fixture("storm_a.txt"), fixture("storm_b.txt"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current pipeline (see tests/test_golden.py)")


# --- The command line, in-process -------------------------------------------------------
#
# `cli("brief", "a.txt", "b.txt", "-o", "out.pdf")` runs reporter.cli.main in this process
# with its own streams, a fixed clock and tmp_path as the working folder, and returns
# (status, out, err). Spawn `python -m reporter` only when the process itself is what a
# test is about (the console script, signals, start-up imports, batch workers).

CLOCK = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)  # dated briefings: briefing-20260102-030405.pdf


@dataclass(frozen=True)
class CliRun:
    status: int
    out: str  # what main wrote to env.out
    err: str  # what main wrote to env.err
    sys_out: str  # what went to the process's own streams meanwhile (argparse's --help and usage)
    sys_err: str

    def __iter__(self):  # status, out, err = cli(...)
        return iter((self.status, self.out, self.err))


def run_main(args, *, cwd: Path, stdin: bytes | str = b"", clock=lambda: CLOCK) -> CliRun:
    """reporter.cli.main(args, env) with env's own streams; sys_out/sys_err are left empty
    (the `cli` fixture fills them from capsys)."""
    from reporter.cli import main
    from reporter.run.env import Env

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in args], Env(stdin=io.BytesIO(data), stdout=out, stderr=err, clock=clock, cwd=cwd))
    assert isinstance(status, int), f"main returned {status!r}, not an exit status"
    return CliRun(int(status), out.getvalue(), err.getvalue(), "", "")


@pytest.fixture
def cli(tmp_path, capsys):
    """cli(*args, stdin=b"", cwd=tmp_path) -> CliRun: the command line in-process, in tmp_path."""

    def run(*args, stdin: bytes | str = b"", cwd: Path | None = None, clock=lambda: CLOCK) -> CliRun:
        capsys.readouterr()  # only what this run prints
        r = run_main(args, cwd=cwd or tmp_path, stdin=stdin, clock=clock)
        captured = capsys.readouterr()
        return CliRun(r.status, r.out, r.err, captured.out, captured.err)

    return run


def one_error_line(result: CliRun, status: int) -> str:
    """The contract for an expected failure: this status, one 'reporter: error:' line, no traceback."""
    assert result.status == status, result.err
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reporter: error: "), result.err
    return lines[0]


def subprocess_env() -> dict[str, str]:
    """The environment of a child `python -m reporter`: this checkout first on its path."""
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
