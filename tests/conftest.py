from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import hypothesis
import pytest

from reporter.settings import Settings
from reporter.pipeline import brief, make_source

# Property tests draw the same examples on every run (derandomize): a test run is a verdict on the
# code, not on a draw, so CI cannot turn red by chance (a random draw once found a float tie in
# test_lexrank). To explore new examples: REPORTER_HYPOTHESIS=explore pytest ...
hypothesis.settings.register_profile("fixed", derandomize=True)
hypothesis.settings.register_profile("explore", derandomize=False)
hypothesis.settings.load_profile(os.environ.get("REPORTER_HYPOTHESIS", "fixed"))

FIXTURES = Path(__file__).parent / "fixtures"
# Tests never read or write the user's archive of reviewed claims (issue 16): every briefing
# consults $REPORTER_ARCHIVE, here a file in a fresh folder that exists only if a test adds to it.
os.environ["REPORTER_ARCHIVE"] = str(Path(__import__("tempfile").mkdtemp(prefix="reporter-archive-")) / "archive.sqlite")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def briefing_of(*texts: str, settings: Settings = Settings()):
    sources = [make_source(f"{chr(97 + i)}.txt", t, settings) for i, t in enumerate(texts)]
    return brief(sources, settings)


def fixture(name: str) -> str:
    """A fixture's article text: a web page or Markdown file as the reader hands it on (its text)."""
    if name.endswith((".html", ".md")):
        from reporter.stages.read import read

        return read(str(FIXTURES / name)).text
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


# --- The quick loop: `pytest -m "not slow"` -----------------------------------------------
#
# A test is `slow` when it takes more than ~3 s (measured with --durations=40 on 2 cores):
# it renders a PDF, spawns a reporter process, runs a property search or a whole evaluation.
# Tests in tests/test_cli.py, test_output.py, test_batch.py and test_sources.py carry
# @pytest.mark.slow themselves; the other modules' slow tests are named here (a name that
# matches no test of its module is reported, so a rename cannot silently drop the mark).
SLOW = {
    "test_properties.py": ("test_any_text_renders_to_a_pdf", "test_any_text_gives_a_briefing_or_a_clean_error",
                           "test_an_article_compared_with_itself_relates_every_claim"),
    "test_review.py": ("test_claimreview_json_ld", "test_since_reports_added_and_dropped_claims_and_carries_verdicts",
                       "test_a_verdict_follows_its_claim_not_its_position",
                       "test_a_verdicts_file_that_matches_nothing_says_so",
                       "test_unknown_verdicts_in_an_earlier_briefing_are_refused"),
    "test_settings.py": ("test_a_briefing_imports_no_tooling_module",
                         "test_config_works_and_flags_override_it_on_the_command_line"),
    "test_security.py": ("test_hostile_articles_never_leak_the_canary",
                         "test_bidi_overrides_and_control_characters_are_shown_not_obeyed",
                         "test_a_very_long_word_is_shortened_in_the_pdf_and_kept_in_the_json"),
    "test_briefing_pdf.py": ("test_a_verdict_lands_on_its_claim_and_the_file_is_never_written",
                             "test_claim_matrix_renders_when_a_source_repeats_a_claim_in_many_sentences",
                             "test_user_templates_replace_ours_by_name", "test_settings_change_the_briefing"),
    "test_evaluate.py": ("test_the_comparator_beats_chance_on_ecb_dev",
                         "test_eval_ecb_counts_relations_against_gold_at_the_settings_threshold",
                         "test_team_fixture_pairs_hold_their_floor", "test_eval_pairs_on_team_fixtures",
                         "test_seeds_meet_the_foundation_bars",
                         "test_score_pair_agrees_with_score_py_on_a_real_briefing_of_the_team_fixtures",
                         "test_sts_predictions_file_has_one_line_per_pair_in_order"),
    "test_bench_batch.py": ("test_the_warm_up_loads_what_a_briefing_needs",),
}
# Module-scoped fixtures that render a PDF: every test that uses one is slow (else the
# first of them pays the render in the quick loop).
SLOW_FIXTURES = {"seeds_pdf", "three_sources", "pdf_text"}


def pytest_collection_modifyitems(config, items):
    found: dict[str, set[str]] = {}
    for item in items:
        module = item.path.name
        name = getattr(item, "originalname", item.name)
        found.setdefault(module, set()).add(name)
        if name in SLOW.get(module, ()) or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    if any("::" in arg for arg in config.args):
        return  # single tests named on the command line: the rest of a module is not collected
    for module, names in SLOW.items():
        for name in sorted(set(names) - found.get(module, set(names))):  # modules this run collected
            warnings.warn(pytest.PytestConfigWarning(
                f"tests/conftest.py SLOW names {module}::{name}, which is not a test there any more"))
