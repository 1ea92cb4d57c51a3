"""The briefing JSON and checklist CSV of the seeds and of the team's fixture pairs, compared exactly.

A contract: any change to what the pipeline decides shows up here as a diff. The
golden files are rewritten only by an explicit switch,

    python -m pytest tests/test_golden.py --update-golden

and a commit that rewrites them says what changed in the output and why.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.report.json_twin import to_json
from reporter.review.checklist import to_csv
from reporter.stages.read import read
from reporter.settings import Settings
from reporter.pipeline import brief, make_source

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"


def _cases() -> dict[str, list[Path]]:
    cases = {"seeds": sorted((ROOT / "seeds").glob("*.txt"))}
    for pair in json.loads((FIXTURES / "pairs-gold.json").read_text(encoding="utf-8"))["pairs"]:
        cases[pair["name"]] = [FIXTURES / pair["a"], FIXTURES / pair["b"]]
    return cases


CASES = _cases()


def briefing_outputs(paths: list[Path]) -> tuple[str, str]:
    """(the JSON twin, the checklist CSV) of a briefing of these files."""
    settings = Settings()
    inputs = [read(str(p)) for p in paths]
    # labels relative to the repository, so the files do not depend on where it is cloned
    sources = [make_source(p.relative_to(ROOT).as_posix(), i.text, settings, i.format, i.encoding, i.published)
               for p, i in zip(paths, inputs)]  # as `reporter brief` does: a page's metadata date counts
    b = brief(sources, settings)
    return to_json(b), to_csv(b).decode("utf-8-sig")


@pytest.mark.parametrize("name", sorted(CASES))
def test_briefing_json_and_checklist_match_the_golden_files(name, request):
    got, checklist = briefing_outputs(CASES[name])
    golden = GOLDEN / f"{name}.json"
    golden_csv = GOLDEN / f"{name}.csv"
    if request.config.getoption("--update-golden"):
        golden.write_text(got, encoding="utf-8")
        golden_csv.write_bytes(checklist.encode("utf-8"))
        return
    assert golden.is_file(), f"no golden file {golden.name}: run pytest with --update-golden once"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = [f"{k}: golden {json.loads(want).get(k)!r:.200} != now {json.loads(got).get(k)!r:.200}"
                for k in json.loads(want) if json.loads(want)[k] != json.loads(got).get(k)]
        pytest.fail(f"{name}: the briefing JSON differs from tests/golden/{name}.json in "
                    + "; ".join(diff) + " (rewrite with --update-golden only if the change is intended)")
    assert checklist == golden_csv.read_bytes().decode("utf-8"), f"{name}: the checklist CSV differs from {golden_csv.name}"
