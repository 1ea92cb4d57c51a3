"""`reporter batch`: every row runs, a failing row does not stop the rest, the summary names it."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, subprocess_env
from reporter.errors import ExitStatus


def manifest(folder, *rows: str) -> None:
    (folder / "in").mkdir()
    for name in ("sismo_a.txt", "sismo_b.txt", "storm_a.txt", "storm_b.txt"):
        (folder / "in" / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "manifest.csv").write_text("output,article1,article2\n" + "".join(r + "\n" for r in rows),
                                         encoding="utf-8")


@pytest.mark.slow
def test_batch_runs_every_row_and_names_the_failures(cli, tmp_path):
    manifest(tmp_path, "out/sismo.pdf,in/sismo_a.txt,in/sismo_b.txt",
             "out/broken.pdf,in/missing.txt,in/sismo_b.txt",
             "out/storm.pdf,in/storm_a.txt,in/storm_b.txt")
    r = cli("batch", "manifest.csv", "--jobs", "1", "--no-progress")  # one worker: the rows run in this process
    assert r.status == ExitStatus.INPUT
    assert r.err == "reporter: error: 1 of 3 rows failed: line 3\n"
    table = [line.split(maxsplit=3) for line in r.out.splitlines()]
    assert table[0] == ["line", "output", "result"]
    assert [(n, Path(output).relative_to(tmp_path).as_posix(), result) for n, output, result, _ in table[1:4]] == [
        ("2", "out/sismo.pdf", "ok:"), ("3", "out/broken.pdf", "FAILED:"), ("4", "out/storm.pdf", "ok:")]
    assert "missing.txt: no such file" in table[2][3]
    assert r.out.splitlines()[4] == "2 ok, 1 failed"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{stem}{ext}" for stem in ("sismo", "storm") for ext in (".pdf", ".json", ".csv"))


def test_a_missing_manifest_is_one_clear_line(cli):
    r = cli("batch", "nope.csv")
    assert r.status == ExitStatus.INPUT and r.err == "reporter: error: nope.csv: no such manifest\n"


@pytest.mark.slow
def test_batch_workers_are_processes_that_run_the_rows(tmp_path):
    # Two rows, two worker processes (settings and rows cross a process boundary: they must pickle).
    manifest(tmp_path, "out/sismo.pdf,in/sismo_a.txt,in/sismo_b.txt", "out/broken.pdf,in/missing.txt,in/sismo_b.txt")
    r = subprocess.run([sys.executable, "-m", "reporter", "batch", "manifest.csv", "--jobs", "2", "--no-progress"],
                       cwd=tmp_path, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert r.returncode == ExitStatus.INPUT, r.stderr
    assert r.stderr == "reporter: error: 1 of 2 rows failed: line 3\n"
    assert r.stdout.splitlines()[-1] == "1 ok, 1 failed"
    assert (tmp_path / "out" / "sismo.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "out" / "broken.pdf").exists()


def test_a_one_shot_run_frees_the_language_identifier_and_batch_rows_keep_it(tmp_path):
    # The identifier's model is ~75 MB: a single run frees it once the languages are known
    # (the peak memory of long documents), a batch worker keeps it for its next row.
    from reporter.run.batch import read_manifest
    from reporter.run.briefing import Job, make_briefing
    from reporter.run.briefing import now as when
    from reporter.text.language import _identifier
    from reporter.settings import Settings

    files = (str(FIXTURES / "sismo_a.txt"), str(FIXTURES / "sismo_b.txt"))
    make_briefing(Job(files, keep_models=True), when())
    assert _identifier.cache_info().currsize == 1
    make_briefing(Job(files), when())
    assert _identifier.cache_info().currsize == 0
    (tmp_path / "m.csv").write_text(f"output,article1,article2\nout.pdf,{files[0]},{files[1]}\n", encoding="utf-8")
    # (the fixtures are outside the manifest's folder: allowed only with --allow-outside)
    assert all(row.job.keep_models for row in read_manifest(tmp_path / "m.csv", Settings(), False, allow_outside=True))
