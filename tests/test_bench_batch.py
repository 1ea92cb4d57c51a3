"""The benchmark's batch case (reporter/tools/bench.py) and the batch workers' warm-up: the inputs it
times and the verdict it prints. No timings here: they live in `python -m reporter.tools.bench`."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reporter.tools import bench
from reporter.run.batch import read_manifest, worker_count
from reporter.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [bench.generate_pair(i) for i in range(bench.BATCH_PAIRS)]


def sentences(text: str) -> list[str]:
    """The body sentences (the title line left out); generated sentences never hold '. ' inside."""
    return [s for line in text.splitlines()[1:] if line for s in re.split(r"(?<=\.)\s+", line) if s]


def test_pairs_are_deterministic():
    assert bench.generate_pair(7) == bench.generate_pair(7) == PAIRS[7]


def test_every_text_and_every_sentence_is_distinct_across_pairs():
    # the pipeline caches by sentence text: a repeated pair would flatter the batch
    texts = [t for pair in PAIRS for t in pair]
    assert len(set(texts)) == len(texts)
    seen: dict[str, int] = {}
    for i, (a, b) in enumerate(PAIRS):
        for s in set(sentences(a)) | set(sentences(b)):
            assert seen.setdefault(s, i) == i, f"pair {i} repeats a sentence of pair {seen[s]}: {s}"


def test_pairs_are_seed_sized():
    # the bundled seeds: about 440 and 360 words, 7-15 lines
    for a, b in PAIRS:
        assert 350 <= len(a.split()) <= 520 and 280 <= len(b.split()) <= 440
        for text in (a, b):
            assert 7 <= len(text.splitlines()) <= 15


def test_b_tells_the_same_story_with_some_figures_changed():
    for a, b in PAIRS:
        sa, sb = sentences(a), sentences(b)
        assert len(sb) == bench.BATCH_B_SHARED + bench.BATCH_B_CHANGED + bench.BATCH_B_OWN
        assert len(set(sa) & set(sb)) == bench.BATCH_B_SHARED
        figures = re.compile(r"\d+(?:[.,]\d+)?")
        words_of_a = {figures.sub("#", s) for s in sa}
        changed = [s for s in sb if s not in sa and figures.sub("#", s) in words_of_a]
        assert len(changed) == bench.BATCH_B_CHANGED


def test_the_manifest_is_what_reporter_batch_reads(tmp_path):
    manifest = bench.write_batch(tmp_path / "batch", 5)
    rows = read_manifest(manifest, Settings(), force=True)
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    for i, row in enumerate(rows):
        folder = tmp_path / "batch" / f"pair-{i + 1:03d}"
        assert row.job.files == (str(folder / "a.txt"), str(folder / "b.txt"))
        assert row.job.output == str(tmp_path / "batch" / "out" / f"pair-{i + 1:03d}.pdf")
        assert tuple(Path(f).read_text(encoding="utf-8") for f in row.job.files) == PAIRS[i]


@pytest.mark.parametrize("value, expected", [(1.0, False), (1.79, False), (1.8, True), (2.6, True), (None, None)])
def test_the_batch_target_is_at_least_1_8(value, expected):
    (_, _, limit, direction), = [t for t in bench.TARGETS if t[0] == "batch_speedup"]
    assert bench.meets(value, limit, direction) is expected


def test_the_other_targets_keep_their_directions():
    assert bench.meets(3.0, 3.0, "<=") and not bench.meets(3.01, 3.0, "<=")
    assert not bench.meets(400.0, 400.0, "<") and bench.meets(399.9, 400.0, "<")


def batch_result(speedup: float) -> dict:
    return {"pairs": 6, "workers": 2, "words": [430.0, 356.0], "speedup": speedup,
            "batch": {"total": 10.0, "per_briefing": 10.0 / 6},
            "separate": {"total": 10.0 * speedup, "per_briefing": 10.0 * speedup / 6, "median": 1.0, "min": 0.9,
                         "max": 1.2, "runs": 6}}


def results_of(batch: dict) -> dict:
    r = {"machine": {"cpu": "test", "cores": 2, "usable_cores": 2, "platform": "test", "python": "3", "libraries": {}},
         "runs": 1, "slow_runs": 1, "quick": False, "long_sentences": 1000, "cases": ["batch"], "batch": batch}
    r["targets"] = bench.targets(r)
    return r


def verdict_line(r: dict) -> str:
    return next(line for line in bench.report(r).splitlines() if "separate runs / a" in line
                or "separate runs / one batch" in line)


@pytest.mark.parametrize("speedup, verdict", [(1.5, "FAIL"), (2.4, "PASS")])
def test_the_report_says_pass_or_fail_and_the_others_were_not_measured(speedup, verdict):
    r = results_of(batch_result(speedup))
    assert verdict_line(r).endswith(f"(>= 1.8)  {verdict}")
    assert "a batch of 6 pairs (reporter batch, 2 workers)" in bench.report(r)
    assert [t["pass"] for t in r["targets"] if t["key"] != "batch_speedup"] == [None] * (len(bench.TARGETS) - 1)
    json.dumps(r)  # --json still works


def test_a_failed_batch_case_is_reported_and_the_report_goes_on():
    r = results_of({"error": "exit 3: reporter: error: 1 of 6 rows failed: line 4"})
    text = bench.report(r)
    assert "FAILED (exit 3: reporter: error: 1 of 6 rows failed: line 4)" in text
    assert verdict_line(r).endswith("NOT MEASURED")


def test_only_accepts_known_cases():
    assert bench._cases("batch") == ("batch",)
    assert bench._cases("seeds, help") == ("seeds", "help")
    with pytest.raises(Exception, match="unknown case"):
        bench._cases("batch,nope")


def test_worker_count_is_one_per_core_and_never_more_than_the_rows():
    assert worker_count(0, 1000) == (os.cpu_count() or 1)
    assert worker_count(3, 2) == 2 and worker_count(4, 10) == 4 and worker_count(0, 1) == 1


WARM_UP_CHECK = """
import sys
from reporter.text import checkworthy
from reporter.text import language
from reporter.run.batch import _warm_up
from reporter.settings import Settings
from reporter.pipeline import brief, make_source

_warm_up()
loaded = set(sys.modules)
caches = (language._identifier, checkworthy.load)
before = [f.cache_info().misses for f in caches]
for a, b in (("sismo_a.txt", "sismo_b.txt"), ("storm_a.txt", "storm_b.txt")):
    texts = [open("tests/fixtures/" + n, encoding="utf-8").read() for n in (a, b)]
    brief([make_source(n, t, Settings()) for n, t in zip((a, b), texts)], Settings())
print(sorted({m.split(".")[0] for m in set(sys.modules) - loaded}))
print([f.cache_info().misses for f in caches] == before)
print(sorted({s.language for s in [make_source(n, open("tests/fixtures/" + n, encoding="utf-8").read(), Settings())
                                   for n in ("sismo_a.txt", "storm_a.txt")]}))
"""


def test_the_warm_up_loads_what_a_briefing_needs():
    # a fresh process: after the warm-up, briefings import nothing new and load no model again
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", WARM_UP_CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    new_modules, same_misses, languages = done.stdout.strip().splitlines()
    assert new_modules == "[]"
    assert same_misses == "True"
    assert languages == "['en', 'es']"  # the fixtures cover both first-class languages
