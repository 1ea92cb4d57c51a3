"""One settings object: defaults, then --config FILE.toml, then flags (which win)."""
from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from reporter.cli import main
from reporter.errors import InputError
from reporter.run.env import Env
from reporter.settings import Comparison, Flagging, Settings, load

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


def _toml(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "team.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_then_the_file_then_the_flags(tmp_path):
    config = _toml(tmp_path, 'length = 2\nsummarizer = "lead"\npdf-items = 5\nmax-input-mb = 3\n'
                             '[compare]\noverlap-threshold = 0.3\n[flag]\nthreshold = 0.5\n[flag.weights]\nfigure = 0.4\n')
    s = load(config, {"length": "4", "summarizer": None})  # None: the flag was not given
    assert s.summary.length == "4"  # the flag wins
    assert s.summary.summarizer == "lead" and s.report.pdf_items == 5 and s.limits.max_bytes == 3 * 1024 * 1024
    assert s.compare.overlap_threshold == 0.3 and s.compare.top_k == Comparison().top_k
    assert s.flag.threshold == 0.5 and s.flag.weight("figure") == 0.4
    assert s.flag.weight("quotation") == Flagging().weight("quotation")
    assert load() == Settings()


def test_the_archive_tiers_are_set_in_the_config_file(tmp_path):
    # the briefing's archive lookup (run/briefing.py passes settings.archive to consult) had fixed tiers
    from reporter.errors import InputError
    from reporter.settings import Archive

    s = load(_toml(tmp_path, "[archive]\nsame = 0.8\nrelated = 0.6\n"), {})
    assert (s.archive.same, s.archive.related, s.archive.per_claim) == (0.8, 0.6, Archive().per_claim)
    with pytest.raises(InputError, match=r"\[archive\] 'sam'"):
        load(_toml(tmp_path, "[archive]\nsam = 0.8\n"), {})


def test_settings_are_frozen_and_travel_to_batch_workers():
    s = load(flags={"length": "2"})
    with pytest.raises(AttributeError):
        s.summary.length = "9"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(s)) == s


@pytest.mark.parametrize("text, message", [
    ("lenght = 2\n", "unknown setting 'lenght'"),
    ("length = \"many\"\n", "--length must be"),
    ("summarizer = \"best\"\n", "summarizer 'best'"),
    ("[compare]\noverlap = 0.3\n", "unknown setting [compare] 'overlap'"),
    ("[compare]\noverlap-threshold = \"high\"\n", "must be a number"),
    ("[flag.weights]\nvibes = 1\n", "[flag.weights] takes the reasons"),
    ("max-input-mb = 0\n", "max-input-mb must be more than 0"),
    ("length = \n", "not valid TOML"),
])
def test_a_bad_config_is_one_clear_error(tmp_path, text, message):
    with pytest.raises(InputError, match=None) as e:
        load(_toml(tmp_path, text))
    assert message in str(e.value)


def test_config_works_and_flags_override_it_on_the_command_line(tmp_path):
    for name in ("sismo_a.txt", "sismo_b.txt"):
        (tmp_path / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    # the thresholds, and the two pairings that set differing tolls against each other whatever the
    # threshold (toll-meaning, sole-values: a fact-checker must not miss 32 / 58 dead), turned off
    _toml(tmp_path, "length = 1\n[compare]\noverlap-threshold = 0.99\nmeaning-threshold = 0.99\n"
                    "toll-meaning = 0\nsole-values = false\n")
    err = io.StringIO()
    env = Env(stdout=io.StringIO(), stderr=err, cwd=tmp_path)
    status = main(["brief", "sismo_a.txt", "sismo_b.txt", "-o", "x.pdf", "--config", "team.toml", "--length", "2"], env)
    assert status == 0, err.getvalue()
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["settings"]["length"] == "2"  # the flag over the file
    assert [len(a["summary"]) for a in data["articles"]] == [2, 2]
    assert data["relations"] == []  # the file's threshold: nothing is that similar
    err = io.StringIO()
    assert main(["brief", "sismo_a.txt", "sismo_b.txt", "-o", "y.pdf", "--config", "nope.toml"],
                Env(stdout=io.StringIO(), stderr=err, cwd=tmp_path)) == 3
    assert err.getvalue().strip() == "reporter: error: --config nope.toml: no such file"


def test_a_briefing_imports_no_tooling_module(tmp_path):
    code = ("import sys; from reporter.cli import main; "
            f"s = main(['brief', {str(FIXTURES / 'sismo_a.txt')!r}, {str(FIXTURES / 'sismo_b.txt')!r}, "
            f"'-o', {str(tmp_path / 'b.pdf')!r}]); "
            "print(s, sorted(m for m in sys.modules if m.startswith('reporter.tools')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.stdout.split(None, 1) == ["0", "[]\n"], r.stderr


def test_the_top_of_the_package_holds_at_most_seven_modules():
    top = sorted(p.name for p in (ROOT / "reporter").glob("*.py"))
    assert len(top) <= 7, top
