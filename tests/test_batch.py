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
