"""The command line: outputs, and one clear error line with its exit code for bad input."""
import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from reporter.errors import ExitStatus
from reporter.report.json_twin import to_json
from reporter.run.briefing import Job, make_briefing

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def cli(*args, cwd, stdin=None, hash_seed=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run([sys.executable, "-m", "reporter", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def one_error_line(result, status):
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reporter: error: "), result.stderr


# Another hash seed than this process's: string sets and dicts iterate in another order there.
OTHER_SEED = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    """`reporter brief -o out/seeds.pdf` with no files, run once for the module (a render takes seconds)."""
    cwd = tmp_path_factory.mktemp("seeds")
    return cwd, cli("brief", "-o", "out/seeds.pdf", cwd=cwd, hash_seed=OTHER_SEED)


def test_bundled_seeds_brief_with_no_files(seeds_run):
    cwd, r = seeds_run
    assert r.returncode == 0, r.stderr
    for ext in (".pdf", ".json", ".csv"):
        assert (cwd / "out" / f"seeds{ext}").stat().st_size > 0
    assert (cwd / "out" / "seeds.pdf").read_bytes().startswith(b"%PDF-")
    data = json.loads((cwd / "out" / "seeds.json").read_text(encoding="utf-8"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert [Path(a["source"]).name for a in data["articles"]] == [p.name for p in seeds]
    assert r.stderr.startswith("wrote ") and "Traceback" not in r.stderr


def test_the_json_is_the_same_bytes_in_another_process(seeds_run, monkeypatch):
    # Determinism across runs, not only within one: the CLI ran with another hash seed.
    cwd, r = seeds_run
    monkeypatch.chdir(cwd)  # the JSON names the seeds relative to the working folder
    here = to_json(make_briefing(Job(()), datetime(2026, 1, 1, tzinfo=timezone.utc)))
    assert (cwd / "out" / "seeds.json").read_text(encoding="utf-8") == here


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((FIXTURES / "sismo_a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text((FIXTURES / "sismo_b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t \n")
    (tmp_path / "binary.bin").write_bytes(b"\x7fELF\x00\x00\x01\x02" * 50)
    (tmp_path / "nul.txt").write_bytes("Titular\n\nUn texto con un byte nulo\x00 en medio.\n".encode("utf-8"))
    # Not UTF-8, and not text in any Western legacy encoding either (a UTF-8 file with a few
    # Windows-1252 bytes, or a Latin-1 file, is read: tests/test_inputs.py)
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "folder").mkdir()
    return tmp_path


@pytest.mark.parametrize("args, status", [
    (["missing.txt", "good.txt"], ExitStatus.INPUT),
    (["empty.txt", "good.txt"], ExitStatus.INPUT),
    (["blank.txt", "good.txt"], ExitStatus.INPUT),
    (["binary.bin", "good.txt"], ExitStatus.INPUT),
    (["nul.txt", "good.txt"], ExitStatus.INPUT),
    (["undecodable.txt", "good.txt"], ExitStatus.INPUT),
    (["folder", "good.txt"], ExitStatus.INPUT),
    (["good.txt", "good.txt"], ExitStatus.INPUT),
    (["good.txt", "./good.txt"], ExitStatus.INPUT),
    (["good.txt"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--length", "zero"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--length", "0"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--length", "150%"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--length", "2.5"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--verdicts", "missing.csv"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--since", "good.txt"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "-o", "x.docx"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--max-sentences", "3"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--max-input-mb", "0.0001"], ExitStatus.INPUT),
    (["good.txt", "other.txt", "--templates", "nowhere"], ExitStatus.INPUT),
])
def test_bad_input_gives_one_clear_line(files, args, status):
    extra = [] if "-o" in args else ["-o", "out.pdf"]
    r = cli("brief", *args, *extra, cwd=files)
    one_error_line(r, status)
    assert not (files / "out.pdf").exists()


def test_unreadable_file(files):
    if os.geteuid() == 0:
        pytest.skip("running as root: every file is readable")
    p = files / "secret.txt"
    p.write_text("Texto.")
    p.chmod(0)
    one_error_line(cli("brief", "secret.txt", "good.txt", "-o", "out.pdf", cwd=files), ExitStatus.INPUT)


def test_an_existing_output_is_never_overwritten_without_force(files):
    (files / "out.json").write_text("the reviewer's notes")
    before = hashlib.sha256((files / "out.json").read_bytes()).hexdigest()
    one_error_line(cli("brief", "good.txt", "other.txt", "-o", "out.pdf", cwd=files), ExitStatus.OUTPUT)
    assert hashlib.sha256((files / "out.json").read_bytes()).hexdigest() == before
    assert not (files / "out.pdf").exists()
    r = cli("brief", "good.txt", "other.txt", "-o", "out.pdf", "--force", cwd=files)
    assert r.returncode == 0, r.stderr
    assert json.loads((files / "out.json").read_text(encoding="utf-8"))["articles"][0]["source"] == "good.txt"
    assert (files / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_standard_input_is_an_article(files):
    r = cli("brief", "-", "good.txt", "-o", "out.pdf", cwd=files,
            stdin=(FIXTURES / "sismo_b.txt").read_text(encoding="utf-8"))
    assert r.returncode == 0, r.stderr
    assert '"source": "-"' in (files / "out.json").read_text(encoding="utf-8")


def test_help_shows_an_example(tmp_path):
    r = cli("brief", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "example" in r.stdout and "-o" in r.stdout


def test_python_dash_m_and_the_console_script_agree(tmp_path):
    r = cli("--version", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("reporter ")


def test_the_cli_offers_exactly_the_summarizers_there_are():
    from reporter.cli import SUMMARIZERS as offered
    from reporter.stages.summarize import SUMMARIZERS as implemented

    assert set(offered) == set(implemented)
