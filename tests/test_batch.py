"""`reporter batch`: every row runs, a failing row does not stop the rest, the summary names it."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def test_batch_runs_every_row_and_names_the_failures(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("sismo_a.txt", "sismo_b.txt", "storm_a.txt", "storm_b.txt"):
        (tmp_path / "in" / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "output,article1,article2\n"
        "out/sismo.pdf,in/sismo_a.txt,in/sismo_b.txt\n"
        "out/broken.pdf,in/missing.txt,in/sismo_b.txt\n"
        "out/storm.pdf,in/storm_a.txt,in/storm_b.txt\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "reporter", "batch", "manifest.csv", "--jobs", "2"], cwd=tmp_path,
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 3
    assert "line 3" in r.stderr and "Traceback" not in r.stderr
    assert "2 ok, 1 failed" in r.stdout
    assert (tmp_path / "out" / "sismo.pdf").exists() and (tmp_path / "out" / "storm.pdf").exists()
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
    assert all(row.job.keep_models for row in read_manifest(tmp_path / "m.csv", Settings(), False))
